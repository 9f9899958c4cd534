import * as tf from '@tensorflow/tfjs';
import type { RankingLoss } from '../formulate/spec';

/**
 * Ranking losses over lists of scores [G, L] with 0/1 labels and a validity mask:
 * - BPR (Rendle et al. 2009): mean over (positive, negative) pairs of −log σ(s_pos − s_neg);
 * - RankNet (Burges et al. 2005): cross-entropy on every pair with target 1 when the first is more
 *   relevant, ½ on ties — unlike BPR it also pulls equally relevant items together;
 * - listwise softmax (ListNet-style, Cao et al. 2007): −Σ y·log softmax(s) / Σ y per list.
 */
export function rankingLoss(scores: tf.Tensor2D, y: tf.Tensor2D, valid: tf.Tensor2D, kind: RankingLoss): tf.Scalar {
  return tf.tidy(() => {
    if (kind === 'listwise') {
      // Invalid (padding) entries get −∞-like scores so they take no softmax mass.
      const masked = tf.add(scores, tf.mul(tf.sub(1, valid), -1e9));
      const logSoftmax = tf.logSoftmax(masked, 1);
      const perList = tf.div(tf.neg(tf.sum(tf.mul(tf.mul(y, valid), logSoftmax), 1)), tf.maximum(tf.sum(tf.mul(y, valid), 1), 1));
      return tf.mean(perList) as tf.Scalar;
    }
    const diff = tf.sub(tf.expandDims(scores, 2), tf.expandDims(scores, 1)); // [G, L, L] s_i − s_j
    const pairValid = tf.mul(tf.expandDims(valid, 2), tf.expandDims(valid, 1));
    const yi = tf.expandDims(y, 2);
    const yj = tf.expandDims(y, 1);
    const better = tf.mul(tf.mul(yi, tf.sub(1, yj)), pairValid); // i positive, j negative
    const logSigmoid = tf.neg(tf.softplus(tf.neg(diff)));
    if (kind === 'bpr') return tf.div(tf.neg(tf.sum(tf.mul(better, logSigmoid))), tf.maximum(tf.sum(better), 1)) as tf.Scalar;
    // RankNet: target 1 for better pairs (their mirror gets target 0, i.e. the same term), ½ for ties.
    const notSelf = tf.sub(1, tf.eye(scores.shape[1]));
    const tie = tf.mul(tf.mul(tf.sub(1, tf.abs(tf.sub(yi, yj))), pairValid), notSelf);
    const tieLoss = tf.mul(0.5, tf.add(tf.softplus(tf.neg(diff)), tf.softplus(diff))); // −½log σ(d) − ½log σ(−d)
    const total = tf.add(tf.sum(tf.mul(better, tf.neg(logSigmoid))), tf.mul(0.5, tf.sum(tf.mul(tie, tieLoss)))); // ties counted twice (i,j),(j,i)
    const pairs = tf.add(tf.sum(better), tf.mul(0.5, tf.sum(tie)));
    return tf.div(total, tf.maximum(pairs, 1)) as tf.Scalar;
  });
}
