/**
 * Cell runtime: one pure transition function over the status of every cell.
 * Cells form a chain (data → targets → sampling → model → train → evaluate, value); a change in a cell makes
 * every downstream cell that had produced something stale.
 */
export const CELL_ORDER = ['data', 'targets', 'sampling', 'model', 'train', 'evaluate', 'value'] as const;
export type CellId = (typeof CELL_ORDER)[number];
export type CellStatus = 'idle' | 'running' | 'done' | 'stale' | 'error';
export type CellStatuses = Record<CellId, CellStatus>;

/** What each cell reads; the notebook is a chain today, the table keeps it explicit for branches later. */
export const CELL_DEPENDS_ON: Record<CellId, CellId[]> = {
  data: [],
  targets: ['data'],
  sampling: ['targets'],
  model: ['sampling'],
  train: ['model'],
  evaluate: ['train'],
  value: ['train'],
};

export type CellEvent =
  | { type: 'start'; cell: CellId }
  | { type: 'succeed'; cell: CellId }
  | { type: 'fail'; cell: CellId }
  /** The person changed an input of `cell`: it is current again, everything downstream is stale. */
  | { type: 'edit'; cell: CellId }
  /** A run was cancelled: back to stale if it had produced output before, else idle. */
  | { type: 'cancel'; cell: CellId; hadOutput: boolean };

export const INITIAL_STATUSES: CellStatuses = { data: 'idle', targets: 'idle', sampling: 'idle', model: 'idle', train: 'idle', evaluate: 'idle', value: 'idle' };

/** All cells that (transitively) depend on `cell`. */
export function downstreamOf(cell: CellId): CellId[] {
  const out: CellId[] = [];
  const visit = (c: CellId) => {
    for (const other of CELL_ORDER) {
      if (CELL_DEPENDS_ON[other].includes(c) && !out.includes(other)) {
        out.push(other);
        visit(other);
      }
    }
  };
  visit(cell);
  return out;
}

/** The one transition function of the cell runtime. */
export function transition(state: CellStatuses, event: CellEvent): CellStatuses {
  const next = { ...state };
  switch (event.type) {
    case 'start':
      next[event.cell] = 'running';
      return next;
    case 'succeed':
      next[event.cell] = 'done';
      return next;
    case 'fail':
      next[event.cell] = 'error';
      return next;
    case 'cancel':
      next[event.cell] = event.hadOutput ? 'stale' : 'idle';
      return next;
    case 'edit':
      if (next[event.cell] !== 'running') next[event.cell] = 'done';
      for (const c of downstreamOf(event.cell)) {
        // A running cell keeps running on its old inputs; its result will be stale when it lands.
        if (next[c] === 'done' || next[c] === 'error' || next[c] === 'running') next[c] = 'stale';
      }
      return next;
  }
}
