'use client';
import type { KeyboardEvent, ReactNode } from 'react';
import type { CellId } from '@/lib/notebook/cells';
import { useAppStore } from '@/lib/store';
import { Lessons } from './Lessons';

/**
 * The frame every cell shares: title, status badge, a Run button (Shift+Enter anywhere in the cell does
 * the same), a collapse toggle, the body, and the cell's teaching text.
 */
export function CellFrame({ id, title, children }: { id: CellId; title: string; children: ReactNode }) {
  const status = useAppStore((s) => s.cells[id]);
  const collapsed = useAppStore((s) => Boolean(s.collapsed[id]));
  const busy = useAppStore((s) => Object.values(s.cells).some((c) => c === 'running' || c === 'queued'));
  const runCells = useAppStore((s) => s.runCells);
  const toggleCollapsed = useAppStore((s) => s.toggleCollapsed);
  const headingId = `cell-${id}-title`;
  const bodyId = `cell-${id}-body`;
  const name = title.replace(/^\d+ · /, '');
  const onKeyDown = (event: KeyboardEvent) => {
    // Shift+Enter runs the cell, as in Jupyter; a note's text area keeps it for new lines.
    if (event.key !== 'Enter' || !event.shiftKey || (event.target as HTMLElement).tagName === 'TEXTAREA') return;
    event.preventDefault();
    runCells({ kind: 'cell', cell: id });
  };
  return (
    <section className="cell" aria-labelledby={headingId} data-cell={id} data-status={status} onKeyDown={onKeyDown}>
      <header>
        <button type="button" className="collapse" aria-expanded={!collapsed} aria-controls={bodyId} aria-label={`${collapsed ? 'Expand' : 'Collapse'} the ${name} cell`} onClick={() => toggleCollapsed(id)}>
          {collapsed ? '▸' : '▾'}
        </button>
        <h2 id={headingId}>{title}</h2>
        <button type="button" className="run-cell" disabled={busy} title="Run this cell and what it needs (Shift+Enter)" onClick={() => runCells({ kind: 'cell', cell: id })}>
          Run cell: {name}
        </button>
        <span className={`status status-${status}`} role="status" aria-label={`${title} status: ${status}`} data-testid={`status-${id}`}>
          {status}
        </span>
      </header>
      <div className="cell-body" id={bodyId} hidden={collapsed}>
        {children}
        <Lessons cell={id} />
      </div>
    </section>
  );
}
