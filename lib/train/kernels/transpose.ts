import * as tf from '@tensorflow/tfjs';
import { fillOutputs, hostBits, overrideKernel } from './host';

/**
 * Swap the last two axes of 32-bit values: [batch, rows, cols] → [batch, cols, rows]. tfjs' wasm
 * Transpose walks every element through general index arithmetic, ~7 ns each here: the transposed
 * copies every dense layer's weight gradient needs (xᵀ·dy, lib/train/kernels/matMul.ts) cost 5.3 ms
 * of an MLP step's ~19 at batch 4096, twice the products themselves. In tiles of TILE rows, each
 * column's run of TILE values is written contiguously while the tile's rows (≤ 64 columns wide in our
 * models, 16 KB) stay in cache.
 */
const TILE = 64;

export function transposeLast(src: Int32Array, dst: Int32Array, batch: number, rows: number, cols: number): void {
  const size = rows * cols;
  for (let b = 0; b < batch; b++) {
    const base = b * size;
    for (let r0 = 0; r0 < rows; r0 += TILE) {
      const r1 = Math.min(rows, r0 + TILE);
      for (let c = 0; c < cols; c++) {
        let o = base + c * rows + r0;
        const end = base + r1 * cols + c;
        for (let i = base + r0 * cols + c; i < end; i += cols) dst[o++] = src[i];
      }
    }
  }
}

/** The permutation that swaps the last two axes of a rank-r tensor, and only those. */
export function swapsLastTwo(perm: number[]): boolean {
  const r = perm.length;
  return r >= 2 && perm[r - 2] === r - 1 && perm[r - 1] === r - 2 && perm.slice(0, r - 2).every((p, i) => p === i);
}

/** x with its last two axes swapped, as a new tensor on the wasm backend. */
export function transposeLastOnHost(backend: unknown, x: tf.TensorInfo): tf.TensorInfo {
  const r = x.shape.length;
  const rows = x.shape[r - 2];
  const cols = x.shape[r - 1];
  const batch = x.shape.slice(0, r - 2).reduce((p, d) => p * d, 1);
  const shape = [...x.shape.slice(0, r - 2), cols, rows];
  const dtype = x.dtype === 'float32' ? 'float32' : 'int32';
  return fillOutputs('wasm', backend, [{ shape, dtype }], ([out]) => transposeLast(hostBits(backend, x), new Int32Array(out.buffer, out.byteOffset, out.length), batch, rows, cols))[0];
}

/** Transpose on wasm: swaps of the last two axes of 32-bit tensors here, every other case as tfjs does it. */
export function registerFastTranspose(backendName: 'wasm'): void {
  overrideKernel('Transpose', backendName, (stock) => (args) => {
    const x = args.inputs.x as tf.TensorInfo;
    const { perm } = args.attrs as unknown as { perm: number[] };
    if ((x.dtype === 'float32' || x.dtype === 'int32') && swapsLastTwo(perm)) return transposeLastOnHost(args.backend, x);
    return stock.kernelFunc(args);
  });
}
