import * as tf from '@tensorflow/tfjs';
import { assembleModel, denseStack, embedInputs, embeddedWidth, embeddingTable, linearHead, owned, perHeadColumns, placeColumns, selectAll, sumAll } from './layers';
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
  const E = shape.experts;
  const seed = shape.seed * 1000;
  const table = embeddingTable(shape, shape.embeddingDim, seed);
  const selection = selectAll(shape);
  const inputWidth = embeddedWidth(selection, shape.embeddingDim);
  // Expert 0 uses the shared-bottom seeds; later experts are offset so they start apart.
  const experts = Array.from({ length: E }, (_, e) => denseStack(inputWidth, shape.hiddenLayers, seed + e * 1_000_003));
  const H = experts[0].outputDim;
  const gates = shape.tasks.map(() => owned(tf.zeros([Math.max(1, inputWidth), E]))); // one gate per task
  const head = linearHead(H, shape.initialBias, seed + 50); // column t: task t's output layer
  const variables = [...(table ? [table] : []), ...experts.flatMap((x) => x.variables), ...gates, head.w, head.b];

  /** Task t's gate [B, E]: a softmax over the experts. */
  const gateOf = (input: tf.Tensor2D, t: number): tf.Tensor2D => tf.softmax(inputWidth > 0 ? tf.matMul(input, gates[t]) : tf.zeros([input.shape[0], E])) as tf.Tensor2D;
  const embed = (x: ModelInputs) => embedInputs(table, shape, x, selection);

  // 2-D products only (gather a gate column, scale an expert): cheap, and every kernel involved
  // is one the MLP already runs on each backend.
  const forward = (x: ModelInputs): tf.Tensor2D => {
    const input = embed(x);
    const outputs = experts.map((ex) => ex.forward(input)); // E × [B, H]
    const columns = shape.tasks.map((_, t) => {
      const g = gateOf(input, t);
      const mixture = sumAll(outputs.map((out, e) => tf.mul(tf.gather(g, [e], 1), out))) as tf.Tensor2D; // Σ_e g_e · f_e  [B, H]
      return tf.add(tf.matMul(mixture, tf.gather(head.w, [t], 1)), tf.gather(head.b, [t])) as tf.Tensor2D; // [B, 1]
    });
    return placeColumns(columns);
  };
  return assembleModel('mmoe', shape, variables, forward, {
    // Each task's gate and output column are its own; the experts and embeddings are shared.
    headParts: [...gates.map((variable, task) => ({ variable, task })), ...perHeadColumns([head.w, head.b])],
    gates: (x) =>
      tf.tidy(() => {
        const input = embed(x);
        return tf.stack(shape.tasks.map((_, t) => gateOf(input, t)), 1) as tf.Tensor3D; // forward only: [B, T, E]
      }),
  });
}
