import type { StateCreator } from 'zustand';
import { DataError, toDataErrorInfo, type DataErrorInfo } from '../data/errors';
import { parseDelimited } from '../data/parse';
import { inferRoles, type ColumnProfile } from '../data/roles';
import type { Table } from '../data/table';
import type { AppState } from './index';
import { specForNewTable } from './specSlice';

export interface DataSlice {
  table: Table | null;
  profiles: ColumnProfile[];
  dataLoading: string | null;
  dataError: DataErrorInfo | null;
  /** Parse text into a new dataset; on failure the current dataset stays and the error is shown. */
  loadText(text: string, source: string): boolean;
  setDataLoading(source: string | null): void;
  reportDataError(error: unknown): void;
  dismissDataError(): void;
}

export const createDataSlice: StateCreator<AppState, [], [], DataSlice> = (set, get) => ({
  table: null,
  profiles: [],
  dataLoading: null,
  dataError: null,
  loadText(text, source) {
    try {
      const table = parseDelimited(text, source);
      const profiles = inferRoles(table);
      if (!profiles.some((p) => p.role === 'action')) {
        throw new DataError('no-actions', `${source} has no action column: no column holds only 0 and 1.`, 'Value Lab predicts user actions. Add a 0/1 column per action (for example clicked = 1 or 0) and load the file again.');
      }
      set({ table, profiles, dataLoading: null, dataError: null, ...specForNewTable(profiles) });
      // Finished runs keep their own copy of the table they trained on, so they stay usable (stale).
      get().dispatchCell({ type: 'edit', cell: 'data' });
      // Settings cells take effect at once: with defaults chosen for the new table they are current.
      for (const cell of ['targets', 'sampling', 'model'] as const) get().dispatchCell({ type: 'succeed', cell });
      if (get().targets.length === 0) get().dispatchCell({ type: 'fail', cell: 'targets' });
      return true;
    } catch (err) {
      get().reportDataError(err);
      return false;
    }
  },
  setDataLoading: (source) => set({ dataLoading: source }),
  reportDataError: (err) => set({ dataError: toDataErrorInfo(err), dataLoading: null }),
  dismissDataError: () => set({ dataError: null }),
});
