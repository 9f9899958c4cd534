import * as tf from '@tensorflow/tfjs';

export { linkFor, type Link } from './chain';

/** Per-element BCE of the linked probabilities against 0/1 labels: [B, T]. Exact with logits when pointwise. */
export function linkedCrossEntropy(logits: tf.Tensor2D, y: tf.Tensor, chain: tf.Tensor2D | null): tf.Tensor {
  if (!chain) {
    // max(l,0) − l·y + log(1 + e^−|l|)
    return tf.add(tf.sub(tf.relu(logits), tf.mul(logits, y)), tf.log1p(tf.exp(tf.neg(tf.abs(logits)))));
  }
  const logP = linkedLogProbability(logits, chain); // [B, T]
  // log(1 − p) from log p, clamped so a product of near-certain steps stays finite.
  const logNotP = tf.log(tf.maximum(tf.sub(1, tf.exp(logP)), 1e-7));
  return tf.neg(tf.add(tf.mul(y, logP), tf.mul(tf.sub(1, y), logNotP)));
}

/** log p for every action: Σ over its chain of log σ(l) (a matrix product with the chain matrix). */
export function linkedLogProbability(logits: tf.Tensor2D, chain: tf.Tensor2D): tf.Tensor2D {
  const logSigmoid = tf.neg(tf.softplus(tf.neg(logits))); // [B, T]
  return tf.matMul(logSigmoid, chain);
}

/** Linked probabilities [B, T] (sigmoid when pointwise). */
export function linkedProbability(logits: tf.Tensor2D, chain: tf.Tensor2D | null): tf.Tensor2D {
  return chain ? tf.exp(linkedLogProbability(logits, chain)) : tf.sigmoid(logits);
}
