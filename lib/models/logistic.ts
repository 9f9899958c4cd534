import * as tf from '@tensorflow/tfjs';
import { assembleModel, owned, perHeadColumns } from './layers';
import { pooledLookup } from './pooledLookup';
import type { ModelShape, MultiHeadModel, ModelInputs } from './types';

/**
 * Multi-head logistic regression: for task t,
 *   logit_t(x) = x_dense · w_t + Σ_c e_t[id_c] + Σ_k c_t[cross_k] + b_t.
 * Each id's weight is a 1-dimensional "embedding" per task (one-hot logistic regression without
 * materialising the one-hot matrix); hashed crosses of two columns add one weight per bucket, the
 * memorisation that a linear model cannot get from the columns alone. Heads share nothing, so this
 * is T independent models trained in one pass. Reference: McMahan et al. 2013, "Ad Click
 * Prediction: a View from the Trenches".
 */
export function buildLogisticRegression(shape: ModelShape): MultiHeadModel {
  const linear = buildLinearPart(shape, true);
  // Heads share nothing: every weight matrix is one column per head, restored from that head's best step.
  return assembleModel('logistic-regression', shape, linear.variables, linear.logits, { penalised: linear.weights, linear: linear.parts, headParts: perHeadColumns(linear.variables) });
}

/** The linear ("wide") part: weights per dense feature, id, bag id and cross bucket, per task. */
export function buildLinearPart(shape: ModelShape, withBias: boolean): { variables: tf.Variable[]; weights: tf.Variable[]; parts: MultiHeadModel['linear']; logits(x: ModelInputs): tf.Tensor2D } {
  const T = shape.tasks.length;
  const dense = shape.denseDim > 0 ? owned(tf.zeros([shape.denseDim, T])) : null; // [D, T]
  const table = shape.idDim > 0 || shape.bagDim > 0 ? owned(tf.zeros([shape.vocabularySize, T])) : null; // [V, T]
  const crosses = shape.crossDim > 0 ? owned(tf.zeros([shape.crossVocabularySize, T])) : null; // [C, T]
  const bias = withBias ? owned(tf.tensor1d(shape.initialBias)) : null; // [T]
  const weights = [dense, table, crosses].filter((v): v is tf.Variable => v !== null);
  return {
    weights,
    variables: bias ? [...weights, bias] : weights,
    parts: bias ? { dense, table, crosses, bias } : undefined,
    logits: ({ dense: x, ids, bagIds, bagWeights, crossIds }) => {
      const batch = x.shape[0];
      const parts: tf.Tensor2D[] = [];
      if (dense) parts.push(tf.matMul(x, dense));
      if (table && shape.idDim > 0) parts.push(pooledLookup(table, ids, null, [shape.idDim]));
      if (crosses) parts.push(pooledLookup(crosses, crossIds, null, [shape.crossDim]));
      // Each bag contributes the mean weight of its ids: positions carry 1/length (0 for padding).
      if (table && shape.bagDim > 0) parts.push(pooledLookup(table, bagIds, bagWeights, [shape.bagDim]));
      if (parts.length === 0) parts.push(tf.zeros([batch, T]));
      const sum = parts.reduce((a, b) => tf.add(a, b));
      return bias ? tf.add(sum, bias) : sum;
    },
  };
}
