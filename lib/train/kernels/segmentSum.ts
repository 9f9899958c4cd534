import * as tf from '@tensorflow/tfjs';

interface CpuBackendLike {
  readSync(dataId: object): Float32Array | Int32Array;
  makeTensorInfo(shape: number[], dtype: tf.DataType, values: Float32Array | Int32Array): tf.TensorInfo;
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

let registered = false;

/** Replace the cpu backend's UnsortedSegmentSum with the linear-time one (once per thread). */
export function registerFastCpuSegmentSum(): void {
  if (registered) return;
  registered = true;
  tf.unregisterKernel('UnsortedSegmentSum', 'cpu');
  tf.registerKernel({
    kernelName: 'UnsortedSegmentSum',
    backendName: 'cpu',
    kernelFunc: ({ inputs, backend, attrs }) => {
      const { x, segmentIds } = inputs as { x: tf.TensorInfo; segmentIds: tf.TensorInfo };
      const numSegments = (attrs as unknown as { numSegments: number }).numSegments;
      const cpu = backend as unknown as CpuBackendLike;
      const ids = Int32Array.from(cpu.readSync(segmentIds.dataId));
      // Segment ids index the leading dimensions of x; everything after them is one row.
      const leading = segmentIds.shape.reduce((a, b) => a * b, 1);
      const width = leading === 0 ? 0 : x.shape.reduce((a, b) => a * b, 1) / leading;
      const dtype = x.dtype === 'int32' ? 'int32' : 'float32';
      const values = unsortedSegmentSumCpu(cpu.readSync(x.dataId), ids, numSegments, width, dtype);
      return cpu.makeTensorInfo([numSegments, ...x.shape.slice(segmentIds.shape.length)], dtype, values);
    },
  });
}
