'use client';
import { useMemo } from 'react';
import { getColumn, type Table } from '@/lib/data/table';
import { presentQuantiles } from '@/lib/profile/quantiles';

/**
 * The value to compare with: a slider over the column's 1st–99th percentile plus exact entry for
 * numeric columns (outliers would make the slider useless), a text box otherwise.
 */
export function ThresholdInput({ table, column, value, onChange }: { table: Table; column: string | null; value: string; onChange(v: string): void }) {
  const range = useMemo(() => {
    if (!column) return null;
    const col = getColumn(table, column);
    if (col.kind !== 'number') return null;
    const bounds = presentQuantiles(col.values, col.missing, [0.01, 0.99]);
    if (!bounds) return null;
    const [lo, hi] = bounds;
    return hi > lo ? { lo, hi, step: niceStep(hi - lo) } : null;
  }, [table, column]);
  return (
    <div className="field">
      <label htmlFor="derived-value">Value</label>
      <input id="derived-value" value={value} onChange={(e) => onChange(e.target.value)} style={{ width: 110 }} />
      {range && (
        <input
          type="range"
          aria-label={`Threshold for ${column}`}
          min={range.lo}
          max={range.hi}
          step={range.step}
          value={Number.isFinite(Number(value)) ? Number(value) : range.lo}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </div>
  );
}

function niceStep(span: number): number {
  const raw = span / 200;
  const pow = Math.pow(10, Math.floor(Math.log10(raw)));
  return [1, 2, 5, 10].map((m) => m * pow).find((s) => s >= raw) ?? raw;
}
