'use client';
import { useMemo, useState } from 'react';
import { Bar, BarChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { getColumn } from '@/lib/data/table';
import { histogram, topValues } from '@/lib/profile/columns';
import { useAppStore } from '@/lib/store';
import { SelectField } from '../../ui/SelectField';

/** One column up close: its top values, and a histogram when it holds numbers. */
export function ColumnDetail() {
  const table = useAppStore((s) => s.table);
  const [chosen, setChosen] = useState<string | null>(null);
  // Counted only once opened: a closed panel cost a pass over a million-row column on every new table.
  const [open, setOpen] = useState(false);
  const name = chosen && table?.columns.some((c) => c.name === chosen) ? chosen : (table?.columns[0]?.name ?? '');
  const detail = useMemo(() => {
    if (!table || !name || !open) return null;
    const col = getColumn(table, name);
    return { top: topValues(col, 10), bins: histogram(col, 20).map((b) => ({ ...b, label: b.from.toPrecision(3) })) };
  }, [table, name, open]);
  if (!table) return null;
  return (
    <details onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Column detail: top values and histogram</summary>
      <SelectField label="Column to inspect" value={name} options={table.columns.map((c) => c.name)} onChange={setChosen} />
      {detail && (
        <div className="row" style={{ alignItems: 'flex-start' }}>
          <table className="grid" data-testid="top-values" style={{ maxWidth: 360 }} aria-label={`Most frequent values of ${name}`}>
            <thead>
              <tr>
                <th>value</th>
                <th className="num">rows</th>
              </tr>
            </thead>
            <tbody>
              {detail.top.map((v) => (
                <tr key={v.value}>
                  <td>{v.value}</td>
                  <td className="num">{v.count.toLocaleString()}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {detail.bins.length > 1 && (
            <div style={{ flex: 1, minWidth: 300 }} role="img" aria-label={`Histogram of ${name}`}>
              <ResponsiveContainer width="100%" height={200}>
                <BarChart data={detail.bins}>
                  <XAxis dataKey="label" fontSize={10} />
                  <YAxis fontSize={10} width={50} />
                  <Tooltip />
                  <Bar dataKey="count" fill="#2f5bd3" isAnimationActive={false} />
                </BarChart>
              </ResponsiveContainer>
            </div>
          )}
        </div>
      )}
    </details>
  );
}
