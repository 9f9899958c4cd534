import * as tf from '@tensorflow/tfjs';
import { overrideKernel } from './host';
import { transposeLastOnHost } from './transpose';

interface DisposingBackend {
  disposeData(dataId: object): boolean | void;
}

/**
 * BatchMatMul on wasm with its operands transposed first. tfjs' wasm kernel hands untransposed
 * products to XNNPACK but computes transposed ones itself, about 10× slower: every gradient of a
 * dense layer is one (dy·Wᵀ and xᵀ·dy), and in the MLP's backward pass four of them took 82 of the
 * step's 190 ms while its forward products took 4 (bench/README). Transposing an operand explicitly
 * (lib/train/kernels/transpose.ts) sends the product down the fast path.
 */
export function registerTransposeFreeMatMul(backendName: 'wasm'): void {
  overrideKernel('BatchMatMul', backendName, (stock) => (args) => {
    const { inputs, backend, attrs } = args;
    const { a, b } = inputs as { a: tf.TensorInfo; b: tf.TensorInfo };
    const { transposeA, transposeB } = attrs as unknown as { transposeA: boolean; transposeB: boolean };
    if (!transposeA && !transposeB) return stock.kernelFunc(args);
    // Products are float32 here; the copy is ours (transpose.ts), several times faster than tfjs' own.
    const swapLast = (t: tf.TensorInfo) => transposeLastOnHost(backend, t);
    const left = transposeA ? swapLast(a) : a;
    const right = transposeB ? swapLast(b) : b;
    try {
      return stock.kernelFunc({ inputs: { a: left, b: right }, backend, attrs: { ...attrs, transposeA: false, transposeB: false } });
    } finally {
      if (left !== a) (backend as unknown as DisposingBackend).disposeData(left.dataId);
      if (right !== b) (backend as unknown as DisposingBackend).disposeData(right.dataId);
    }
  });
}
