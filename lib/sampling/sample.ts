import { binaryValues, getColumn, groupKeys, missingMask, type Table } from '../data/table';
import type { ProblemSpec } from '../formulate/spec';
import { uniform } from './random';
import { splitRows } from './split';

/** Independent random streams, so changing one keep rate never moves the split (stream 1 is the split's). */
const STREAM_ROW_FRACTION = 0;
const STREAM_CAP = 2;
const STREAM_TASK_BASE = 100;

/** Counts before and after sampling, shown in the Sampling cell. */
export interface SamplingSummary {
  rows: number;
  duplicatesRemoved: number;
  cappedRemoved: number;
  trainRows: number;
  /** The training split before negative sampling (after duplicates and the cap): the rows an epoch's worth of steps covers. */
  trainSideRows: number;
  validationRows: number;
  perTask: {
    task: string;
    before: { positives: number; negatives: number };
    after: { positives: number; negatives: number };
    /** Validation rows with a known label: what the head's AUC and calibration are judged on. */
    validation: { positives: number; negatives: number };
    missing: number;
    positiveShare: number;
  }[];
}

export interface SampledRows {
  /** Training rows kept for at least one task, ascending. */
  train: Int32Array;
  /** Per task, aligned with `train`: the row's weight for that head (0 unseen, 1 negative, k upsampled positive). */
  taskWeights: Float32Array[];
  /** Held-out rows, never negative-sampled: metrics and slates need the natural distribution. */
  validation: Int32Array;
  /** Every training-side row before negative sampling (after duplicates and the cap): training metrics use these. */
  trainSide: Int32Array;
  /** Per task, aligned with `validation`: 1 where the label is known. */
  validationKnown: Uint8Array[];
  /** Per task, w/k: the odds multiplier to undo (keep rate w over positive weight k). */
  calibrationRates: number[];
  summary: SamplingSummary;
}

/**
 * Everything between the loaded table and the trainer's rows, seeded and order-independent:
 * share of rows, duplicate removal, the split, the per-user cap (training side only), and per task
 * negative downsampling, positive upsampling and missing labels. Validation rows are never sampled.
 */
export function sampleRows(table: Table, spec: ProblemSpec): SampledRows {
  const s = spec.sampling;
  const n = table.rowCount;
  const eligible = new Uint8Array(n);
  for (let row = 0; row < n; row++) eligible[row] = s.rowFraction >= 1 || uniform(s.seed, row, STREAM_ROW_FRACTION) < s.rowFraction ? 1 : 0;
  const duplicatesRemoved = s.dropDuplicates ? removeDuplicates(table, eligible) : 0;
  const isValidation = splitRows(table, s);
  const cappedRemoved = s.capPerUser !== null && spec.userColumn ? capPerUser(table, spec.userColumn, s.capPerUser, s.seed, eligible, isValidation) : 0;

  const tasks = spec.targets;
  const labels = tasks.map((t) => {
    const col = getColumn(table, t);
    return { y: binaryValues(col), missing: missingMask(col) };
  });
  const keep = tasks.map((t) => s.keepRates[t] ?? 1);
  const up = tasks.map((t) => s.upsample[t] ?? 1);
  // Typed arrays of the most rows there can be, cut to length at the end: pushing a million rows onto
  // plain arrays and converting them was most of this function's ~0.3 s on a million-row file.
  const train = new Int32Array(n);
  const validation = new Int32Array(n);
  const trainSide = new Int32Array(n);
  const weights = tasks.map(() => new Float32Array(n));
  let trainRows = 0;
  let validationRows = 0;
  let trainSideRows = 0;
  const perTask = tasks.map((task) => ({ task, before: { positives: 0, negatives: 0 }, after: { positives: 0, negatives: 0 }, validation: { positives: 0, negatives: 0 }, missing: 0, positiveShare: 0 }));
  const rowWeights = new Float32Array(tasks.length);
  for (let row = 0; row < n; row++) {
    if (!eligible[row]) continue;
    if (isValidation[row]) {
      validation[validationRows++] = row;
      for (let t = 0; t < tasks.length; t++) {
        if (labels[t].missing[row]) continue;
        if (labels[t].y[row]) perTask[t].validation.positives++;
        else perTask[t].validation.negatives++;
      }
      continue;
    }
    trainSide[trainSideRows++] = row;
    let any = false;
    for (let t = 0; t < tasks.length; t++) {
      const { y, missing } = labels[t];
      let w = 0;
      if (missing[row]) {
        perTask[t].missing++;
        w = s.dropMissingLabels ? 0 : uniform(s.seed, row, STREAM_TASK_BASE + t) < keep[t] ? 1 : 0;
      } else if (y[row]) {
        perTask[t].before.positives++;
        perTask[t].after.positives++;
        w = up[t];
      } else {
        perTask[t].before.negatives++;
        if (uniform(s.seed, row, STREAM_TASK_BASE + t) < keep[t]) {
          perTask[t].after.negatives++;
          w = 1;
        }
      }
      rowWeights[t] = w;
      any ||= w > 0;
    }
    if (!any) continue;
    for (let t = 0; t < tasks.length; t++) weights[t][trainRows] = rowWeights[t];
    train[trainRows++] = row;
  }
  const validationSet = validation.slice(0, validationRows);
  perTask.forEach((p, t) => {
    const weightedPositives = p.after.positives * up[t];
    p.positiveShare = weightedPositives + p.after.negatives ? weightedPositives / (weightedPositives + p.after.negatives) : 0;
  });
  return {
    train: train.slice(0, trainRows),
    taskWeights: weights.map((w) => w.slice(0, trainRows)),
    validation: validationSet,
    trainSide: trainSide.slice(0, trainSideRows),
    validationKnown: labels.map(({ missing }) => knownAt(missing, validationSet)),
    calibrationRates: keep.map((w, t) => w / up[t]),
    summary: { rows: n, duplicatesRemoved, cappedRemoved, trainRows, trainSideRows, validationRows, perTask },
  };
}

