import type { StateCreator } from 'zustand';
import { DataError, toDataErrorInfo, type DataErrorInfo } from '../data/errors';
import { readFileInWorker, type PendingRead } from '../data/ingestClient';
import { parseDelimited, type HeaderMode, type ParseProgress } from '../data/parse';
import { inferRoles, type ColumnProfile } from '../data/roles';
import type { Table } from '../data/table';
import type { AppState } from './index';
import { specForNewTable } from './specSlice';

export interface DataLoading {
  name: string;
  progress: ParseProgress | null;
}

export interface DataSlice {
  table: Table | null;
  profiles: ColumnProfile[];
  dataLoading: DataLoading | null;
  dataError: DataErrorInfo | null;
  /** The file behind the current table, kept so it can be re-read with another header setting. */
  sourceFile: { blob: Blob; name: string; header: HeaderMode } | null;
  /** Accept a parsed table: roles, default spec, cell statuses. Fails (keeping the old table) when it has no action. */
  acceptTable(table: Table): boolean;
  /** Parse text on this thread (tests, tiny inputs). */
  loadText(text: string, source: string): boolean;
  /** Read a file of any supported format in a worker, with progress; the current table stays until it succeeds. */
  loadFile(blob: Blob, name: string, header?: HeaderMode): Promise<boolean>;
  cancelLoad(): void;
  reportDataError(error: unknown): void;
  dismissDataError(): void;
}

let pending: PendingRead | null = null;

export const createDataSlice: StateCreator<AppState, [], [], DataSlice> = (set, get) => ({
  table: null,
  profiles: [],
  dataLoading: null,
  dataError: null,
  sourceFile: null,
  acceptTable(table) {
    try {
      const profiles = inferRoles(table);
      if (!profiles.some((p) => p.role === 'action')) {
        throw new DataError('no-actions', `${table.source} has no action column: no column holds only 0 and 1.`, 'Value Lab predicts user actions. Add a 0/1 column per action (for example clicked = 1 or 0) and load the file again.');
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
  loadText(text, source) {
    try {
      return get().acceptTable(parseDelimited(text, source));
    } catch (err) {
      get().reportDataError(err);
      return false;
    }
  },
  async loadFile(blob, name, header = 'auto') {
    pending?.cancel();
    set({ dataLoading: { name, progress: null }, dataError: null });
    const read = readFileInWorker(blob, name, header, (progress) => set({ dataLoading: { name, progress } }));
    pending = read;
    try {
      const table = await read.result;
      const ok = get().acceptTable(table);
      if (ok) set({ sourceFile: { blob, name, header } });
      return ok;
    } catch (err) {
      if (err instanceof DataError && err.code === 'cancelled') set({ dataLoading: null });
      else get().reportDataError(err);
      return false;
    } finally {
      if (pending === read) pending = null;
    }
  },
  cancelLoad() {
    pending?.cancel();
  },
  reportDataError: (err) => set({ dataError: toDataErrorInfo(err), dataLoading: null }),
  dismissDataError: () => set({ dataError: null }),
});
