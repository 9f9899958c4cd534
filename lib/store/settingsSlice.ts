import type { StateCreator } from 'zustand';
import { fitSettings, missingColumns, SETTINGS_VERSION, type NotebookSettings } from '../notebook/settings';
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
      value: { weights: s.weights, topK: s.topK, normalised: s.normalised, slateGrouping: s.slateGrouping, skipRecalibration: s.skipRecalibration, posthoc: s.posthoc },
    };
  },
  receiveSettings(settings) {
    set({ pendingSettings: settings });
    get().applyPendingSettings();
  },
  applyPendingSettings() {
    const pending = get().pendingSettings;
    const base = get().baseTable;
    if (!pending || !base) return;
    const fitted = fitSettings(pending, base.columns.map((c) => c.name));
    if (!fitted) {
      // Another dataset: kept pending, so loading the dataset the link was made with applies it then.
      const missing = missingColumns(pending, base.columns.map((c) => c.name));
      set({ settingsMessage: { kind: 'error', text: `The shared settings name columns that ${base.source} does not have: ${missing.slice(0, 8).join(', ')}${missing.length > 8 ? '…' : ''}. Load the dataset the link was made with — a link carries settings, never data — and they will apply.` } });
      return;
    }
    const { spec, config, value, roleOverrides } = fitted.settings;
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
      allowedLeaks: spec.allowedLeaks ?? [],
      config,
      weights: value.weights,
      topK: value.topK,
      normalised: value.normalised,
      slateGrouping: value.slateGrouping,
      skipRecalibration: value.skipRecalibration ?? false,
      posthoc: value.posthoc ?? 'none',
      settingsMessage:
        fitted.skipped.length === 0
          ? { kind: 'applied', text: `Shared settings applied to ${base.source}: ${spec.targets.length} targets, ${spec.features.length} features, ${config.modelKind}. Press Train to reproduce the run.` }
          : { kind: 'error', text: `Shared settings applied to ${base.source} except what names columns it lacks: ${fitted.skipped.join('; ')}. Load the dataset the settings were made with, or rebuild those from this table's columns (Targets cell).` },
    });
    if (spec.targets.length === 0) get().dispatchCell({ type: 'fail', cell: 'targets' });
    for (const cell of ['targets', 'sampling', 'model'] as const) get().dispatchCell({ type: 'edit', cell });
  },
  dismissSettingsMessage: () => set({ settingsMessage: null }),
});
