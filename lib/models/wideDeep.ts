import * as tf from '@tensorflow/tfjs';
import { assembleModel, perHeadColumns } from './layers';
import { buildLinearPart } from './logistic';
import { buildMlpTower } from './mlp';
import type { ModelShape, MultiHeadModel } from './types';

/**
 * Wide & Deep (Cheng et al. 2016, "Wide & Deep Learning for Recommender Systems"): a wide linear
 * part over the sparse features and their hashed crosses (memorisation) plus a deep MLP over
 * embeddings (generalisation), summed into one logit per action and trained jointly. The paper
 * trains the wide part with FTRL and the deep part with AdaGrad; here both use the run's Adam.
 */
export function buildWideDeep(shape: ModelShape): MultiHeadModel {
  const wide = buildLinearPart(shape, false);
  const deep = buildMlpTower(shape, shape.initialBias, 0);
  const variables = [...wide.variables, ...deep.variables];
  return assembleModel('wide-deep', shape, variables, (x) => tf.add(wide.logits(x), deep.forward(x)), { headParts: perHeadColumns([...wide.variables, ...deep.head]) });
}
