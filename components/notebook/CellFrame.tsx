'use client';
import type { ReactNode } from 'react';
import type { CellId } from '@/lib/notebook/cells';
import { useAppStore } from '@/lib/store';

/** The frame every cell shares: title, status badge and body. */
export function CellFrame({ id, title, children }: { id: CellId; title: string; children: ReactNode }) {
  const status = useAppStore((s) => s.cells[id]);
  const headingId = `cell-${id}-title`;
  return (
    <section className="cell" aria-labelledby={headingId} data-cell={id} data-status={status}>
      <header>
        <h2 id={headingId}>{title}</h2>
        <span className={`status status-${status}`} role="status" aria-label={`${title} status: ${status}`} data-testid={`status-${id}`}>
          {status}
        </span>
      </header>
      <div className="cell-body">{children}</div>
    </section>
  );
}
