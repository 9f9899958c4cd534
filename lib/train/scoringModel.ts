/**
 * Everything needed to score rows with a finished model, without its training data: the model's kind
 * and shape, the fitted encoders, the weights (with their shapes) and each head's calibration rate.
 * Plain data (tfjs-free): it travels in the done event, is kept with the run and autosaved, and is what
 * a model archive holds (lib/export/modelArchive.ts).
 */
import type { FittedEncoders } from '../features/encode';
import type { DerivedAction } from '../formulate/derived';
import type { FeatureSpec } from '../formulate/spec';
import type { ModelShape } from '../models/types';
import type { TrainConfig } from './config';

export interface ScoringModel {
  kind: TrainConfig['modelKind'];
  tasks: string[];
  /** Per task, w/k: the odds multiplier recalibration undoes. */
  calibrationRates: number[];
  features: FeatureSpec[];
  shape: ModelShape;
  encoders: FittedEncoders;
  weights: Float32Array[];
  weightShapes: number[][];
  /** The run's derived actions: rebuilt on a scored file, in order, where its columns allow (a feature may read one). */
  derived?: DerivedAction[];
}
