import * as tf from '@tensorflow/tfjs';

/** The fused kernels behind pooledLookup and embedRow, registered for cpu and wasm by lib/train/kernels. */
export const POOLED_LOOKUP = 'ValueLabPooledLookup';
export const POOLED_LOOKUP_GRAD = 'ValueLabPooledLookupGrad';
export const EMBED_ROW = 'ValueLabEmbedRow';
export const EMBED_ROW_GRAD = 'ValueLabEmbedRowGrad';

export interface EmbedRowAttrs {
  /** Positions of each bag in bagIds, in order. */
  bagLengths: number[];
  vocabulary: number;
  /** The table's width d (the gradient kernel cannot tell it from dy's). */
  embeddingDim: number;
}

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

/**
 * A network's whole input row — [dense | one embedding per id | the weighted sum of each bag's
 * embeddings] — in one kernel, and the table's gradient in one more, where the fused kernels exist
 * (cpu, wasm); null elsewhere (the caller composes the row). The composite's concat and, going back,
 * the split of the row's gradient into parts (one for the dense inputs, which nothing uses) were a
 * sixth of an MLP step on wasm at batch 4096. Only the table is differentiated: the inputs are data.
 */
export function embedRow(table: tf.Tensor, dense: tf.Tensor2D, ids: tf.Tensor2D, bagIds: tf.Tensor2D, bagWeights: tf.Tensor2D, bagLengths: number[]): tf.Tensor2D | null {
  if (!tf.getKernel(EMBED_ROW, tf.getBackend())) return null;
  const attrs = { bagLengths, vocabulary: table.shape[0], embeddingDim: table.shape[1] as number } satisfies EmbedRowAttrs as unknown as tf.NamedAttrMap;
  // The inputs go in as arguments and are saved, not closed over: a tensor made inside a taped
  // function is disposed before the backward pass runs. Their "gradients" are zeros nothing reads.
  const fused = tf.customGrad(((t: tf.Tensor, dn: tf.Tensor, i: tf.Tensor, bi: tf.Tensor, bw: tf.Tensor, save: tf.GradSaveFunc) => {
    save([dn, i, bi, bw]);
    return {
      value: tf.engine().runKernel(EMBED_ROW, { table: t, dense: dn, ids: i, bagIds: bi, bagWeights: bw }, attrs) as tf.Tensor,
      gradFunc: (dy: tf.Tensor, [sd, si, sbi, sbw]: tf.Tensor[]) => [tf.engine().runKernel(EMBED_ROW_GRAD, { dy, ids: si, bagIds: sbi, bagWeights: sbw }, attrs) as tf.Tensor, ...[sd, si, sbi, sbw].map((x) => tf.zerosLike(x))],
    };
  }) as unknown as Parameters<typeof tf.customGrad>[0]);
  return fused(table, dense, ids, bagIds, bagWeights) as tf.Tensor2D;
}

/** The embedded row's arithmetic on host arrays: dense columns copied, then the ids' and the bags' blocks. */
export function embedRowForward(table: Float32Array, d: number, dense: Float32Array, ids: Int32Array, bagIds: Int32Array, bagWeights: Float32Array, batch: number, bagLengths: number[], out: Float32Array): Float32Array {
  const denseDim = dense.length / Math.max(1, batch);
  const idDim = ids.length / Math.max(1, batch);
  const width = denseDim + (idDim + bagLengths.length) * d;
  for (let b = 0; b < batch; b++) for (let j = 0; j < denseDim; j++) out[b * width + j] = dense[b * denseDim + j];
  pooledLookupForward(table, d, ids, null, batch, Array.from({ length: idDim }, () => 1), out, { width, offset: denseDim });
  pooledLookupForward(table, d, bagIds, bagWeights, batch, bagLengths, out, { width, offset: denseDim + idDim * d });
  return out;
}

