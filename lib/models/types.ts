import type * as tf from '@tensorflow/tfjs';
import type { ModelKind } from '../train/config';

/** Input sizes a builder needs; all come from the fitted encoders and the chosen targets. */
export interface ModelShape {
  denseDim: number;
  idDim: number;
  /** Positions of all id-list bags together (see EncodedRows). */
  bagDim: number;
  vocabularySize: number;
  tasks: string[];
  l2: number;
  /** Per task, the starting bias (log-odds of the sampled base rate) so step 0 is already calibrated. */
  initialBias: number[];
  /** Positions of each id-list bag, in order (they add up to bagDim). */
  bagLengths: number[];
  hiddenLayers: number[];
  embeddingDim: number;
  sharing: 'shared-bottom' | 'separate';
  seed: number;
}

/** One batch of encoded inputs. */
export interface ModelInputs {
  dense: tf.Tensor2D; // [batch, denseDim]
  ids: tf.Tensor2D; // [batch, idDim] int32, rows of the shared embedding table
  bagIds: tf.Tensor2D; // [batch, bagDim] int32, rows of the shared embedding table
  bagWeights: tf.Tensor2D; // [batch, bagDim] 1/length of the position's bag, 0 for padding
}

/** A model with one named head per task. Heads output logits in the sampled space. */
export interface MultiHeadModel {
  kind: ModelKind;
  tasks: string[];
  variables: tf.Variable[];
  parameterCount: number;
  /** Logits for every head: [batch, tasks]. */
  logits(inputs: ModelInputs): tf.Tensor2D;
  /** Regularisation term added to the training loss. */
  penalty(): tf.Scalar;
  dispose(): void;
}

export type ModelBuilder = (shape: ModelShape) => MultiHeadModel;
