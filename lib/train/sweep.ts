import { mulberry32 } from '../sampling/random';
import { TrainConfigSchema, type TrainConfig } from './config';

/** Parameters a sweep can vary, with how to read and write them on a TrainConfig. */
export const SWEEPABLE = {
  learningRate: { label: 'learning rate', integer: false, get: (c: TrainConfig) => c.learningRate, set: (c: TrainConfig, v: number): TrainConfig => ({ ...c, learningRate: v }) },
  batchSize: { label: 'batch size', integer: true, get: (c: TrainConfig) => c.batchSize, set: (c: TrainConfig, v: number): TrainConfig => ({ ...c, batchSize: v }) },
  epochs: { label: 'epochs', integer: true, get: (c: TrainConfig) => c.epochs, set: (c: TrainConfig, v: number): TrainConfig => ({ ...c, epochs: v }) },
  l2: { label: 'L2 penalty', integer: false, get: (c: TrainConfig) => c.l2, set: (c: TrainConfig, v: number): TrainConfig => ({ ...c, l2: v }) },
  embeddingDim: { label: 'embedding size', integer: true, get: (c: TrainConfig) => c.embeddingDim, set: (c: TrainConfig, v: number): TrainConfig => ({ ...c, embeddingDim: v }) },
  experts: { label: 'experts (MMoE)', integer: true, get: (c: TrainConfig) => c.experts, set: (c: TrainConfig, v: number): TrainConfig => ({ ...c, experts: v }) },
  seed: { label: 'seed', integer: true, get: (c: TrainConfig) => c.seed, set: (c: TrainConfig, v: number): TrainConfig => ({ ...c, seed: v }) },
  treeCount: { label: 'trees (GBDT)', integer: true, get: (c: TrainConfig) => c.gbdt.trees, set: (c: TrainConfig, v: number): TrainConfig => ({ ...c, gbdt: { ...c.gbdt, trees: v } }) },
  treeDepth: { label: 'tree depth (GBDT)', integer: true, get: (c: TrainConfig) => c.gbdt.maxDepth, set: (c: TrainConfig, v: number): TrainConfig => ({ ...c, gbdt: { ...c.gbdt, maxDepth: v } }) },
  treeLearningRate: { label: 'tree learning rate (GBDT)', integer: false, get: (c: TrainConfig) => c.gbdt.learningRate, set: (c: TrainConfig, v: number): TrainConfig => ({ ...c, gbdt: { ...c.gbdt, learningRate: v } }) },
} as const;
export type SweepParameter = keyof typeof SWEEPABLE;

export interface SweepSpec {
  mode: 'grid' | 'random';
  /** At most this many runs. */
  budget: number;
  seed: number;
  parameters: { name: SweepParameter; values: number[] }[];
}

export interface SweepPoint {
  config: TrainConfig;
  /** The swept values of this point, by parameter. */
  values: Partial<Record<SweepParameter, number>>;
}

/** Parse "0.01, 0.05, 0.1" into numbers, or say what is wrong. */
export function parseSweepValues(name: SweepParameter, text: string): number[] | string {
  const parts = text.split(',').map((t) => t.trim()).filter(Boolean);
  if (parts.length === 0) return `give at least one value for ${SWEEPABLE[name].label}`;
  const values = parts.map(Number);
  const bad = parts.find((_, i) => !Number.isFinite(values[i]) || (SWEEPABLE[name].integer && !Number.isInteger(values[i])));
  if (bad !== undefined) return `${SWEEPABLE[name].label}: "${bad}" is not ${SWEEPABLE[name].integer ? 'a whole number' : 'a number'}`;
  return [...new Set(values)];
}

/**
 * The runs of a sweep over a base config: the full grid (in order) up to the budget, or `budget`
 * points drawn at random from the grid without repeats (seeded). Each point is validated with the
 * same schema as a single run, so an out-of-range value is refused before anything trains.
 */
export function expandSweep(spec: SweepSpec, base: TrainConfig): SweepPoint[] {
  if (spec.parameters.length === 0) throw new Error('choose at least one parameter to sweep');
  const size = spec.parameters.reduce((n, p) => n * p.values.length, 1);
  const indices = Array.from({ length: size }, (_, i) => i);
  if (spec.mode === 'random') {
    const random = mulberry32(spec.seed);
    for (let i = size - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [indices[i], indices[j]] = [indices[j], indices[i]];
    }
  }
  return indices.slice(0, Math.max(1, spec.budget)).map((index) => {
    let config = base;
    const values: SweepPoint['values'] = {};
    let rest = index;
    for (const p of spec.parameters) {
      const v = p.values[rest % p.values.length];
      rest = Math.floor(rest / p.values.length);
      config = SWEEPABLE[p.name].set(config, v);
      values[p.name] = v;
    }
    const parsed = TrainConfigSchema.safeParse(config);
    if (!parsed.success) throw new Error(`${Object.entries(values).map(([k, v]) => `${SWEEPABLE[k as SweepParameter].label} ${v}`).join(', ')}: ${parsed.error.issues[0].message}`);
    return { config: parsed.data, values };
  });
}