/** The embedded row's table gradient (the dense columns of dy are skipped); `grad` is overwritten. */
export function embedRowBackward(dy: Float32Array, d: number, ids: Int32Array, bagIds: Int32Array, bagWeights: Float32Array, batch: number, bagLengths: number[], vocabulary: number, grad: Float32Array): Float32Array {
  const idDim = ids.length / Math.max(1, batch);
  const width = dy.length / Math.max(1, batch);
  const denseDim = width - (idDim + bagLengths.length) * d;
  grad.fill(0);
  pooledLookupBackward(dy, d, ids, null, batch, Array.from({ length: idDim }, () => 1), vocabulary, grad, { width, offset: denseDim });
  pooledLookupBackward(dy, d, bagIds, bagWeights, batch, bagLengths, vocabulary, grad, { width, offset: denseDim + idDim * d });
  return grad;
}

/** Where in each output row a lookup writes (or, going back, where its gradient is read): a block of `width` columns at `offset`. */
export interface RowBlock {
  width: number;
  offset: number;
}

/**
 * The forward kernel's arithmetic on host arrays (weights null: every weight 1); writes only its block of `out`.
 * Four output columns at a time are summed in locals over a segment's positions and stored once: adding
 * into `out` per position was a load and a store per multiply-add (V8 cannot keep an element of a typed
 * array in a register when another array may share its buffer). The MLP's embedded row at batch 4096:
 * 1.06–1.15 → 0.93–0.95 ms per step in Node (the gradient done the same way measured no faster).
 */
export function pooledLookupForward(table: Float32Array, d: number, ids: Int32Array, weights: Float32Array | null, batch: number, segments: number[], out: Float32Array = new Float32Array(batch * segments.length * d), block: RowBlock = { width: segments.length * d, offset: 0 }): Float32Array {
  const positions = ids.length / Math.max(1, batch);
  const { width, offset } = block;
  const vocabulary = table.length / d;
  for (let b = 0; b < batch; b++) {
    let first = b * positions;
    for (let k = 0; k < segments.length; k++) {
      const o = b * width + offset + k * d;
      const end = first + segments[k];
      for (let p = first; p < end; p++) {
        if ((weights ? weights[p] : 1) !== 0 && !(ids[p] >= 0 && ids[p] < vocabulary)) throw new Error(`pooledLookup: the id ${ids[p]} is not in [0, ${vocabulary - 1}]`);
      }
      let j = 0;
      for (; j + 4 <= d; j += 4) {
        let a0 = 0;
        let a1 = 0;
        let a2 = 0;
        let a3 = 0;
        for (let p = first; p < end; p++) {
          const w = weights ? weights[p] : 1;
          if (w === 0) continue; // padding
          const r = ids[p] * d + j;
          a0 += w * table[r];
          a1 += w * table[r + 1];
          a2 += w * table[r + 2];
          a3 += w * table[r + 3];
        }
        out[o + j] = a0;
        out[o + j + 1] = a1;
        out[o + j + 2] = a2;
        out[o + j + 3] = a3;
      }
      for (; j < d; j++) {
        let a = 0;
        for (let p = first; p < end; p++) {
          const w = weights ? weights[p] : 1;
          if (w !== 0) a += w * table[ids[p] * d + j];
        }
        out[o + j] = a;
      }
      first = end;
    }
  }
  return out;
}

/**
 * The gradient kernel's arithmetic: dTable[ids[b, p]] += w[b, p] · dy[b, segment of p], read from
 * `dy`'s block; added to `grad` as it is (zero it first for a fresh gradient).
 */
export function pooledLookupBackward(dy: Float32Array, d: number, ids: Int32Array, weights: Float32Array | null, batch: number, segments: number[], vocabulary: number, grad: Float32Array = new Float32Array(vocabulary * d), block: RowBlock = { width: segments.length * d, offset: 0 }): Float32Array {
  const positions = ids.length / Math.max(1, batch);
  const { width, offset } = block;
  for (let b = 0; b < batch; b++) {
    let p = b * positions;
    for (let k = 0; k < segments.length; k++) {
      const o = b * width + offset + k * d;
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
