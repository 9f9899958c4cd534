'use client';
import { cellText, type Table } from '@/lib/data/table';

const PREVIEW_ROWS = 8;

/** The first rows as text. Cells render as React text nodes, never as HTML. */
export function DataPreview({ table }: { table: Table }) {
  const rows = Array.from({ length: Math.min(PREVIEW_ROWS, table.rowCount) }, (_, i) => i);
  return (
    <details open>
      <summary>Preview (first {rows.length} rows)</summary>
      <div className="scroll-x">
        <table className="grid" data-testid="preview-table">
          <thead>
            <tr>
              {table.columns.map((c) => (
                <th key={c.name}>{c.name}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r}>
                {table.columns.map((c) => (
                  <td key={c.name}>{cellText(c, r)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
