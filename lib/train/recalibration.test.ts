import { beforeAll, describe, expect, it } from 'vitest';
import type { Table } from '../data/table';
import type { ProblemSpec } from '../formulate/spec';
import { calibrationInterval } from '../metrics/calibration';
import { DEFAULT_TRAIN_CONFIG, type TrainConfig } from './config';
import { prepareData } from './prepare';
import { useCpuBackend } from './testing';
import { trainModel } from './trainer';

beforeAll(useCpuBackend);

/** A well-specified log: logit p(y) = 2·x1 − 1.5·x2 − 3 (about 9% positives), the truth kept per row. */
function knownLog(rows: number): { table: Table; truth: Float64Array } {
  let s = 17;
  const rand = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296);
  const gauss = () => Math.sqrt(-2 * Math.log(rand() + 1e-12)) * Math.cos(2 * Math.PI * rand());
  const x1 = Float64Array.from({ length: rows }, gauss);
  const x2 = Float64Array.from({ length: rows }, gauss);
  const truth = Float64Array.from(x1, (v, i) => 1 / (1 + Math.exp(-(2 * v - 1.5 * x2[i] - 3))));
  const y = Float64Array.from(truth, (p) => (rand() < p ? 1 : 0));
  const num = (name: string, values: Float64Array) => ({ kind: 'number' as const, name, values, missing: new Uint8Array(rows) });
  return { truth, table: { source: 'known', rowCount: rows, columns: [num('x1', x1), num('x2', x2), num('y', y)] } };
}

const spec = (keep: number): ProblemSpec => ({
  version: 1,
  targets: ['y'],
  derived: [],
  formulation: { kind: 'pointwise' },
  features: [
    { column: 'x1', encoding: 'numeric', log: false },
    { column: 'x2', encoding: 'numeric', log: false },
  ],
  userColumn: null,
  sampling: { split: { kind: 'random' }, seed: 3, validationFraction: 0.2, rowFraction: 1, keepRates: { y: keep }, upsample: {}, capPerUser: null, dropDuplicates: false, dropMissingLabels: true },
});

describe('logistic regression, recalibrated after negative downsampling', () => {
  const small = knownLog(60_000);

  /** Train, and sum the recalibrated predictions, the exact fit's (on the same rows and weights) and the truth over validation. */
  async function sums(keep: number, config: TrainConfig, { table, truth } = small) {
    const data = prepareData(table, spec(keep), config);
    expect(data.summary.perTask[0].after.positives).toBeGreaterThanOrEqual(1000);
    const result = await trainModel(data, config, { onLoss: () => {}, onEvaluation: () => {}, onProgress: () => {}, shouldStop: () => false });
    const p = result.calibrated[0];
    const beta = exactLogisticFit(data.train.dense, data.trainLabels, data.trainMasks);
    const sum = (f: (i: number, row: number) => number) => data.validationRows.reduce((s, row, i) => s + f(i, row), 0);
    const predicted = sum((i) => p[i]);
    const exact = sum((i) => recalibrated(beta, data.validation.dense[2 * i], data.validation.dense[2 * i + 1], keep));
    const expected = sum((_, row) => truth[row]);
    if (process.env.SHOW_GOLDEN) console.log(config.solver, 'keep', keep, 'steps', result.steps, 'app/truth', predicted / expected, 'exact/truth', exact / expected);
    return { data, result, p, predicted, exact, expected };
  }

  it.each([1, 0.1, 0.02])('keep rate %s, default settings (the exact solver): what the maximum-likelihood fit on the same rows predicts', async (keep) => {
    const { predicted, exact } = await sums(keep, { ...DEFAULT_TRAIN_CONFIG, backend: 'cpu' });
    expect(Math.abs(predicted / exact - 1)).toBeLessThan(0.002);
  }, 120_000);

  // At keep 0.02 on 60,000 rows only ~830 negatives are kept: the exact fit itself lands ~5% from the
  // truth there (the intercept's noise, about √(1/positives + 1/kept negatives) ≈ 4%, not the trainer).
  // At 1 and 0.1 thousands are kept; at 0.02 the log is made ten times longer so about 8,000 are.
  it.each([
    [1, 60_000],
    [0.1, 60_000],
    [0.02, 600_000],
  ])('keep rate %s on %i rows, default settings: the true rate within 2%%, the label ratio within what a calibrated head gives', async (keep, rows) => {
    const { result, p, predicted, expected } = await sums(keep, { ...DEFAULT_TRAIN_CONFIG, backend: 'cpu' }, rows === 60_000 ? small : knownLog(rows));
    expect(Math.abs(predicted / expected - 1)).toBeLessThan(0.02);
    const [lo, hi] = calibrationInterval(p);
    expect(result.evaluations[0].calibrationRatio).toBeGreaterThan(lo);
    expect(result.evaluations[0].calibrationRatio).toBeLessThan(hi);
  }, 120_000);

  it.each([1, 0.1, 0.02])('keep rate %s, Adam with cosine decay: as many steps whatever the keep rate, and within 3%% of the exact fit', async (keep) => {
    const config: TrainConfig = { ...DEFAULT_TRAIN_CONFIG, backend: 'cpu', solver: 'adam', epochs: 10, decay: 'cosine' };
    const { data, result, predicted, exact } = await sums(keep, config);
    // Each epoch covers the training split before sampling: a head on 2% of its negatives is not given 2% of the updates.
    expect(result.steps).toBe(config.epochs * Math.ceil(data.summary.trainSideRows / config.batchSize));
    expect(Math.abs(predicted / exact - 1)).toBeLessThan(0.03);
  }, 120_000);
});

/** Newton–Raphson for logit p = b + w1·x1 + w2·x2 on weighted rows (dense [n, 2], labels and weights per row). */
function exactLogisticFit(dense: Float32Array, labels: Float32Array, weights: Float32Array): number[] {
  const beta = [0, 0, 0];
  for (let iteration = 0; iteration < 25; iteration++) {
    const g = [0, 0, 0];
    const h = [0, 0, 0, 0, 0, 0, 0, 0, 0];
    for (let i = 0; i < labels.length; i++) {
      if (weights[i] === 0) continue;
      const x = [1, dense[2 * i], dense[2 * i + 1]];
      const p = 1 / (1 + Math.exp(-(beta[0] + beta[1] * x[1] + beta[2] * x[2])));
      for (let a = 0; a < 3; a++) {
        g[a] += weights[i] * (labels[i] - p) * x[a];
        for (let b = 0; b < 3; b++) h[a * 3 + b] += weights[i] * p * (1 - p) * x[a] * x[b];
      }
    }
    const step = solve3(h, g);
    for (let a = 0; a < 3; a++) beta[a] += step[a];
    if (Math.max(...step.map(Math.abs)) < 1e-10) break;
  }
  return beta;
}

function solve3(m: number[], v: number[]): number[] {
  const det = (a: number[]) => a[0] * (a[4] * a[8] - a[5] * a[7]) - a[1] * (a[3] * a[8] - a[5] * a[6]) + a[2] * (a[3] * a[7] - a[4] * a[6]);
  const d = det(m);
  return [0, 1, 2].map((c) => det(m.map((x, k) => (k % 3 === c ? v[Math.floor(k / 3)] : x))) / d);
}

/** The exact fit's probability of a validation row, moved back to the natural rate: q = p / (p + (1 − p)/w). */
function recalibrated(beta: number[], x1: number, x2: number, keep: number): number {
  const p = 1 / (1 + Math.exp(-(beta[0] + beta[1] * x1 + beta[2] * x2)));
  return p / (p + (1 - p) / keep);
}
