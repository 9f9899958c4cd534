import type { Table } from '../data/table';

/** danfojs' describe() of one numeric column over its present values (count is exact; the rest on at most SUMMARY_SAMPLE_ROWS rows). */
export interface NumericSummary {
  column: string;
  count: number;
  mean: number;
  std: number;
  min: number;
  median: number;
  max: number;
}

/**
 * Statistics come from an evenly spaced sample: danfojs' median (mathjs quickselect) is quadratic
 * on columns full of equal values (measured: 11 s for one 41k-row 0/1 column in Chromium).
 */
export const SUMMARY_SAMPLE_ROWS = 5_000;

/**
 * Summaries of the numeric columns through danfojs. danfojs is imported lazily: it is only needed
 * here, on the main thread, and its chunk is large (DESIGN §3). Missing cells are dropped first,
 * because danfojs' describe() turns a single NaN into NaN statistics.
 */
export async function describeNumericColumns(table: Table): Promise<NumericSummary[]> {
  const dfd = await import('danfojs');
  const step = Math.max(1, Math.ceil(table.rowCount / SUMMARY_SAMPLE_ROWS));
  const out: NumericSummary[] = [];
  for (const col of table.columns) {
    if (col.kind !== 'number') continue;
    const present: number[] = [];
    for (let i = 0; i < col.values.length; i += step) if (!col.missing[i]) present.push(col.values[i]);
    if (present.length < 2) continue;
    const described = new dfd.Series(present).describe();
    const [, mean, std, min, median, max] = described.values as number[];
    const count = col.missing.reduce((n, m) => n + (m ? 0 : 1), 0);
    out.push({ column: col.name, count, mean, std, min, median, max });
    // Yield between columns so the page stays responsive while summaries are computed.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return out;
}
