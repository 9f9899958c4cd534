import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Table } from '../data/table';
import { ProblemSpecSchema, type ProblemSpec } from '../formulate/spec';
import { DEFAULT_TRAIN_CONFIG, type TrainConfig } from './config';
import { prepareData } from './prepare';
import { trainModel, type LossPoint, type TrainCallbacks } from './trainer';
import { useCpuBackend } from './testing';
import type { TaskEvaluation } from './evaluate';

beforeAll(useCpuBackend);

/** Rows drawn from a known logistic model: logit(a) = 2·x1 − 1.5·x2 + 0·x3 − 1, and an id effect for task b. */
function syntheticTable(rows: number, seed = 1): { table: Table; trueWeights: number[] } {
  let s = seed;
  const rand = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296);
  const gauss = () => Math.sqrt(-2 * Math.log(rand() + 1e-12)) * Math.cos(2 * Math.PI * rand());
  const x = [new Float64Array(rows), new Float64Array(rows), new Float64Array(rows)];
  const a = new Float64Array(rows);
  const b = new Float64Array(rows);
  const shop = new Int32Array(rows);
  const trueWeights = [2, -1.5, 0];
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < 3; j++) x[j][i] = gauss();
    shop[i] = Math.floor(rand() * 4);
    const la = trueWeights[0] * x[0][i] + trueWeights[1] * x[1][i] - 1;
    a[i] = rand() < 1 / (1 + Math.exp(-la)) ? 1 : 0;
    const lb = (shop[i] === 0 ? 2 : -2) + 0.5 * x[2][i];
    b[i] = rand() < 1 / (1 + Math.exp(-lb)) ? 1 : 0;
  }
  const num = (name: string, values: Float64Array) => ({ kind: 'number' as const, name, values, missing: new Uint8Array(rows) });
  return {
    trueWeights,
    table: {
      source: 'synthetic',
      rowCount: rows,
      columns: [num('x1', x[0]), num('x2', x[1]), num('x3', x[2]), { kind: 'string', name: 'shop', codes: shop, dictionary: ['s0', 's1', 's2', 's3'] }, num('a', a), num('b', b)],
    },
  };
}

function spec(keepA = 1): ProblemSpec {
  return {
    version: 1,
    targets: ['a', 'b'],
    derived: [],
    formulation: { kind: 'pointwise' },
    features: [
      { column: 'x1', encoding: 'numeric', log: false },
      { column: 'x2', encoding: 'numeric', log: false },
      { column: 'x3', encoding: 'numeric', log: false },
      { column: 'shop', encoding: 'embedding', minCount: 1 },
    ],
    userColumn: null,
    sampling: { split: { kind: 'random' }, seed: 3, validationFraction: 0.2, rowFraction: 1, keepRates: { a: keepA, b: 1 }, upsample: {}, capPerUser: null, dropDuplicates: false, dropMissingLabels: true },
  };
}

function recorder(stopAfter = Infinity) {
  const losses: LossPoint[] = [];
  const evals: TaskEvaluation[][] = [];
  let steps = 0;
  const cb: TrainCallbacks = {
    onLoss: (p) => losses.push(...p),
    onEvaluation: (e) => evals.push(e),
    onProgress: (p) => (steps = p.step),
    shouldStop: () => steps >= stopAfter,
  };
  return { cb, losses, evals };
}

// The Adam loop: steps, flushes, stops, pauses and checkpoints (the exact linear fit has its own tests).
const config: TrainConfig = { ...DEFAULT_TRAIN_CONFIG, solver: 'adam', learningRate: 0.1, batchSize: 256, epochs: 4 };

