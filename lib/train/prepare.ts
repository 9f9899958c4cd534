import { binaryValues, getColumn, missingMask, type Column, type Table } from '../data/table';
import { encodeRows, fitEncoders, type EncodedRows, type FittedEncoders } from '../features/encode';
import type { ProblemSpec, RankingLoss } from '../formulate/spec';
import { targetSources } from '../formulate/leaks';
import { sampleRows, type SampledRows, type SamplingSummary } from '../sampling/sample';
import { headChecks, judgeableHeads, type HeadCheck } from '../sampling/trainability';
import { scanLeaks, type LeakFinding } from './leakScan';
import type { TrainConfig } from './config';
import { TrainError } from './errors';
import { linkFor, type Link } from './link';
import { rankingGroups } from './lists';
import { buildCatalog, type ItemCatalog } from './catalog';
import { historyFor, modelDataFor, requireModelColumns, type ModelData } from './modelData';

/** Everything the trainer needs, as plain typed arrays (no tensors yet). */
export interface PreparedData {
  tasks: string[];
  /** Per task, w/k: keep rate over positive weight, the odds multiplier recalibration undoes. */
  calibrationRates: number[];
  /** Per task, the positive weight k (1 unless positives are upsampled). */
  positiveWeights: number[];
  /** How logits become probabilities (pointwise, or a funnel chain). */
  link: Link;
  encoders: FittedEncoders;
  train: EncodedRows;
  /** [trainRows, tasks] row-major 0/1 labels and per-head row weights (0 = the head does not see the row). */
  trainLabels: Float32Array;
  trainMasks: Float32Array;
  validation: EncodedRows;
  validationRows: Int32Array;
  /** Per task, labels of the validation rows, and where they are known. */
  validationLabels: Uint8Array[];
  validationKnown: Uint8Array[];
  summary: SamplingSummary;
  /** Learning to rank: which head, its loss, and the group and label of each training position it ranks. */
  ranking: { task: number; loss: RankingLoss; positions: Int32Array; groups: Float64Array; labels: Uint8Array } | null;
  /** An even sample of training-side rows before negative sampling, to measure the training split. */
  trainSide: { rows: Int32Array; encoded: EncodedRows; labels: Uint8Array[] };
  /** What the chosen model kind needs beyond the encoded rows (slots, tower split, graph, logQ). */
  model: ModelData;
  /** Two-tower: the item set recall@k is measured over. */
  catalog: ItemCatalog | null;
  /** Each head's floors checked (warnings only: a refusal stops preparation). */
  checks: HeadCheck[];
  /** Per head, whether validation holds both classes: model selection ignores the heads it cannot judge. */
  judgeable: boolean[];
  /** Features left out as leaks, and those the person kept although they leak. */
  leaks: { sources: { column: string; targets: string[]; kept: boolean }[]; findings: LeakFinding[]; excluded: string[] };
}

/** Kinds whose linear part reads hashed crosses. */
const CROSS_KINDS = new Set(['logistic-regression', 'wide-deep']);

/** Enough training-side rows for stable training metrics without predicting a million rows. */
const TRAIN_SIDE_SAMPLE = 20_000;

