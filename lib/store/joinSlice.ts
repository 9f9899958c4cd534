import type { StateCreator } from 'zustand';
import { toDataErrorInfo, type DataErrorInfo } from '../data/errors';
import { readFileInWorker } from '../data/ingestClient';
import { leftJoin, type JoinReport } from '../data/join';
import { inferRoles } from '../data/roles';
import type { Table } from '../data/table';
import type { AppState } from './index';

export interface JoinSlice {
  /** A second table read and waiting for its key to be chosen. */
  joinCandidate: Table | null;
  joinLoading: string | null;
  joinError: DataErrorInfo | null;
  joinReport: JoinReport | null;
  loadJoinFile(blob: Blob, name: string): Promise<void>;
  /** Left-join the candidate onto the loaded table; derived actions, roles and targets are kept. */
  applyJoin(leftKey: string, rightKey: string): void;
  cancelJoin(): void;
}

export const createJoinSlice: StateCreator<AppState, [], [], JoinSlice> = (set, get) => ({
  joinCandidate: null,
  joinLoading: null,
  joinError: null,
  joinReport: null,
  async loadJoinFile(blob, name) {
    set({ joinLoading: name, joinError: null });
    try {
      const table = await readFileInWorker(blob, name, 'auto', () => undefined).result;
      set({ joinCandidate: table, joinLoading: null });
    } catch (err) {
      set({ joinError: toDataErrorInfo(err), joinLoading: null });
    }
  },
  applyJoin(leftKey, rightKey) {
    const { baseTable, joinCandidate } = get();
    if (!baseTable || !joinCandidate) return;
    try {
      const { table, report } = leftJoin(baseTable, joinCandidate, leftKey, rightKey);
      // Joined columns describe the key's entity (the user), not the impression: their 0/1 columns
      // are attributes, not actions, so they start as categorical features.
      const overrides = { ...get().roleOverrides };
      for (const p of inferRoles(table)) if (report.addedColumns.includes(p.name) && p.role === 'action') overrides[p.name] = 'categorical';
      set({ baseTable: table, joinCandidate: null, joinReport: report, joinError: null });
      get().rebuild(get().derived, overrides, { columns: report.addedColumns });
      get().dispatchCell({ type: 'edit', cell: 'data' });
      for (const cell of ['targets', 'sampling', 'model'] as const) get().dispatchCell({ type: 'succeed', cell });
    } catch (err) {
      set({ joinError: toDataErrorInfo(err) });
    }
  },
  cancelJoin: () => set({ joinCandidate: null, joinError: null }),
});
