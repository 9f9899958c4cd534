import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, describe, expect, it } from 'vitest';
import { embedInputs, selectAll } from '../../models/layers';
import { pooledLookup } from '../../models/pooledLookup';
import type { ModelInputs, ModelShape } from '../../models/types';
import { maskedLoss } from '../maskedLoss';
import { gatherRows } from './gather';
import { registerHostKernels } from './index';

let s = 3;
const rand = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296);
const randoms = (n: number) => Float32Array.from({ length: n }, () => rand() * 2 - 1);

/** Run f on a backend and bring its result back as plain numbers. */
async function on(backend: 'cpu' | 'wasm', f: () => tf.Tensor): Promise<number[]> {
  await tf.setBackend(backend);
  await tf.ready();
  if (tf.getBackend() !== backend) throw new Error(`could not switch to ${backend}`);
  const t = tf.tidy(f);
  const values = Array.from(await t.data());
  t.dispose();
  return values;
}

/** The same computation with the stock kernels: tfjs' cpu backend as it ships. */
async function reference(f: () => tf.Tensor): Promise<number[]> {
  return on('cpu', f);
}

describe('host kernels', () => {
  afterAll(async () => {
    await tf.setBackend('cpu');
  });

  it('gathers whole rows of either dtype, along any axis, and refuses an index out of range', () => {
    const x = new Int32Array(Float32Array.from([0.5, 1.5, 2.5, 3.5, 4.5, 5.5]).buffer); // [3, 2] as bits
    const picked = new Float32Array(gatherRows(x, Int32Array.from([2, 0, 2]), 1, 3, 2).buffer);
    expect(Array.from(picked)).toEqual([4.5, 5.5, 0.5, 1.5, 4.5, 5.5]);
    // Axis 1 of [2, 3]: outer 2, size 3, inner 1.
    expect(Array.from(gatherRows(Int32Array.from([1, 2, 3, 4, 5, 6]), Int32Array.from([2, 1]), 2, 3, 1))).toEqual([3, 2, 6, 5]);
    expect(() => gatherRows(x, Int32Array.from([3]), 1, 3, 2)).toThrow(/index value 3 is not in \[0, 2\]/);
  });

  it('on cpu and wasm: gathers, transposed products, pooled lookups, the embedded input row and their gradients equal the stock composites', async () => {
    const table = randoms(40 * 3);
    const ids = Int32Array.from({ length: 64 }, () => Math.floor(rand() * 40));
    const a = randoms(64 * 5);
    const b = randoms(7 * 5);
    const batch = randoms(2 * 4 * 3);
    // Bags of 3 and 2 positions; a 0 weight is padding.
    // Three heads over 8 rows: 0/1 labels, a mask with unseen rows (0) and a downsampled head's weights.
    const labels = Float32Array.from({ length: 24 }, (_, i) => (i % 5 === 0 || i % 7 === 1 ? 1 : 0));
    const mask = Float32Array.from({ length: 24 }, (_, i) => (i % 4 === 3 ? 0 : i % 3 === 2 ? 2 : 1));
    const lossConstants = () => ({ logKeep: tf.tensor1d([0, Math.log(0.25), Math.log(0.5)]), posWeight: tf.tensor1d([1, 1, 0.5]), negWeight: tf.tensor1d([1, 4, 4]) });
    const bagWeights = Float32Array.from({ length: 40 }, (_, i) => ((i % 5) < 3 ? (i % 7 === 0 ? 0 : 1 / 3) : 0.5));
    // A network's input row: 2 dense columns, 3 ids, bags of 3 and 2 positions (embedInputs: fused on cpu and wasm, composed on stock cpu).
    const rowShape = { denseDim: 2, idDim: 3, bagLengths: [3, 2] } as ModelShape;
    const rowInputs = () => ({ dense: tf.tensor2d(a.slice(0, 16), [8, 2]), ids: tf.tensor2d(ids.slice(40, 64), [8, 3], 'int32'), bagIds: tf.tensor2d(ids.slice(0, 40), [8, 5], 'int32'), bagWeights: tf.tensor2d(bagWeights, [8, 5]) }) as ModelInputs;
    const embedded = (t: tf.Tensor) => embedInputs(t, rowShape, rowInputs(), selectAll(rowShape));
    // The same 120 numbers as a table of width 6: the lookups' four-column blocks and a remainder of two.
    const ids20 = ids.map((i) => i % 20);
    const wideRowInputs = () => ({ ...rowInputs(), ids: tf.tensor2d(ids20.slice(40, 64), [8, 3], 'int32'), bagIds: tf.tensor2d(ids20.slice(0, 40), [8, 5], 'int32') }) as ModelInputs;
    const wideEmbedded = (t: tf.Tensor) => embedInputs(t, rowShape, wideRowInputs(), selectAll(rowShape));
    const cases: [string, () => tf.Tensor][] = [
      ['embedded input row', () => embedded(tf.tensor2d(table, [40, 3]))],
      ['embedded input row, embeddings of width 6', () => wideEmbedded(tf.tensor2d(table, [20, 6]))],
      ['embedded input row gradient, width 6', () => tf.grad((t: tf.Tensor) => tf.sum(tf.mul(wideEmbedded(t), tf.tensor2d(a.slice(0, 8 * 32), [8, 32]))))(tf.tensor2d(table, [20, 6]))],
      ['pooled lookup gradient, width 6', () => tf.grad((t: tf.Tensor) => tf.sum(tf.mul(pooledLookup(t, tf.tensor2d(ids20.slice(0, 40), [8, 5], 'int32'), tf.tensor2d(bagWeights, [8, 5]), [3, 2]), tf.tensor2d(a.slice(0, 96), [8, 12]))))(tf.tensor2d(table, [20, 6]))],
      ['embedded input row gradient', () => tf.grad((t: tf.Tensor) => tf.sum(tf.mul(embedded(t), tf.tensor2d(a.slice(0, 8 * 17), [8, 17]))))(tf.tensor2d(table, [40, 3]))],
      ['gather axis 0', () => tf.gather(tf.tensor2d(table, [40, 3]), tf.tensor1d(ids, 'int32'))],
      ['gather axis 1', () => tf.gather(tf.tensor2d(table, [40, 3]), tf.tensor1d([2, 0], 'int32'), 1)],
      ['gather int32', () => tf.gather(tf.tensor2d(ids, [16, 4], 'int32'), tf.tensor1d([15, 0, 3], 'int32'))],
      ['a·bᵀ', () => tf.matMul(tf.tensor2d(a, [64, 5]), tf.tensor2d(b, [7, 5]), false, true)],
      ['aᵀ·a', () => tf.matMul(tf.tensor2d(a, [64, 5]), tf.tensor2d(a, [64, 5]), true, false)],
      ['batched aᵀ·bᵀ', () => tf.matMul(tf.tensor3d(batch, [2, 4, 3]), tf.tensor3d(batch, [2, 3, 4]), true, true)],
      ['embedding gradient', () => tf.grad((t: tf.Tensor) => tf.sum(tf.mul(tf.gather(t, tf.tensor1d(ids, 'int32')), tf.tensor2d(a.slice(0, 64 * 3), [64, 3]))))(tf.tensor2d(table, [40, 3]))],
      ['pooled lookup, two bags with padding', () => pooledLookup(tf.tensor2d(table, [40, 3]), tf.tensor2d(ids.slice(0, 40), [8, 5], 'int32'), tf.tensor2d(bagWeights, [8, 5]), [3, 2])],
      ['pooled lookup gradient', () => tf.grad((t: tf.Tensor) => tf.sum(tf.mul(pooledLookup(t, tf.tensor2d(ids.slice(0, 40), [8, 5], 'int32'), tf.tensor2d(bagWeights, [8, 5]), [3, 2]), tf.tensor2d(a.slice(0, 48), [8, 6]))))(tf.tensor2d(table, [40, 3]))],
      ['unweighted pooled lookup gradient', () => tf.grad((t: tf.Tensor) => tf.sum(tf.square(pooledLookup(t, tf.tensor2d(ids.slice(0, 24), [4, 6], 'int32'), null, [6]))))(tf.tensor2d(table, [40, 3]))],
      ['masked loss and its report', () => tf.tidy(() => {
        const { perHead, report } = maskedLoss(tf.tensor2d(a.slice(0, 24).map((v) => v * 4), [8, 3]), tf.tensor2d(labels, [8, 3]), tf.tensor2d(mask, [8, 3]), lossConstants());
        return tf.concat([perHead, report]);
      })],
      ['masked loss gradient', () => tf.grad((l: tf.Tensor) => tf.sum(tf.mul(maskedLoss(l as tf.Tensor2D, tf.tensor2d(labels, [8, 3]), tf.tensor2d(mask, [8, 3]), lossConstants()).perHead, tf.tensor1d([1, 2, 0.5]))))(tf.tensor2d(a.slice(0, 24).map((v) => v * 4), [8, 3]))],
      ['sum over the batch (a bias gradient)', () => tf.sum(tf.tensor2d(a, [64, 5]), 0)],
      ['sum over leading axes, dims kept', () => tf.sum(tf.tensor3d(batch, [2, 4, 3]), [0, 1], true)],
      ['sum over a trailing axis (stock kernel)', () => tf.sum(tf.tensor3d(batch, [2, 4, 3]), 2)],
      ['dense layer gradient', () => tf.grad((w: tf.Tensor) => tf.sum(tf.relu(tf.matMul(tf.tensor2d(a, [64, 5]), w as tf.Tensor2D))))(tf.tensor2d(b, [5, 7]))],
    ];
    const expected: number[][] = [];
    for (const [, f] of cases) expected.push(await reference(f));
    registerHostKernels('cpu');
    registerHostKernels('wasm');
    for (const backend of ['cpu', 'wasm'] as const) {
      for (const [i, [name, f]] of cases.entries()) {
        const got = await on(backend, f);
        expect(got.length, `${backend} ${name}`).toBe(expected[i].length);
        got.forEach((v, j) => expect(v, `${backend} ${name} [${j}]`).toBeCloseTo(expected[i][j], 4));
      }
    }
    // The transposed operands are freed: the backend holds no more buffers than before.
    const buffers = () => tf.engine().backend.numDataIds();
    const before = buffers();
    await on('wasm', () => tf.matMul(tf.tensor2d(a, [64, 5]), tf.tensor2d(b, [7, 5]), false, true));
    expect(buffers()).toBe(before);
  });
});

