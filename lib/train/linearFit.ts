import type { EncodedRows } from '../features/encode';
import { taskLossWeight, type TrainConfig } from './config';
import type { ModelDiagnostics } from './diagnostics';
import { calibrateHead, evaluateTask, type TaskEvaluation } from './evaluate';
import { Lbfgs } from './lbfgs';
import { sampledLogOdds } from './modelShape';
import { nextTask } from './nextTask';
import type { PreparedData } from './prepare';
import type { LossPoint, TrainCallbacks, TrainResult } from './trainer';

/** The exact solver gives up here; a logistic regression converges in tens to a few hundred. */
const MAX_ITERATIONS = 500;
/** Evaluate on validation rows, and report the training loss, at most this often (each a pass per head). */
const EVALUATE_MS = 250;
const LOSS_MS = 100;
/** Rows the reported training loss is measured on. */
const LOSS_SAMPLE_ROWS = 20_000;

/**
 * Logistic regression fitted exactly: each head's regularised log loss — the mean over the rows it
 * sees, weighted as sampling left them, plus l2 · Σw² (the bias unpenalised) — minimised by L-BFGS
 * over the whole training set, as scikit-learn's default solver does. Heads share nothing, so each
 * is its own convex problem; they step in turn so the charts move together. The weights come out in
 * the tfjs model's layout (lib/models/logistic.ts), so scoring and archives work as for Adam's.
 * Pointwise formulations only: a funnel's product link and a ranking loss couple rows or heads.
 */
export async function fitLinearExact(data: PreparedData, config: TrainConfig, cb: TrainCallbacks): Promise<TrainResult> {
  const T = data.tasks.length;
  const layout = layoutOf(data.train, data.encoders.vocabularySize, data.encoders.crossVocabularySize);
  const train = pack(data.train, layout);
  const validation = pack(data.validation, layout);
  const bias = sampledLogOdds(data);
  const solvers = data.tasks.map((_, t) => {
    const x0 = new Float64Array(layout.size);
    x0[layout.bias] = bias[t]; // the head starts at its sampled base rate, as the Adam model does
    return new Lbfgs(x0, headObjective(data, train, layout, t, config.l2, taskLossWeight(config, data.tasks[t])));
  });
  cb.onModel?.({ parameterCount: layout.size * T, headParameters: data.tasks.map(() => layout.size) });
  const started = performance.now();
  let status: TrainResult['status'] = 'finished';
  let iteration = 0;
  let lastEvaluation = -Infinity;
  let lastLoss = -Infinity;
  const evaluateAll = (final: boolean) => {
    const round = solvers.map((s, t) => evaluateTask(data.tasks[t], predict(validation, layout, s.x), data.validationLabels[t], data.validationKnown[t], data.calibrationRates[t], iteration, 1));
    if (!final) cb.onEvaluation(round.map((r) => r.evaluation));
    lastEvaluation = performance.now();
    return round;
  };
  evaluateAll(false);
  while (iteration < MAX_ITERATIONS && solvers.some((s) => !s.converged)) {
    if (cb.shouldStop()) {
      status = 'stopped';
      break;
    }
    while (cb.isPaused?.() && !cb.shouldStop()) await new Promise((resolve) => setTimeout(resolve, 50));
    iteration++;
    for (const s of solvers) s.step();
    // The natural-rate loss costs a pass per head: reported a few times a second, not every iteration.
    if (performance.now() - lastLoss > LOSS_MS || solvers.every((s) => s.converged)) {
      cb.onLoss(solvers.map((s, t): LossPoint => ({ step: iteration, epoch: 1, task: data.tasks[t], sampled: s.value, train: naturalLoss(data, train, layout, t, s.x) })));
      lastLoss = performance.now();
    }
    const elapsed = (performance.now() - started) / 1000;
    cb.onProgress({ step: iteration, totalSteps: Math.max(iteration, Math.min(MAX_ITERATIONS, iteration + (solvers.every((s) => s.converged) ? 0 : 20))), epoch: 1, rowsPerSecond: (iteration * data.train.rows) / Math.max(elapsed, 1e-9) });
    if (performance.now() - lastEvaluation > EVALUATE_MS) evaluateAll(false);
    await nextTask(); // let a Stop, Pause or new message in between iterations
  }
  const final = evaluateAll(true);
  cb.onEvaluation(final.map((r) => r.evaluation));
  const side = pack(data.trainSide.encoded, layout);
  const sideRaw = solvers.map((s) => predict(side, layout, s.x));
  const diagnostics: ModelDiagnostics = { gates: null, retrieval: null, importance: null, trees: null };
  const iterations = solvers.map((s) => s.iterations);
  const notice = `Fitted exactly by L-BFGS${solvers.every((s) => s.converged) ? ', converged' : `, stopped after ${iteration} iterations`} (${data.tasks.map((task, t) => `${task} ${iterations[t]} iterations`).join(', ')}).`;
  return {
    status,
    steps: iteration,
    parameterCount: layout.size * T,
    calibrated: final.map((r) => r.calibrated),
    raw: solvers.map((s) => predict(validation, layout, s.x)),
    conditional: null,
    trainSide: { raw: sideRaw, calibrated: sideRaw.map((raw, t) => calibrateHead(raw, data.trainSide.labels[t], data.calibrationRates[t], false)) },
    evaluations: final.map((r) => r.evaluation) as TaskEvaluation[],
    diagnostics,
    bestStep: iteration,
    bestSteps: iterations,
    notice: status === 'stopped' ? null : notice,
    ...tfjsWeights(layout, solvers.map((s) => s.x)),
  };
}

