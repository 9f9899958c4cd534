import type { StateCreator } from 'zustand';
import type { ColumnProfile } from '../data/roles';
import { defaultFeatureFor, defaultFeatures, defaultItemColumn, defaultTargets, defaultTimeColumn, defaultUserColumn, DEFAULT_SAMPLING } from '../formulate/defaults';
import type { DerivedAction } from '../formulate/derived';
import type { FeatureSpec, Formulation, ProblemSpec, SamplingSpec } from '../formulate/spec';
import { DEFAULT_TRAIN_CONFIG, type TrainConfig } from '../train/config';
import type { AppState } from './index';

export interface SpecSlice {
  targets: string[];
  features: FeatureSpec[];
  userColumn: string | null;
  itemColumn: string | null;
  timeColumn: string | null;
  sampling: SamplingSpec;
  config: TrainConfig;
  /** Features kept on purpose although the leak guard would leave them out. */
  allowedLeaks: string[];
  /** Keep (or stop keeping) a feature the leak guard leaves out: a deliberate click. */
  setLeakAllowed(column: string, allowed: boolean): void;
  toggleTarget(column: string, on: boolean): void;
  toggleFeature(column: string, on: boolean): void;
  /** Change one feature's encoding options (log, min count, bag length). */
  updateFeature(feature: FeatureSpec): void;
  setKeepRate(column: string, rate: number): void;
  setUpsample(column: string, factor: number): void;
  setSampling(patch: Partial<Omit<SamplingSpec, 'keepRates' | 'upsample'>>): void;
  setConfig(patch: Partial<TrainConfig>): void;
  /** Which columns hold the user, the item and the impression time (the graph, tower and sequence models need them). */
  setKeyColumns(patch: Partial<Pick<SpecSlice, 'userColumn' | 'itemColumn' | 'timeColumn'>>): void;
}

/** The spec a freshly loaded table starts with. */
export function specForNewTable(profiles: ColumnProfile[], rows: number): Pick<SpecSlice, 'targets' | 'features' | 'userColumn' | 'itemColumn' | 'timeColumn' | 'sampling'> {
  const targets = defaultTargets(profiles, rows);
  return {
    targets,
    features: defaultFeatures(profiles),
    userColumn: defaultUserColumn(profiles),
    itemColumn: defaultItemColumn(profiles),
    timeColumn: defaultTimeColumn(profiles),
    sampling: { ...DEFAULT_SAMPLING, keepRates: Object.fromEntries(targets.map((t) => [t, 1])) },
  };
}

/** The ProblemSpec of the current settings (validated at the worker border). */
export function currentSpec(s: Pick<SpecSlice, 'targets' | 'features' | 'userColumn' | 'itemColumn' | 'timeColumn' | 'sampling'> & Partial<Pick<SpecSlice, 'allowedLeaks'>> & { derived: DerivedAction[]; formulation: Formulation }): ProblemSpec {
  // The columns a target was built from stay in the list the person chose: the training worker's leak
  // guard leaves them out (unless kept) and reports it, with the features that leak by their AUC.
  const allowed = s.allowedLeaks ?? [];
  return {
    version: 1,
    targets: s.targets,
    derived: s.derived,
    formulation: effectiveFormulation(s.formulation, s.targets),
    features: s.features.filter((f) => !s.targets.includes(f.column)),
    ...(allowed.length > 0 ? { allowedLeaks: allowed } : {}),
    userColumn: s.userColumn,
    itemColumn: s.itemColumn,
    timeColumn: s.timeColumn,
    sampling: {
      ...s.sampling,
      keepRates: Object.fromEntries(s.targets.map((t) => [t, s.sampling.keepRates[t] ?? 1])),
      upsample: Object.fromEntries(s.targets.map((t) => [t, s.sampling.upsample[t] ?? 1])),
    },
  };
}

export const createSpecSlice: StateCreator<AppState, [], [], SpecSlice> = (set, get) => ({
  ...specForNewTable([], 0),
  config: DEFAULT_TRAIN_CONFIG,
  allowedLeaks: [],
  setLeakAllowed(column, allowed) {
    const rest = get().allowedLeaks.filter((c) => c !== column);
    set({ allowedLeaks: allowed ? [...rest, column] : rest });
    get().dispatchCell({ type: 'edit', cell: 'model' });
  },
  toggleTarget(column, on) {
    const targets = on ? [...new Set([...get().targets, column])] : get().targets.filter((t) => t !== column);
    const keepRates = { ...get().sampling.keepRates, [column]: get().sampling.keepRates[column] ?? 1 };
    set({ targets, sampling: { ...get().sampling, keepRates } });
    get().dispatchCell({ type: 'edit', cell: 'targets' });
    if (targets.length === 0) get().dispatchCell({ type: 'fail', cell: 'targets' });
  },
  toggleFeature(column, on) {
    const profile = get().profiles.find((p) => p.name === column);
    const features = get().features.filter((f) => f.column !== column);
    const feature = on && profile ? (defaultFeatureFor(profile) ?? { column, encoding: 'numeric', log: false }) : null;
    if (feature) features.push(feature);
    set({ features });
    get().dispatchCell({ type: 'edit', cell: 'model' });
  },
  updateFeature(feature) {
    set({ features: get().features.map((f) => (f.column === feature.column ? feature : f)) });
    get().dispatchCell({ type: 'edit', cell: 'model' });
  },
  setKeepRate(column, rate) {
    set({ sampling: { ...get().sampling, keepRates: { ...get().sampling.keepRates, [column]: rate } } });
    get().dispatchCell({ type: 'edit', cell: 'sampling' });
  },
  setUpsample(column, factor) {
    set({ sampling: { ...get().sampling, upsample: { ...get().sampling.upsample, [column]: factor } } });
    get().dispatchCell({ type: 'edit', cell: 'sampling' });
  },
  setSampling(patch) {
    set({ sampling: { ...get().sampling, ...patch } });
    get().dispatchCell({ type: 'edit', cell: 'sampling' });
  },
  setConfig(patch) {
    set({ config: { ...get().config, ...patch } });
    get().dispatchCell({ type: 'edit', cell: 'model' });
  },
  setKeyColumns(patch) {
    // A column chosen as the user (item, time) takes that role, so the Data cell, the split and the
    // Value cell agree with the Model cell; clearing a key leaves the column's role as it is.
    const roles = { userColumn: 'user-id', itemColumn: 'item-id', timeColumn: 'timestamp' } as const;
    const given = (Object.keys(patch) as (keyof typeof roles)[]).filter((k) => patch[k]);
    set(patch);
    if (given.length > 0) get().rebuild(get().derived, { ...get().roleOverrides, ...Object.fromEntries(given.map((k) => [patch[k]!, roles[k]])) }, { columns: given.map((k) => patch[k]!) });
    get().dispatchCell({ type: 'edit', cell: 'model' });
  },
});

/** The formulation as far as the current targets allow: funnel steps and the ranked action must still be targets. */
export function effectiveFormulation(f: Formulation, targets: string[]): Formulation {
  if (f.kind === 'funnel') {
    const chain = f.chain.filter((t) => targets.includes(t));
    return chain.length >= 2 ? { kind: 'funnel', chain } : { kind: 'pointwise' };
  }
  if (f.kind === 'ranking') return targets.includes(f.action) ? f : { kind: 'pointwise' };
  return f;
}
