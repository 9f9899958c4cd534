import * as tf from '@tensorflow/tfjs';
import { POOLED_LOOKUP, POOLED_LOOKUP_GRAD, pooledLookupBackward, pooledLookupForward, type PooledLookupAttrs } from '../../models/pooledLookup';
import { hostBits, hostFloats, makeOutput } from './host';

const registered = new Set<string>();

/**
 * The fused embedding lookup-and-pool of lib/models/pooledLookup.ts and its gradient, for the
 * backends whose tensors live in host memory. One pass over the batch's ids each way instead of the
 * composite's nine kernels over a [B·P, d] intermediate.
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
      const values = pooledLookupForward(hostFloats(backend, table), d, hostBits(backend, ids), weights ? hostFloats(backend, weights) : null, batch, segments);
      return makeOutput(backendName, backend, [batch, segments.length * d], 'float32', values);
    },
  });
  tf.registerKernel({
    kernelName: POOLED_LOOKUP_GRAD,
    backendName,
    kernelFunc: ({ inputs, backend, attrs }) => {
      const { dy, ids, weights } = inputs as { dy: tf.TensorInfo; ids: tf.TensorInfo; weights?: tf.TensorInfo };
      const { segments, vocabulary } = attrs as unknown as PooledLookupAttrs;
      const d = dy.shape[1] / Math.max(1, segments.length);
      const values = pooledLookupBackward(hostFloats(backend, dy), d, hostBits(backend, ids), weights ? hostFloats(backend, weights) : null, ids.shape[0], segments, vocabulary);
      return makeOutput(backendName, backend, [vocabulary, d], 'float32', values);
    },
  });
}
