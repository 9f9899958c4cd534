import type { EncodedRows, FittedEncoders } from '../features/encode';
import { logLoss } from '../metrics/logloss';
import { recalibrateAll } from '../sampling/recalibrate';
import { MIN_CATEGORY_ROWS, type TrainConfig } from '../train/config';
import type { ModelDiagnostics } from '../train/diagnostics';
import { calibrateHead, evaluateTask, type TaskEvaluation } from '../train/evaluate';
import type { PreparedData } from '../train/prepare';
import type { LossPoint, TrainCallbacks, TrainResult } from '../train/trainer';
import { sampledLogOdds } from '../train/modelShape';
import { nextTask } from '../train/nextTask';
import { binColumn, categoricalBins, categoryBin, numericBin, numericBins, type BinColumn, type FeatureBins } from './trees/binning';
import { boostRound, type BoostParams } from './trees/booster';
import { binnedMatrix, type TreeNode } from './trees/tree';

/**
 * Gradient-boosted decision trees on the log loss (Friedman 2001, "Greedy Function Approximation";
 * Chen & Guestrin 2016, "XGBoost"; histogram bins and leaf-wise growth as in Ke et al. 2017,
 * "LightGBM"). One booster per action, grown on that action's sampled rows with their weights, on
 * the encoded numbers (and their missing flags) and on ids and categories as categorical
 * features. Trees cannot read id lists (bags): those features are left out, and the Model cell
 * says so. Runs in the training worker on typed arrays; no tfjs.
 */
export async function trainGbdt(data: PreparedData, config: TrainConfig, cb: TrainCallbacks): Promise<TrainResult> {
  const p = config.gbdt;
  const T = data.tasks.length;
  const n = data.train.rows;
  const features = treeFeatures(data.encoders, data.train, p.maxBins);
  const binsOf = (v: EncodedRows) => binRows(features, data.encoders, v);
  const train = binnedMatrix(features, binsOf(data.train));
  const validationBins = binsOf(data.validation);
  const sideBins = binsOf(data.trainSide.encoded);
  const params: BoostParams = { ...p, minCategoryRows: p.minCategoryRows ?? MIN_CATEGORY_ROWS, seed: config.seed };
  const base = sampledLogOdds(data); // the booster's base score: each head's sampled base rate
  const state = data.tasks.map((_, t) => ({
    labels: Float64Array.from({ length: n }, (_, i) => data.trainLabels[i * T + t]),
    weights: Float64Array.from({ length: n }, (_, i) => data.trainMasks[i * T + t]),
    scores: new Float64Array(n).fill(base[t]),
    validation: new Float64Array(data.validation.rows).fill(base[t]),
    side: new Float64Array(data.trainSide.encoded.rows).fill(base[t]),
    trees: [] as { nodes: TreeNode[]; gains: Float64Array }[],
    best: { loss: Infinity, trees: 0, validation: new Float64Array(0), side: new Float64Array(0) },
    stopped: false,
  }));
  const evalEvery = Math.max(1, Math.floor(p.trees / 20));
  const started = performance.now();
  let status: TrainResult['status'] = 'finished';
  let round = 0;
  let evaluations: TaskEvaluation[] = [];
  const evaluate = (scores: Float64Array[]) => data.tasks.map((task, t) => evaluateTask(task, probabilities(scores[t]), data.validationLabels[t], data.validationKnown[t], data.calibrationRates[t], round, 1));
  cb.onEvaluation((evaluations = evaluate(state.map((s) => s.validation)).map((r) => r.evaluation)));
  cb.onModel?.({ parameterCount: 0, headParameters: null });

  while (round < p.trees && state.some((s) => !s.stopped)) {
    if (cb.shouldStop()) {
      status = 'stopped';
      break;
    }
    round++;
    const points: LossPoint[] = [];
    state.forEach((s, t) => {
      if (!s.stopped) {
        s.trees.push(boostRound(train, s.labels, s.weights, s.scores, { ...params, seed: params.seed + t * 104729 }, round, [{ bins: validationBins, scores: s.validation }, { bins: sideBins, scores: s.side }]));
        const loss = validationLoss(data, t, s.validation);
        if (loss < s.best.loss - 1e-7) s.best = { loss, trees: s.trees.length, validation: s.validation.slice(), side: s.side.slice() };
        // Never stopped early on validation rows of one class: they cannot tell a better round.
        else if (p.earlyStoppingRounds > 0 && data.judgeable[t] && s.trees.length - s.best.trees >= p.earlyStoppingRounds) s.stopped = true;
      }
      points.push({ step: round, epoch: 1, task: data.tasks[t], ...trainLosses(data, t, s.scores) });
    });
    cb.onLoss(points);
    cb.onProgress({ step: round, totalSteps: p.trees, epoch: 1, rowsPerSecond: (round * n) / ((performance.now() - started) / 1000) });
    if (round % evalEvery === 0) cb.onEvaluation((evaluations = evaluate(state.map((s) => s.validation)).map((r) => r.evaluation)));
    await nextTask(); // let the worker read a Stop message between trees
  }

  // Keep each booster at its best validation round when early stopping is on; with it off, every round grown.
  const kept = state.map((s) => (p.earlyStoppingRounds > 0 && s.best.trees > 0 ? s.best : { loss: NaN, trees: s.trees.length, validation: s.validation, side: s.side }));
  const final = evaluate(kept.map((b) => b.validation));
  evaluations = final.map((r) => r.evaluation);
  cb.onEvaluation(evaluations);
  const sideRaw = kept.map((b) => probabilities(b.side));
  const diagnostics: ModelDiagnostics = {
    gates: null,
    retrieval: null,
    trees: state.map((s, t) => ({ task: data.tasks[t], grown: s.trees.length, kept: kept[t].trees })),
    importance: state.map((s, t) => {
      const gains = new Float64Array(features.length);
      s.trees.slice(0, kept[t].trees).forEach((tree) => tree.gains.forEach((g, f) => (gains[f] += g)));
      return { task: data.tasks[t], features: features.map((f, i) => ({ feature: f.name, gain: gains[i] })).sort((a, b) => b.gain - a.gain) };
    }),
  };
  return {
    status,
    steps: round,
    parameterCount: state.reduce((sum, s, t) => sum + s.trees.slice(0, kept[t].trees).reduce((c, tree) => c + tree.nodes.length, 0), 0),
    calibrated: final.map((r) => r.calibrated),
    raw: kept.map((b) => probabilities(b.validation)),
    conditional: null,
    trainSide: { raw: sideRaw, calibrated: sideRaw.map((raw, t) => calibrateHead(raw, data.trainSide.labels[t], data.calibrationRates[t], false)) },
    evaluations,
    diagnostics,
    bestStep: Math.max(...kept.map((b) => b.trees)),
    bestSteps: kept.map((b) => b.trees),
    trees: { features, boosters: state.map((s, t) => ({ base: base[t], trees: s.trees.slice(0, kept[t].trees).map((tree) => tree.nodes) })) },
    notice: state.some((s) => s.stopped) ? `Boosting stopped early where the validation loss stopped improving: ${diagnostics.trees!.map((t) => `${t.task} kept ${t.kept} of ${t.grown} trees`).join(', ')}.` : null,
  };
}