describe('FusedAdam', () => {
  it('takes the same steps as tfjs Adam, on cpu and wasm', async () => {
    const { FusedAdam } = await import('../optimizer');
    const target = randoms(30);
    const start = randoms(30);
    /** Ten Adam steps on ‖x − target‖² from `start`; the weights after them. */
    const descend = async (backend: 'cpu' | 'wasm', make: () => tf.Optimizer) => {
      await tf.setBackend(backend);
      const x = tf.tidy(() => tf.variable(tf.tensor1d(start)));
      const goal = tf.tensor1d(target);
      const optimizer = make();
      for (let i = 0; i < 10; i++) optimizer.minimize(() => tf.sum(tf.square(tf.sub(x, goal))) as tf.Scalar);
      const values = Array.from(await x.data());
      optimizer.dispose();
      tf.dispose([x, goal]);
      return values;
    };
    const reference = await descend('cpu', () => tf.train.adam(0.05));
    registerHostKernels('cpu');
    registerHostKernels('wasm');
    for (const backend of ['cpu', 'wasm'] as const) {
      const tensorsBefore = tf.memory().numTensors;
      const got = await descend(backend, () => new FusedAdam(0.05));
      got.forEach((v, i) => expect(v, `${backend} [${i}]`).toBeCloseTo(reference[i], 5));
      expect(tf.memory().numTensors, `${backend}: moments and updates are freed`).toBe(tensorsBefore);
    }
    expect(reference.some((v, i) => Math.abs(v - start[i]) > 0.1)).toBe(true); // the steps moved the weights
  });

  it('with an L2 term folded into its update, takes the steps tfjs Adam takes on the loss plus that term', async () => {
    const { FusedAdam } = await import('../optimizer');
    const target = randoms(30);
    const start = randoms(30);
    const l2 = 0.3;
    const descend = async (backend: 'cpu' | 'wasm', fold: boolean) => {
      await tf.setBackend(backend);
      const x = tf.tidy(() => tf.variable(tf.tensor1d(start)));
      const goal = tf.tensor1d(target);
      const optimizer = fold ? new FusedAdam(0.05) : tf.train.adam(0.05);
      const folded = fold && (optimizer as InstanceType<typeof FusedAdam>).foldL2([x], l2);
      expect(folded).toBe(fold);
      for (let i = 0; i < 10; i++) optimizer.minimize(() => tf.add(tf.sum(tf.square(tf.sub(x, goal))), folded ? 0 : tf.mul(l2, tf.sum(tf.square(x)))) as tf.Scalar);
      const values = Array.from(await x.data());
      optimizer.dispose();
      tf.dispose([x, goal]);
      return values;
    };
    const reference = await descend('cpu', false);
    registerHostKernels('wasm');
    const got = await descend('wasm', true);
    got.forEach((v, i) => expect(v, `[${i}]`).toBeCloseTo(reference[i], 5));
  });
});

