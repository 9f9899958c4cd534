import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildLists, LIST_SIZE } from './lists';
import { rankingLoss } from './rankingLoss';
import { useCpuBackend } from './testing';

beforeAll(useCpuBackend);

const softplus = (x: number) => Math.log1p(Math.exp(x));

describe('ranking losses against hand-worked values', () => {
  // One list of 3: scores 2, 0, 1 with labels 1, 0, 0; a padding entry must not count.
  const scores = tf.tensor2d([[2, 0, 1, 9]]);
  const y = tf.tensor2d([[1, 0, 0, 1]]);
  const valid = tf.tensor2d([[1, 1, 1, 0]]);

  it('BPR: mean of −log σ(s_pos − s_neg) over positive–negative pairs', async () => {
    // pairs (2−0), (2−1): (softplus(−2) + softplus(−1)) / 2
    const expected = (softplus(-2) + softplus(-1)) / 2;
    expect((await rankingLoss(scores, y, valid, 'bpr').data())[0]).toBeCloseTo(expected, 5);
  });

  it('RankNet: also pulls tied negatives together with target ½', async () => {
    // better pairs as BPR; the tie (0, 1) between negatives adds ½·(softplus(−d) + softplus(d)) with d = −1
    const better = softplus(-2) + softplus(-1);
    const tie = 0.5 * (softplus(1) + softplus(-1));
    const expected = (better + tie) / (2 + 1);
    expect((await rankingLoss(scores, y, valid, 'ranknet').data())[0]).toBeCloseTo(expected, 5);
  });

  it('listwise: −log softmax of the positive among the valid entries', async () => {
    const expected = -(2 - Math.log(Math.exp(2) + Math.exp(0) + Math.exp(1)));
    expect((await rankingLoss(scores, y, valid, 'listwise').data())[0]).toBeCloseTo(expected, 5);
  });
});

describe('buildLists', () => {
  it('keeps only lists that can teach and pads short groups', () => {
    // group 1: 3 rows with a positive and negatives; group 2: only negatives; group 3: only positives
    const groups = [1, 1, 1, 2, 2, 3];
    const labels = [1, 0, 0, 0, 0, 1];
    const pairwise = buildLists(groups, labels, true, 1);
    expect(pairwise.count).toBe(1);
    expect([...pairwise.valid]).toEqual([1, 1, 1, 0, 0, 0, 0, 0]);
    expect(new Set(pairwise.positions.slice(0, 3))).toEqual(new Set([0, 1, 2]));
    expect(pairwise.positions.length).toBe(LIST_SIZE);
    // listwise also uses the all-positive group
    expect(buildLists(groups, labels, false, 1).count).toBe(2);
  });
});
