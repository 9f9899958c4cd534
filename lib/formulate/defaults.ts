import { FEATURE_ROLES, type ColumnProfile } from '../data/roles';
import type { FeatureSpec, SamplingSpec } from './spec';

/** Actions offered as targets: every column whose role is "action". */
export function actionColumns(profiles: ColumnProfile[]): ColumnProfile[] {
  return profiles.filter((p) => p.role === 'action');
}

/** The automatic encoding: numbers standardised, ids and categories embedded, everything else left out. */
export function defaultFeatures(profiles: ColumnProfile[]): FeatureSpec[] {
  return profiles
    .filter((p) => FEATURE_ROLES.has(p.role))
    .map((p) => ({ column: p.name, encoding: p.role === 'numeric' ? 'numeric' : 'embedding' }));
}

/** The first column that looks like a user id groups slates. */
export function defaultUserColumn(profiles: ColumnProfile[]): string | null {
  return profiles.find((p) => p.role === 'user-id')?.name ?? null;
}

/** Two targets to start with, so the value model has something to blend. */
export function defaultTargets(profiles: ColumnProfile[]): string[] {
  return actionColumns(profiles)
    .slice(0, 2)
    .map((p) => p.name);
}

export const DEFAULT_SAMPLING: SamplingSpec = { split: { kind: 'random' }, seed: 42, validationFraction: 0.2, rowFraction: 1, keepRates: {} };
