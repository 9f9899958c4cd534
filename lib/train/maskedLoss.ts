import * as tf from '@tensorflow/tfjs';
import { linkedCrossEntropy } from './link';

/** The fused kernels behind maskedLoss, registered for cpu and wasm by lib/train/kernels. */
export const MASKED_LOSS = 'ValueLabMaskedLoss';
export const MASKED_LOSS_GRAD = 'ValueLabMaskedLossGrad';
export const LOSS_REPORT = 'ValueLabLossReport';

/** Binary cross-entropy of a logit, computed stably: max(l, 0) − l·y + log(1 + e^−|l|). */
export function bce(l: number, y: number): number {
  return Math.max(l, 0) - l * y + Math.log1p(Math.exp(-Math.abs(l)));
}

/** Per head t: Σ_b mask·bce(l, y) / max(Σ_b mask, 1e-6), on row-major [B, T] arrays: the report's sum without its shift and class weights. */
export function maskedLossForward(logits: Float32Array, y: Float32Array, mask: Float32Array, T: number): Float32Array {
  const ones = new Float32Array(T).fill(1);
  return lossReport(logits, y, mask, new Float32Array(T), ones, ones);
}

/** d loss_t / d logit[b, t] = dy_t · mask·(σ(l) − y) / max(Σ_b mask, 1e-6). */
export function maskedLossBackward(dy: Float32Array, logits: Float32Array, y: Float32Array, mask: Float32Array, T: number): Float32Array {
  const weight = new Float64Array(T);
  for (let i = 0; i < mask.length; i++) weight[i % T] += mask[i];
  const scale = Float64Array.from(weight, (w, t) => dy[t] / Math.max(w, 1e-6));
  const out = new Float32Array(logits.length);
  for (let i = 0; i < logits.length; i++) {
    const m = mask[i];
    if (m === 0) continue;
    out[i] = scale[i % T] * m * (1 / (1 + Math.exp(-logits[i])) - y[i]);
  }
  return out;
}

/**
 * The training loss as the chart shows it: each head's cross-entropy in the natural space (logit + ln(w/k))
 * weighted by mask·(y/k + (1 − y)/w), which undoes the sampling on average.
 */
export function lossReport(logits: Float32Array, y: Float32Array, mask: Float32Array, logKeep: Float32Array, posWeight: Float32Array, negWeight: Float32Array): Float32Array {
  const T = logKeep.length;
  const sum = new Float64Array(T);
  const weight = new Float64Array(T);
  for (let i = 0; i < logits.length; i++) {
    const m = mask[i];
    if (m === 0) continue;
    const t = i % T;
    const w = m * (y[i] * posWeight[t] + (1 - y[i]) * negWeight[t]);
    sum[t] += w * bce(logits[i] + logKeep[t], y[i]);
    weight[t] += w;
  }
  return Float32Array.from(sum, (s, t) => s / Math.max(weight[t], 1e-6));
}

/** Column-wise weighted mean: Σ w·v / max(Σ w, ε), per head. */
export function maskedMean(values: tf.Tensor, weights: tf.Tensor): tf.Tensor1D {
  return tf.div(tf.sum(tf.mul(values, weights), 0), tf.maximum(tf.sum(weights, 0), 1e-6)) as tf.Tensor1D;
}

/**
 * Independent heads' training loss [T] (differentiable in the logits) and its report in the natural space
 * [T] (not differentiated). On cpu and wasm each is one kernel and the gradient another, where the
 * composite is about thirty kernels forward and as many back — a third of a logistic regression's step
 * (bench/zz probes, session 6); elsewhere (WebGPU, WebGL) it is the composite.
 */
export function maskedLoss(logits: tf.Tensor2D, y: tf.Tensor2D, mask: tf.Tensor2D, c: { logKeep: tf.Tensor1D; posWeight: tf.Tensor1D; negWeight: tf.Tensor1D }): { perHead: tf.Tensor1D; report: tf.Tensor1D } {
  if (!tf.getKernel(MASKED_LOSS, tf.getBackend())) {
    const weights = tf.mul(mask, tf.add(tf.mul(y, c.posWeight), tf.mul(tf.sub(1, y), c.negWeight)));
    return { perHead: maskedMean(linkedCrossEntropy(logits, y, null), mask), report: maskedMean(linkedCrossEntropy(tf.add(logits, c.logKeep), y, null), weights) };
  }
  const fused = tf.customGrad(((l: tf.Tensor, labels: tf.Tensor, m: tf.Tensor, save: tf.GradSaveFunc) => {
    save([l, labels, m]);
    return {
      value: tf.engine().runKernel(MASKED_LOSS, { logits: l, y: labels, mask: m }) as tf.Tensor,
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => [tf.engine().runKernel(MASKED_LOSS_GRAD, { dy, logits: saved[0], y: saved[1], mask: saved[2] }) as tf.Tensor, tf.zerosLike(saved[1]), tf.zerosLike(saved[2])],
    };
  }) as unknown as Parameters<typeof tf.customGrad>[0]);
  const report = tf.engine().runKernel(LOSS_REPORT, { logits, y, mask, logKeep: c.logKeep, posWeight: c.posWeight, negWeight: c.negWeight }) as tf.Tensor1D;
  return { perHead: fused(logits, y, mask) as tf.Tensor1D, report };
}
