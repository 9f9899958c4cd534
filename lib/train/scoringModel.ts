/**
 * Everything needed to score rows with a finished model, without its training data: the model's kind
 * and shape, the fitted encoders, the weights (with their shapes), each head's calibration, and what
 * some kinds need besides (a funnel's chain, a sequence model's history rule, GBDT's trees). Plain data
 * (tfjs-free): it travels in the done event, is kept with the run and autosaved, and is what a model
 * archive holds (lib/export/modelArchive.ts).
 */
import type { FittedEncoders } from '../features/encode';
import type { HistoryOptions } from '../features/history';
import type { DerivedAction } from '../formulate/derived';
import type { FeatureSpec } from '../formulate/spec';
import type { PlattMap } from '../metrics/platt';
import type { FeatureBins } from '../models/trees/binning';
import type { Booster } from '../models/trees/booster';
import type { ModelShape } from '../models/types';
import type { TrainConfig } from './config';

/** GBDT's model: the bins its trees split on and one booster (base score + trees) per head. */
export interface TreeModel {
  features: FeatureBins[];
  boosters: Booster[];
}

export interface ScoringModel {
  kind: TrainConfig['modelKind'];
  tasks: string[];
  /** Per task, w/k: the odds multiplier recalibration undoes. */
  calibrationRates: number[];
  features: FeatureSpec[];
  shape: ModelShape;
  encoders: FittedEncoders;
  /** Neural kinds: the variables in model order (empty for GBDT). */
  weights: Float32Array[];
  weightShapes: number[][];
  /** The run's derived actions: rebuilt on a scored file, in order, where its columns allow (a feature may read one). */
  derived?: DerivedAction[];
  /** Funnel: the [T, T] chain matrix that multiplies the conditionals into joint probabilities (lib/train/link.ts). */
  chain?: number[][] | null;
  /**
   * Per head, a Platt map fitted on the run's validation rows for heads whose σ(logit) is a score and not
   * a probability (the ranked head, two-tower retrieval heads); null where recalibration by the rate applies.
   */
  platt?: (PlattMap | null)[];
  /** Sequence model: each scored row's history is the same user's earlier rows of the scored file. */
  history?: HistoryOptions | null;
  /** GBDT only. */
  trees?: TreeModel | null;
}
