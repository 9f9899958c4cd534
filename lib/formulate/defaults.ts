import { ACTION_NAME, splitTypedName } from '../data/columnNames';
import { FEATURE_ROLES, type ColumnProfile } from '../data/roles';
import type { FeatureSpec, SamplingSpec } from './spec';

/** Actions offered as targets: every column whose role is "action". */
export function actionColumns(profiles: ColumnProfile[]): ColumnProfile[] {
  return profiles.filter((p) => p.role === 'action');
}

/** How a column of this role enters the model by default; null for roles that are not features. */
export function defaultFeatureFor(p: ColumnProfile): FeatureSpec | null {
  switch (p.role) {
    case 'numeric':
      return { column: p.name, encoding: 'numeric', log: false };
    case 'categorical':
      return { column: p.name, encoding: 'embedding', minCount: 1 };
    case 'user-id':
    case 'item-id':
    case 'id':
      // Ids seen once in training carry no signal a weight could learn; they share the out-of-vocabulary slot.
      return { column: p.name, encoding: 'embedding', minCount: 2 };
    case 'id-list':
      return { column: p.name, encoding: 'bag', separator: p.listSeparator ?? '|', maxLength: 20, minCount: 1 };
    case 'timestamp':
      return { column: p.name, encoding: 'time' };
    default:
      return null;
  }
}

/** The automatic encoding: every feature-role column, but only the first timestamp (the others repeat it). */
export function defaultFeatures(profiles: ColumnProfile[]): FeatureSpec[] {
  const firstTime = profiles.find((p) => p.role === 'timestamp')?.name;
  return profiles
    .filter((p) => FEATURE_ROLES.has(p.role) && (p.role !== 'timestamp' || p.name === firstTime))
    .map(defaultFeatureFor)
    .filter((f): f is FeatureSpec => f !== null);
}

/** The first column that looks like a user id groups slates. */
export function defaultUserColumn(profiles: ColumnProfile[]): string | null {
  return profiles.find((p) => p.role === 'user-id')?.name ?? null;
}

export function defaultItemColumn(profiles: ColumnProfile[]): string | null {
  return profiles.find((p) => p.role === 'item-id')?.name ?? null;
}

export function defaultTimeColumn(profiles: ColumnProfile[]): string | null {
  return profiles.find((p) => p.role === 'timestamp')?.name ?? null;
}

/** A head ticked for the person needs this many positives and negatives: 10, or fewer (down to 3) in a tiny file. */
export function minDefaultTargetCount(rows: number): number {
  return Math.min(10, Math.max(3, Math.round(rows * 0.02)));
}

/**
 * Two targets to start with, so the value model has something to blend: actions named like actions
 * first (click, like, buy…), then the others in column order; never one with too few positives (or
 * negatives) to learn, which a person would tick only on purpose.
 */
export function defaultTargets(profiles: ColumnProfile[], rows: number): string[] {
  const floor = minDefaultTargetCount(rows);
  const learnable = actionColumns(profiles).filter((p) => {
    const positives = p.positives ?? 0;
    const negatives = p.positiveRate ? Math.round(positives / p.positiveRate) - positives : 0;
    return positives >= floor && negatives >= floor;
  });
  const named = learnable.filter((p) => ACTION_NAME.test(splitTypedName(p.name).base));
  return [...named, ...learnable.filter((p) => !named.includes(p))].slice(0, 2).map((p) => p.name);
}

export const DEFAULT_SAMPLING: SamplingSpec = { split: { kind: 'random' }, seed: 42, validationFraction: 0.2, rowFraction: 1, keepRates: {}, upsample: {}, capPerUser: null, dropDuplicates: false, dropMissingLabels: true };
