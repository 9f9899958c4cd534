import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Table } from '../data/table';
import type { ProblemSpec } from '../formulate/spec';
import { DEFAULT_TRAIN_CONFIG, type TrainConfig } from './config';
import type { TaskEvaluation } from './evaluate';
import { prepareData } from './prepare';
import { useCpuBackend } from './testing';
import { trainModel } from './trainer';

beforeAll(useCpuBackend);

/**
 * Two heads that want different lengths of training: `signal` follows x (it keeps improving), `rare`
 * is 3% coin flips that an id with a value per 3 rows lets a model memorise (it is best near the start).
 */
function twoSpeedLog(rows = 6000): Table {
  let s = 11;
  const rand = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296);
  const x = Float64Array.from({ length: rows }, () => rand() * 4 - 2);
  const signal = Float64Array.from(x, (v) => (rand() < 1 / (1 + Math.exp(-2.5 * v)) ? 1 : 0));
  const rare = Float64Array.from({ length: rows }, () => (rand() < 0.03 ? 1 : 0));
  const id = Int32Array.from({ length: rows }, (_, i) => Math.floor(i / 3));
  const num = (name: string, values: Float64Array) => ({ kind: 'number' as const, name, values, missing: new Uint8Array(rows) });
  return { source: 'two-speed', rowCount: rows, columns: [num('x', x), { kind: 'string', name: 'id', codes: id, dictionary: Array.from({ length: rows / 3 }, (_, i) => `k${i}`) }, num('signal', signal), num('rare', rare)] };
}

const spec: ProblemSpec = {
  version: 1,
  targets: ['signal', 'rare'],
  derived: [],
  formulation: { kind: 'pointwise' },
  features: [
    { column: 'x', encoding: 'numeric', log: false },
    { column: 'id', encoding: 'embedding', minCount: 1 },
  ],
  userColumn: null,
  sampling: { split: { kind: 'random' }, seed: 5, validationFraction: 0.25, rowFraction: 1, keepRates: { signal: 1, rare: 1 }, upsample: {}, capPerUser: null, dropDuplicates: false, dropMissingLabels: true },
};

async function train(config: TrainConfig) {
  const rounds: TaskEvaluation[][] = [];
  const data = prepareData(twoSpeedLog(), spec, config);
  const before = tf.memory().numTensors;
  const result = await trainModel(data, config, { onLoss: () => {}, onEvaluation: (e) => rounds.push(e), onProgress: () => {}, shouldStop: () => false });
  expect(tf.memory().numTensors).toBe(before);
  return { result, rounds };
}

describe('per-head model selection', () => {
  const config: TrainConfig = { ...DEFAULT_TRAIN_CONFIG, backend: 'cpu', solver: 'adam', learningRate: 0.1, batchSize: 256, epochs: 12, l2: 0, restoreBest: true };

  it('restores each head of a logistic regression to its own best step, exactly (heads share nothing)', async () => {
    const { result, rounds } = await train(config);
    const [signal, rare] = result.bestSteps;
    expect(rare).toBeLessThan(signal);
    result.evaluations.forEach((final, t) => {
      const best = Math.min(...rounds.map((r) => r[t].valLoss));
      // The put-together model is each head at its best: its loss is that best round's, not the last.
      expect(final.valLoss).toBeCloseTo(best, 5);
    });
    expect(result.notice).toMatch(/Each head's weights were restored from its best validation loss \(signal step \d+, rare step \d+\)\.$/);
  }, 60_000);

  it('for a shared-bottom network, takes each head\'s output layer from its best step and the shared layers by the summed loss, and evaluates what it put together', async () => {
    const { result, rounds } = await train({ ...config, modelKind: 'mlp', hiddenLayers: [16], embeddingDim: 4, sharing: 'shared-bottom' });
    const last = rounds[rounds.length - 1];
    expect(result.bestSteps[1]).toBeLessThan(result.steps);
    // The rare head, restored, is better than where training left it.
    expect(result.evaluations[1].valLoss).toBeLessThan(last[1].valLoss);
    expect(result.notice).toContain('the parameters the heads share came from step');
  }, 60_000);

  it('keeps the last weights, and reports them, when restoring is off', async () => {
    const { result, rounds } = await train({ ...config, epochs: 4, restoreBest: false });
    expect(result.evaluations.map((e) => e.valLoss)).toEqual(rounds[rounds.length - 1].map((e) => e.valLoss));
    expect(result.bestSteps).toEqual([result.steps, result.steps]);
  }, 60_000);
});