/**
 * Where each part of one head's parameter vector lives (dense weights, id table, cross table, bias),
 * and the training rows' sparse inputs packed as (parameter, value) pairs per row: an id slot, a bag
 * position with its 1/length weight, a cross bucket. Packing skips the padding of id lists (20
 * positions for two tags), a third of the work of every pass.
 */
interface Layout {
  denseDim: number;
  vocabulary: number;
  crosses: number;
  table: number;
  cross: number;
  bias: number;
  size: number;
}

interface PackedRows {
  rows: number;
  dense: Float32Array;
  denseDim: number;
  /** Row i's sparse pairs are start[i] … start[i + 1] − 1 of index and value. */
  start: Int32Array;
  index: Int32Array;
  value: Float32Array;
}

function layoutOf(rows: EncodedRows, vocabularySize: number, crossVocabularySize: number): Layout {
  const vocabulary = rows.idDim > 0 || rows.bagDim > 0 ? Math.max(1, vocabularySize) : 0;
  const crosses = rows.crossDim > 0 ? crossVocabularySize : 0;
  const table = rows.denseDim;
  const cross = table + vocabulary;
  const bias = cross + crosses;
  return { denseDim: rows.denseDim, vocabulary, crosses, table, cross, bias, size: bias + 1 };
}

function pack(e: EncodedRows, layout: Layout): PackedRows {
  const start = new Int32Array(e.rows + 1);
  const index: number[] = [];
  const value: number[] = [];
  for (let i = 0; i < e.rows; i++) {
    for (let s = 0; s < e.idDim; s++) {
      index.push(layout.table + e.ids[i * e.idDim + s]);
      value.push(1);
    }
    for (let p = 0; p < e.bagDim; p++) {
      const w = e.bagWeights[i * e.bagDim + p];
      if (w === 0) continue;
      index.push(layout.table + e.bagIds[i * e.bagDim + p]);
      value.push(w);
    }
    for (let c = 0; c < e.crossDim; c++) {
      index.push(layout.cross + e.crossIds[i * e.crossDim + c]);
      value.push(1);
    }
    start[i + 1] = index.length;
  }
  return { rows: e.rows, dense: e.dense, denseDim: e.denseDim, start, index: Int32Array.from(index), value: Float32Array.from(value) };
}

/** A row's logit under parameters x: dense part, its sparse pairs, the bias. */
function logit(e: PackedRows, layout: Layout, x: Float64Array, i: number): number {
  let l = x[layout.bias];
  for (let j = 0; j < e.denseDim; j++) l += e.dense[i * e.denseDim + j] * x[j];
  for (let k = e.start[i]; k < e.start[i + 1]; k++) l += e.value[k] * x[e.index[k]];
  return l;
}

/**
 * Head t's objective, as Adam minimises it: its loss weight times the weighted mean log loss over its
 * training rows, plus l2 · Σw² (not the bias), with its gradient. A loss weight of 0 leaves the head
 * at its starting base rate.
 */