describe('shared Identity on wasm', () => {
  it('keeps a clone valid after its source is gone and frees the buffer with the last of them', async () => {
    registerHostKernels('wasm');
    await tf.setBackend('wasm');
    const buffers = () => tf.engine().backend.numDataIds();
    const before = buffers();
    const source = tf.tensor2d([1, 2, 3, 4], [2, 2]);
    const copy = tf.clone(source);
    expect(buffers()).toBe(before + 1); // one buffer, two tensors
    source.dispose();
    expect(Array.from(await copy.data())).toEqual([1, 2, 3, 4]);
    copy.dispose();
    expect(buffers()).toBe(before);
  });
});

describe('Transpose on wasm', () => {
  it('swaps the last two axes as tfjs does, for floats and ints, any batch, ragged tiles; other permutations fall back', async () => {
    registerHostKernels('wasm');
    // 130 rows: two full tiles of 64 and a ragged one; a [3, 2, 4] batch; int32; a 3-axis permutation.
    const cases: [number[], number[], 'float32' | 'int32'][] = [
      [[130, 7], [1, 0], 'float32'],
      [[3, 2, 4], [0, 2, 1], 'float32'],
      [[5, 66], [1, 0], 'int32'],
      [[2, 3, 4], [2, 0, 1], 'float32'],
    ];
    for (const [shape, perm, dtype] of cases) {
      const size = shape.reduce((p, d) => p * d, 1);
      const values = dtype === 'int32' ? Int32Array.from({ length: size }, (_, i) => i * 7 - 3) : randoms(size);
      const make = () => tf.transpose(tf.tensor(values, shape, dtype), perm);
      const got = await on('wasm', make);
      expect(got, `${shape} ${perm}`).toEqual(await reference(make));
    }
  });
});

describe('Slice on wasm', () => {
  it('slices as tfjs does: contiguous runs in place, -1 sizes, ints, and strided slices through the stock kernel', async () => {
    registerHostKernels('wasm');
    const x = randoms(6 * 5 * 4);
    const order = Int32Array.from({ length: 40 }, (_, i) => (i * 17) % 40);
    const cases: (() => tf.Tensor)[] = [
      () => tf.slice(tf.tensor1d(order, 'int32'), 8, 16), // the trainer's batch of an epoch's order
      () => tf.slice(tf.tensor3d(x, [6, 5, 4]), [2, 0, 0], [3, -1, -1]), // whole rows: contiguous
      () => tf.slice(tf.tensor3d(x, [6, 5, 4]), [1, 2, 0], [1, 2, 4]), // inside one row: contiguous
      () => tf.slice(tf.tensor3d(x, [6, 5, 4]), [1, 1, 1], [3, 2, 2]), // strided: the stock kernel
      () => tf.slice(tf.tensor2d(x.subarray(0, 12), [3, 4]), [0, 0], [0, 4]), // empty
    ];
    for (const [i, make] of cases.entries()) expect(await on('wasm', make), `case ${i}`).toEqual(await reference(make));
  });
});
