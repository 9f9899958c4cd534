import * as tf from '@tensorflow/tfjs';
import { registerHostKernels } from './kernels';

/** Use the tfjs cpu backend in Node tests (the same kernels the browser's cpu fallback runs). */
export async function useCpuBackend(): Promise<void> {
  registerHostKernels('cpu');
  await tf.setBackend('cpu');
  await tf.ready();
  if (tf.getBackend() !== 'cpu') throw new Error(`expected the cpu backend, got ${tf.getBackend()}`);
}
