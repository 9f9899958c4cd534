import * as tf from '@tensorflow/tfjs';
import { fillOutputs, hostBits, overrideKernel } from './host';

/**
 * Slice on wasm reading the input in place. tfjs' wasm Slice first copies the whole input out of the
 * heap (readSync), however small the slice: the trainer's 1,024 positions of an epoch's 40k-row order
 * cost a 160 KB copy per step, 0.7 ms in Chromium (HEAPU8.slice is slow there) of a ~10 ms MLP step.
 * Contiguous slices of 32-bit tensors are copied here; every other slice goes to the stock kernel.
 */
export function registerInPlaceSlice(backendName: 'wasm'): void {
  overrideKernel('Slice', backendName, (stock) => (args) => {
    const x = args.inputs.x as tf.TensorInfo;
    const { begin, size } = args.attrs as unknown as { begin: number | number[]; size: number | number[] };
    if (x.dtype !== 'float32' && x.dtype !== 'int32') return stock.kernelFunc(args);
    const [start, extent] = tf.slice_util.parseSliceParams(x as tf.Tensor, begin, size);
    if (!tf.slice_util.isSliceContinous(x.shape, start, extent)) return stock.kernelFunc(args);
    const offset = tf.slice_util.computeFlatOffset(start, tf.util.computeStrides(x.shape));
    const length = extent.reduce((p, d) => p * d, 1);
    return fillOutputs('wasm', args.backend, [{ shape: extent, dtype: x.dtype }], ([out]) => {
      new Int32Array(out.buffer, out.byteOffset, out.length).set(hostBits(args.backend, x).subarray(offset, offset + length));
    })[0];
  });
}
