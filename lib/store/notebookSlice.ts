import type { StateCreator } from 'zustand';
import { INITIAL_STATUSES, planRun, transition, type CellEvent, type CellId, type CellStatuses, type RunRequest } from '../notebook/cells';
import { ProblemSpecSchema } from '../formulate/spec';
import { TrainConfigSchema } from '../train/config';
import type { AppState } from './index';
import { currentSpec } from './specSlice';

export interface NotebookSlice {
  cells: CellStatuses;
  collapsed: Partial<Record<CellId, boolean>>;
  /** Why the last run request stopped early, shown in the toolbar; null when it did not. */
  runProblem: string | null;
  dispatchCell(event: CellEvent): void;
  /** Run all cells, the stale ones, or one cell with what it reads (Shift+Enter). */
  runCells(request: RunRequest): void;
  toggleCollapsed(cell: CellId): void;
}

/**
 * What running a cell means here. The set-up cells (data, targets, sampling, model) apply their inputs as
 * the person edits them, so running one checks that what it holds is usable; training is the one long
 * step, and evaluate and value are read from the run it produces.
 */
function checkSetupCell(state: AppState, cell: CellId): string | null {
  switch (cell) {
    case 'data':
      return state.table ? null : 'no dataset is loaded — load a file or the sample in the Data cell';
    case 'targets':
      return state.targets.length > 0 ? null : 'no action is chosen as a label — tick at least one in the Targets cell';
    case 'sampling': {
      const spec = ProblemSpecSchema.safeParse(currentSpec(state));
      return spec.success ? null : `the problem set-up is invalid: ${spec.error.issues.map((i) => i.message).join('; ')}`;
    }
    case 'model': {
      const config = TrainConfigSchema.safeParse(state.config);
      return config.success ? null : `the model settings are invalid: ${config.error.issues.map((i) => i.message).join('; ')}`;
    }
    default:
      return null;
  }
}

export const createNotebookSlice: StateCreator<AppState, [], [], NotebookSlice> = (set, get) => ({
  cells: INITIAL_STATUSES,
  collapsed: {},
  runProblem: null,
  dispatchCell: (event) => set({ cells: transition(get().cells, event) }),
  toggleCollapsed: (cell) => set({ collapsed: { ...get().collapsed, [cell]: !get().collapsed[cell] } }),
  runCells(request) {
    const plan = planRun(get().cells, request);
    set({ runProblem: null });
    if (plan.length === 0) return;
    for (const cell of plan) get().dispatchCell({ type: 'queue', cell });
    for (const cell of plan) {
      if (cell === 'train') {
        // Evaluate and value stay queued until the run lands (runSlice marks them when it is done).
        get().startRun();
        if (get().run?.status === 'running') return;
        get().dispatchCell({ type: 'fail', cell: 'train' });
        set({ runProblem: `Training could not start: ${get().runBlockers.join('; ') || 'a run is already going'}.` });
        return;
      }
      get().dispatchCell({ type: 'start', cell });
      const problem = cell === 'evaluate' || cell === 'value' ? (get().run?.predictions ? null : 'there is no trained model yet — run the Train cell') : checkSetupCell(get(), cell);
      if (problem) {
        get().dispatchCell({ type: 'fail', cell });
        set({ runProblem: `${cell[0].toUpperCase()}${cell.slice(1)} cell: ${problem}.` });
        return;
      }
      get().dispatchCell({ type: 'succeed', cell });
    }
  },
});