/** 1 where the label of each of `rows` is known. */
function knownAt(missing: Uint8Array, rows: Int32Array): Uint8Array {
  const known = new Uint8Array(rows.length);
  for (let i = 0; i < rows.length; i++) known[i] = missing[rows[i]] ? 0 : 1;
  return known;
}

/** Share of positives a head sees after keeping negatives with rate w and weighting positives k: kP / (kP + wN). */
export function positiveShareAfterSampling(positiveRate: number, keepRate: number, upsample = 1): number {
  const positives = positiveRate * upsample;
  const kept = positives + keepRate * (1 - positiveRate);
  return kept > 0 ? positives / kept : 0;
}

/** Mark later copies of identical rows ineligible; returns how many were removed. */
function removeDuplicates(table: Table, eligible: Uint8Array): number {
  const seen = new Map<string, number>();
  let removed = 0;
  for (let row = 0; row < table.rowCount; row++) {
    if (!eligible[row]) continue;
    const key = table.columns.map((c) => (c.kind === 'number' ? (c.missing[row] ? '' : c.values[row]) : c.codes[row])).join('\u0001');
    if (seen.has(key)) {
      eligible[row] = 0;
      removed++;
    } else seen.set(key, row);
  }
  return removed;
}

/** Keep at most `cap` training rows per user (a seeded random choice); validation rows are untouched. */
function capPerUser(table: Table, userColumn: string, cap: number, seed: number, eligible: Uint8Array, isValidation: Uint8Array): number {
  const keys = groupKeys(getColumn(table, userColumn));
  const byUser = new Map<number, number[]>();
  for (let row = 0; row < table.rowCount; row++) {
    if (!eligible[row] || isValidation[row]) continue;
    const list = byUser.get(keys[row]);
    if (list) list.push(row);
    else byUser.set(keys[row], [row]);
  }
  let removed = 0;
  for (const rows of byUser.values()) {
    if (rows.length <= cap) continue;
    rows.sort((a, b) => uniform(seed, a, STREAM_CAP) - uniform(seed, b, STREAM_CAP));
    for (const row of rows.slice(cap)) {
      eligible[row] = 0;
      removed++;
    }
  }
  return removed;
}
