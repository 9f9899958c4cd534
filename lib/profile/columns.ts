import type { Column } from '../data/table';

export interface ValueCount {
  value: string;
  count: number;
}

/** The k most frequent values of a column (missing cells excluded), most frequent first. */
export function topValues(col: Column, k: number): ValueCount[] {
  const counts = new Map<string, number>();
  if (col.kind === 'string') {
    const byCode = new Float64Array(col.dictionary.length);
    for (const c of col.codes) if (c >= 0) byCode[c]++;
    byCode.forEach((n, c) => n > 0 && counts.set(col.dictionary[c], n));
  } else {
    for (let i = 0; i < col.values.length; i++) if (!col.missing[i]) counts.set(String(col.values[i]), (counts.get(String(col.values[i])) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, k)
    .map(([value, count]) => ({ value, count }));
}

export interface HistogramBin {
  from: number;
  to: number;
  count: number;
}

/** Equal-width histogram of a numeric column's present values between its min and max. */
export function histogram(col: Column, bins: number): HistogramBin[] {
  if (col.kind !== 'number') return [];
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < col.values.length; i++) {
    if (col.missing[i]) continue;
    if (col.values[i] < min) min = col.values[i];
    if (col.values[i] > max) max = col.values[i];
  }
  if (min === Infinity) return [];
  if (min === max) return [{ from: min, to: max, count: col.values.length - col.missing.reduce((s, m) => s + m, 0) }];
  const width = (max - min) / bins;
  const out = Array.from({ length: bins }, (_, b) => ({ from: min + b * width, to: min + (b + 1) * width, count: 0 }));
  for (let i = 0; i < col.values.length; i++) {
    if (col.missing[i]) continue;
    out[Math.min(bins - 1, Math.floor((col.values[i] - min) / width))].count++;
  }
  return out;
}
