/**
 * Cell runtime: one pure transition function over the status of every cell.
 * Cells form a chain (data → targets → sampling → model → train → evaluate, value); a change in a cell makes
 * every downstream cell that had produced something stale.
 */
export const CELL_ORDER = ['data', 'targets', 'sampling', 'model', 'train', 'evaluate', 'value'] as const;
export type CellId = (typeof CELL_ORDER)[number];
export type CellStatus = 'idle' | 'queued' | 'running' | 'done' | 'stale' | 'error';
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
  /** Waiting for the cells before it in a run (run all, run stale, Shift+Enter). */
  | { type: 'queue'; cell: CellId }
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
    case 'queue':
      if (next[event.cell] !== 'running') next[event.cell] = 'queued';
      return next;
    case 'start':
      next[event.cell] = 'running';
      return next;
    case 'succeed':
      next[event.cell] = 'done';
      return next;
    case 'fail':
      next[event.cell] = 'error';
      // Cells that were waiting on this one will not run now: they are out of date.
      for (const c of downstreamOf(event.cell)) if (next[c] === 'queued') next[c] = 'stale';
      return next;
    case 'cancel':
      next[event.cell] = event.hadOutput ? 'stale' : 'idle';
      return next;
    case 'edit':
      if (next[event.cell] !== 'running') next[event.cell] = 'done';
      for (const c of downstreamOf(event.cell)) {
        // A running cell keeps running on its old inputs; its result will be stale when it lands.
        if (next[c] === 'done' || next[c] === 'error' || next[c] === 'running' || next[c] === 'queued') next[c] = 'stale';
      }
      return next;
  }
}

/** What the person asked to run: every cell, the cells that are out of date, or one cell (Shift+Enter). */
export type RunRequest = { kind: 'all' } | { kind: 'stale' } | { kind: 'cell'; cell: CellId };

/** A cell needs running when it has never produced output, its output is out of date, or it failed; "run
 * stale" takes only the last two (a never-run cell is not stale), Shift+Enter on a cell all three upstream. */
export function needsRun(status: CellStatus): boolean {
  return status === 'idle' || status === 'stale' || status === 'error';
}

/** All cells that `cell` (transitively) reads. */
export function upstreamOf(cell: CellId): CellId[] {
  const out: CellId[] = [];
  const visit = (c: CellId) => {
    for (const parent of CELL_DEPENDS_ON[c]) {
      if (!out.includes(parent)) {
        out.push(parent);
        visit(parent);
      }
    }
  };
  visit(cell);
  return out;
}

/**
 * The cells a request runs, in notebook order. One cell runs with whatever it reads that is out of
 * date, so its result is never computed from stale inputs; "stale" runs every out-of-date cell and
 * what depends on it. Nothing is planned while a cell is running.
 */
export function planRun(state: CellStatuses, request: RunRequest): CellId[] {
  if (CELL_ORDER.some((c) => state[c] === 'running' || state[c] === 'queued')) return [];
  let chosen: Set<CellId>;
  if (request.kind === 'all') chosen = new Set(CELL_ORDER);
  else if (request.kind === 'cell') chosen = new Set([request.cell, ...upstreamOf(request.cell).filter((c) => needsRun(state[c]))]);
  else {
    chosen = new Set();
    for (const c of CELL_ORDER) if (state[c] === 'stale' || state[c] === 'error') [c, ...downstreamOf(c)].forEach((d) => chosen.add(d));
  }
  return CELL_ORDER.filter((c) => chosen.has(c));
}
