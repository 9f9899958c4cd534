import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useCpuBackend } from '../train/testing';
import { buildGraph } from '../features/graph';
import { buildModel, type NeuralKind } from './registry';
import type { ModelInputs, ModelShape } from './types';

beforeAll(useCpuBackend);

// Vocabulary rows 0–5 are users (id slot 0), 6–11 items (id slot 1, also the history items).
const USERS = 6;
const graphUsers = [0, 0, 1, 2, 3, 4, 5, 5];
const graphItems = [6, 7, 7, 8, 9, 10, 11, 6];

const shape = (overrides: Partial<ModelShape> = {}): ModelShape => ({
  denseDim: 2,
  idDim: 2,
  bagDim: 3,
  vocabularySize: 12,
  crossDim: 1,
  crossVocabularySize: 8,
  historyDim: 3,
  tasks: ['a', 'b'],
  l2: 1e-4,
  initialBias: [-1, 0.5],
  bagLengths: [3],
  itemSlot: 1,
  userSlot: 0,
  towerSplit: { dense: [1], ids: [1], bags: [] },
  graph: buildGraph(graphUsers, graphItems, graphUsers.map(() => 1)),
  hiddenLayers: [8, 4],
  embeddingDim: 3,
  sharing: 'shared-bottom',
  experts: 3,
  historyPooling: 'attention',
  graphLayers: 2,
  graphScoring: 'dot',
  seed: 1,
  ...overrides,
});

const BATCH = 32;

function batch(s: ModelShape): ModelInputs {
  return tf.tidy(() => {
    const users = tf.randomUniform([BATCH, 1], 0, USERS, 'int32', 4);
    const items = tf.add(tf.randomUniform([BATCH, 1], 0, s.vocabularySize - USERS, 'int32', 6), tf.scalar(USERS, 'int32'));
    return {
      dense: tf.randomNormal([BATCH, s.denseDim], 0, 1, 'float32', 3) as tf.Tensor2D,
      ids: (s.idDim === 2 ? tf.concat([users, items], 1) : tf.zeros([BATCH, s.idDim], 'int32')) as tf.Tensor2D,
      bagIds: tf.randomUniform([BATCH, s.bagDim], 0, s.vocabularySize, 'int32', 5) as tf.Tensor2D,
      bagWeights: tf.fill([BATCH, s.bagDim], 1 / 3) as tf.Tensor2D,
      crossIds: tf.randomUniform([BATCH, s.crossDim], 0, Math.max(1, s.crossVocabularySize), 'int32', 7) as tf.Tensor2D,
      historyIds: tf.add(tf.randomUniform([BATCH, s.historyDim], 0, s.vocabularySize - USERS, 'int32', 8), tf.scalar(USERS, 'int32')) as tf.Tensor2D,
      historyWeights: tf.cast(tf.greater(tf.randomUniform([BATCH, s.historyDim], 0, 1, 'float32', 9), 0.3), 'float32') as tf.Tensor2D,
    };
  });
}

/**
 * The shared check every model passes (DESIGN §5, DeepCTR's check_model): build, fit a few steps
 * on tiny data, output shape [batch, tasks], loss goes down, tensor count back to baseline after
 * dispose. Labels depend on the user id, which every model can see.
 */
async function checkModel(kind: NeuralKind, s: ModelShape): Promise<{ parameterCount: number }> {
  const baseline = tf.memory().numTensors;
  const model = buildModel(kind, s);
  const optimizer = tf.train.adam(0.05);
  const x = batch(s);
  const y = tf.tidy(() => tf.tile(tf.cast(tf.less(tf.slice(x.ids, [0, 0], [BATCH, 1]), USERS / 2), 'float32'), [1, s.tasks.length]));
  const lossOf = () => tf.tidy(() => tf.losses.sigmoidCrossEntropy(y, model.logits(x)) as tf.Scalar);
  const out = model.logits(x);
  expect(out.shape).toEqual([BATCH, s.tasks.length]);
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
  expect(parameterCount).toBe(model.variables.reduce((n, v) => n + v.size, 0));
  model.dispose();
  optimizer.dispose();
  Object.values(x).forEach((t) => t.dispose());
  y.dispose();
  expect(tf.memory().numTensors).toBe(baseline);
  return { parameterCount };
}

