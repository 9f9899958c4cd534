import { bce } from './maskedLoss';

/**
 * The arithmetic of one training step of the logistic regression (lib/models/logistic.ts) on host
 * arrays: the logits of a batch, the gradient of the weighted masked loss, and its report. The
 * generic step runs the same model as ~25 tfjs kernels forward, back and in Adam; their dispatch, not
 * their arithmetic, set its pace on cpu and wasm (a 1,024-row batch does ~50k multiply-adds). See
 * lib/train/linearStep.ts for when it is used; lib/train/linearStep.test.ts holds it to the generic step.
 */

/** Every training row's encoded inputs, row-major, and the labels and masks [N, T]. */
export interface LinearRows {
  dense: Float32Array;
  denseDim: number;
  ids: Int32Array;
  idDim: number;
  bagIds: Int32Array;
  bagWeights: Float32Array;
  bagDim: number;
  crossIds: Int32Array;
  crossDim: number;
  labels: Float32Array;
  masks: Float32Array;
}

/** The model's weights (or their gradients): dense [D, T], table [V, T], crosses [C, T], bias [T]. */
export interface LinearParams {
  dense: Float32Array | null;
  table: Float32Array | null;
  crosses: Float32Array | null;
  bias: Float32Array;
}

/** Per head: ln(w/k) into the natural space, the report's class weights 1/k and 1/w, and the loss weight. */
export interface LinearLossConstants {
  logKeep: Float32Array;
  posWeight: Float32Array;
  negWeight: Float32Array;
  lossWeight: Float32Array;
}

/** logit[b, t] = x·W[:, t] + Σ table[ids, t] + Σ crosses[crossIds, t] + Σ w·table[bagIds, t] + bias[t], for the rows `index`. */
export function linearLogits(p: LinearParams, rows: LinearRows, index: Int32Array): Float32Array {
  const T = p.bias.length;
  const B = index.length;
  const logits = new Float32Array(B * T);
  const acc = new Float64Array(T);
  const { denseDim, idDim, bagDim, crossDim } = rows;
  const vocabulary = p.table ? p.table.length / T : 0;
  const crossVocabulary = p.crosses ? p.crosses.length / T : 0;
  for (let b = 0; b < B; b++) {
    const r = index[b];
    for (let t = 0; t < T; t++) acc[t] = p.bias[t];
    if (p.dense) for (let d = 0; d < denseDim; d++) addRow(acc, p.dense, d, rows.dense[r * denseDim + d], T);
    if (p.table) {
      for (let k = r * idDim, end = k + idDim; k < end; k++) addRow(acc, p.table, checkedId(rows.ids[k], vocabulary), 1, T);
      for (let k = r * bagDim, end = k + bagDim; k < end; k++) {
        const w = rows.bagWeights[k];
        if (w !== 0) addRow(acc, p.table, checkedId(rows.bagIds[k], vocabulary), w, T); // 0: padding
      }
    }
    if (p.crosses) for (let k = r * crossDim, end = k + crossDim; k < end; k++) addRow(acc, p.crosses, checkedId(rows.crossIds[k], crossVocabulary), 1, T);
    for (let t = 0; t < T; t++) logits[b * T + t] = acc[t];
  }
  return logits;
}

/**
 * Gradients of Σ_t lossWeight_t · (masked mean cross-entropy of head t) with respect to every weight,
 * and the step's report [2, T]: that sampled-space loss per head, then the recalibrated one (lossReport).
 */
