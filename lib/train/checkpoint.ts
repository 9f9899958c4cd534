import * as tf from '@tensorflow/tfjs';
import { TrainError } from './errors';

/** Copies of a model's weights at one step, kept on the device (no readback). */
export interface Checkpoint {
  step: number;
  weights: tf.Tensor[];
}

export function takeCheckpoint(variables: tf.Variable[], step: number): Checkpoint {
  return { step, weights: variables.map((v) => tf.keep(tf.clone(v))) };
}

/** Put the checkpoint's weights back into the variables (same order as taken). */
export function restoreCheckpoint(variables: tf.Variable[], checkpoint: Checkpoint): void {
  variables.forEach((v, i) => v.assign(checkpoint.weights[i]));
}

export function disposeCheckpoint(checkpoint: Checkpoint | null): void {
  checkpoint?.weights.forEach((w) => w.dispose());
}

/** Every variable's values in one readback (one flat concat), split back per variable. */
export async function readWeights(variables: tf.Variable[]): Promise<Float32Array[]> {
  const flat = tf.tidy(() => tf.concat(variables.map((v) => v.reshape([-1]))));
  const values = (await flat.data()) as Float32Array;
  flat.dispose();
  let offset = 0;
  return variables.map((v) => {
    const part = values.slice(offset, offset + v.size);
    offset += v.size;
    return part;
  });
}

/** Load read-back weights into a freshly built model of the same shape (resuming after a crash). */
export function writeWeights(variables: tf.Variable[], weights: Float32Array[]): void {
  const mismatch = weights.length !== variables.length || variables.some((v, i) => v.size !== weights[i].length);
  if (mismatch) throw new TrainError('resume-mismatch', 'The saved checkpoint does not fit this model (its shape changed).', 'Train again from the start.');
  variables.forEach((v, i) => tf.tidy(() => v.assign(tf.tensor(weights[i], v.shape, v.dtype))));
}
