import * as tf from '@tensorflow/tfjs';
import { fillOutputs, hostBits, overrideKernel, type HostBackendLike } from './host';

/**
 * out[o, i, k] = x[o, indices[i], k]: rows of x picked along one axis. Works on the 32-bit patterns
 * (floats viewed as int32), so one monomorphic loop serves both dtypes. Throws on an index outside
 * [0, size) as tfjs' own kernels do.
 */
export function gatherRows(x: Int32Array, indices: Int32Array, outer: number, size: number, inner: number, out: Int32Array = new Int32Array(outer * indices.length * inner)): Int32Array {
  const n = indices.length;
  for (let o = 0; o < outer; o++) {
    const base = o * size * inner;
    const outBase = o * n * inner;
    for (let i = 0; i < n; i++) {
      const row = indices[i];
      if (!(row >= 0 && row < size)) throw new Error(`GatherV2: the index value ${row} is not in [0, ${size - 1}]`);
      const from = base + row * inner;
      const to = outBase + i * inner;
      if (inner > 256) out.set(x.subarray(from, from + inner), to);
      else for (let k = 0; k < inner; k++) out[to + k] = x[from + k];
    }
  }
  return out;
}

/**
 * A GatherV2 for the wasm backend that copies whole rows. tfjs' wasm kernel walks every element through
 * generic 4-D index arithmetic: picking a 4,096-row batch out of a [40k, 20] input took 8 ms and the
 * embedding lookups of one logistic-regression step 27 ms, two thirds of the step (bench/README). This
 * does the same in well under a millisecond. Gathers with batch dimensions, or of other dtypes, go to
 * the stock kernel.
 */
export function registerFastGather(backendName: 'wasm' | 'cpu'): void {
  overrideKernel('GatherV2', backendName, (stock) => (args) => {
    const { inputs, backend, attrs } = args;
    const { x, indices } = inputs as { x: tf.TensorInfo; indices: tf.TensorInfo };
    const { axis, batchDims } = attrs as unknown as { axis: number; batchDims: number };
    if ((batchDims ?? 0) !== 0 || (x.dtype !== 'float32' && x.dtype !== 'int32')) return stock.kernelFunc(args);
    const a = axis < 0 ? axis + x.shape.length : axis;
    const outer = x.shape.slice(0, a).reduce((p, d) => p * d, 1);
    const size = x.shape[a];
    const inner = x.shape.slice(a + 1).reduce((p, d) => p * d, 1);
    const shape = [...x.shape.slice(0, a), ...indices.shape, ...x.shape.slice(a + 1)];
    const [out] = fillOutputs(backendName, backend, [{ shape, dtype: x.dtype as 'float32' | 'int32' }], ([values]) => {
      // The indices in place as well (readSync copied them out of wasm's heap, slowly in Chromium).
      gatherRows(hostBits(backend, x), indexBits(backend, indices), outer, size, inner, new Int32Array(values.buffer, values.byteOffset, values.length));
    });
    return out;
  });
}

/** Indices as int32 values: in place for int32, converted when they arrive as floats. */
function indexBits(backend: unknown, indices: tf.TensorInfo): Int32Array {
  if (indices.dtype === 'int32') return hostBits(backend, indices);
  const values = (backend as HostBackendLike).readSync(indices.dataId);
  return values instanceof Int32Array ? values : Int32Array.from(values);
}
