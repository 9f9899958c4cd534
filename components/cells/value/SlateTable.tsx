'use client';
import { useMemo, useState } from 'react';
import { cellText, getColumn } from '@/lib/data/table';
import type { RunView } from '@/lib/store/runSlice';
import { rankOneSlate } from '@/lib/value/rerank';
import type { ValueModelView } from './useValueModel';

const SHOWN = 15;

/** One user's validation impressions ordered by value score, with arrows for rank changes since the last weight move. */
export function SlateTable({ run, view, slate }: { run: RunView; view: ValueModelView; slate: number }) {
  const p = run.predictions!;
  const { scores, labels, probabilities } = view;
  const order = useMemo(() => rankOneSlate(view.index, slate, scores), [view.index, slate, scores]);
  // Remember the order before the latest change (React's "previous props in state" pattern).
  const [history, setHistory] = useState<{ slate: number; order: Int32Array; previous: Int32Array | null }>({ slate, order, previous: null });
  if (history.order !== order) setHistory({ slate, order, previous: history.slate === slate ? history.order : null });
  const before = useMemo(() => (history.previous ? new Map(Array.from(history.previous, (i, r) => [i, r])) : null), [history.previous]);
  const itemCol = run.itemColumn ? getColumn(run.table, run.itemColumn) : null;
  // A funnel run also shows each later step's conditional p(step | previous step).
  const chain = run.spec.formulation.kind === 'funnel' ? run.spec.formulation.chain : [];
  const conditionalColumns = chain.slice(1).map((step, k) => ({ header: `p(${step} | ${chain[k]})`, values: p.conditional![p.tasks.indexOf(step)] }));
  const conditionalHeaders = conditionalColumns.map((c) => c.header);
  return (
    <div className="scroll-x">
      <table className="grid" data-testid="slate-table" aria-label="Re-ranked slate of the chosen user">
        <thead>
          <tr>
            <th className="num">rank</th>
            <th>move</th>
            <th>{run.itemColumn ?? 'row'}</th>
            {p.tasks.map((t) => (
              <th key={t} className="num">
                p({t})
              </th>
            ))}
            {conditionalHeaders.map((h) => (
              <th key={h} className="num">
                {h}
              </th>
            ))}
            <th className="num">value</th>
            <th>actions taken</th>
          </tr>
        </thead>
        <tbody>
          {Array.from(order.slice(0, SHOWN), (i, rank) => {
            const row = p.rows[i];
            const was = before?.get(i);
            const move = was === undefined || was === rank ? '' : was > rank ? `↑${was - rank}` : `↓${rank - was}`;
            return (
              <tr key={i} data-row={row}>
                <td className="num">{rank + 1}</td>
                <td className={move.startsWith('↑') ? 'up' : 'down'}>{move}</td>
                <td>{itemCol ? cellText(itemCol, row) : row}</td>
                {probabilities.map((q, t) => (
                  <td key={t} className="num">
                    {q[i].toFixed(4)}
                  </td>
                ))}
                {conditionalColumns.map(({ values }, k) => (
                  <td key={`c${k}`} className="num">
                    {values[i].toFixed(4)}
                  </td>
                ))}
                <td className="num">{scores[i].toFixed(4)}</td>
                <td>{p.tasks.filter((_, t) => labels[t][i]).join(', ')}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {order.length > SHOWN && <p className="muted">Top {SHOWN} of {order.length} validation impressions of this user.</p>}
    </div>
  );
}
