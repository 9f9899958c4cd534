import * as tf from '@tensorflow/tfjs';
import { assembleModel, denseStack, embedInputs, embeddedWidth, embeddingTable, linearHead, perHeadColumns, placeColumns, selectAll } from './layers';
import type { HeadPart, ModelInputs, ModelShape, MultiHeadModel } from './types';

/**
 * Multi-layer perceptron over embeddings and dense features (the "deep" part of Wide & Deep,
 * Cheng et al. 2016). Ids and id-list bags (mean of their embeddings) are embedded and concatenated
 * with the dense features, then ReLU layers and one logit per action.
 * - shared-bottom (Caruana 1997): one network, a head per action; rare actions borrow what frequent
 *   ones learned;
 * - separate: one network per action, nothing shared (the "one model per action" formulation).
 */
export function buildMlp(shape: ModelShape): MultiHeadModel {
  const towers = shape.sharing === 'shared-bottom' ? [buildMlpTower(shape, shape.initialBias, 0)] : shape.tasks.map((_, t) => buildMlpTower(shape, [shape.initialBias[t]], t + 1));
  const variables = towers.flatMap((t) => t.variables);
  // Shared bottom: only the output layer is a head's own; separate networks: each whole network is.
  const headParts: HeadPart[] = shape.sharing === 'shared-bottom' ? perHeadColumns(towers[0].head) : towers.flatMap((tower, task) => tower.variables.map((variable) => ({ variable, task })));
  return assembleModel('mlp', shape, variables, (x) => placeColumns(towers.map((tower) => tower.forward(x))), { headParts });
}

export interface MlpTower {
  variables: tf.Variable[];
  /** The output layer's weights and biases: one column per output. */
  head: tf.Variable[];
  table: tf.Variable | null;
  forward(x: ModelInputs): tf.Tensor2D; // [batch, outputs]
}

/** More inputs for an MLP tower: e.g. a pooled history of the given width. */
export interface ExtraInputs {
  width: number;
  features(x: ModelInputs, table: tf.Variable | null): tf.Tensor2D;
  variables: tf.Variable[];
}

/**
 * One embedding table, ReLU layers and a linear head with the given starting biases. `extra`
 * appends more inputs to the embedded features; `tableOf` lets a model look ids up in a tensor
 * computed from the table (LightGCN's propagated embeddings) instead of the table itself.
 */
export function buildMlpTower(shape: ModelShape, bias: number[], seedOffset: number, extra?: ExtraInputs, tableOf?: (table: tf.Tensor) => tf.Tensor): MlpTower {
  const seed = shape.seed * 1000 + seedOffset * 100;
  const table = embeddingTable(shape, shape.embeddingDim, seed);
  const selection = selectAll(shape);
  const stack = denseStack(embeddedWidth(selection, shape.embeddingDim) + (extra?.width ?? 0), shape.hiddenLayers, seed);
  const head = linearHead(stack.outputDim, bias, seed + 50);
  return {
    table,
    head: [head.w, head.b],
    variables: [...(table ? [table] : []), ...stack.variables, ...(extra?.variables ?? []), head.w, head.b],
    forward: (x) => {
      const embedded = embedInputs(table && tableOf ? tableOf(table) : table, shape, x, selection);
      const input = extra ? tf.concat([embedded, extra.features(x, table)], 1) : embedded;
      return tf.add(tf.matMul(stack.forward(input), head.w), head.b);
    },
  };
}