export function linearGradients(p: LinearParams, rows: LinearRows, index: Int32Array, c: LinearLossConstants): { grads: LinearParams; report: Float32Array } {
  const T = p.bias.length;
  const B = index.length;
  const logits = linearLogits(p, rows, index);
  const y = new Float32Array(B * T);
  const mask = new Float32Array(B * T);
  for (let b = 0; b < B; b++) {
    const from = index[b] * T;
    for (let t = 0; t < T; t++) {
      y[b * T + t] = rows.labels[from + t];
      mask[b * T + t] = rows.masks[from + t];
    }
  }
  const { dLogits, report } = lossGradientAndReport(logits, y, mask, c);
  const grads: LinearParams = {
    dense: p.dense && new Float32Array(p.dense.length),
    table: p.table && new Float32Array(p.table.length),
    crosses: p.crosses && new Float32Array(p.crosses.length),
    bias: new Float32Array(T),
  };
  const { denseDim, idDim, bagDim, crossDim } = rows;
  for (let b = 0; b < B; b++) {
    const r = index[b];
    const o = b * T;
    for (let t = 0; t < T; t++) grads.bias[t] += dLogits[o + t];
    if (grads.dense) for (let d = 0; d < denseDim; d++) addInto(grads.dense, d, dLogits, o, rows.dense[r * denseDim + d], T);
    if (grads.table) {
      for (let k = r * idDim, end = k + idDim; k < end; k++) addInto(grads.table, rows.ids[k], dLogits, o, 1, T);
      for (let k = r * bagDim, end = k + bagDim; k < end; k++) {
        const w = rows.bagWeights[k];
        if (w !== 0) addInto(grads.table, rows.bagIds[k], dLogits, o, w, T);
      }
    }
    if (grads.crosses) for (let k = r * crossDim, end = k + crossDim; k < end; k++) addInto(grads.crosses, rows.crossIds[k], dLogits, o, 1, T);
  }
  return { grads, report };
}

/**
 * maskedLossBackward (scaled by the loss weights), maskedLossForward and lossReport of
 * lib/train/maskedLoss.ts in one pass: one exp and one log per logit serve the cross-entropy, its
 * gradient σ(l) − y, and the report too wherever the head is not downsampled (ln(w/k) = 0). Three
 * passes with five transcendental calls per logit were a third of this step.
 */
export function lossGradientAndReport(logits: Float32Array, y: Float32Array, mask: Float32Array, c: LinearLossConstants): { dLogits: Float32Array; report: Float32Array } {
  const T = c.lossWeight.length;
  const dLogits = new Float32Array(logits.length);
  const maskSum = new Float64Array(T);
  const lossSum = new Float64Array(T);
  const reportSum = new Float64Array(T);
  const reportWeight = new Float64Array(T);
  for (let i = 0, t = 0; i < logits.length; i++, t = t + 1 === T ? 0 : t + 1) {
    const m = mask[i];
    if (m === 0) continue;
    const l = logits[i];
    const yi = y[i];
    const e = Math.exp(-Math.abs(l));
    const loss = Math.max(l, 0) - l * yi + Math.log1p(e); // bce(l, y), maskedLoss.ts
    const sigmoid = l >= 0 ? 1 / (1 + e) : e / (1 + e);
    dLogits[i] = m * (sigmoid - yi);
    maskSum[t] += m;
    lossSum[t] += m * loss;
    const w = m * (yi * c.posWeight[t] + (1 - yi) * c.negWeight[t]);
    const shift = c.logKeep[t];
    reportSum[t] += w * (shift === 0 ? loss : bce(l + shift, yi));
    reportWeight[t] += w;
  }
  const scale = Float64Array.from(maskSum, (s, t) => c.lossWeight[t] / Math.max(s, 1e-6));
  for (let i = 0, t = 0; i < dLogits.length; i++, t = t + 1 === T ? 0 : t + 1) dLogits[i] *= scale[t];
  const report = new Float32Array(2 * T);
  for (let t = 0; t < T; t++) {
    report[t] = lossSum[t] / Math.max(maskSum[t], 1e-6);
    report[T + t] = reportSum[t] / Math.max(reportWeight[t], 1e-6);
  }
  return { dLogits, report };
}

/** acc[t] += w · m[row, t]. */
function addRow(acc: Float64Array, m: Float32Array, row: number, w: number, T: number): void {
  const o = row * T;
  for (let t = 0; t < T; t++) acc[t] += w * m[o + t];
}

/** g[row, t] += w · d[o + t]. */
function addInto(g: Float32Array, row: number, d: Float32Array, o: number, w: number, T: number): void {
  const base = row * T;
  for (let t = 0; t < T; t++) g[base + t] += w * d[o + t];
}

/** An id inside the table, or the error pooledLookup gives for one outside it. */
function checkedId(id: number, rows: number): number {
  if (!(id >= 0 && id < rows)) throw new Error(`pooledLookup: the id ${id} is not in [0, ${rows - 1}]`);
  return id;
}
