import type { StateCreator } from 'zustand';
import { FEATURE_ROLES, inferRoles, type ColumnProfile, type ColumnRole } from '../data/roles';
import { defaultFeatureFor } from '../formulate/defaults';
import { applyDerived, DerivedActionSchema, type DerivedAction } from '../formulate/derived';
import { derivedInputs } from '../formulate/leaks';
import type { FeatureSpec, Formulation } from '../formulate/spec';
import type { AppState } from './index';

export interface FormulationSlice {
  /** Actions built from other columns; appended to the loaded table as 0/1 columns. */
  derived: DerivedAction[];
  /** Roles the person set by hand, by column. */
  roleOverrides: Record<string, ColumnRole>;
  /** Independent heads, or a funnel chain (ESMM). */
  formulation: Formulation;
  setFormulation(formulation: Formulation): void;
  /** Add a derived action (and make it a target). Returns an error message instead when it is invalid. */
  addDerived(action: DerivedAction): string | null;
  removeDerived(name: string): void;
  setRole(column: string, role: ColumnRole): void;
  /** Recompute the effective table and roles from baseTable; `touched.columns` join the model's features. */
  rebuild(derived: DerivedAction[], roleOverrides: Record<string, ColumnRole>, touched?: { target?: string; columns?: string[] }): void;
}

export const createFormulationSlice: StateCreator<AppState, [], [], FormulationSlice> = (set, get) => {
  /** Recompute the effective table and roles, and keep targets and features consistent with them. */
  const rebuild: FormulationSlice['rebuild'] = (derived, roleOverrides, touched) => {
    const base = get().baseTable;
    if (!base) return;
    const table = applyDerived(base, derived);
    const profiles = inferRoles(table, roleOverrides, { derived: new Set(derived.map((d) => d.name)) });
    const roleOf = new Map(profiles.map((p) => [p.name, p.role]));
    const targets = [...get().targets, ...(touched?.target ? [touched.target] : [])].filter((t, i, all) => roleOf.get(t) === 'action' && all.indexOf(t) === i);
    const profileOf = new Map(profiles.map((p) => [p.name, p]));
    // Features keep the person's settings while their role still fits; a changed role gets its default encoding.
    const features = get()
      .features.map((f) => {
        const p = profileOf.get(f.column);
        if (!p || !FEATURE_ROLES.has(p.role)) return null;
        return defaultFeatureFor(p)?.encoding === f.encoding ? f : defaultFeatureFor(p);
      })
      .filter((f): f is FeatureSpec => f !== null);
    // Columns the person just gave a feature role (or joined in) join the model.
    for (const column of touched?.columns ?? []) {
      const p = profileOf.get(column);
      const f = p && FEATURE_ROLES.has(p.role) && !features.some((x) => x.column === column) ? defaultFeatureFor(p) : null;
      if (f) features.push(f);
    }
    const keepRates = Object.fromEntries(targets.map((t) => [t, get().sampling.keepRates[t] ?? 1]));
    const keys = keyColumns(profiles, get(), touched?.columns ?? []);
    set({ table, profiles, derived, roleOverrides, targets, features, ...keys, sampling: { ...get().sampling, keepRates } });
    get().dispatchCell({ type: 'edit', cell: 'targets' });
    if (targets.length === 0) get().dispatchCell({ type: 'fail', cell: 'targets' });
  };

  return {
    derived: [],
    roleOverrides: {},
    formulation: { kind: 'pointwise' },
    setFormulation(formulation) {
      set({ formulation });
      get().dispatchCell({ type: 'edit', cell: 'targets' });
    },
    rebuild,
    addDerived(action) {
      const parsed = DerivedActionSchema.safeParse(action);
      if (!parsed.success) return parsed.error.issues.map((i) => i.message).join('; ');
      const derived = [...get().derived, parsed.data];
      try {
        rebuild(derived, get().roleOverrides, { target: parsed.data.name });
        return null;
      } catch (err) {
        return err instanceof Error ? err.message : String(err);
      }
    },
    removeDerived(name) {
      // Later derived actions built on this one go too.
      const derived: DerivedAction[] = [];
      const removed = new Set([name]);
      for (const d of get().derived) {
        if (removed.has(d.name) || derivedInputs(d).some((u) => removed.has(u))) removed.add(d.name);
        else derived.push(d);
      }
      rebuild(derived, get().roleOverrides);
    },
    setRole(column, role) {
      rebuild(get().derived, { ...get().roleOverrides, [column]: role }, { columns: [column] });
    },
  };
};

const KEY_ROLES = { userColumn: 'user-id', itemColumn: 'item-id', timeColumn: 'timestamp' } as const;
type KeyColumns = Record<keyof typeof KEY_ROLES, string | null>;

/**
 * The user, item and time columns after a role change, so a role set by hand reaches everything that
 * reads them (GAUC, slates, the user split, learning to rank, the graph, tower and sequence models): a
 * column just given a key role becomes that key; a key whose column lost its role passes to the next
 * column with it (or none); a key the person cleared stays cleared.
 */
function keyColumns(profiles: ColumnProfile[], current: KeyColumns, touched: string[]): KeyColumns {
  const roleOf = new Map(profiles.map((p) => [p.name, p.role]));
  const out: KeyColumns = { userColumn: current.userColumn, itemColumn: current.itemColumn, timeColumn: current.timeColumn };
  for (const key of Object.keys(KEY_ROLES) as (keyof typeof KEY_ROLES)[]) {
    const role = KEY_ROLES[key];
    const given = touched.find((c) => roleOf.get(c) === role);
    if (given) out[key] = given;
    else if (current[key] !== null && roleOf.get(current[key]!) !== role) out[key] = profiles.find((p) => p.role === role)?.name ?? null;
  }
  return out;
}
