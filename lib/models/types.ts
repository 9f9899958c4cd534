import type * as tf from '@tensorflow/tfjs';
import type { TrainConfig, ModelKind } from '../train/config';

/** Which encoded inputs belong to the item tower of a two-tower model (the rest form the query tower). */
export interface TowerSplit {
  dense: number[];
  ids: number[];
  bags: number[];
}

/** The user–item graph of LightGCN over rows of the shared embedding table, both directions listed. */
export interface GraphEdges {
  src: Int32Array;
  dst: Int32Array;
  /** Symmetric normalisation 1/√(deg(src)·deg(dst)). */
  weight: Float32Array;
}

/** Input sizes a builder needs (from the fitted encoders and the chosen targets) and the model's settings. */
export interface ModelShape {
  denseDim: number;
  idDim: number;
  /** Positions of all id-list bags together (see EncodedRows). */
  bagDim: number;
  vocabularySize: number;
  /** Hashed crosses per row and rows of the cross table (read only by linear parts). */
  crossDim: number;
  crossVocabularySize: number;
  /** Previous items per row (sequence model). */
  historyDim: number;
  tasks: string[];
  l2: number;
  /** Per task, the starting bias (log-odds of the sampled base rate) so step 0 is already calibrated. */
  initialBias: number[];
  /** Positions of each id-list bag, in order (they add up to bagDim). */
  bagLengths: number[];
  /** The id slot of the candidate item (sequence attention, two-tower), or null. */
  itemSlot: number | null;
  /** The id slot of the user (LightGCN scoring), or null. */
  userSlot: number | null;
  towerSplit: TowerSplit | null;
  graph: GraphEdges | null;
  hiddenLayers: number[];
  embeddingDim: number;
  sharing: TrainConfig['sharing'];
  experts: number;
  historyPooling: TrainConfig['historyPooling'];
  graphLayers: number;
  graphScoring: TrainConfig['graphScoring'];
  seed: number;
}

/** One batch of encoded inputs. */
export interface ModelInputs {
  dense: tf.Tensor2D; // [batch, denseDim]
  ids: tf.Tensor2D; // [batch, idDim] int32, rows of the shared embedding table
  bagIds: tf.Tensor2D; // [batch, bagDim] int32, rows of the shared embedding table
  bagWeights: tf.Tensor2D; // [batch, bagDim] 1/length of the position's bag, 0 for padding
  crossIds: tf.Tensor2D; // [batch, crossDim] int32, rows of the cross table
  historyIds: tf.Tensor2D; // [batch, historyDim] int32, rows of the shared embedding table
  historyWeights: tf.Tensor2D; // [batch, historyDim] 1 for an item, 0 for padding
}

/**
 * A variable that belongs to one head: wholly (a head's own gate or network), or head t's share of
 * one axis (its column of a [·, T] weight matrix, its block of a tower's [·, T·d] output), the axis
 * split into T equal blocks. Per-head model selection restores these from each head's best step.
 */
export type HeadPart = { variable: tf.Variable; task: number } | { variable: tf.Variable; axis: 0 | -1 };

/** A model with one named head per task. Heads output logits in the sampled space. */
export interface MultiHeadModel {
  kind: ModelKind;
  tasks: string[];
  variables: tf.Variable[];
  parameterCount: number;
  /** Logits for every head: [batch, tasks]. */
  logits(inputs: ModelInputs): tf.Tensor2D;
  /** Regularisation term added to the training loss: l2 · Σ w² over `penalised`. */
  penalty(): tf.Scalar;
  /** The variables the L2 term covers and its weight (an optimiser may fold the term into its update). */
  penalised: tf.Variable[];
  l2: number;
  /** The variables (or parts) that belong to a single head; the rest are shared by every head. */
  headParts?: HeadPart[];
  /** MMoE: gate weights [batch, tasks, experts] (softmax over experts). */
  gates?(inputs: ModelInputs): tf.Tensor3D;
  /** Two-tower: per-task query and item embeddings [batch, tasks, d]; a head's logit is their dot product plus its bias. */
  towers?: {
    query(inputs: ModelInputs): tf.Tensor3D;
    item(inputs: ModelInputs): tf.Tensor3D;
  };
  /**
   * A purely linear model's weights by role (the logistic regression): what lets cpu and wasm run its
   * whole training step as one kernel (lib/train/linearStep.ts).
   */
  linear?: { dense: tf.Variable | null; table: tf.Variable | null; crosses: tf.Variable | null; bias: tf.Variable };
  dispose(): void;
}

export type ModelBuilder = (shape: ModelShape) => MultiHeadModel;
