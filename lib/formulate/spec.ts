import { z } from 'zod';
import { DerivedActionSchema } from './derived';

/**
 * ProblemSpec: which actions are labels, which columns are features and how the rows are sampled.
 * Plain JSON: the same object lives in the store, crosses into the training worker and will be
 * saved in notebook files, so every border parses it with this one schema.
 */
/**
 * How one column enters the model: a standardised number (optionally log1p first), an embedding of
 * its values (vocabulary with a minimum count), a bag of embeddings over an id list, or the hour
 * and weekday of a timestamp.
 */
const ColumnName = z.string().min(1);
export const FeatureSpecSchema = z.discriminatedUnion('encoding', [
  z.object({ column: ColumnName, encoding: z.literal('numeric'), log: z.boolean() }),
  z.object({ column: ColumnName, encoding: z.literal('embedding'), minCount: z.number().int().min(1).max(1000) }),
  z.object({ column: ColumnName, encoding: z.literal('bag'), separator: z.string().min(1).max(3), maxLength: z.number().int().min(1).max(256), minCount: z.number().int().min(1).max(1000) }),
  z.object({ column: ColumnName, encoding: z.literal('time') }),
]);
export type FeatureSpec = z.infer<typeof FeatureSpecSchema>;
export type FeatureEncoding = FeatureSpec['encoding'];

export const SplitSpecSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('random') }),
  z.object({ kind: z.literal('time'), column: z.string().min(1) }),
  z.object({ kind: z.literal('user'), column: z.string().min(1) }),
]);
export type SplitSpec = z.infer<typeof SplitSpecSchema>;

export const SamplingSpecSchema = z.object({
  /** How validation rows are chosen: at random, the latest by time, or whole held-out users. */
  split: SplitSpecSchema,
  seed: z.number().int().min(0).max(2 ** 31 - 1),
  /** Share of rows held out for validation, drawn per row with the seed. */
  validationFraction: z.number().min(0.05).max(0.5),
  /** Uniform share of all impressions used at all (for quick exploration); it does not bias probabilities. */
  rowFraction: z.number().min(0.001).max(1),
  /** Per target action: probability of keeping a negative training row (positives are always kept). */
  keepRates: z.record(z.string(), z.number().min(0.001).max(1)),
  /** Per target action: weight of each positive training row (k > 1 upsamples positives); default 1. */
  upsample: z.record(z.string(), z.number().min(1).max(100)),
  /** Keep at most this many training impressions per user (heavy users would dominate otherwise); null for no cap. */
  capPerUser: z.number().int().min(1).nullable(),
  /** Drop rows identical in every column (logging duplicates) before the split. */
  dropDuplicates: z.boolean(),
  /** A head skips rows whose label is missing (e.g. a ratio with a zero denominator) instead of reading them as 0. */
  dropMissingLabels: z.boolean(),
});
export type SamplingSpec = z.infer<typeof SamplingSpecSchema>;

/** One independent head per action, or a funnel chain trained on all impressions (ESMM). */
export const RankingLossSchema = z.enum(['bpr', 'ranknet', 'listwise']);
export type RankingLoss = z.infer<typeof RankingLossSchema>;

export const FormulationSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('pointwise') }),
  z.object({ kind: z.literal('funnel'), chain: z.array(z.string().min(1)).min(2, 'a funnel needs at least two steps') }),
  /**
   * Learning to rank one action within groups (a user's impressions, optionally cut into time
   * windows); the other targets stay pointwise heads.
   */
  z.object({
    kind: z.literal('ranking'),
    action: z.string().min(1),
    loss: RankingLossSchema,
    /** Split a user's impressions into windows of this many seconds of the time column; null = one group per user. */
    window: z.object({ column: z.string().min(1), seconds: z.number().positive() }).nullable(),
  }),
]);
export type Formulation = z.infer<typeof FormulationSchema>;

export const ProblemSpecSchema = z
  .object({
    version: z.literal(1),
    targets: z.array(z.string().min(1)).min(1, 'choose at least one action as a target'),
    /** Actions built from other columns; the table sent with the spec already holds them. */
    derived: z.array(DerivedActionSchema),
    formulation: FormulationSchema,
    features: z.array(FeatureSpecSchema).min(1, 'choose at least one feature column'),
    /** Column that groups validation impressions into slates; null when the data has no user id. */
    userColumn: z.string().nullable(),
    /** The item id column (two-tower, sequence and graph models need it); null or absent when there is none. */
    itemColumn: z.string().nullable().optional(),
    /** The impression time column (the sequence model orders history by it); null or absent when there is none. */
    timeColumn: z.string().nullable().optional(),
    sampling: SamplingSpecSchema,
    /**
     * Features the person keeps although the leak guard would leave them out (a derived target's
     * source, or a feature that alone predicts a target almost perfectly). Absent: none.
     */
    allowedLeaks: z.array(z.string().min(1)).max(2048).optional(),
  })
  .superRefine((spec, ctx) => {
    for (const t of spec.targets) {
      if (!(t in spec.sampling.keepRates)) ctx.addIssue({ code: 'custom', message: `no keep rate for target "${t}"` });
      if (spec.features.some((f) => f.column === t)) ctx.addIssue({ code: 'custom', message: `target "${t}" is also a feature; that leaks the label` });
    }
    if (spec.formulation.kind === 'ranking') {
      if (!spec.targets.includes(spec.formulation.action)) ctx.addIssue({ code: 'custom', message: `ranked action "${spec.formulation.action}" is not a chosen target` });
      if (!spec.userColumn) ctx.addIssue({ code: 'custom', message: 'learning to rank needs a user id column to group impressions' });
    }
    if (spec.formulation.kind === 'funnel') {
      for (const step of spec.formulation.chain) {
        if (!spec.targets.includes(step)) ctx.addIssue({ code: 'custom', message: `funnel step "${step}" is not a chosen target` });
        // The funnel is supervised on every impression: sampling a step would bias the product.
        else if ((spec.sampling.keepRates[step] ?? 1) < 1 || (spec.sampling.upsample[step] ?? 1) > 1) ctx.addIssue({ code: 'custom', message: `funnel step "${step}" must keep all rows (keep rate 1, positive weight 1)` });
      }
    }
  });
export type ProblemSpec = z.infer<typeof ProblemSpecSchema>;
