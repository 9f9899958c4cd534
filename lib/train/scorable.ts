/** Which runs can score files (tfjs-free, so the page can ask without loading the training code). */
import type { ProblemSpec } from '../formulate/spec';
import type { TrainConfig } from './config';

/** Kinds whose predictions depend on the scored row alone (no history, graph or item catalog). */
const SCORABLE: TrainConfig['modelKind'][] = ['logistic-regression', 'mlp', 'wide-deep', 'mmoe'];

/** Why a run cannot score files yet, in words; null when it can. */
export function scoringProblem(spec: ProblemSpec, config: TrainConfig): string | null {
  if (!SCORABLE.includes(config.modelKind)) return `a ${config.modelKind} model is not scored yet (logistic regression, MLP, Wide & Deep and MMoE are)`;
  if (spec.formulation.kind !== 'pointwise') return `the ${spec.formulation.kind} formulation is not scored yet (independent heads are)`;
  return null;
}
