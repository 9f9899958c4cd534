import * as tf from '@tensorflow/tfjs';

/** The fused kernels behind pooledLookup, registered for cpu and wasm by lib/train/kernels. */
export const POOLED_LOOKUP = 'ValueLabPooledLookup';
export const POOLED_LOOKUP_GRAD = 'ValueLabPooledLookupGrad';

export interface PooledLookupAttrs {
  /** Consecutive positions pooled together: out has one d-wide block per segment. */
  segments: number[];
  /** The table's row count (the gradient's shape). */
  vocabulary: number;
}

/**
 * out[b, k·d + j] = Σ_{p in segment k} w[b, p] · table[ids[b, p], j]: the weighted sum of embedding rows
 * per segment of positions (a bag's mean with w = 1/length; a linear model's Σ of id weights with w = 1).
 * On cpu and wasm this is one fused kernel and its gradient another, where the composite below is a
 * gather, a reshape, a multiply and a sum forward and five kernels back, each walking the whole
 * [B·P, d] lookup; elsewhere (WebGPU, WebGL) it is that composite.
 */
export function pooledLookup(table: tf.Tensor, ids: tf.Tensor2D, weights: tf.Tensor2D | null, segments: number[]): tf.Tensor2D {
  const [batch, positions] = ids.shape;
  const d = table.shape[1] as number;
  if (tf.getKernel(POOLED_LOOKUP, tf.getBackend())) {
    const attrs = { segments, vocabulary: table.shape[0] } satisfies PooledLookupAttrs as unknown as tf.NamedAttrMap;
    // Without weights (a linear model's ids, every weight 1) there is no weights tensor to make, pass or differentiate.
    const fused = tf.customGrad(((...args: unknown[]) => {
      const save = args.pop() as tf.GradSaveFunc;
      const [t, i, wt] = args as tf.Tensor[];
      save(wt ? [i, wt] : [i]);
      return {
        value: tf.engine().runKernel(POOLED_LOOKUP, wt ? { table: t, ids: i, weights: wt } : { table: t, ids: i }, attrs) as tf.Tensor,
        gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => [
          tf.engine().runKernel(POOLED_LOOKUP_GRAD, saved[1] ? { dy, ids: saved[0], weights: saved[1] } : { dy, ids: saved[0] }, attrs) as tf.Tensor,
          ...saved.map((x) => tf.zerosLike(x)),
        ],
      };
    }) as unknown as Parameters<typeof tf.customGrad>[0]);
    return (weights ? fused(table, ids, weights) : fused(table, ids)) as tf.Tensor2D;
  }
  const w = weights ?? tf.onesLike(ids).toFloat();
  const looked = tf.reshape(tf.gather(table, tf.reshape(ids, [-1])), [batch, positions, d]);
  const weighted = tf.mul(looked, tf.expandDims(w, 2));
  if (segments.length === 1) return tf.sum(weighted, 1) as tf.Tensor2D;
  const parts: tf.Tensor2D[] = [];
  let start = 0;
  for (const length of segments) {
    parts.push(tf.sum(tf.slice(weighted, [0, start, 0], [batch, length, d]), 1) as tf.Tensor2D);
    start += length;
  }
  return tf.concat(parts, 1);
}

/** The forward kernel's arithmetic on host arrays (weights null: every weight 1). */
export function pooledLookupForward(table: Float32Array, d: number, ids: Int32Array, weights: Float32Array | null, batch: number, segments: number[], out: Float32Array = new Float32Array(batch * segments.length * d)): Float32Array {
  const positions = ids.length / Math.max(1, batch);
  const width = segments.length * d;
  out.fill(0);
  const vocabulary = table.length / d;
  for (let b = 0; b < batch; b++) {
    let p = b * positions;
    for (let k = 0; k < segments.length; k++) {
      const o = b * width + k * d;
      for (let e = 0; e < segments[k]; e++, p++) {
        const w = weights ? weights[p] : 1;
        if (w === 0) continue; // padding
        if (!(ids[p] >= 0 && ids[p] < vocabulary)) throw new Error(`pooledLookup: the id ${ids[p]} is not in [0, ${vocabulary - 1}]`);
        const row = ids[p] * d;
        for (let j = 0; j < d; j++) out[o + j] += w * table[row + j];
      }
    }
  }
  return out;
}

/** The gradient kernel's arithmetic: dTable[ids[b, p]] += w[b, p] · dy[b, segment of p]. */
export function pooledLookupBackward(dy: Float32Array, d: number, ids: Int32Array, weights: Float32Array | null, batch: number, segments: number[], vocabulary: number, grad: Float32Array = new Float32Array(vocabulary * d)): Float32Array {
  const positions = ids.length / Math.max(1, batch);
  const width = segments.length * d;
  grad.fill(0);
  for (let b = 0; b < batch; b++) {
    let p = b * positions;
    for (let k = 0; k < segments.length; k++) {
      const o = b * width + k * d;
      for (let e = 0; e < segments[k]; e++, p++) {
        const w = weights ? weights[p] : 1;
        if (w === 0) continue;
        const row = ids[p];
        if (row < 0 || row >= vocabulary) continue; // as the gather gradient drops out-of-range ids
        for (let j = 0; j < d; j++) grad[row * d + j] += w * dy[o + j];
      }
    }
  }
  return grad;
}
