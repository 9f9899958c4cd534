import { z } from 'zod';

/** Model kinds the registry knows. A string union, never a bare number. */
export const ModelKindSchema = z.enum(['logistic-regression', 'gbdt', 'mlp', 'wide-deep', 'mmoe', 'two-tower', 'sequence', 'lightgcn']);
export type ModelKind = z.infer<typeof ModelKindSchema>;

/** Kinds trained by gradient descent in tfjs (every kind but the trees). */
export const NEURAL_KINDS: readonly ModelKind[] = ['logistic-regression', 'mlp', 'wide-deep', 'mmoe', 'two-tower', 'sequence', 'lightgcn'];

/** Where training runs: the fastest available (webgpu → webgl → cpu), or one named backend. */
export const BackendChoiceSchema = z.enum(['auto', 'webgpu', 'webgl', 'wasm', 'cpu']);
export type BackendChoice = z.infer<typeof BackendChoiceSchema>;

/** Histogram gradient-boosted trees (see lib/models/gbdt.ts). */
export const GbdtParamsSchema = z.object({
  trees: z.number().int('trees must be a whole number').min(1, 'grow at least 1 tree').max(2000, 'at most 2,000 trees'),
  maxDepth: z.number().int('tree depth must be a whole number').min(1, 'tree depth must be at least 1').max(16, 'tree depth above 16 only memorises'),
  maxLeaves: z.number().int('leaves must be a whole number').min(2, 'a tree needs at least 2 leaves').max(1024),
  /** Shrinkage: each tree's output is scaled by this before it is added. */
  learningRate: z.number().gt(0, 'the trees\u2019 learning rate must be above 0').max(1, 'the trees\u2019 learning rate must be at most 1'),
  /** A leaf needs at least this much hessian (≈ p(1−p) summed over its rows): the XGBoost min_child_weight. */
  minChildWeight: z.number().min(0, 'minimum child weight cannot be negative').max(1e6),
  /** L2 penalty on leaf values (XGBoost lambda). */
  lambda: z.number().min(0, 'leaf L2 cannot be negative').max(1e6),
  rowSubsample: z.number().gt(0, 'row subsample must be above 0').max(1, 'row subsample is a share, at most 1'),
  columnSubsample: z.number().gt(0, 'column subsample must be above 0').max(1, 'column subsample is a share, at most 1'),
  /** Histogram bins per numeric feature. */
  maxBins: z.number().int().min(4, 'use at least 4 bins').max(255, 'at most 255 bins'),
  /** Stop when validation loss has not improved for this many trees (0 = never stop early, every tree kept). */
  earlyStoppingRounds: z.number().int().min(0).max(1000),
  /** A category takes part in a split only with about this many of the node's rows (absent: the default). */
  minCategoryRows: z.number().int().min(0, 'minimum rows per category cannot be negative').max(100_000).optional(),
});
export type GbdtParams = z.infer<typeof GbdtParamsSchema>;

const ColumnPair = z.tuple([z.string().min(1), z.string().min(1)]).refine(([a, b]) => a !== b, 'a cross needs two different columns');

