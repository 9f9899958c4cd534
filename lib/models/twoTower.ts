import * as tf from '@tensorflow/tfjs';
import { assembleModel, denseStack, embedInputs, embeddedWidth, embeddingTable, owned, perHeadColumns, selectAll, type InputSelection } from './layers';
import type { ModelInputs, ModelShape, MultiHeadModel } from './types';

/**
 * Two-tower model (Yi et al. 2019, "Sampling-Bias-Corrected Neural Modeling for Large Corpus Item
 * Recommendations"; Covington et al. 2016): a query tower over the user and context features and
 * an item tower over the item's own features, each an MLP ending in a d-dimensional embedding per
 * task; a head's logit is the dot product of the two plus its bias. Because the item tower never
 * sees the user, item embeddings can be computed once and searched by nearest neighbour: the
 * retrieval stage. Trained with binary cross-entropy (ranking) or with in-batch softmax and logQ
 * correction (retrieval, see lib/train/retrieval.ts). One embedding table serves both towers; the
 * two read disjoint columns.
 */
export function buildTwoTower(shape: ModelShape): MultiHeadModel {
  if (!shape.towerSplit) throw new Error('a two-tower model needs to know which features describe the item');
  const T = shape.tasks.length;
  const d = shape.embeddingDim;
  const seed = shape.seed * 1000;
  const table = embeddingTable(shape, d, seed);
  const all = selectAll(shape);
  const itemSide: InputSelection = shape.towerSplit;
  const querySide: InputSelection = {
    dense: all.dense.filter((i) => !itemSide.dense.includes(i)),
    ids: all.ids.filter((i) => !itemSide.ids.includes(i)),
    bags: all.bags.filter((i) => !itemSide.bags.includes(i)),
  };
  const tower = (selection: InputSelection, offset: number) => {
    const width = embeddedWidth(selection, d);
    const stack = denseStack(Math.max(1, width), shape.hiddenLayers, seed + offset);
    const out = owned(tf.randomNormal([stack.outputDim, T * d], 0, Math.sqrt(1 / stack.outputDim), 'float32', seed + offset + 50));
    return {
      out,
      variables: [...stack.variables, out],
      embed: (x: ModelInputs): tf.Tensor3D => {
        const batch = x.dense.shape[0];
        const input = width > 0 ? embedInputs(table, shape, x, selection) : tf.ones([batch, 1]);
        return tf.reshape(tf.matMul(stack.forward(input as tf.Tensor2D), out), [batch, T, d]) as tf.Tensor3D;
      },
    };
  };
  const query = tower(querySide, 100);
  const item = tower(itemSide, 200);
  const bias = owned(tf.tensor1d(shape.initialBias));
  const variables = [...(table ? [table] : []), ...query.variables, ...item.variables, bias];
  return assembleModel('two-tower', shape, variables, (x) => tf.add(tf.sum(tf.mul(query.embed(x), item.embed(x)), 2), bias) as tf.Tensor2D, {
    penalised: variables.filter((v) => v !== bias),
    // Each task's block of both towers' output layers and its bias; hidden layers and embeddings are shared.
    headParts: perHeadColumns([query.out, item.out, bias]),
    towers: { query: (x) => tf.tidy(() => query.embed(x)), item: (x) => tf.tidy(() => item.embed(x)) },
  });
}
