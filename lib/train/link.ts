import * as tf from '@tensorflow/tfjs';
import type { ProblemSpec } from '../formulate/spec';

/**
 * How head logits become action probabilities. Pointwise: p_t = σ(l_t). Funnel (ESMM, Ma et al.
 * 2018, "Entire Space Multi-Task Model"): each step of a chain such as click → cart → buy predicts
 * its conditional p(step | previous step) = σ(l), and the probability supervised on every
 * impression is the product down the chain, p(click ∧ cart) = p(click) · p(cart | click). This
 * avoids training the later step only on clicked rows (selection bias) and the sparsity of
 * its positives.
 */
export interface Link {
  /** [T, T]: entry (i, j) = 1 when head i's conditional is a factor of action j's probability; null = pointwise. */
  chainMatrix: number[][] | null;
}

export function linkFor(spec: Pick<ProblemSpec, 'targets' | 'formulation'>): Link {
  if (spec.formulation.kind !== 'funnel') return { chainMatrix: null };
  const chain = spec.formulation.chain;
  const position = new Map(chain.map((task, i) => [task, i]));
  const matrix = spec.targets.map((from) =>
    spec.targets.map((to) => {
      const i = position.get(from);
      const j = position.get(to);
      if (i === undefined || j === undefined) return from === to ? 1 : 0;
      return i <= j ? 1 : 0;
    }),
  );
  return { chainMatrix: matrix };
}

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