/** Hyper-parameters of one training run; validated at the worker border like the ProblemSpec. */
export const TrainConfigSchema = z.object({
  modelKind: ModelKindSchema,
  backend: BackendChoiceSchema,
  learningRate: z.number().gt(0, 'learning rate must be above 0').max(10, 'learning rate above 10 diverges'),
  batchSize: z.number().int('batch size must be a whole number').min(16, 'batch size must be at least 16').max(65536, 'batch size must be at most 65,536'),
  epochs: z.number().int('epochs must be a whole number').min(1, 'train for at least 1 epoch').max(200, 'at most 200 epochs'),
  /** L2 penalty on all weights; keeps id embeddings of rare users/items from memorising their few rows. */
  l2: z.number().min(0, 'L2 penalty cannot be negative').max(1, 'L2 penalty above 1 erases the model'),
  /** Ids with more distinct values than this are hashed into this many buckets instead of a vocabulary. */
  maxVocabulary: z.number().int().min(16).max(1_000_000),
  seed: z.number().int().min(0).max(2 ** 31 - 1),
  /** Per target, a multiplier of its loss in the sum the optimiser minimises (1 when absent). */
  taskLossWeights: z.record(z.string(), z.number().min(0, 'a task loss weight cannot be negative').max(100, 'a task loss weight above 100 drowns the other tasks')),
  /** Hidden layer sizes (ReLU) of MLPs: the deep part, the experts, the towers. */
  hiddenLayers: z.array(z.number().int('hidden layer sizes must be positive integers').min(1, 'hidden layer sizes must be positive integers').max(1024, 'hidden layers above 1,024 units are out of range')).min(1, 'give at least one hidden layer').max(4, 'at most 4 hidden layers'),
  embeddingDim: z.number().int('embedding size must be a whole number').min(1, 'embedding size must be at least 1').max(64, 'embedding size must be at most 64'),
  /** MLP: one multi-task network with a head per action (shared bottom), or one separate network per action. */
  sharing: z.enum(['shared-bottom', 'separate']),
  /** Logistic regression and Wide & Deep: pairs of id/category columns crossed by hashing into crossBuckets. */
  crosses: z.array(ColumnPair).max(8, 'at most 8 crosses'),
  crossBuckets: z.number().int().min(16, 'use at least 16 buckets per cross').max(1_000_000),
  /** MMoE: number of experts. */
  experts: z.number().int('experts must be a whole number').min(1, 'use at least 1 expert').max(16, 'at most 16 experts'),
  /** Two-tower: pointwise cross-entropy (ranking) or in-batch softmax with logQ correction (retrieval). */
  towerMode: z.enum(['ranking', 'retrieval']),
  /** Two-tower retrieval: k of recall@k over the item set. */
  retrievalK: z.number().int().min(1).max(1000),
  /** Sequence model: how many previous items per impression, and how they are pooled. */
  historyLength: z.number().int('history length must be a whole number').min(1, 'history length must be at least 1').max(100, 'history length must be at most 100'),
  historyPooling: z.enum(['mean', 'attention']),
  /** Sequence: which earlier impressions count as history (an action column: only those with the action); null = all. */
  historyAction: z.string().min(1).nullable(),
  /** LightGCN: propagation layers, how the graph embeddings are scored, and which action's positives make the edges. */
  graphLayers: z.number().int().min(1, 'use 1 to 3 propagation layers').max(3, 'use 1 to 3 propagation layers'),
  graphScoring: z.enum(['dot', 'mlp']),
  graphAction: z.string().min(1).nullable(),
  gbdt: GbdtParamsSchema,
  /** Steps of linear learning-rate warm-up, then the decay over the remaining steps. */
  warmupSteps: z.number().int('warm-up steps must be a whole number').min(0, 'warm-up steps cannot be negative').max(100_000),
  decay: z.enum(['none', 'cosine', 'linear']),
  /** Stop after this many evaluations without a better validation loss (0 = never stop early). */
  earlyStoppingPatience: z.number().int('patience must be a whole number').min(0, 'patience cannot be negative').max(100),
  /** At the end (and after a divergence), put back the weights of the evaluation with the best validation loss. */
  restoreBest: z.boolean(),
  /**
   * Logistic regression: fitted exactly by L-BFGS over all training rows (scikit-learn's default), or
   * by Adam steps on batches like every neural model (on any backend, with the live per-step charts).
   * Absent in settings saved before the choice existed: those runs used Adam.
   */
  solver: z.enum(['lbfgs', 'adam']).optional(),
}).refine((c) => c.modelKind !== 'logistic-regression' || c.solver !== 'lbfgs' || c.l2 > 0, {
  // Without a penalty, an id seen only with one outcome makes the exact optimum lie at infinity.
  message: 'the exact logistic regression needs an L2 penalty above 0: an id seen with only one outcome would have its weight run off to infinity (use 1e-6 or more, or the Adam solver)',
  path: ['l2'],
});
export type TrainConfig = z.infer<typeof TrainConfigSchema>;

/**
 * Rows a category needs in a node to be split on (with at most 32 categories on one side, in
 * lib/models/trees/tree.ts). Without either the trees fitted users and items seen a handful of times:
 * on the 100k-row synthetic shop log the bought head's AUC went 0.642 → 0.657 (XGBoost hist 0.660),
 * reported 0.80 → 0.85 once every item had a bin of its own (lib/train/agreement.test.ts).
 */
export const MIN_CATEGORY_ROWS = 5;

export const DEFAULT_GBDT: GbdtParams = {
  trees: 100,
  maxDepth: 6,
  maxLeaves: 31,
  learningRate: 0.1,
  minChildWeight: 1,
  lambda: 1,
  rowSubsample: 1,
  columnSubsample: 1,
  maxBins: 64,
  earlyStoppingRounds: 10,
  minCategoryRows: MIN_CATEGORY_ROWS,
};

export const DEFAULT_TRAIN_CONFIG: TrainConfig = {
  modelKind: 'logistic-regression',
  backend: 'auto',
  learningRate: 0.05,
  batchSize: 1024,
  epochs: 3,
  l2: 1e-5,
  maxVocabulary: 10_000,
  seed: 7,
  taskLossWeights: {},
  hiddenLayers: [64, 32],
  embeddingDim: 8,
  sharing: 'shared-bottom',
  crosses: [],
  crossBuckets: 4096,
  experts: 4,
  towerMode: 'ranking',
  retrievalK: 50,
  historyLength: 10,
  historyPooling: 'attention',
  historyAction: null,
  graphLayers: 2,
  graphScoring: 'dot',
  graphAction: null,
  gbdt: DEFAULT_GBDT,
  warmupSteps: 0,
  decay: 'none',
  earlyStoppingPatience: 0,
  restoreBest: true,
  solver: 'lbfgs',
};


/** The loss weight of a task (1 unless set). */
export function taskLossWeight(config: Pick<TrainConfig, 'taskLossWeights'>, task: string): number {
  return config.taskLossWeights[task] ?? 1;
}
