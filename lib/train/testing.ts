import * as tf from '@tensorflow/tfjs';
import { registerFastCpuSegmentSum } from './kernels/segmentSum';

/** Use the tfjs cpu backend in Node tests (the same kernels the browser's cpu fallback runs). */
export async function useCpuBackend(): Promise<void> {
  registerFastCpuSegmentSum();
  await tf.setBackend('cpu');
  await tf.ready();
  if (tf.getBackend() !== 'cpu') throw new Error(`expected the cpu backend, got ${tf.getBackend()}`);
}
