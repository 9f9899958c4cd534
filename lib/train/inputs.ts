import * as tf from '@tensorflow/tfjs';
import type { EncodedRows } from '../features/encode';
import type { ModelInputs } from '../models/types';

/** The model inputs of every training row, uploaded once; a step gathers its batch from them. */
export type DeviceInputs = ModelInputs;

type Field = { key: keyof ModelInputs; values: (v: EncodedRows) => Float32Array | Int32Array; width: (v: EncodedRows) => number; dtype: 'float32' | 'int32' };

/** Every input a model reads, with where it lives in EncodedRows. */
const FIELDS: Field[] = [
  { key: 'dense', values: (v) => v.dense, width: (v) => v.denseDim, dtype: 'float32' },
  { key: 'ids', values: (v) => v.ids, width: (v) => v.idDim, dtype: 'int32' },
  { key: 'bagIds', values: (v) => v.bagIds, width: (v) => v.bagDim, dtype: 'int32' },
  { key: 'bagWeights', values: (v) => v.bagWeights, width: (v) => v.bagDim, dtype: 'float32' },
  { key: 'crossIds', values: (v) => v.crossIds, width: (v) => v.crossDim, dtype: 'int32' },
  { key: 'historyIds', values: (v) => v.historyIds, width: (v) => v.historyDim, dtype: 'int32' },
  { key: 'historyWeights', values: (v) => v.historyWeights, width: (v) => v.historyDim, dtype: 'float32' },
];

/** Tensors for rows [start, start + size) of encoded rows (all of them by default). */
export function inputsOf(v: EncodedRows, start = 0, size = v.rows): ModelInputs {
  const out = {} as Record<keyof ModelInputs, tf.Tensor2D>;
  for (const f of FIELDS) {
    const w = f.width(v);
    out[f.key] = tf.tensor2d(f.values(v).subarray(start * w, (start + size) * w), [size, w], f.dtype);
  }
  return out;
}

/** The rows `index` of every input. */
export function gatherInputs(all: ModelInputs, index: tf.Tensor1D): ModelInputs {
  const out = {} as Record<keyof ModelInputs, tf.Tensor2D>;
  // An input the model does not have (width 0) needs no kernel: an empty tensor of the batch's rows.
  for (const f of FIELDS) out[f.key] = all[f.key].shape[1] === 0 ? tf.zeros([index.shape[0], 0], all[f.key].dtype) : tf.gather(all[f.key], index);
  return out;
}

export function disposeInputs(x: ModelInputs): void {
  for (const f of FIELDS) x[f.key].dispose();
}
