import * as tf from '@tensorflow/tfjs';
import { assembleModel, embeddingTable, owned, perHeadColumns } from './layers';
import { buildMlpTower } from './mlp';
import type { ModelShape, MultiHeadModel } from './types';

/**
 * LightGCN (He et al. 2020, "LightGCN: Simplifying and Powering Graph Convolution Network for
 * Recommendation"): user and item embeddings propagated over the user–item graph of training
 * positives with no weights and no non-linearity, E⁽ᵏ⁺¹⁾ = D^-½ A D^-½ E⁽ᵏ⁾ (a gather along the
 * edges and a segment sum into their targets), and averaged over layers 0…K. The graph is built
 * from training rows only (lib/features/graph.ts), so it never sees a validation interaction.
 * - dot: logit_t = Σ_d u_d · i_d · a_{t,d} + b_t, pure collaborative filtering;
 * - mlp: the propagated table replaces the MLP's embedding table, so user and item embeddings
 *   are smoothed over their neighbours while every other feature is used as in the MLP.
 */
export function buildLightGcn(shape: ModelShape): MultiHeadModel {
  const graph = shape.graph;
  if (!graph || shape.userSlot === null || shape.itemSlot === null) throw new Error('LightGCN needs the user and item columns as embedding features and a graph of training positives');
  const V = shape.vocabularySize;
  const src = tf.tensor1d(graph.src, 'int32');
  const dst = tf.tensor1d(graph.dst, 'int32');
  const weight = tf.tensor2d(graph.weight, [graph.weight.length, 1]);
  const constants = [src, dst, weight];
  const propagate = (table: tf.Tensor): tf.Tensor => {
    let layer = table;
    let sum = table;
    for (let k = 0; k < shape.graphLayers; k++) {
      layer = tf.unsortedSegmentSum(tf.mul(tf.gather(layer, src), weight), dst, V);
      sum = tf.add(sum, layer);
    }
    return tf.div(sum, shape.graphLayers + 1);
  };
  const T = shape.tasks.length;
  const userSlot = shape.userSlot;
  const itemSlot = shape.itemSlot;

  if (shape.graphScoring === 'mlp') {
    const tower = buildMlpTower(shape, shape.initialBias, 0, undefined, propagate);
    return assembleModel('lightgcn', shape, tower.variables, tower.forward, { constants, headParts: perHeadColumns(tower.head) });
  }
  const table = embeddingTable(shape, shape.embeddingDim, shape.seed * 1000);
  if (!table) throw new Error('LightGCN needs an embedding table');
  const scale = owned(tf.ones([T, shape.embeddingDim])); // a_t: each task's weighting of the shared dimensions
  const bias = owned(tf.tensor1d(shape.initialBias));
  return assembleModel(
    'lightgcn',
    shape,
    [table, scale, bias],
    (x) => {
      const final = propagate(table);
      const batch = x.ids.shape[0];
      const column = (slot: number) => tf.gather(final, tf.reshape(tf.slice(x.ids, [0, slot], [batch, 1]), [-1])); // [B, d]
      return tf.add(tf.matMul(tf.mul(column(userSlot), column(itemSlot)), tf.transpose(scale)), bias) as tf.Tensor2D;
    },
    // Each task's row of the scale and its bias are its own; the propagated embeddings are shared.
    { constants, headParts: [...perHeadColumns([scale], 0), ...perHeadColumns([bias])] },
  );
}
