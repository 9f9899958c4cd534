import * as tf from '@tensorflow/tfjs';
import { countParameters, denseStack, embedInputs, embeddedWidth, embeddingTable, l2Penalty, linearHead, owned, selectAll } from './layers';
import type { ModelInputs, ModelShape, MultiHeadModel } from './types';

/**
 * Multi-gate Mixture-of-Experts (Ma et al. 2018, "Modeling Task Relationships in Multi-task
 * Learning with Multi-gate Mixture-of-Experts"): E expert MLPs over the same embedded input; task
 * k mixes them with its own softmax gate, f_k(x) = Σ_i g_k(x)_i f_i(x), and reads its logit from
 * the mixture. Tasks that disagree can lean on different experts, which a shared bottom cannot.
 * Gates start at zero weights (uniform mixing). With one expert every gate is 1 and the model is
 * the shared-bottom MLP, weight for weight (same seeds).
 */
export function buildMmoe(shape: ModelShape): MultiHeadModel {
  const T = shape.tasks.length;
  const E = shape.experts;
  const seed = shape.seed * 1000;
  const table = embeddingTable(shape, shape.embeddingDim, seed);
  const selection = selectAll(shape);
  const inputWidth = embeddedWidth(selection, shape.embeddingDim);
  // Expert 0 uses the shared-bottom seeds; later experts are offset so they start apart.
  const experts = Array.from({ length: E }, (_, e) => denseStack(inputWidth, shape.hiddenLayers, seed + e * 1_000_003));
  const H = experts[0].outputDim;
  const gate = owned(tf.zeros([Math.max(1, inputWidth), T * E])); // all tasks' gate logits side by side
  const head = linearHead(H, shape.initialBias, seed + 50); // column t: task t's output layer
  const variables = [...(table ? [table] : []), ...experts.flatMap((x) => x.variables), gate, head.w, head.b];

  const gatesOf = (input: tf.Tensor2D): tf.Tensor3D => {
    const batch = input.shape[0];
    const g = inputWidth > 0 ? tf.matMul(input, gate) : tf.zeros([batch, T * E]);
    return tf.softmax(tf.reshape(g, [batch, T, E])) as tf.Tensor3D; // softmax over the last axis: experts
  };
  const embed = (x: ModelInputs) => embedInputs(table, shape, x, selection);

  return {
    kind: 'mmoe',
    tasks: shape.tasks,
    variables,
    parameterCount: countParameters(variables),
    logits: (x) =>
      tf.tidy(() => {
        const input = embed(x);
        const outputs = tf.stack(experts.map((ex) => ex.forward(input)), 1) as tf.Tensor3D; // [B, E, H]
        const mixtures = tf.matMul(gatesOf(input), outputs); // [B, T, E]·[B, E, H] → [B, T, H]
        // Task t's logit: its mixture times column t of the head.
        return tf.add(tf.sum(tf.mul(mixtures, tf.expandDims(tf.transpose(head.w), 0)), 2), head.b) as tf.Tensor2D;
      }),
    gates: (x) => tf.tidy(() => gatesOf(embed(x))),
    penalty: () => l2Penalty(variables, shape.l2),
    dispose: () => variables.forEach((v) => v.dispose()),
  };
}
