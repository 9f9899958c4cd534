import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useCpuBackend } from '../train/testing';
import { DEFAULT_TRAIN_CONFIG, type ModelKind } from '../train/config';
import { buildModel } from './registry';
import type { ModelShape } from './types';

beforeAll(useCpuBackend);

const shape = (overrides: Partial<ModelShape> = {}): ModelShape => ({
  denseDim: 2,
  idDim: 1,
  bagDim: 3,
  vocabularySize: 12,
  tasks: ['a', 'b'],
  l2: 1e-4,
  initialBias: [-1, 0.5],
  bagLengths: [3],
  hiddenLayers: [8, 4],
  embeddingDim: 3,
  sharing: 'shared-bottom',
  seed: 1,
  ...overrides,
});

/**
 * The shared check every model passes (DESIGN §2): build, fit a few steps on tiny data, output
 * shape [batch, tasks], loss goes down, tensor count back to baseline after dispose.
 */
async function checkModel(kind: ModelKind, s: ModelShape): Promise<{ parameterCount: number }> {
  const baseline = tf.memory().numTensors;
  const model = buildModel(kind, s);
  const optimizer = tf.train.adam(0.05);
  const batch = 32;
  const x = {
    dense: tf.randomNormal([batch, s.denseDim], 0, 1, 'float32', 3) as tf.Tensor2D,
    ids: tf.randomUniform([batch, s.idDim], 0, s.vocabularySize, 'int32', 4) as tf.Tensor2D,
    bagIds: tf.randomUniform([batch, s.bagDim], 0, s.vocabularySize, 'int32', 5) as tf.Tensor2D,
    bagWeights: tf.fill([batch, s.bagDim], 1 / 3) as tf.Tensor2D,
  };
  // Labels depend on the first dense feature, so there is something to learn.
  const y = tf.tidy(() => tf.tile(tf.cast(tf.greater(tf.slice(x.dense, [0, 0], [batch, 1]), 0), 'float32'), [1, s.tasks.length]));
  const lossOf = () => tf.tidy(() => tf.losses.sigmoidCrossEntropy(y, model.logits(x)) as tf.Scalar);
  const out = model.logits(x);
  expect(out.shape).toEqual([batch, s.tasks.length]);
  out.dispose();
  const readLoss = async () => {
    const t = lossOf();
    const v = (await t.data())[0];
    t.dispose();
    return v;
  };
  const first = await readLoss();
  for (let i = 0; i < 40; i++) optimizer.minimize(() => tf.add(lossOf(), model.penalty()) as tf.Scalar);
  const last = await readLoss();
  expect(last).toBeLessThan(first * 0.8);
  const parameterCount = model.parameterCount;
  model.dispose();
  optimizer.dispose();
  [x.dense, x.ids, x.bagIds, x.bagWeights, y].forEach((t) => t.dispose());
  expect(tf.memory().numTensors).toBe(baseline);
  return { parameterCount };
}

describe('model zoo: the shared check', () => {
  it('logistic regression', async () => {
    // dense 2×2 + table 12×2 + bias 2
    expect((await checkModel('logistic-regression', shape())).parameterCount).toBe(4 + 24 + 2);
  });

  it('MLP with a shared bottom', async () => {
    // table 12·3 + layer (2 + 2·3)·8 + 8 + 8·4 + 4 + head 4·2 + 2
    expect((await checkModel('mlp', shape())).parameterCount).toBe(36 + 64 + 8 + 32 + 4 + 8 + 2);
  });

  it('MLP with separate networks per action has one of everything per action', async () => {
    const shared = (await checkModel('mlp', shape())).parameterCount;
    const separate = (await checkModel('mlp', shape({ sharing: 'separate' }))).parameterCount;
    // each tower: table 36 + 64 + 8 + 32 + 4 + head 4 + 1
    expect(separate).toBe(2 * (36 + 64 + 8 + 32 + 4 + 4 + 1));
    expect(separate).toBeGreaterThan(shared);
  });

  it('MLP without ids or bags', async () => {
    await checkModel('mlp', shape({ idDim: 0, bagDim: 0, bagLengths: [] }));
  });

  it('the default config is valid for every kind', () => {
    expect(DEFAULT_TRAIN_CONFIG.hiddenLayers.length).toBeGreaterThan(0);
  });
});
