import * as tf from '@tensorflow/tfjs';
import type { ModelShape, MultiHeadModel, ModelInputs } from './types';

/**
 * Multi-head logistic regression: for task t,
 *   logit_t(x) = x_dense · w_t + Σ_c e_t[id_c] + b_t.
 * Each id's weight is a 1-dimensional "embedding" per task (one-hot logistic regression without
 * materialising the one-hot matrix). Heads share nothing, so this is T independent models trained
 * in one pass. Classic reference: McMahan et al. 2013, "Ad Click Prediction: a View from the Trenches".
 */
export function buildLogisticRegression(shape: ModelShape): MultiHeadModel {
  const taskCount = shape.tasks.length;
  const dense = shape.denseDim > 0 ? ownedVariable(tf.zeros([shape.denseDim, taskCount])) : null; // [D, T]
  const table = shape.idDim > 0 || shape.bagDim > 0 ? ownedVariable(tf.zeros([shape.vocabularySize, taskCount])) : null; // [V, T]
  const bias = ownedVariable(tf.tensor1d(shape.initialBias)); // [T]
  const variables = [dense, table, bias].filter((v): v is tf.Variable => v !== null);

  return {
    kind: 'logistic-regression',
    tasks: shape.tasks,
    variables,
    parameterCount: variables.reduce((s, v) => s + v.size, 0),
    logits: ({ dense: x, ids, bagIds, bagWeights }: ModelInputs) =>
      tf.tidy(() => {
        let out: tf.Tensor2D = tf.add(tf.zeros([x.shape[0], taskCount]), bias);
        if (dense) out = tf.add(out, tf.matMul(x, dense));
        if (table && shape.idDim > 0) {
          const [batch, cols] = ids.shape;
          const looked = tf.gather(table, tf.reshape(ids, [batch * cols])); // [batch*cols, T]
          out = tf.add(out, tf.sum(tf.reshape(looked, [batch, cols, taskCount]), 1));
        }
        if (table && shape.bagDim > 0) {
          // Each bag contributes the mean weight of its ids: positions carry 1/length (0 for padding).
          const [batch, positions] = bagIds.shape;
          const looked = tf.reshape(tf.gather(table, tf.reshape(bagIds, [batch * positions])), [batch, positions, taskCount]);
          out = tf.add(out, tf.sum(tf.mul(looked, tf.expandDims(bagWeights, 2)), 1));
        }
        return out;
      }),
    penalty: () =>
      tf.tidy(() => {
        const weights = [dense, table].filter((v): v is tf.Variable => v !== null);
        if (weights.length === 0 || shape.l2 === 0) return tf.scalar(0);
        return tf.mul(shape.l2, tf.addN(weights.map((w) => tf.sum(tf.square(w))))) as tf.Scalar;
      }),
    dispose: () => variables.forEach((v) => v.dispose()),
  };
}

/** A trainable variable that does not leave its initial-value tensor behind (tf.variable copies it). */
function ownedVariable(initial: tf.Tensor): tf.Variable {
  const v = tf.variable(initial, true);
  initial.dispose();
  return v;
}
