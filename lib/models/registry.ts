import type { ModelKind } from '../train/config';
import { buildLogisticRegression } from './logistic';
import { buildMlp } from './mlp';
import type { ModelBuilder, ModelShape, MultiHeadModel } from './types';

/** Every model kind the app can train, mapped to its one builder. */
const BUILDERS: Record<ModelKind, ModelBuilder> = {
  'logistic-regression': buildLogisticRegression,
  mlp: buildMlp,
};

/** Build a model of the given kind. */
export function buildModel(kind: ModelKind, shape: ModelShape): MultiHeadModel {
  return BUILDERS[kind](shape);
}
