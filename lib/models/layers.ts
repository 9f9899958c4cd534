import * as tf from '@tensorflow/tfjs';
import { embedRow, pooledLookup } from './pooledLookup';
import type { HeadPart, ModelInputs, ModelShape, MultiHeadModel } from './types';

/**
 * Building blocks shared by the neural models. Seeds are derived from the model seed and a fixed
 * offset per block, so two models built from the same pieces start from the same weights (the
 * MMoE with one expert is exactly the shared-bottom MLP at step 0).
 */

/** A trainable variable that does not leave its initial-value tensor behind (tf.variable copies it). */
export function owned(initial: tf.Tensor): tf.Variable {
  const v = tf.variable(initial, true);
  initial.dispose();
  return v;
}

export function countParameters(variables: tf.Variable[]): number {
  return variables.reduce((s, v) => s + v.size, 0);
}

/**
 * Σ of same-shaped tensors, at most 4 per AddN. WebGPU's AddN binds one storage buffer per input,
 * and past the adapter's limit (8 per shader stage on SwiftShader) the kernel silently computes
 * nothing: an MMoE's 13-variable L2 penalty left every weight where it started.
 */
export function sumAll<T extends tf.Tensor>(tensors: T[]): T {
  let level: tf.Tensor[] = tensors;
  while (level.length > 1) {
    const next: tf.Tensor[] = [];
    for (let i = 0; i < level.length; i += 4) next.push(level.length - i === 1 ? level[i] : tf.addN(level.slice(i, i + 4)));
    level = next;
  }
  return level[0] as T;
}

/** l2 · Σ w² over the given variables. */
export function l2Penalty(variables: tf.Variable[], l2: number): tf.Scalar {
  return tf.tidy(() => (l2 === 0 || variables.length === 0 ? tf.scalar(0) : (tf.mul(l2, sumAll(variables.map((v) => tf.sum(tf.square(v))))) as tf.Scalar)));
}

/**
 * Place T column tensors [B, 1] side by side as [B, T] with one-hot products. (tf.concat of such
 * columns once seemed to train nothing on WebGPU/SwiftShader; the likely cause was the AddN limit
 * described at sumAll, but this form is cheap and verified against cpu, so it stays.)
 */
export function placeColumns(columns: tf.Tensor2D[]): tf.Tensor2D {
  if (columns.length === 1) return columns[0];
  const T = columns.length;
  return sumAll(columns.map((c, t) => tf.matMul(c, tf.tensor2d([Array.from({ length: T }, (_, k) => (k === t ? 1 : 0))])))) as tf.Tensor2D;
}

/** A stack of ReLU layers with He initialisation. */
export interface DenseStack {
  variables: tf.Variable[];
  outputDim: number;
  forward(h: tf.Tensor2D): tf.Tensor2D;
}

export function denseStack(fanIn: number, units: number[], seed: number): DenseStack {
  const layers: { w: tf.Variable; b: tf.Variable }[] = [];
  let width = fanIn;
  units.forEach((u, i) => {
    layers.push({ w: owned(tf.randomNormal([width, u], 0, Math.sqrt(2 / Math.max(1, width)), 'float32', seed + i + 1)), b: owned(tf.zeros([u])) });
    width = u;
  });
  return {
    variables: layers.flatMap((l) => [l.w, l.b]),
    outputDim: width,
    forward: (h) => layers.reduce((x, l) => tf.relu(tf.add(tf.matMul(x, l.w), l.b)) as tf.Tensor2D, h),
  };
}

/** Parts that are one column per head along `axis` (a [·, T] matrix, a [T] bias). */
export function perHeadColumns(variables: tf.Variable[], axis: 0 | -1 = -1): HeadPart[] {
  return variables.map((variable) => ({ variable, axis }));
}

/** A linear output layer [fanIn → outputs] with the given starting bias. */
export function linearHead(fanIn: number, bias: number[], seed: number): { w: tf.Variable; b: tf.Variable } {
  return { w: owned(tf.randomNormal([fanIn, bias.length], 0, Math.sqrt(1 / Math.max(1, fanIn)), 'float32', seed)), b: owned(tf.tensor1d(bias)) };
}

