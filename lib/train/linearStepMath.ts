import type { EncodedRows } from '../features/encode';
import { bce } from './maskedLoss';

/**
 * The arithmetic of one training step of the logistic regression (lib/models/logistic.ts) on host
 * arrays: the gradient of the weighted masked loss over a batch, and its report. The
 * generic step runs the same model as ~25 tfjs kernels forward, back and in Adam; their dispatch, not
 * their arithmetic, set its pace on cpu and wasm (a 1,024-row batch does ~50k multiply-adds). See
 * lib/train/linearStep.ts for when it is used; lib/train/linearStep.test.ts holds it to the generic step.
 */

/** Every training row's encoded inputs a linear model reads (as lib/features/encode.ts lays them out), and the labels and masks [N, T]. */
export type LinearRows = Pick<EncodedRows, 'dense' | 'denseDim' | 'ids' | 'idDim' | 'bagIds' | 'bagWeights' | 'bagDim' | 'crossIds' | 'crossDim'> & {
  labels: Float32Array;
  masks: Float32Array;
};

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

/**
 * Gradients of Σ_t lossWeight_t · (masked mean cross-entropy of head t) with respect to every weight,
 * and the step's report [2, T]: that sampled-space loss per head, then the recalibrated one (lossReport
 * of lib/train/maskedLoss.ts). One pass over the batch: each row's logits, its loss terms and its
 * gradient are computed together and scattered while its inputs are in cache (three passes read every
 * row's 26 ids twice more, from arrays too large for the cache).
 *
 * logit[b, t] = x·W[:, t] + Σ table[ids, t] + Σ crosses[crossIds, t] + Σ w·table[bagIds, t] + bias[t].
 */
export function linearGradients(p: LinearParams, rows: LinearRows, index: Int32Array, c: LinearLossConstants): { grads: LinearParams; report: Float32Array } {
  const T = p.bias.length;
  const B = index.length;
  const { denseDim, idDim, bagDim, crossDim, labels, masks } = rows;
  const vocabulary = p.table ? p.table.length / T : 0;
  const crossVocabulary = p.crosses ? p.crosses.length / T : 0;
  // The masked mean divides by each head's Σ mask over the batch: known before the rows are.
  const maskSum = new Float64Array(T);
  for (let b = 0; b < B; b++) for (let t = 0; t < T; t++) maskSum[t] += masks[index[b] * T + t];
  const scale = Float64Array.from(maskSum, (m, t) => c.lossWeight[t] / Math.max(m, 1e-6));
  const grads: LinearParams = {
    dense: p.dense && new Float32Array(p.dense.length),
    table: p.table && new Float32Array(p.table.length),
    crosses: p.crosses && new Float32Array(p.crosses.length),
    bias: new Float32Array(T),
  };
  const lossSum = new Float64Array(T);
  const reportSum = new Float64Array(T);
  const reportWeight = new Float64Array(T);
  const acc = new Float64Array(T); // this row's logits, then d loss / d logit
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
    // Loss terms and d loss / d logit: one exp and one log per logit serve the cross-entropy, σ(l) − y,
    // and the report too wherever the head is not downsampled (ln(w/k) = 0).
    let any = false;
    for (let t = 0; t < T; t++) {
      const m = masks[r * T + t];
      const l = acc[t];
      acc[t] = 0;
      if (m === 0) continue;
      const y = labels[r * T + t];
      const e = Math.exp(-Math.abs(l));
      const loss = Math.max(l, 0) - l * y + Math.log1p(e); // bce(l, y)
      lossSum[t] += m * loss;
      const w = m * (y * c.posWeight[t] + (1 - y) * c.negWeight[t]);
      const shift = c.logKeep[t];
      reportSum[t] += w * (shift === 0 ? loss : bce(l + shift, y));
      reportWeight[t] += w;
      acc[t] = scale[t] * m * ((l >= 0 ? 1 / (1 + e) : e / (1 + e)) - y);
      any = true;
    }
    if (!any) continue;
    for (let t = 0; t < T; t++) grads.bias[t] += acc[t];
    if (grads.dense) for (let d = 0; d < denseDim; d++) addInto(grads.dense, d, acc, rows.dense[r * denseDim + d], T);
    if (grads.table) {
      for (let k = r * idDim, end = k + idDim; k < end; k++) addInto(grads.table, rows.ids[k], acc, 1, T);
      for (let k = r * bagDim, end = k + bagDim; k < end; k++) {
        const w = rows.bagWeights[k];
        if (w !== 0) addInto(grads.table, rows.bagIds[k], acc, w, T);
      }
    }
    if (grads.crosses) for (let k = r * crossDim, end = k + crossDim; k < end; k++) addInto(grads.crosses, rows.crossIds[k], acc, 1, T);
  }
  const report = new Float32Array(2 * T);
  for (let t = 0; t < T; t++) {
    report[t] = lossSum[t] / Math.max(maskSum[t], 1e-6);
    report[T + t] = reportSum[t] / Math.max(reportWeight[t], 1e-6);
  }
  return { grads, report };
}

/** acc[t] += w · m[row, t]. */
function addRow(acc: Float64Array, m: Float32Array, row: number, w: number, T: number): void {
  const o = row * T;
  for (let t = 0; t < T; t++) acc[t] += w * m[o + t];
}

/** g[row, t] += w · d[t]. */
function addInto(g: Float32Array, row: number, d: Float64Array, w: number, T: number): void {
  const base = row * T;
  for (let t = 0; t < T; t++) g[base + t] += w * d[t];
}

/** An id inside the table, or the error pooledLookup gives for one outside it. */
function checkedId(id: number, rows: number): number {
  if (!(id >= 0 && id < rows)) throw new Error(`pooledLookup: the id ${id} is not in [0, ${rows - 1}]`);
  return id;
}
