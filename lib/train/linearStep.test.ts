import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, describe, expect, it } from 'vitest';
import type { Table } from '../data/table';
import type { ProblemSpec } from '../formulate/spec';
import { DEFAULT_TRAIN_CONFIG, type TrainConfig } from './config';
import { registerHostKernels } from './kernels';
import { LINEAR_STEP } from './kernels/linearStep';
import { prepareData } from './prepare';
import { trainModel, type LossPoint } from './trainer';
import { impressionLog, spec as zooSpec } from './zoo.fixture';

/** The zoo's impression log with an id list (tags) beside its ids and numbers. */
function withTags(): Table {
  const log = impressionLog(2400, 7);
  const item = log.columns.find((c) => c.name === 'item')!;
  const dictionary = ['a|b', 'b', 'c|a|d', '', 'd|e'];
  const codes = Int32Array.from({ length: log.rowCount }, (_, i) => (item.kind === 'number' ? item.values[i] % 5 : 0));
  return { ...log, columns: [...log.columns, { kind: 'string', name: 'tags', codes, dictionary }] };
}

const spec: ProblemSpec = {
  ...zooSpec,
  features: [...zooSpec.features, { column: 'tags', encoding: 'bag', separator: '|', maxLength: 3, minCount: 1 }],
  // A downsampled head and an upweighted one: the masks and report weights are not all 1.
  sampling: { ...zooSpec.sampling, keepRates: { click: 0.5, buy: 1 }, upsample: { buy: 3 } },
};

const config: TrainConfig = { ...DEFAULT_TRAIN_CONFIG, modelKind: 'logistic-regression', solver: 'adam', batchSize: 200, epochs: 2, learningRate: 0.05, l2: 1e-3, crosses: [['user', 'genre']], crossBuckets: 64 };

async function train(backend: 'cpu' | 'wasm', fused: boolean): Promise<{ weights: Float32Array[]; losses: LossPoint[]; calls: number }> {
  registerHostKernels(backend);
  await tf.setBackend(backend);
  await tf.ready();
  const kernel = tf.getKernel(LINEAR_STEP, backend)!;
  let calls = 0;
  tf.unregisterKernel(LINEAR_STEP, backend);
  if (fused) tf.registerKernel({ ...kernel, kernelFunc: (args) => (calls++, kernel.kernelFunc(args)) });
  try {
    const losses: LossPoint[] = [];
    const data = prepareData(withTags(), spec, config);
    const result = await trainModel(data, config, { onLoss: (p) => losses.push(...p), onEvaluation: () => {}, onProgress: () => {}, shouldStop: () => false });
    return { weights: result.weights!, losses, calls };
  } finally {
    if (fused) tf.unregisterKernel(LINEAR_STEP, backend);
    tf.registerKernel(kernel);
  }
}

describe("the logistic regression's one-kernel step (lib/train/linearStep.ts)", () => {
  afterAll(async () => {
    await tf.setBackend('cpu');
  });

  it.each(['cpu', 'wasm'] as const)('trains as the generic step does on %s: dense, ids, an id list, a cross, sampling weights and L2', async (backend) => {
    const fused = await train(backend, true);
    const generic = await train(backend, false);
    expect(fused.calls).toBeGreaterThan(10); // every step took the kernel
    expect(generic.calls).toBe(0);
    expect(fused.weights.map((w) => w.length)).toEqual(generic.weights.map((w) => w.length));
    fused.weights.forEach((w, i) => {
      const scale = Math.max(...generic.weights[i].map(Math.abs));
      expect(scale).toBeGreaterThan(0.01); // every part moved
      w.forEach((x, j) => expect(Math.abs(x - generic.weights[i][j])).toBeLessThan(1e-5 * Math.max(1, scale))); // float32 rounding only
    });
    expect(fused.losses.length).toBe(generic.losses.length);
    fused.losses.forEach((p, i) => {
      expect(p.step).toBe(generic.losses[i].step);
      expect(p.sampled).toBeCloseTo(generic.losses[i].sampled, 4);
      expect(p.train).toBeCloseTo(generic.losses[i].train, 4);
    });
  }, 60_000);
});
