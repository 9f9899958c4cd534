'use client';
import { CELL_ORDER } from '@/lib/notebook/cells';
import { useAppStore } from '@/lib/store';

/** Notebook-wide run buttons: run every cell, or only the ones an edit made stale. */
export function RunControls() {
  const cells = useAppStore((s) => s.cells);
  const runProblem = useAppStore((s) => s.runProblem);
  const runCells = useAppStore((s) => s.runCells);
  const busy = CELL_ORDER.some((c) => cells[c] === 'running' || cells[c] === 'queued');
  const stale = CELL_ORDER.filter((c) => cells[c] === 'stale' || cells[c] === 'error').length;
  return (
    <div className="run-controls" data-testid="run-controls">
      <button type="button" disabled={busy} onClick={() => runCells({ kind: 'all' })}>
        Run all
      </button>
      <button type="button" disabled={busy || stale === 0} onClick={() => runCells({ kind: 'stale' })}>
        Run stale cells ({stale})
      </button>
      {runProblem && (
        <p role="alert" className="error">
          {runProblem}
        </p>
      )}
    </div>
  );
}
