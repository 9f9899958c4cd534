import type * as tf from '@tensorflow/tfjs';
import { overrideKernel } from './host';

/**
 * Identity on wasm by sharing the input's buffer, as wasm's own Reshape and the cpu backend's Identity
 * do, instead of copying it. tfjs clones every tensor a gradient will need when an op is taped, and on
 * wasm each clone was a copy: 98 of them per logistic-regression step, among them whole training
 * inputs of [40k, 20]. Nothing mutates a buffer in place, so sharing is safe; the reference count
 * frees it once both tensors are gone.
 */
export function registerSharedIdentity(backendName: 'wasm'): void {
  overrideKernel('Identity', backendName, (stock) => (args) => {
    const { x } = args.inputs as { x: tf.TensorInfo };
    if (x.dtype === 'string') return stock.kernelFunc(args);
    (args.backend as unknown as { incRef(dataId: object): void }).incRef(x.dataId);
    return { dataId: x.dataId, shape: [...x.shape], dtype: x.dtype };
  });
}