/** Split, clean and sample per task, fit encoders on train rows and encode both sides. */
export function prepareData(table: Table, spec: ProblemSpec, config: TrainConfig): PreparedData {
  const tasks = spec.targets;
  requireModelColumns(spec, config);
  const labels = tasks.map((t) => binaryValues(getColumn(table, t)));
  let sampled: SampledRows;
  try {
    sampled = sampleRows(table, spec);
  } catch (err) {
    throw new TrainError('invalid-spec', `The split cannot be made: ${err instanceof Error ? err.message : err}.`, 'Choose another split column or a random split in the Sampling cell.');
  }
  if (sampled.train.length === 0) {
    throw new TrainError('no-training-rows', 'No training rows are left after the split and sampling.', 'Raise the share of rows used or the keep rates in the Sampling cell.');
  }
  if (sampled.validation.length === 0) {
    throw new TrainError('no-validation-rows', 'No validation rows are left after the split.', 'Raise the share of rows used or the validation fraction in the Sampling cell.');
  }
  const checks = headChecks(sampled.summary);
  const refused = checks.find((c) => c.level === 'refuse');
  if (refused) throw new TrainError('single-class', refused.text, refused.fix);
  const leaks = guardLeaks(table, spec, sampled, labels);
  if (leaks.excluded.length > 0 && leaks.excluded.length === spec.features.length) {
    throw new TrainError('model-needs-columns', `Every feature was left out as a leak of a target (${leaks.excluded.join(', ')}).`, 'Add features that are known before the impression (user, item, context), or keep one with "use anyway" in the Model cell.');
  }
  spec = { ...spec, features: spec.features.filter((f) => !leaks.excluded.includes(f.column)) };
  let encoders: FittedEncoders;
  try {
    encoders = fitEncoders(table, spec.features, sampled.train, {
      maxVocabulary: config.maxVocabulary,
      crosses: CROSS_KINDS.has(config.modelKind) ? config.crosses : [],
      crossBuckets: config.crossBuckets,
      history: config.modelKind === 'sequence' ? { itemColumn: spec.itemColumn!, length: config.historyLength } : null,
    });
  } catch (err) {
    throw new TrainError('model-needs-columns', `The features cannot be encoded: ${err instanceof Error ? err.message : err}.`, 'Fix the feature list or the model settings in the Model cell.');
  }
  const history = historyFor(table, spec, config);
  const T = tasks.length;
  const n = sampled.train.length;
  const trainLabels = new Float32Array(n * T);
  const trainMasks = new Float32Array(n * T);
  for (let i = 0; i < n; i++) {
    const row = sampled.train[i];
    for (let t = 0; t < T; t++) {
      trainLabels[i * T + t] = labels[t][row];
      trainMasks[i * T + t] = sampled.taskWeights[t][i];
    }
  }
  const ranking = rankingData(table, spec, sampled, labels, trainMasks);
  const stride = Math.max(1, Math.ceil(sampled.trainSide.length / TRAIN_SIDE_SAMPLE));
  const trainSideRows = sampled.trainSide.filter((_, i) => i % stride === 0);
  const train = encodeRows(table, encoders, sampled.train, history);
  return {
    model: modelDataFor(table, spec, config, encoders, sampled.train, train, trainLabels, trainMasks),
    catalog: config.modelKind === 'two-tower' ? buildCatalog(table, spec.itemColumn!, tasks, encoders, sampled.train, sampled.taskWeights, sampled.validation) : null,
    trainSide: { rows: trainSideRows, encoded: encodeRows(table, encoders, trainSideRows, history), labels: labels.map((y) => Uint8Array.from(trainSideRows, (r) => y[r])) },
    tasks,
    ranking,
    calibrationRates: sampled.calibrationRates,
    positiveWeights: tasks.map((t) => spec.sampling.upsample[t] ?? 1),
    link: linkFor(spec),
    encoders,
    train,
    trainLabels,
    trainMasks,
    validation: encodeRows(table, encoders, sampled.validation, history),
    validationRows: sampled.validation,
    validationLabels: labels.map((y) => Uint8Array.from(sampled.validation, (r) => y[r])),
    validationKnown: sampled.validationKnown,
    summary: sampled.summary,
    checks,
    judgeable: judgeableHeads(sampled.summary),
    leaks,
  };
}

/**
 * Features that are the label in disguise, left out unless the person kept them (spec.allowedLeaks):
 * the columns a derived target was built from, and any feature whose AUC alone for a target reaches
 * LEAK_AUC on training rows (before negative sampling, the natural distribution).
 */
function guardLeaks(table: Table, spec: ProblemSpec, sampled: SampledRows, labels: Uint8Array[]): PreparedData['leaks'] {
  const kept = new Set(spec.allowedLeaks ?? []);
  const sources = [...targetSources(spec.derived, spec.targets)].filter(([column]) => spec.features.some((f) => f.column === column)).map(([column, targets]) => ({ column, targets, kept: kept.has(column) }));
  const known = spec.targets.map((t) => knownMask(getColumn(table, t)));
  const scanned = spec.features.filter((f) => !sources.some((s) => s.column === f.column && !s.kept));
  const findings = scanLeaks(table, scanned, spec.targets, labels, known, sampled.trainSide, kept);
  const excluded = [...new Set([...sources.filter((s) => !s.kept).map((s) => s.column), ...findings.filter((f) => !f.kept).map((f) => f.column)])];
  return { sources, findings, excluded };
}

function knownMask(col: Column): Uint8Array {
  const missing = missingMask(col);
  return Uint8Array.from(missing, (m) => 1 - m);
}

/**
 * For a ranking formulation: the ranked head's training positions with their groups and labels, and
 * its pointwise loss switched off (its mask column set to 0) since the ranking loss replaces it.
 */
function rankingData(table: Table, spec: ProblemSpec, sampled: SampledRows, labels: Uint8Array[], trainMasks: Float32Array): PreparedData['ranking'] {
  const f = spec.formulation;
  const groups = rankingGroups(table, spec);
  if (f.kind !== 'ranking' || !groups) return null;
  const task = spec.targets.indexOf(f.action);
  const T = spec.targets.length;
  const positions: number[] = [];
  sampled.taskWeights[task].forEach((w, i) => {
    if (w > 0) positions.push(i);
    trainMasks[i * T + task] = 0;
  });
  return {
    task,
    loss: f.loss,
    positions: Int32Array.from(positions),
    groups: Float64Array.from(positions, (i) => groups[sampled.train[i]]),
    labels: Uint8Array.from(positions, (i) => labels[task][sampled.train[i]]),
  };
}
