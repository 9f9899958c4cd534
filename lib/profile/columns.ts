import { NumberCounts } from '../data/numberCounts';
import type { Column } from '../data/table';

export interface ValueCount {
  value: string;
  count: number;
}

/**
 * The k most frequent values of a column (missing cells excluded), most frequent first; ties in
 * dictionary order for text and in numeric order for numbers. Numbers are counted by value and only
 * the k kept are spelled out: a Map keyed by String(value) took ~0.35 s of the page's main thread for a
 * million-row column when a file loaded.
 */
export function topValues(col: Column, k: number): ValueCount[] {
  if (col.kind === 'string') {
    const byCode = new Float64Array(col.dictionary.length);
    for (const c of col.codes) if (c >= 0) byCode[c]++;
    const best = keepBest<number>(k, (a, b) => byCode[b] - byCode[a] || (col.dictionary[a] < col.dictionary[b] ? -1 : 1));
    byCode.forEach((n, c) => n > 0 && best.offer(c));
    return best.items().map((c) => ({ value: col.dictionary[c], count: byCode[c] }));
  }
  const counts = new NumberCounts(1024);
  for (let i = 0; i < col.values.length; i++) if (!col.missing[i]) counts.add(col.values[i]);
  const best = keepBest<[number, number]>(k, (a, b) => b[1] - a[1] || a[0] - b[0]);
  counts.forEach((value, count) => best.offer([value, count]));
  return best.items().map(([value, count]) => ({ value: String(value), count }));
}

/** The k smallest items by `order` among those offered, in order: one pass, k slots. */
function keepBest<T>(k: number, order: (a: T, b: T) => number): { offer(item: T): void; items(): T[] } {
  const kept: T[] = [];
  return {
    offer(item) {
      if (kept.length === k && order(item, kept[k - 1]) >= 0) return;
      let at = kept.length === k ? k - 1 : kept.length;
      while (at > 0 && order(item, kept[at - 1]) < 0) {
        kept[at] = kept[at - 1];
        at--;
      }
      kept[at] = item;
    },
    items: () => kept.slice(0, k),
  };
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
