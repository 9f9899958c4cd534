import * as tf from '@tensorflow/tfjs';

/** What the kernel needs of the cpu and wasm backends: a synchronous read and a way to make the output. */
interface HostBackendLike {
  readSync(dataId: object): Float32Array | Int32Array;
  makeTensorInfo?(shape: number[], dtype: tf.DataType, values: Float32Array | Int32Array): tf.TensorInfo;
  makeOutput?(shape: number[], dtype: tf.DataType, memoryOffset?: number, values?: Float32Array | Int32Array): tf.TensorInfo;
}

/**
 * UnsortedSegmentSum for the tfjs cpu backend in O(rows × width). The stock kernel builds an
 * equality mask per segment, O(segments × rows × width): it is the gradient of every embedding
 * lookup, and one Adam step of a 4,096-row batch took 7.7 s at a 1,000-row table and did not
 * finish at 10,000 (DESIGN §3). This adds each row of x into its segment's row once.
 */
export function unsortedSegmentSumCpu(x: Float32Array | Int32Array, segmentIds: Int32Array, numSegments: number, width: number, dtype: 'float32' | 'int32'): Float32Array | Int32Array {
  const out = dtype === 'int32' ? new Int32Array(numSegments * width) : new Float32Array(numSegments * width);
  for (let i = 0; i < segmentIds.length; i++) {
    const s = segmentIds[i];
    if (s < 0 || s >= numSegments) continue; // TensorFlow drops out-of-range ids too
    const from = i * width;
    const to = s * width;
    for (let k = 0; k < width; k++) out[to + k] += x[from + k];
  }
  return out;
}

const registered = new Set<string>();

/**
 * Register the linear-time UnsortedSegmentSum for a backend that keeps tensors in host memory:
 * `cpu` (replacing its O(segments × rows) kernel) and `wasm` (which has none, so embeddings could
 * not train there at all; tfjs issue 8082). Once per thread and backend.
 */
export function registerFastSegmentSum(backendName: 'cpu' | 'wasm'): void {
  if (registered.has(backendName)) return;
  registered.add(backendName);
  if (tf.getKernel('UnsortedSegmentSum', backendName)) tf.unregisterKernel('UnsortedSegmentSum', backendName);
  tf.registerKernel({
    kernelName: 'UnsortedSegmentSum',
    backendName,
    kernelFunc: ({ inputs, backend, attrs }) => {
      const { x, segmentIds } = inputs as { x: tf.TensorInfo; segmentIds: tf.TensorInfo };
      const numSegments = (attrs as unknown as { numSegments: number }).numSegments;
      const host = backend as unknown as HostBackendLike;
      const ids = Int32Array.from(host.readSync(segmentIds.dataId));
      // Segment ids index the leading dimensions of x; everything after them is one row.
      const leading = segmentIds.shape.reduce((a, b) => a * b, 1);
      const width = leading === 0 ? 0 : x.shape.reduce((a, b) => a * b, 1) / leading;
      const dtype = x.dtype === 'int32' ? 'int32' : 'float32';
      const values = unsortedSegmentSumCpu(host.readSync(x.dataId), ids, numSegments, width, dtype);
      const shape = [numSegments, ...x.shape.slice(segmentIds.shape.length)];
      // By backend name, not by method: the cpu backend also has a makeOutput, with another signature.
      if (backendName === 'wasm') return host.makeOutput!(shape, dtype, undefined, values);
      return host.makeTensorInfo!(shape, dtype, values);
    },
  });
}

/** The cpu backend's kernel (Node tests and the browser's cpu fallback). */
export function registerFastCpuSegmentSum(): void {
  registerFastSegmentSum('cpu');
}