/** Small random embeddings [V, d]; zeros would give every id the same gradient direction. */
export function embeddingTable(shape: ModelShape, d: number, seed: number): tf.Variable | null {
  return shape.idDim > 0 || shape.bagDim > 0 ? owned(tf.randomNormal([shape.vocabularySize, d], 0, 0.05, 'float32', seed)) : null;
}

/** Which inputs a network reads: dense column indices, id slots, bags (all when absent). */
export interface InputSelection {
  dense: number[];
  ids: number[];
  bags: number[];
}

export function selectAll(shape: ModelShape): InputSelection {
  const range = (n: number) => Array.from({ length: n }, (_, i) => i);
  return { dense: range(shape.denseDim), ids: range(shape.idDim), bags: range(shape.bagLengths.length) };
}

/** Width of the vector embedInputs returns for a selection. */
export function embeddedWidth(selection: InputSelection, d: number): number {
  return selection.dense.length + (selection.ids.length + selection.bags.length) * d;
}

/**
 * The network input: the selected dense features, the embedding of each selected id, and the mean
 * embedding of each selected bag, side by side [B, width]. `table` may be a variable or a tensor
 * computed from one (LightGCN's propagated embeddings).
 */
export function embedInputs(table: tf.Tensor | null, shape: ModelShape, x: ModelInputs, selection: InputSelection): tf.Tensor2D {
  const batch = x.dense.shape[0];
  const parts: tf.Tensor2D[] = [];
  const all = selectAll(shape);
  const everything = selection.dense.length === all.dense.length && selection.ids.length === all.ids.length && selection.bags.length === all.bags.length;
  if (table && everything) {
    const row = embedRow(table, x.dense, x.ids, x.bagIds, x.bagWeights, shape.bagLengths); // one kernel on cpu and wasm
    if (row) return row;
  }
  if (selection.dense.length > 0) parts.push(selection.dense.length === shape.denseDim ? x.dense : tf.gather(x.dense, selection.dense, 1));
  if (table && selection.ids.length > 0) {
    const ids = selection.ids.length === all.ids.length ? x.ids : tf.gather(x.ids, selection.ids, 1);
    // Each id its own segment of one position: the [B, C·d] lookup, fused on cpu and wasm (lib/models/pooledLookup.ts).
    parts.push(pooledLookup(table, ids, null, selection.ids.map(() => 1))); // [B, C·d]
  }
  if (table && selection.bags.length > 0) {
    const d = table.shape[1] as number;
    // Mean embedding of each bag, [B, d] each, side by side (positions carry 1/length, 0 for padding).
    const pooled = pooledLookup(table, x.bagIds, x.bagWeights, shape.bagLengths);
    if (selection.bags.length === shape.bagLengths.length) parts.push(pooled);
    else shape.bagLengths.forEach((_, b) => selection.bags.includes(b) && parts.push(tf.slice(pooled, [0, b * d], [batch, d])));
  }
  if (parts.length === 0) return tf.zeros([batch, 0]);
  return parts.length === 1 ? parts[0] : tf.concat(parts, 1);
}

/**
 * The MultiHeadModel every builder returns: logits in a tidy scope, L2 over `penalised` (all
 * variables by default), and dispose of the variables plus any constant tensors the model owns.
 */
export function assembleModel(
  kind: MultiHeadModel['kind'],
  shape: ModelShape,
  variables: tf.Variable[],
  forward: (x: ModelInputs) => tf.Tensor2D,
  options: { penalised?: tf.Variable[]; constants?: tf.Tensor[] } & Pick<MultiHeadModel, 'gates' | 'towers' | 'linear' | 'headParts'> = {},
): MultiHeadModel {
  const { penalised = variables, constants = [], ...extras } = options;
  return {
    kind,
    tasks: shape.tasks,
    variables,
    parameterCount: countParameters(variables),
    logits: (x) => tf.tidy(() => forward(x)),
    penalty: () => l2Penalty(penalised, shape.l2),
    penalised,
    l2: shape.l2,
    dispose: () => [...variables, ...constants].forEach((t) => t.dispose()),
    ...extras,
  };
}
