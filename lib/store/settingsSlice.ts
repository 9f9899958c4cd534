import type { StateCreator } from 'zustand';
import { missingColumns, SETTINGS_VERSION, type NotebookSettings } from '../notebook/settings';
import type { AppState } from './index';
import { currentSpec } from './specSlice';

export interface SettingsSlice {
  /** Settings from a share link waiting for a table that has their columns. */
  pendingSettings: NotebookSettings | null;
  /** What happened to the last shared settings, in words. */
  settingsMessage: { kind: 'applied' | 'error'; text: string } | null;
  /** The current settings (no data), for a share link or a notebook file. */
  currentSettings(): NotebookSettings;
  /** Apply settings to the loaded table now, or keep them until a table with their columns loads. */
  receiveSettings(settings: NotebookSettings): void;
  /** Called after every new table: applies pending settings when the table fits them. */
  applyPendingSettings(): void;
  dismissSettingsMessage(): void;
}

export const createSettingsSlice: StateCreator<AppState, [], [], SettingsSlice> = (set, get) => ({
  pendingSettings: null,
  settingsMessage: null,
  currentSettings() {
    const s = get();
    return {
      format: 'value-lab-settings',
      version: SETTINGS_VERSION,
      roleOverrides: s.roleOverrides,
      spec: currentSpec(s),
      config: s.config,
      value: { weights: s.weights, topK: s.topK, normalised: s.normalised, slateGrouping: s.slateGrouping },
    };
  },
  receiveSettings(settings) {
    set({ pendingSettings: settings });
    get().applyPendingSettings();
  },
  applyPendingSettings() {
    const settings = get().pendingSettings;
    const base = get().baseTable;
    if (!settings || !base) return;
    const missing = missingColumns(settings, base.columns.map((c) => c.name));
    if (missing.length > 0) {
      // Kept pending: loading the dataset the link was made with applies it then.
      set({ settingsMessage: { kind: 'error', text: `The shared settings name columns that ${base.source} does not have: ${missing.join(', ')}. Load the dataset the link was made with — a link carries settings, never data — and they will apply.` } });
      return;
    }
    const { spec, config, value, roleOverrides } = settings;
    try {
      get().rebuild(spec.derived, roleOverrides);
    } catch (err) {
      set({ pendingSettings: null, settingsMessage: { kind: 'error', text: `The shared derived actions cannot be built on ${base.source}: ${err instanceof Error ? err.message : err}.` } });
      return;
    }
    set({
      pendingSettings: null,
      targets: spec.targets,
      features: spec.features,
      userColumn: spec.userColumn,
      itemColumn: spec.itemColumn ?? null,
      timeColumn: spec.timeColumn ?? null,
      sampling: spec.sampling,
      formulation: spec.formulation,
      config,
      weights: value.weights,
      topK: value.topK,
      normalised: value.normalised,
      slateGrouping: value.slateGrouping,
      settingsMessage: { kind: 'applied', text: `Shared settings applied to ${base.source}: ${spec.targets.length} targets, ${spec.features.length} features, ${config.modelKind}. Press Train to reproduce the run.` },
    });
    for (const cell of ['targets', 'sampling', 'model'] as const) get().dispatchCell({ type: 'edit', cell });
  },
  dismissSettingsMessage: () => set({ settingsMessage: null }),
});
