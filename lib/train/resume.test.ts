import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_TRAIN_CONFIG, type TrainConfig } from './config';
import { readWeights, writeWeights } from './checkpoint';
import { prepareData } from './prepare';
import type { ResumePoint } from './protocol';
import { trainModel, type LossPoint, type TrainCallbacks } from './trainer';
import { useCpuBackend } from './testing';
import { spec, table } from './zoo.fixture';

beforeAll(useCpuBackend);

const config: TrainConfig = { ...DEFAULT_TRAIN_CONFIG, modelKind: 'mlp', hiddenLayers: [8], learningRate: 0.05, batchSize: 256, epochs: 3, seed: 4 };

function callbacks(): { cb: TrainCallbacks; losses: LossPoint[]; checkpoints: ResumePoint[] } {
  const losses: LossPoint[] = [];
  const checkpoints: ResumePoint[] = [];
  return {
    losses,
    checkpoints,
    cb: { onLoss: (p) => losses.push(...p), onEvaluation: () => {}, onProgress: () => {}, shouldStop: () => false, onCheckpoint: (c) => checkpoints.push(c) },
  };
}

describe('resuming from a checkpoint (what the client does after a worker crash)', () => {
  it('reads back every weight in one go and writes it into a fresh variable set', async () => {
    const a = [tf.variable(tf.tensor2d([[1, 2], [3, 4]])), tf.variable(tf.tensor1d([5, 6, 7]))];
    const b = [tf.variable(tf.zeros([2, 2])), tf.variable(tf.zeros([3]))];
    writeWeights(b, await readWeights(a));
    expect(Array.from(await b[0].data())).toEqual([1, 2, 3, 4]);
    expect(Array.from(await b[1].data())).toEqual([5, 6, 7]);
    expect(() => writeWeights(b, [new Float32Array(4)])).toThrow(/does not fit this model/);
    [...a, ...b].forEach((v) => v.dispose());
  });

  it('continues at the checkpoint step, with the same steps after it as an uninterrupted run', async () => {
    const data = prepareData(table, spec, config);
    const whole = callbacks();
    const full = await trainModel(data, config, whole.cb);
    // A second run stopped half-way stands for the crashed one: its last checkpoint is what the client holds.
    let steps = 0;
    const partial = callbacks();
    const stopAt = Math.ceil(full.steps / 2);
    await trainModel(data, config, { ...partial.cb, checkpointEveryMs: 0, onProgress: (p) => (steps = p.step), shouldStop: () => steps >= stopAt }, null);
    const point = partial.checkpoints[partial.checkpoints.length - 1];
    expect(point.weights.length).toBeGreaterThan(0);
    expect(point.step).toBeGreaterThan(full.steps / 4);
    expect(point.step).toBeLessThan(full.steps);
    const before = tf.memory().numTensors;
    const resumed = callbacks();
    const result = await trainModel(data, config, resumed.cb, point);
    expect(result.steps).toBe(full.steps);
    expect(Math.min(...resumed.losses.map((p) => p.step))).toBe(point.step + 1);
    // A fresh Adam state after the restart changes the path a little, not the outcome.
    const lastLoss = (points: LossPoint[]) => points.filter((p) => p.step === full.steps).reduce((s, p) => s + p.train, 0);
    expect(Math.abs(lastLoss(resumed.losses) - lastLoss(whole.losses))).toBeLessThan(0.1);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('refuses a checkpoint of another model shape with a typed error', async () => {
    const data = prepareData(table, spec, config);
    const before = tf.memory().numTensors;
    await expect(trainModel(data, config, callbacks().cb, { step: 3, weights: [new Float32Array(2)] })).rejects.toMatchObject({ code: 'resume-mismatch' });
    expect(tf.memory().numTensors).toBe(before);
  });
});
