import * as tf from '@tensorflow/tfjs';

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
