import * as tf from '@tensorflow/tfjs';
import { assembleModel, denseStack, owned, perHeadColumns } from './layers';
import { buildMlpTower } from './mlp';
import type { ModelInputs, ModelShape, MultiHeadModel } from './types';

/**
 * Sequence model: each impression also sees the user's previous items (strictly earlier in time,
 * lib/features/history.ts), embedded with the candidate item's own embedding table and pooled
 * into one vector that joins the MLP's input.
 * - mean: the average of the previous items' embeddings;
 * - attention (Zhou et al. 2018, "Deep Interest Network"): each previous item gets a weight from a
 *   small MLP over [e_j, e_c, e_j − e_c, e_j ⊙ e_c] against the candidate e_c, so a history of
 *   cooking videos counts when the candidate is a cooking video. DIN leaves the weights
 *   unnormalised; here they are a softmax over the real history items, which keeps the pooled
 *   vector on the scale of one embedding.
 * Rows without history pool to zero.
 */
export function buildSequenceModel(shape: ModelShape): MultiHeadModel {
  if (shape.itemSlot === null || shape.historyDim === 0) throw new Error('the sequence model needs the item column as an embedding feature and a history');
  const d = shape.embeddingDim;
  const itemSlot = shape.itemSlot;
  const attention = shape.historyPooling === 'attention' ? denseStack(4 * d, [Math.max(4, 2 * d)], shape.seed * 1000 + 700) : null;
  const attentionOut = attention ? owned(tf.randomNormal([attention.outputDim, 1], 0, Math.sqrt(1 / attention.outputDim), 'float32', shape.seed * 1000 + 750)) : null;
  const poolVariables = attention && attentionOut ? [...attention.variables, attentionOut] : [];

  const pooled = (x: ModelInputs, table: tf.Variable | null): tf.Tensor2D => {
    if (!table) throw new Error('the sequence model needs an embedding table');
    const [batch, L] = x.historyIds.shape;
    const history = tf.reshape(tf.gather(table, tf.reshape(x.historyIds, [-1])), [batch, L, d]) as tf.Tensor3D; // [B, L, d]
    const w = x.historyWeights; // [B, L] 1 real, 0 padding
    if (!attention || !attentionOut) {
      const count = tf.maximum(tf.sum(w, 1, true), 1); // [B, 1]
      return tf.div(tf.sum(tf.mul(history, tf.expandDims(w, 2)), 1), count) as tf.Tensor2D;
    }
    const candidate = tf.gather(table, tf.reshape(tf.slice(x.ids, [0, itemSlot], [batch, 1]), [-1])); // [B, d]
    const c = tf.tile(tf.expandDims(candidate, 1), [1, L, 1]); // [B, L, d]
    const features = tf.concat([history, c, tf.sub(history, c), tf.mul(history, c)], 2); // [B, L, 4d]
    const scores = tf.reshape(tf.matMul(attention.forward(tf.reshape(features, [batch * L, 4 * d]) as tf.Tensor2D), attentionOut), [batch, L]);
    // Softmax over real items only: padding gets −1e9 before, and weight 0 after (all-padding rows pool to 0).
    const weights = tf.mul(tf.softmax(tf.add(scores, tf.mul(tf.sub(w, 1), 1e9))), w); // [B, L]
    return tf.sum(tf.mul(history, tf.expandDims(weights, 2)), 1) as tf.Tensor2D;
  };

  const tower = buildMlpTower(shape, shape.initialBias, 0, { width: d, features: pooled, variables: poolVariables });
  return assembleModel('sequence', shape, tower.variables, tower.forward, { headParts: perHeadColumns(tower.head) });
}
