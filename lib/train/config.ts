import { z } from 'zod';

/** Model kinds the registry knows. A string union, never a bare number. */
export const ModelKindSchema = z.enum(['logistic-regression', 'mlp']);
export type ModelKind = z.infer<typeof ModelKindSchema>;

/** Hyper-parameters of one training run; validated at the worker border like the ProblemSpec. */
export const TrainConfigSchema = z.object({
  modelKind: ModelKindSchema,
  learningRate: z.number().gt(0, 'learning rate must be above 0').max(10, 'learning rate above 10 diverges'),
  batchSize: z.number().int('batch size must be a whole number').min(16, 'batch size must be at least 16').max(65536),
  epochs: z.number().int('epochs must be a whole number').min(1, 'train for at least 1 epoch').max(200),
  /** L2 penalty on all weights; keeps id embeddings of rare users/items from memorising their few rows. */
  l2: z.number().min(0).max(1),
  /** Ids with more distinct values than this are hashed into this many buckets instead of a vocabulary. */
  maxVocabulary: z.number().int().min(16).max(1_000_000),
  seed: z.number().int().min(0).max(2 ** 31 - 1),
  /** MLP: hidden layer sizes (ReLU), embedding size per id, and whether the heads share the layers. */
  hiddenLayers: z.array(z.number().int('hidden layer sizes must be whole numbers').min(1, 'hidden layer sizes must be positive integers').max(1024)).min(1, 'give at least one hidden layer').max(4),
  embeddingDim: z.number().int().min(1).max(64),
  /** One multi-task network with a head per action (shared bottom), or one separate network per action. */
  sharing: z.enum(['shared-bottom', 'separate']),
});
export type TrainConfig = z.infer<typeof TrainConfigSchema>;

export const DEFAULT_TRAIN_CONFIG: TrainConfig = {
  modelKind: 'logistic-regression',
  learningRate: 0.05,
  batchSize: 1024,
  epochs: 3,
  l2: 1e-5,
  maxVocabulary: 10_000,
  seed: 7,
  hiddenLayers: [64, 32],
  embeddingDim: 8,
  sharing: 'shared-bottom',
};
