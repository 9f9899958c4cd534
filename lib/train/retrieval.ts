import * as tf from '@tensorflow/tfjs';

/**
 * In-batch softmax with logQ correction (Yi et al. 2019): for task t, each positive row i of the
 * batch is a (query, item) pair; every other positive item of the batch is a negative for it. The
 * logit of item j is s_ij − log q_j, where q_j is item j's share of the task's training positives:
 * popular items appear as in-batch negatives more often, and without the correction the model
 * learns to push them down. Loss: mean over positive rows of −log softmax_j(s_ij − log q_j)[i].
 * Rows that are not positives for t take part neither as queries nor as candidates.
 * Returns the loss per task [T].
 */
export function inBatchSoftmaxLoss(query: tf.Tensor3D, item: tf.Tensor3D, positive: tf.Tensor2D, logQ: tf.Tensor2D): tf.Tensor1D {
  const [B, T, d] = query.shape;
  const eye = tf.eye(B);
  const perTask: tf.Scalar[] = [];
  for (let t = 0; t < T; t++) {
    const q = tf.reshape(tf.slice(query, [0, t, 0], [B, 1, d]), [B, d]);
    const v = tf.reshape(tf.slice(item, [0, t, 0], [B, 1, d]), [B, d]);
    const isPositive = tf.reshape(tf.slice(positive, [0, t], [B, 1]), [B]); // [B]
    const correction = tf.reshape(tf.slice(logQ, [0, t], [B, 1]), [1, B]);
    // Non-positive columns get −1e9: they are not candidates.
    const logits = tf.add(tf.sub(tf.matMul(q, v, false, true), correction), tf.reshape(tf.mul(tf.sub(isPositive, 1), 1e9), [1, B]));
    const own = tf.sum(tf.mul(tf.logSoftmax(logits), eye), 1); // [B] log-probability of the row's own item
    perTask.push(tf.div(tf.neg(tf.sum(tf.mul(own, isPositive))), tf.maximum(tf.sum(isPositive), 1)) as tf.Scalar);
  }
  return tf.stack(perTask) as tf.Tensor1D;
}

/** Recall@k of one task over the item set, and the same for "recommend the k most popular items". */
export interface RetrievalRecall {
  task: string;
  k: number;
  /** Validation positives scored against every catalog item. */
  queries: number;
  items: number;
  recall: number;
  popularityRecall: number;
}

/**
 * For each validation positive (query row, its item), the share whose item ranks in the top k of
 * all catalog items by the query's dot product (ties count against the item).
 */
export function recallAtK(scores: Float32Array, queries: number, items: number, trueItem: Int32Array, k: number): number {
  if (queries === 0) return NaN;
  let hits = 0;
  for (let q = 0; q < queries; q++) {
    const row = q * items;
    const own = scores[row + trueItem[q]];
    let above = 0;
    for (let j = 0; j < items && above < k; j++) if (j !== trueItem[q] && scores[row + j] >= own) above++;
    if (above < k) hits++;
  }
  return hits / queries;
}

/** Recall@k of the popularity ranking: the share of validation positives whose item is among the k most popular. */
export function popularityRecallAtK(trainPositives: Float64Array, trueItem: Int32Array, k: number): number {
  if (trueItem.length === 0) return NaN;
  const top = new Set(
    Array.from(trainPositives.keys())
      .sort((a, b) => trainPositives[b] - trainPositives[a] || a - b)
      .slice(0, k),
  );
  let hits = 0;
  for (const item of trueItem) if (top.has(item)) hits++;
  return hits / trueItem.length;
}