/** The features trees use: every dense column, and every id slot as a category. Bags are left out. */
export function treeFeatures(enc: FittedEncoders, train: EncodedRows, maxBins: number): FeatureBins[] {
  const out: FeatureBins[] = [];
  let j = 0;
  for (const e of enc.numeric) {
    out.push(numericBins(e.column, column(train.dense, train.denseDim, j), maxBins));
    if (e.missingIndicator) out.push(numericBins(`${e.column} (missing)`, column(train.dense, train.denseDim, j + 1), 2));
    j += e.missingIndicator ? 2 : 1;
  }
  for (const e of enc.sparse) out.push(categoricalBins(e.part === 'value' ? e.column : `${e.column} ${e.part}`, e.size));
  return out;
}

/** Bins of encoded rows, one column per feature. */
export function binRows(features: FeatureBins[], enc: FittedEncoders, v: EncodedRows): BinColumn[] {
  const out: BinColumn[] = [];
  let dense = 0;
  let slot = 0;
  for (const f of features) {
    const bins = binColumn(f, v.rows);
    if (f.kind === 'numeric') {
      for (let i = 0; i < v.rows; i++) bins[i] = numericBin(f.edges, v.dense[i * v.denseDim + dense]);
      dense++;
    } else {
      const offset = enc.sparse[slot].offset;
      for (let i = 0; i < v.rows; i++) bins[i] = categoryBin(v.ids[i * v.idDim + slot] - offset);
      slot++;
    }
    out.push(bins);
  }
  return out;
}

function column(values: Float32Array, width: number, j: number): Float32Array {
  return Float32Array.from({ length: values.length / Math.max(1, width) }, (_, i) => values[i * width + j]);
}

function probabilities(scores: Float64Array): Float32Array {
  return Float32Array.from(scores, (s) => 1 / (1 + Math.exp(-s)));
}

/** Validation log loss of a task after recalibration (what early stopping watches). */
function validationLoss(data: PreparedData, t: number, scores: Float64Array): number {
  const p = recalibrateAll(probabilities(scores), data.calibrationRates[t]);
  const known = data.validationKnown[t];
  const all = known.every((k) => k === 1);
  return all ? logLoss(p, data.validationLabels[t]) : logLoss(p.filter((_, i) => known[i]), data.validationLabels[t].filter((_, i) => known[i]));
}

/** Sampled-space weighted loss and the recalibrated importance-weighted loss, as the neural trainer reports them. */
function trainLosses(data: PreparedData, t: number, scores: Float64Array): { sampled: number; train: number } {
  const T = data.tasks.length;
  const shift = Math.log(data.calibrationRates[t]);
  const k = data.positiveWeights[t];
  const w = data.calibrationRates[t] * k;
  let sampled = 0;
  let sampledWeight = 0;
  let natural = 0;
  let naturalWeight = 0;
  for (let i = 0; i < data.train.rows; i++) {
    const mask = data.trainMasks[i * T + t];
    if (mask <= 0) continue;
    const y = data.trainLabels[i * T + t];
    sampled += mask * bce(scores[i], y);
    sampledWeight += mask;
    const weight = mask * (y === 1 ? 1 / k : 1 / w);
    natural += weight * bce(scores[i] + shift, y);
    naturalWeight += weight;
  }
  return { sampled: sampled / Math.max(sampledWeight, 1e-12), train: natural / Math.max(naturalWeight, 1e-12) };
}

/** Binary cross-entropy of a logit, computed stably. */
function bce(logit: number, y: number): number {
  return Math.max(logit, 0) - logit * y + Math.log1p(Math.exp(-Math.abs(logit)));
}