function headObjective(data: PreparedData, train: PackedRows, layout: Layout, t: number, l2: number, lossWeight: number) {
  const T = data.tasks.length;
  // The head's rows, labels and weights gathered once: the passes below touch nothing else.
  const rowsOf: number[] = [];
  for (let i = 0; i < train.rows; i++) if (data.trainMasks[i * T + t] !== 0) rowsOf.push(i);
  const rows = Int32Array.from(rowsOf);
  const labels = Float64Array.from(rows, (i) => data.trainLabels[i * T + t]);
  const weights = Float64Array.from(rows, (i) => data.trainMasks[i * T + t]);
  const total = weights.reduce((a, b) => a + b, 0);
  const { dense, denseDim, start, index, value } = train;
  const bias = layout.bias;
  return (x: Float64Array, g: Float64Array): number => {
    g.fill(0);
    let loss = 0;
    for (let k = 0; k < rows.length; k++) {
      const i = rows[k];
      let l = x[bias];
      for (let j = 0; j < denseDim; j++) l += dense[i * denseDim + j] * x[j];
      const from = start[i];
      const to = start[i + 1];
      for (let q = from; q < to; q++) l += value[q] * x[index[q]];
      const y = labels[k];
      const m = weights[k];
      // softplus(l) − y·l and σ(l) from one exponential, neither overflowing
      const e = Math.exp(-Math.abs(l));
      loss += m * (Math.max(l, 0) + Math.log1p(e) - y * l);
      const sigma = l >= 0 ? 1 / (1 + e) : e / (1 + e);
      const r = (lossWeight * m * (sigma - y)) / total;
      for (let j = 0; j < denseDim; j++) g[j] += r * dense[i * denseDim + j];
      for (let q = from; q < to; q++) g[index[q]] += r * value[q];
      g[bias] += r;
    }
    let penalty = 0;
    for (let k = 0; k < bias; k++) {
      penalty += x[k] * x[k];
      g[k] += 2 * l2 * x[k];
    }
    return (lossWeight * loss) / Math.max(total, 1e-12) + l2 * penalty;
  };
}

/**
 * Head t's training loss as the charts show it for every model: each row's log loss at the natural
 * rate (logit + ln(w/k)), weighted back by 1/w on kept negatives and 1/k on upweighted positives.
 */
function naturalLoss(data: PreparedData, e: PackedRows, layout: Layout, t: number, x: Float64Array): number {
  // An even sample of the rows: a chart point does not need a full pass per head.
  const stride = Math.max(1, Math.ceil(e.rows / LOSS_SAMPLE_ROWS));
  const T = data.tasks.length;
  const shift = Math.log(data.calibrationRates[t]);
  const negative = 1 / (data.calibrationRates[t] * data.positiveWeights[t]);
  const positive = 1 / data.positiveWeights[t];
  let loss = 0;
  let weight = 0;
  for (let i = 0; i < e.rows; i += stride) {
    const m = data.trainMasks[i * T + t];
    if (m === 0) continue;
    const y = data.trainLabels[i * T + t];
    const l = logit(e, layout, x, i) + shift;
    const w = m * (y ? positive : negative);
    loss += w * (Math.max(l, 0) + Math.log1p(Math.exp(-Math.abs(l))) - y * l);
    weight += w;
  }
  return loss / Math.max(weight, 1e-12);
}

/** Sampled-space probabilities σ(logit) of encoded rows. */
function predict(e: PackedRows, layout: Layout, x: Float64Array): Float32Array {
  const out = new Float32Array(e.rows);
  for (let i = 0; i < e.rows; i++) out[i] = 1 / (1 + Math.exp(-logit(e, layout, x, i)));
  return out;
}

/** The heads' parameters as the tfjs logistic regression's variables: [D, T], [V, T], [C, T], [T], present parts only. */
function tfjsWeights(layout: Layout, heads: Float64Array[]): { weights: Float32Array[]; weightShapes: number[][] } {
  const T = heads.length;
  const parts: [number, number][] = [
    [0, layout.denseDim],
    [layout.table, layout.vocabulary],
    [layout.cross, layout.crosses],
  ];
  const weights: Float32Array[] = [];
  const weightShapes: number[][] = [];
  for (const [offset, count] of parts) {
    if (count === 0) continue;
    const w = new Float32Array(count * T);
    for (let k = 0; k < count; k++) for (let t = 0; t < T; t++) w[k * T + t] = heads[t][offset + k];
    weights.push(w);
    weightShapes.push([count, T]);
  }
  weights.push(Float32Array.from(heads, (x) => x[layout.bias]));
  weightShapes.push([T]);
  return { weights, weightShapes };
}
