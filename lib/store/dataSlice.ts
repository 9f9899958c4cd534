import type { StateCreator } from 'zustand';
import { DataError, toDataErrorInfo, type DataErrorInfo } from '../data/errors';
import { generateInWorker, readFileInWorker, type PendingRead } from '../data/ingestClient';
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
  /** The table as read from the file. */
  baseTable: Table | null;
  /** The table every stage uses: the file's columns plus derived actions. */
  table: Table | null;
  profiles: ColumnProfile[];
  dataLoading: DataLoading | null;
  dataError: DataErrorInfo | null;
  /** The file behind the current table, kept so it can be re-read with another header setting. */
  sourceFile: { blob: Blob; name: string; header: HeaderMode } | null;
  /** Accept a parsed table: roles, default spec, cell statuses. A table with no action loads too (Targets then offers to build one). */
  acceptTable(table: Table): boolean;
  /** Parse text on this thread (tests, tiny inputs). */
  loadText(text: string, source: string): boolean;
  /** Read a file of any supported format in a worker, with progress; the current table stays until it succeeds. */
  loadFile(blob: Blob, name: string, header?: HeaderMode): Promise<boolean>;
  /** Generate the synthetic shop log (true probabilities known) as the dataset. */
  loadSynthetic(rows: number, seed: number): Promise<boolean>;
  cancelLoad(): void;
  reportDataError(error: unknown): void;
  dismissDataError(): void;
}

let pending: PendingRead | null = null;
let nextDataset = 1;

export const createDataSlice: StateCreator<AppState, [], [], DataSlice> = (set, get) => {
  /** Wait for a worker read; the current dataset stays until the new one is accepted. */
  const runRead = async (read: PendingRead, name: string, sourceFile: DataSlice['sourceFile']): Promise<boolean> => {
    pending?.cancel();
    pending = read;
    set({ dataLoading: { name, progress: null }, dataError: null });
    try {
      const table = await read.result;
      const ok = get().acceptTable(table);
      if (ok) set({ sourceFile });
      return ok;
    } catch (err) {
      if (err instanceof DataError && err.code === 'cancelled') set({ dataLoading: null });
      else get().reportDataError(err);
      return false;
    } finally {
      if (pending === read) pending = null;
    }
  };

  return {
    baseTable: null,
    table: null,
    profiles: [],
    dataLoading: null,
    dataError: null,
    sourceFile: null,
    acceptTable(table) {
      try {
        // Any table that parses loads: one with no 0/1 action opens the Targets cell on building one.
        const profiles = inferRoles(table);
        table = { ...table, datasetId: `${Date.now().toString(36)}-${(nextDataset++).toString(36)}` };
        // A new dataset starts a new formulation: derived actions and role overrides belong to the old one.
        set({ baseTable: table, table, profiles, derived: [], roleOverrides: {}, allowedLeaks: [], formulation: { kind: 'pointwise' }, joinReport: null, joinCandidate: null, dataLoading: null, dataError: null, ...specForNewTable(profiles, table.rowCount) });
        // Finished runs keep their own copy of the table they trained on, so they stay usable (stale).
        get().dispatchCell({ type: 'edit', cell: 'data' });
        // Settings cells take effect at once: with defaults chosen for the new table they are current.
        for (const cell of ['targets', 'sampling', 'model'] as const) get().dispatchCell({ type: 'succeed', cell });
        if (get().targets.length === 0) get().dispatchCell({ type: 'fail', cell: 'targets' });
        get().applyPendingSettings();
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
    loadSynthetic(rows, seed) {
      return runRead(generateInWorker(rows, seed), 'synthetic shop log', null);
    },
    async loadFile(blob, name, header = 'auto') {
      const read = readFileInWorker(blob, name, header, (progress) => set({ dataLoading: { name, progress } }));
      return runRead(read, name, { blob, name, header });
    },
    cancelLoad() {
      pending?.cancel();
    },
    reportDataError: (err) => set({ dataError: toDataErrorInfo(err), dataLoading: null }),
    dismissDataError: () => set({ dataError: null }),
  };
};
