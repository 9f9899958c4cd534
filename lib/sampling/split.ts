import { getColumn, groupKeys, type Column, type Table } from '../data/table';
import type { SamplingSpec } from '../formulate/spec';
import { uniform } from './random';

const STREAM_SPLIT = 1;

/**
 * Which rows are held out for validation (1) — seeded and order-independent:
 * - random: each row with probability validationFraction;
 * - time: the latest validationFraction of rows by the time column (ties stay together), so the
 *   model is judged on the future as it would be in production;
 * - user: whole users held out with probability validationFraction (cold-start evaluation).
 */
export function splitRows(table: Table, sampling: SamplingSpec): Uint8Array {
  const n = table.rowCount;
  const f = sampling.validationFraction;
  const out = new Uint8Array(n);
  const split = sampling.split;
  if (split.kind === 'random') {
    for (let i = 0; i < n; i++) out[i] = uniform(sampling.seed, i, STREAM_SPLIT) < f ? 1 : 0;
    return out;
  }
  if (split.kind === 'user') {
    const keys = groupKeys(getColumn(table, split.column));
    for (let i = 0; i < n; i++) out[i] = uniform(sampling.seed, keyToInt(keys[i]), STREAM_SPLIT) < f ? 1 : 0;
    return out;
  }
  const times = timeValues(getColumn(table, split.column));
  const sorted = Float64Array.from(times.filter((t) => !Number.isNaN(t))).sort();
  if (sorted.length === 0) throw new Error(`"${split.column}" has no readable times to split on`);
  const cutoff = sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * (1 - f)))];
  // Rows without a time cannot be placed in time; they stay in training.
  for (let i = 0; i < n; i++) out[i] = times[i] >= cutoff ? 1 : 0;
  return out;
}

/** Comparable time per row: numbers as they are (epoch, YYYYMMDD), text through Date.parse; NaN when missing. */
export function timeValues(col: Column): Float64Array {
  if (col.kind === 'number') return Float64Array.from(col.values, (v, i) => (col.missing[i] ? NaN : v));
  const parsed = col.dictionary.map((s) => Date.parse(s.includes('T') || !s.includes(' ') ? s : s.replace(' ', 'T')));
  return Float64Array.from(col.codes, (c) => (c < 0 ? NaN : parsed[c]));
}

/** A stable 32-bit integer for any group key (ids can be large or fractional numbers). */
function keyToInt(key: number): number {
  const hi = Math.floor(key / 4294967296);
  return (Math.imul(hi, 0x9e3779b1) ^ (key >>> 0)) >>> 0;
}
