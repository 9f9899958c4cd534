import type { ModelKind } from '../train/config';
import { buildLightGcn } from './lightgcn';
import { buildLogisticRegression } from './logistic';
import { buildMlp } from './mlp';
import { buildMmoe } from './mmoe';
import { buildSequenceModel } from './sequence';
import { buildTwoTower } from './twoTower';
import type { ModelBuilder, ModelShape, MultiHeadModel } from './types';
import { buildWideDeep } from './wideDeep';

export type NeuralKind = Exclude<ModelKind, 'gbdt'>;

/**
 * Every neural model kind, mapped to its one builder. GBDT is not here: trees are grown, not
 * trained by gradient steps, and live in lib/models/gbdt.ts with their own trainer.
 */
const BUILDERS: Record<NeuralKind, ModelBuilder> = {
  'logistic-regression': buildLogisticRegression,
  mlp: buildMlp,
  'wide-deep': buildWideDeep,
  mmoe: buildMmoe,
  'two-tower': buildTwoTower,
  sequence: buildSequenceModel,
  lightgcn: buildLightGcn,
};

/** Build a model of the given kind. */
export function buildModel(kind: NeuralKind, shape: ModelShape): MultiHeadModel {
  return BUILDERS[kind](shape);
}
