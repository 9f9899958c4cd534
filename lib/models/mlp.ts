import * as tf from '@tensorflow/tfjs';
import type { ModelInputs, ModelShape, MultiHeadModel } from './types';

/**
 * Multi-layer perceptron over embeddings and dense features (the "deep" part of Wide & Deep,
 * Cheng et al. 2016). Ids and id-list bags (mean of their embeddings) are embedded and concatenated
 * with the dense features, then ReLU layers and one logit per action.
 * - shared-bottom (Caruana 1997): one network, a head per action; rare actions borrow what frequent
 *   ones learned;
 * - separate: one network per action, nothing shared (the "one model per action" formulation).
 */
export function buildMlp(shape: ModelShape): MultiHeadModel {
  const towers = shape.sharing === 'shared-bottom' ? [buildTower(shape, shape.tasks.length, 0)] : shape.tasks.map((_, t) => buildTower(shape, 1, t + 1));
  const variables = towers.flatMap((t) => t.variables);
  return {
    kind: 'mlp',
    tasks: shape.tasks,
    variables,
    parameterCount: variables.reduce((s, v) => s + v.size, 0),
    logits: (x: ModelInputs) =>
      tf.tidy(() => {
        if (towers.length === 1) return towers[0].forward(x);
        // Place tower t's [B, 1] output in column t by a product with a one-hot row. (tf.concat on
        // axis 1 trained nothing on WebGPU/SwiftShader here: predictions stayed constant.)
        const T = towers.length;
        return tf.addN(towers.map((tower, t) => tf.matMul(tower.forward(x), tf.tensor2d([Array.from({ length: T }, (_, k) => (k === t ? 1 : 0))])))) as tf.Tensor2D;
      }),
    penalty: () =>
      tf.tidy(() => {
        if (shape.l2 === 0) return tf.scalar(0);
        return tf.mul(shape.l2, tf.addN(variables.map((v) => tf.sum(tf.square(v))))) as tf.Scalar;
      }),
    dispose: () => variables.forEach((v) => v.dispose()),
  };
}

interface Tower {
  variables: tf.Variable[];
  forward(x: ModelInputs): tf.Tensor2D; // [batch, outputs]
}

function buildTower(shape: ModelShape, outputs: number, seedOffset: number): Tower {
  const d = shape.embeddingDim;
  const seed = shape.seed * 1000 + seedOffset * 100;
  const hasIds = shape.idDim > 0 || shape.bagDim > 0;
  // Small random embeddings; zeros would give every id the same gradient direction.
  const table = hasIds ? owned(tf.randomNormal([shape.vocabularySize, d], 0, 0.05, 'float32', seed)) : null; // [V, d]
  const inputDim = shape.denseDim + (shape.idDim + shape.bagLengths.length) * d;
  const layers: { w: tf.Variable; b: tf.Variable }[] = [];
  let fanIn = inputDim;
  shape.hiddenLayers.forEach((units, i) => {
    // He initialisation for ReLU layers.
    layers.push({ w: owned(tf.randomNormal([fanIn, units], 0, Math.sqrt(2 / Math.max(1, fanIn)), 'float32', seed + i + 1)), b: owned(tf.zeros([units])) });
    fanIn = units;
  });
  const head = { w: owned(tf.randomNormal([fanIn, outputs], 0, Math.sqrt(1 / fanIn), 'float32', seed + 50)), b: owned(tf.tensor1d(seedOffset === 0 ? shape.initialBias : [shape.initialBias[seedOffset - 1]])) };
  const variables = [...(table ? [table] : []), ...layers.flatMap((l) => [l.w, l.b]), head.w, head.b];

  return {
    variables,
    forward: ({ dense, ids, bagIds, bagWeights }) => {
      const batch = dense.shape[0];
      const parts: tf.Tensor2D[] = [];
      if (shape.denseDim > 0) parts.push(dense);
      if (table && shape.idDim > 0) parts.push(tf.reshape(tf.gather(table, tf.reshape(ids, [-1])), [batch, shape.idDim * d])); // [B, C·d]
      if (table && shape.bagDim > 0) {
        const looked = tf.reshape(tf.gather(table, tf.reshape(bagIds, [-1])), [batch, shape.bagDim, d]); // [B, P, d]
        const weighted = tf.mul(looked, tf.expandDims(bagWeights, 2));
        let start = 0;
        for (const length of shape.bagLengths) {
          parts.push(tf.sum(tf.slice(weighted, [0, start, 0], [batch, length, d]), 1) as tf.Tensor2D); // mean embedding of the bag [B, d]
          start += length;
        }
      }
      let h: tf.Tensor2D = parts.length === 1 ? parts[0] : tf.concat(parts, 1);
      for (const l of layers) h = tf.relu(tf.add(tf.matMul(h, l.w), l.b)) as tf.Tensor2D;
      return tf.add(tf.matMul(h, head.w), head.b);
    },
  };
}

function owned(initial: tf.Tensor): tf.Variable {
  const v = tf.variable(initial, true);
  initial.dispose();
  return v;
}