describe('trainModel (cpu backend)', () => {
  it('lowers the loss and recovers the sign pattern of a known logistic model', async () => {
    const { table } = syntheticTable(4000);
    const data = prepareData(table, spec(), config);
    const rec = recorder();
    const before = tf.memory().numTensors;
    const result = await trainModel(data, config, rec.cb);
    // Every tensor the run created is gone again.
    expect(tf.memory().numTensors).toBe(before);
    expect(result.status).toBe('finished');
    const first = rec.evals[0].find((e) => e.task === 'a')!;
    const last = result.evaluations.find((e) => e.task === 'a')!;
    expect(last.valLoss).toBeLessThan(first.valLoss - 0.1);
    expect(last.auc).toBeGreaterThan(0.85);
    // The training side (before negative sampling) is predicted too, for training-split metrics.
    expect(result.trainSide.calibrated[0]).toHaveLength(data.trainSide.rows.length);
    expect(data.trainSide.rows.length).toBeGreaterThan(3000);
    // Sign pattern: predictions rise with x1, fall with x2, and ignore x3 (weights 2, −1.5, 0).
    const slope = (feature: number) => correlation(data.validation.dense.filter((_, i) => i % data.validation.denseDim === feature), result.calibrated[0]);
    expect(slope(0)).toBeGreaterThan(0.4);
    expect(slope(1)).toBeLessThan(-0.3);
    expect(Math.abs(slope(2))).toBeLessThan(0.1);
    // Task b depends on the shop id: shop s0 rows get far higher probabilities.
    const shop = table.columns[3];
    const isS0 = (i: number) => shop.kind === 'string' && shop.codes[data.validationRows[i]] === 0;
    const meanFor = (want: boolean) => mean(result.calibrated[1].filter((_, i) => isS0(i) === want));
    expect(Math.abs(meanFor(true) - meanFor(false))).toBeGreaterThan(0.3);
  });

  it('recovers the coefficients of the known logistic model within 0.25', async () => {
    const { table, trueWeights } = syntheticTable(8000, 11);
    const fit = { ...config, epochs: 12, l2: 0 };
    const data = prepareData(table, spec(), fit);
    const result = await trainModel(data, fit, recorder().cb);
    // The model is linear in its inputs, so its coefficients are the exact least-squares fit of
    // logit(p) on the standardised numbers and the shop indicators; divide by std for raw units.
    const v = data.validation;
    const shop = table.columns[3];
    const rows = Array.from({ length: v.rows }, (_, i) => [0, 1, 2].map((j) => v.dense[i * v.denseDim + j]).concat([0, 1, 2, 3].map((k) => (shop.kind === 'string' && shop.codes[data.validationRows[i]] === k ? 1 : 0))));
    const target = Array.from(result.raw[0], (p) => Math.log(p / (1 - p)));
    const coefficients = leastSquares(rows, target);
    if (process.env.SHOW_GOLDEN) console.log('recovered', coefficients.slice(0, 3).map((c, j) => c / data.encoders.numeric[j].std));
    trueWeights.forEach((w, j) => expect(Math.abs(coefficients[j] / data.encoders.numeric[j].std - w)).toBeLessThan(0.25));
  });

  it('recalibrates a downsampled head back to the natural rate', async () => {
    const { table } = syntheticTable(6000, 5);
    const sampledConfig = { ...config, epochs: 3 };
    const data = prepareData(table, spec(0.1), sampledConfig);
    const result = await trainModel(data, sampledConfig, recorder().cb);
    const evalA = result.evaluations[0];
    // With 90% of negatives dropped the raw head over-predicts heavily; the recalibrated one does not.
    expect(mean(result.raw[0]) / mean(Float32Array.from(data.validationLabels[0]))).toBeGreaterThan(1.5);
    expect(evalA.calibrationRatio).toBeGreaterThan(0.85);
    expect(evalA.calibrationRatio).toBeLessThan(1.15);
  });

  it('stops when asked and still disposes everything', async () => {
    const { table } = syntheticTable(3000);
    const data = prepareData(table, spec(), config);
    const before = tf.memory().numTensors;
    const result = await trainModel(data, config, recorder(3).cb);
    expect(result.status).toBe('stopped');
    expect(result.steps).toBeLessThan(20);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('sees a stop that arrives as a task while it trains: the loop yields to the event loop (cpu and wasm reads resolve as microtasks)', async () => {
    const { table } = syntheticTable(20_000);
    const long: TrainConfig = { ...config, epochs: 200, earlyStoppingPatience: 0 }; // ~12,000 steps, many seconds
    const data = prepareData(table, spec(), long);
    let stop = false;
    // A worker's 'stop' message is a task like this timer: a loop of microtasks alone never lets it run.
    // Without a yield the timer would fire only after all ~12,000 steps: the run would finish, not stop.
    setTimeout(() => (stop = true), 300);
    const result = await trainModel(data, long, { ...recorder().cb, shouldStop: () => stop });
    expect(result.status).toBe('stopped');
    expect(result.steps).toBeLessThan(200 * Math.ceil(data.train.rows / long.batchSize));
  });

  it('stops on divergence, names the step and keeps the best weights', async () => {
    const { table } = syntheticTable(2000);
    const data = prepareData(table, spec(), config);
    data.train.dense.fill(NaN, 0, data.train.dense.length); // a poisoned input makes every training loss NaN
    const before = tf.memory().numTensors;
    const result = await trainModel(data, config, recorder().cb);
    expect(result.status).toBe('stopped');
    expect(result.notice).toMatch(/became NaN at step 1\b/);
    expect(result.notice).toMatch(/weights were restored from its best validation loss \(a step 0, b step 0\)/);
    expect(result.bestSteps).toEqual([0, 0]);
    expect(result.bestStep).toBe(0);
    // The restored model still predicts: finite, calibrated probabilities.
    expect(result.calibrated.every((p) => p.every(Number.isFinite))).toBe(true);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('weights that turn NaN between steps stop the run at the evaluation, which is never shown', async () => {
    const { table } = syntheticTable(2000);
    const data = prepareData(table, spec(), config);
    const rec = recorder();
    // onProgress runs inside the flush that starts every evaluation (one per step here): poison the weights there.
    const poison = (p: { step: number }) => {
      if (p.step === 3) for (const v of Object.values(tf.engine().registeredVariables)) if (v.trainable) tf.tidy(() => v.assign(tf.fill(v.shape, NaN)));
    };
    const result = await trainModel(data, config, { ...rec.cb, onProgress: poison });
    expect(result.notice).toMatch(/validation loss of "a" became NaN at step 3, so training stopped/);
    expect(result.bestStep).toBeLessThanOrEqual(3);
    expect(rec.evals.every((round) => round.every((e) => Number.isFinite(e.valLoss)))).toBe(true);
    expect(result.calibrated.every((p) => p.every(Number.isFinite))).toBe(true);
  });

  it('stops early when validation loss stops improving and restores the best step', async () => {
    // Labels are coin flips: anything fitted after the calibrated start is noise.
    const { table } = syntheticTable(1200, 9);
    const label = table.columns[4];
    if (label.kind === 'number') label.values.forEach((_, i) => (label.values[i] = (Math.imul(i + 7, 2654435761) >>> 0) % 2));
    const patient: TrainConfig = { ...config, epochs: 30, learningRate: 0.2, earlyStoppingPatience: 3, l2: 0 };
    const before = tf.memory().numTensors;
    const result = await trainModel(prepareData(table, { ...spec(), targets: ['a'], sampling: { ...spec().sampling, keepRates: { a: 1 } } }, patient), patient, recorder().cb);
    expect(result.notice).toMatch(/Stopped early at step \d+: no head's validation loss had improved for 3 evaluations/);
    expect(result.steps).toBeLessThan(30 * 4);
    expect(result.bestStep).toBeLessThan(result.steps);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('pauses between steps and resumes; a learning rate of 0 set mid-run freezes the weights', async () => {
    const { table } = syntheticTable(2000);
    const data = prepareData(table, spec(), config);
    let paused = true;
    setTimeout(() => (paused = false), 150);
    const rec = recorder();
    const frozen = await trainModel(data, { ...config, epochs: 1 }, { ...rec.cb, isPaused: () => paused, learningRateOverride: () => 0 });
    expect(frozen.status).toBe('finished');
    // With a zero rate every step leaves the model as it started: predictions equal step 0's.
    const first = rec.evals[0].map((e) => e.valLoss);
    expect(frozen.evaluations.map((e) => e.valLoss)).toEqual(first);
  });

  it('keeps the tensor count flat across epochs', async () => {
    const { table } = syntheticTable(2000);
    const data = prepareData(table, spec(), config);
    const counts: number[] = [];
    // Working tensors: the kept best-step checkpoints (one per head at most) are counted apart.
    await trainModel(data, { ...config, epochs: 6, modelKind: 'mlp', hiddenLayers: [8] }, { ...recorder().cb, onProgress: (p) => counts.push(p.tensors!) });
    expect(counts.length).toBeGreaterThan(6);
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(2);
  });
});

function mean(v: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i];
  return s / v.length;
}

function correlation(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const mx = mean(x);
  const my = mean(y);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < x.length; i++) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) ** 2;
    syy += (y[i] - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

describe('prepareData', () => {
  it('refuses a target with one class in the training rows', () => {
    const { table } = syntheticTable(500);
    const zeros: Table = { ...table, columns: table.columns.map((c) => (c.name === 'b' && c.kind === 'number' ? { ...c, values: new Float64Array(c.values.length) } : c)) };
    expect(() => prepareData(zeros, spec(), config)).toThrow(/"b" has no positive among its \d+ training rows, so there is nothing to learn/);
  });
});

describe('bag-of-ids features', () => {
  it('learns from tags in an id list', async () => {
    const rows = 3000;
    let seed = 9;
    const rand = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 4294967296);
    const dictionary = ['x|y', 'y|z', 'z', 'x', 'y'];
    const codes = Int32Array.from({ length: rows }, () => Math.floor(rand() * dictionary.length));
    // Rows whose list contains "x" act 80% of the time, the others 10%.
    const acted = Float64Array.from(codes, (c) => (rand() < (dictionary[c].split('|').includes('x') ? 0.8 : 0.1) ? 1 : 0));
    const table: Table = {
      source: 'tags',
      rowCount: rows,
      columns: [
        { kind: 'string', name: 'tags', codes, dictionary },
        { kind: 'number', name: 'acted', values: acted, missing: new Uint8Array(rows) },
      ],
    };
    const bagSpec: ProblemSpec = {
      version: 1,
      targets: ['acted'],
      derived: [],
      formulation: { kind: 'pointwise' },
      features: [{ column: 'tags', encoding: 'bag', separator: '|', maxLength: 4, minCount: 1 }],
      userColumn: null,
      sampling: { split: { kind: 'random' }, seed: 1, validationFraction: 0.2, rowFraction: 1, keepRates: { acted: 1 }, upsample: {}, capPerUser: null, dropDuplicates: false, dropMissingLabels: true },
    };
    const data = prepareData(table, bagSpec, config);
    expect(data.train.bagDim).toBe(4);
    const before = tf.memory().numTensors;
    const result = await trainModel(data, config, recorder().cb);
    expect(tf.memory().numTensors).toBe(before);
    expect(result.evaluations[0].auc).toBeGreaterThan(0.8);
  });
});

describe('funnel (ESMM)', () => {
  it('trains click → cart on all impressions and recovers both joint and conditional probabilities', async () => {
    // Synthetic funnel: p(click) depends on x, p(cart | click) on z; cart only happens after a click.
    const rows = 6000;
    let seed = 21;
    const rand = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 4294967296);
    const x = Float64Array.from({ length: rows }, () => rand() * 4 - 2);
    const z = Float64Array.from({ length: rows }, () => rand() * 4 - 2);
    const pClick = Float64Array.from(x, (v) => 1 / (1 + Math.exp(-(v - 0.5))));
    const pCartGivenClick = Float64Array.from(z, (v) => 1 / (1 + Math.exp(-(1.5 * v - 1))));
    const click = Float64Array.from(pClick, (p) => (rand() < p ? 1 : 0));
    const cart = Float64Array.from(click, (c, i) => (c && rand() < pCartGivenClick[i] ? 1 : 0));
    const num = (name: string, values: Float64Array) => ({ kind: 'number' as const, name, values, missing: new Uint8Array(rows) });
    const table: Table = { source: 'funnel', rowCount: rows, columns: [num('x', x), num('z', z), num('click', click), num('cart', cart)] };
    const funnelSpec: ProblemSpec = {
      version: 1,
      targets: ['click', 'cart'],
      derived: [],
      formulation: { kind: 'funnel', chain: ['click', 'cart'] },
      features: [
        { column: 'x', encoding: 'numeric', log: false },
        { column: 'z', encoding: 'numeric', log: false },
      ],
      userColumn: null,
      sampling: { split: { kind: 'random' }, seed: 2, validationFraction: 0.3, rowFraction: 1, keepRates: { click: 1, cart: 1 }, upsample: {}, capPerUser: null, dropDuplicates: false, dropMissingLabels: true },
    };
    const funnelConfig = { ...config, epochs: 8, learningRate: 0.1 };
    const data = prepareData(table, funnelSpec, funnelConfig);
    expect(data.link.chainMatrix).toEqual([
      [1, 1],
      [0, 1],
    ]);
    const before = tf.memory().numTensors;
    const result = await trainModel(data, funnelConfig, recorder().cb);
    expect(tf.memory().numTensors).toBe(before);
    const rowsV = data.validationRows;
    // joint p(cart) = p(click)·p(cart | click) is calibrated on all impressions…
    expect(result.evaluations[1].calibrationRatio).toBeGreaterThan(0.85);
    expect(result.evaluations[1].calibrationRatio).toBeLessThan(1.15);
    // …and the conditional head tracks the true p(cart | click) even though it is never supervised directly.
    const cond = result.conditional![1];
    expect(correlation(cond, Float64Array.from(rowsV, (r) => pCartGivenClick[r]))).toBeGreaterThan(0.9);
    const joint = result.calibrated[1];
    expect(correlation(joint, Float64Array.from(rowsV, (r) => pClick[r] * pCartGivenClick[r]))).toBeGreaterThan(0.9);
  });

  it('the spec refuses a sampled funnel step', () => {
    const bad = ProblemSpecSchema.safeParse({ ...spec(0.5), formulation: { kind: 'funnel', chain: ['a', 'b'] } });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0].message).toContain('funnel step "a" must keep all rows');
  });
});

describe('learning to rank', () => {
  it.each(['bpr', 'ranknet', 'listwise'] as const)('%s ranks within users and a Platt map makes its scores calibrated probabilities', async (loss) => {
    const rows = 4000;
    let seed = 31;
    const rand = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 4294967296);
    const x = Float64Array.from({ length: rows }, () => rand() * 4 - 2);
    const user = Float64Array.from({ length: rows }, (_, i) => i % 200);
    const liked = Float64Array.from(x, (v) => (rand() < 1 / (1 + Math.exp(-(1.5 * v - 1))) ? 1 : 0));
    const num = (name: string, values: Float64Array) => ({ kind: 'number' as const, name, values, missing: new Uint8Array(rows) });
    const table: Table = { source: 'rank', rowCount: rows, columns: [num('user', user), num('x', x), num('liked', liked)] };
    const rankSpec: ProblemSpec = {
      version: 1,
      targets: ['liked'],
      derived: [],
      formulation: { kind: 'ranking', action: 'liked', loss, window: null },
      features: [{ column: 'x', encoding: 'numeric', log: false }],
      userColumn: 'user',
      sampling: { split: { kind: 'random' }, seed: 4, validationFraction: 0.3, rowFraction: 1, keepRates: { liked: 1 }, upsample: {}, capPerUser: null, dropDuplicates: false, dropMissingLabels: true },
    };
    const rankConfig = { ...config, epochs: 3, learningRate: 0.05 };
    const data = prepareData(table, rankSpec, rankConfig);
    expect(data.ranking?.positions.length).toBeGreaterThan(2000);
    const before = tf.memory().numTensors;
    const result = await trainModel(data, rankConfig, recorder().cb);
    expect(tf.memory().numTensors).toBe(before);
    const e = result.evaluations[0];
    expect(e.auc).toBeGreaterThan(0.75);
    expect(e.calibrationRatio).toBeGreaterThan(0.85);
    expect(e.calibrationRatio).toBeLessThan(1.15);
  });
});

describe('MLP through the trainer', () => {
  it.each(['shared-bottom', 'separate'] as const)('%s: trains both heads, recalibrates, leaves no tensors', async (sharing) => {
    const { table } = syntheticTable(3000, 8);
    const mlpConfig: TrainConfig = { ...config, modelKind: 'mlp', sharing, hiddenLayers: [16], embeddingDim: 4, epochs: 4, learningRate: 0.02 };
    const data = prepareData(table, spec(0.2), mlpConfig);
    const before = tf.memory().numTensors;
    const result = await trainModel(data, mlpConfig, recorder().cb);
    expect(tf.memory().numTensors).toBe(before);
    const [a, b] = result.evaluations;
    expect(a.auc).toBeGreaterThan(0.8);
    expect(b.auc).toBeGreaterThan(0.8);
    expect(a.calibrationRatio).toBeGreaterThan(0.8);
    expect(a.calibrationRatio).toBeLessThan(1.25);
  });
});

/** Ordinary least squares by the normal equations (Gaussian elimination with partial pivoting). */
function leastSquares(x: number[][], y: number[]): number[] {
  const k = x[0].length;
  const a = Array.from({ length: k }, (_, r) => Array.from({ length: k + 1 }, (_, c) => x.reduce((s, row, i) => s + row[r] * (c < k ? row[c] : y[i]), 0)));
  for (let col = 0; col < k; col++) {
    const pivot = a.reduce((best, row, r) => (r >= col && Math.abs(row[col]) > Math.abs(a[best][col]) ? r : best), col);
    [a[col], a[pivot]] = [a[pivot], a[col]];
    for (let r = 0; r < k; r++) {
      if (r === col) continue;
      const f = a[r][col] / a[col][col];
      for (let c = col; c <= k; c++) a[r][c] -= f * a[col][c];
    }
  }
  return a.map((row, r) => row[k] / row[r]);
}
