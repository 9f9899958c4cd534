import * as tf from '@tensorflow/tfjs';
import { EMBED_ROW, EMBED_ROW_GRAD, embedRowBackward, embedRowForward, POOLED_LOOKUP, POOLED_LOOKUP_GRAD, pooledLookupBackward, pooledLookupForward, type EmbedRowAttrs, type PooledLookupAttrs } from '../../models/pooledLookup';
import { fillOutputs, hostBits, hostFloats } from './host';

const registered = new Set<string>();

/**
 * The fused embedding lookup-and-pool of lib/models/pooledLookup.ts and its gradient, for the
 * backends whose tensors live in host memory. One pass over the batch's ids each way instead of the
 * composite's nine kernels over a [B·P, d] intermediate. Also the whole embedded input row (embedRow).
 */
export function registerPooledLookup(backendName: 'cpu' | 'wasm'): void {
  if (registered.has(backendName)) return;
  registered.add(backendName);
  tf.registerKernel({
    kernelName: POOLED_LOOKUP,
    backendName,
    kernelFunc: ({ inputs, backend, attrs }) => {
      const { table, ids, weights } = inputs as { table: tf.TensorInfo; ids: tf.TensorInfo; weights?: tf.TensorInfo };
      const { segments } = attrs as unknown as PooledLookupAttrs;
      const d = table.shape[1];
      const batch = ids.shape[0];
      return fillOutputs(backendName, backend, [{ shape: [batch, segments.length * d], dtype: 'float32' }], ([out]) => {
        pooledLookupForward(hostFloats(backend, table), d, hostBits(backend, ids), weights ? hostFloats(backend, weights) : null, batch, segments, out as Float32Array);
      })[0];
    },
  });
  tf.registerKernel({
    kernelName: POOLED_LOOKUP_GRAD,
    backendName,
    kernelFunc: ({ inputs, backend, attrs }) => {
      const { dy, ids, weights } = inputs as { dy: tf.TensorInfo; ids: tf.TensorInfo; weights?: tf.TensorInfo };
      const { segments, vocabulary } = attrs as unknown as PooledLookupAttrs;
      const d = dy.shape[1] / Math.max(1, segments.length);
      return fillOutputs(backendName, backend, [{ shape: [vocabulary, d], dtype: 'float32' }], ([grad]) => {
        grad.fill(0);
        pooledLookupBackward(hostFloats(backend, dy), d, hostBits(backend, ids), weights ? hostFloats(backend, weights) : null, ids.shape[0], segments, vocabulary, grad as Float32Array);
      })[0];
    },
  });
  tf.registerKernel({
    kernelName: EMBED_ROW,
    backendName,
    kernelFunc: ({ inputs, backend, attrs }) => {
      const { table, dense, ids, bagIds, bagWeights } = inputs as Record<'table' | 'dense' | 'ids' | 'bagIds' | 'bagWeights', tf.TensorInfo>;
      const { bagLengths } = attrs as unknown as EmbedRowAttrs;
      const d = table.shape[1];
      const batch = dense.shape[0];
      const width = dense.shape[1] + (ids.shape[1] + bagLengths.length) * d;
      return fillOutputs(backendName, backend, [{ shape: [batch, width], dtype: 'float32' }], ([out]) => {
        embedRowForward(hostFloats(backend, table), d, hostFloats(backend, dense), hostBits(backend, ids), hostBits(backend, bagIds), hostFloats(backend, bagWeights), batch, bagLengths, out as Float32Array);
      })[0];
    },
  });
  tf.registerKernel({
    kernelName: EMBED_ROW_GRAD,
    backendName,
    kernelFunc: ({ inputs, backend, attrs }) => {
      const { dy, ids, bagIds, bagWeights } = inputs as Record<'dy' | 'ids' | 'bagIds' | 'bagWeights', tf.TensorInfo>;
      const { bagLengths, vocabulary, embeddingDim } = attrs as unknown as EmbedRowAttrs;
      return fillOutputs(backendName, backend, [{ shape: [vocabulary, embeddingDim], dtype: 'float32' }], ([grad]) => {
        embedRowBackward(hostFloats(backend, dy), embeddingDim, hostBits(backend, ids), hostBits(backend, bagIds), hostFloats(backend, bagWeights), dy.shape[0], bagLengths, vocabulary, grad as Float32Array);
      })[0];
    },
  });
}
