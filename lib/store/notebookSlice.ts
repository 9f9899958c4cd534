import type { StateCreator } from 'zustand';
import { INITIAL_STATUSES, transition, type CellEvent, type CellStatuses } from '../notebook/cells';
import type { AppState } from './index';

export interface NotebookSlice {
  cells: CellStatuses;
  dispatchCell(event: CellEvent): void;
}

export const createNotebookSlice: StateCreator<AppState, [], [], NotebookSlice> = (set, get) => ({
  cells: INITIAL_STATUSES,
  dispatchCell: (event) => set({ cells: transition(get().cells, event) }),
});