describe('model zoo: the shared check', () => {
  it('logistic regression, with a hashed cross', async () => {
    // dense 2×2 + table 12×2 + cross table 8×2 + bias 2
    expect((await checkModel('logistic-regression', shape())).parameterCount).toBe(4 + 24 + 16 + 2);
  });

  it('MLP with a shared bottom', async () => {
    // table 12·3 + layer (2 + 2·3 + 3)·8 + 8 + 8·4 + 4 + head 4·2 + 2
    expect((await checkModel('mlp', shape())).parameterCount).toBe(36 + 88 + 8 + 32 + 4 + 8 + 2);
  });

  it('MLP with separate networks per action has one of everything per action', async () => {
    const separate = (await checkModel('mlp', shape({ sharing: 'separate' }))).parameterCount;
    expect(separate).toBe(2 * (36 + 88 + 8 + 32 + 4 + 4 + 1));
  });

  it('MLP without ids or bags', async () => {
    // Without ids, labels cannot depend on the user: use the dense-only shape with its own check below.
    const s = shape({ idDim: 0, bagDim: 0, bagLengths: [], itemSlot: null, userSlot: null });
    const model = buildModel('mlp', s);
    const x = batch(s);
    expect(model.logits(x).shape).toEqual([BATCH, 2]);
    model.dispose();
    Object.values(x).forEach((t) => t.dispose());
  });

  it('Wide & Deep = the linear part (without its own bias) + the MLP', async () => {
    expect((await checkModel('wide-deep', shape())).parameterCount).toBe(4 + 24 + 16 + (36 + 88 + 8 + 32 + 4 + 8 + 2));
  });

  it('MMoE', async () => {
    // table 36 + 3 experts × (88 + 8 + 32 + 4) + gates 11×(2·3) + head 4·2 + 2
    expect((await checkModel('mmoe', shape())).parameterCount).toBe(36 + 3 * 132 + 66 + 10);
  });

  it.each(['dot', 'mlp'] as const)('LightGCN scored by %s', async (graphScoring) => {
    await checkModel('lightgcn', shape({ graphScoring }));
  });

  it.each(['attention', 'mean'] as const)('sequence model with %s pooling', async (historyPooling) => {
    await checkModel('sequence', shape({ historyPooling }));
  });

  it('two-tower', async () => {
    await checkModel('two-tower', shape());
  });
});

describe('model zoo: reference behaviour', () => {
  it('MMoE with one expert is the shared-bottom MLP, logit for logit', async () => {
    const s = shape({ experts: 1 });
    const mmoe = buildModel('mmoe', s);
    const mlp = buildModel('mlp', s);
    const x = batch(s);
    const a = await mmoe.logits(x).data();
    const b = await mlp.logits(x).data();
    Array.from(a).forEach((v, i) => expect(v).toBeCloseTo(b[i], 5));
    const gates = mmoe.gates!(x);
    expect(Array.from(await gates.data()).every((g) => Math.abs(g - 1) < 1e-6)).toBe(true);
    [mmoe, mlp].forEach((m) => m.dispose());
    Object.values(x).forEach((t) => t.dispose());
    gates.dispose();
  });

  it('MMoE gates are a softmax over experts for every task', async () => {
    const s = shape({ experts: 4 });
    const model = buildModel('mmoe', s);
    const x = batch(s);
    const gates = model.gates!(x);
    expect(gates.shape).toEqual([BATCH, 2, 4]);
    const sums = await tf.sum(gates, 2).data();
    Array.from(sums).forEach((v) => expect(v).toBeCloseTo(1, 5));
    model.dispose();
    gates.dispose();
    Object.values(x).forEach((t) => t.dispose());
  });

  it('two-tower logits are the dot products of the towers plus the bias', async () => {
    const s = shape();
    const model = buildModel('two-tower', s);
    const x = batch(s);
    const logits = await model.logits(x).data();
    const q = model.towers!.query(x);
    const v = model.towers!.item(x);
    const dots = await tf.sum(tf.mul(q, v), 2).data();
    Array.from(dots).forEach((d, i) => expect(logits[i]).toBeCloseTo(d + s.initialBias[i % 2], 4));
    model.dispose();
    [q, v, ...Object.values(x)].forEach((t) => t.dispose());
  });

  it('the item tower does not read query-side inputs', async () => {
    const s = shape();
    const model = buildModel('two-tower', s);
    const x = batch(s);
    // Change the user id and dense column 0 (query side): item embeddings must not move.
    const changed = { ...x, dense: tf.add(x.dense, tf.tensor2d([[5, 0]])) as tf.Tensor2D, ids: tf.concat([tf.zeros([BATCH, 1], 'int32'), tf.slice(x.ids, [0, 1], [BATCH, 1])], 1) as tf.Tensor2D };
    const before = await model.towers!.item(x).data();
    const after = await model.towers!.item(changed).data();
    expect(Array.from(after)).toEqual(Array.from(before));
    model.dispose();
    [...Object.values(x), changed.dense, changed.ids].forEach((t) => t.dispose());
  });
});
