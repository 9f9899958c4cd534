import * as tf from '@tensorflow/tfjs';
import { buildModel, type NeuralKind } from '../models/registry';
import type { BackendName } from './protocol';
import type { TrainConfig } from './config';
import { disposeInputs, inputsOf } from './inputs';
import type { PreparedData } from './prepare';
import { modelShapeOf } from './modelShape';
import { FusedAdam } from './optimizer';

export interface BackendSpeed {
  name: BackendName;
  rowsPerSecond: number;
}

/**
 * Train the actual model on one batch of the actual data for about `seconds` on the current
 * backend and return rows per second. The first step (shader compilation, uploads) is not timed;
 * the clock stops only after a readback, so a GPU queue cannot hide unfinished work.
 */
export async function measureTrainingSpeed(data: PreparedData, config: TrainConfig, seconds: number): Promise<number> {
  const rows = Math.min(config.batchSize, data.train.rows);
  const model = buildModel(config.modelKind as NeuralKind, modelShapeOf(data, config));
  const optimizer = new FusedAdam(config.learningRate);
  const x = inputsOf(data.train, 0, rows);
  const T = data.tasks.length;
  const y = tf.tensor2d(data.trainLabels.subarray(0, rows * T), [rows, T]);
  try {
    const step = () => optimizer.minimize(() => tf.add(tf.losses.sigmoidCrossEntropy(y, model.logits(x)), model.penalty()) as tf.Scalar, true) as tf.Scalar;
    const warm = step();
    await warm.data();
    warm.dispose();
    const started = performance.now();
    let steps = 0;
    while (performance.now() - started < seconds * 1000 || steps < 2) {
      const loss = step();
      steps++;
      // Read back every step: a real run reads back a few times a second, and this keeps the clock honest.
      await loss.data();
      loss.dispose();
    }
    return (steps * rows) / ((performance.now() - started) / 1000);
  } finally {
    disposeInputs(x);
    y.dispose();
    optimizer.dispose();
    model.dispose();
  }
}
