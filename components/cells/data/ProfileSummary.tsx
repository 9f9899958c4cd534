'use client';
import { useEffect, useState } from 'react';
import type { Table } from '@/lib/data/table';
import { describeNumericColumns, SUMMARY_SAMPLE_ROWS, type NumericSummary } from '@/lib/profile/describe';

const fmt = (v: number) => (Math.abs(v) >= 1e6 ? v.toExponential(3) : Number.isInteger(v) ? String(v) : v.toFixed(3));

/** Numeric summaries computed by danfojs, loaded lazily after the table is shown. */
export function ProfileSummary({ table }: { table: Table }) {
  const [state, setState] = useState<{ table: Table; rows: NumericSummary[] | null; error: string | null } | null>(null);
  useEffect(() => {
    let cancelled = false;
    describeNumericColumns(table)
      .then((rows) => !cancelled && setState({ table, rows, error: null }))
      .catch((err) => !cancelled && setState({ table, rows: null, error: err instanceof Error ? err.message : String(err) }));
    return () => {
      cancelled = true;
    };
  }, [table]);
  const current = state?.table === table ? state : null;
  return (
    <details>
      <summary>Numeric summary (danfojs describe; statistics on an evenly spaced sample of up to {SUMMARY_SAMPLE_ROWS.toLocaleString()} rows)</summary>
      {!current && <p role="status">Computing summaries…</p>}
      {current?.error && <p className="alert">The summary could not be computed: {current.error}</p>}
      {current?.rows && (
        <div className="scroll-x">
          <table className="grid" data-testid="numeric-summary">
            <thead>
              <tr>
                {['column', 'count', 'mean', 'std', 'min', 'median', 'max'].map((h) => (
                  <th key={h} className={h === 'column' ? '' : 'num'}>
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {current.rows.map((r) => (
                <tr key={r.column}>
                  <td>{r.column}</td>
                  {[r.count, r.mean, r.std, r.min, r.median, r.max].map((v, i) => (
                    <td key={i} className="num">
                      {fmt(v)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </details>
  );
}
