import { NumberCounts } from './numberCounts';
import { isPositiveToken, NEGATIVE_TOKENS, POSITIVE_TOKENS, type Column, type NumericColumn, type StringColumn } from './table';

/**
 * What one column's values say, read once per column: role inference decides from these (and from
 * names and the other columns) without another pass over a million rows.
 */
export interface ColumnFacts {
  distinct: number;
  /** More than DISTINCT_LIMIT distinct numbers: `distinct` is then that limit. */
  capped: boolean;
  missing: number;
  /** Two values spelled like a label (0/1, −1/1, yes/no, true/false): the share of positives and how they are spelled. */
  binary: { rate: number; positives: number; present: number; spelling: string; positive: string } | null;
  /** Numbers only: every present value a whole number, and the range and middle of the values. */
  integers: boolean;
  min: number;
  max: number;
  median: number;
  /** 0…n−1 or 1…n in order: the row's own number. */
  rowIndex: boolean;
  /** Every present value different (checked exactly below the cap, by a random sample above it). */
  unique: boolean;
}

/**
 * Distinct numbers are counted exactly up to DISTINCT_LIMIT: every role decision needs far fewer
 * (2 for labels, CATEGORICAL_MAX_DISTINCT for codes), and an exact count of a million distinct
 * floats costs a cache-missing hash table or a sort per column (about 0.1 s each at 1M rows); a small table stays in the CPU cache.
 */
export const DISTINCT_LIMIT = 16_384;

/** Read a column's facts. */
export function columnFacts(col: Column): ColumnFacts {
  const counted = countDistinct(col);
  const present = col.kind === 'number' ? col.values.length - counted.missing : col.codes.length - counted.missing;
  const binary = counted.distinct === 2 ? binaryRate(col, counted.numbers) : null;
  if (col.kind === 'string') {
    return { ...counted, binary, integers: false, min: NaN, max: NaN, median: NaN, rowIndex: false, unique: present > 0 && counted.distinct === present };
  }
  const spread = numericSpread(col);
  const unique = counted.capped ? sampleIsUnique(col) : present > 0 && counted.distinct === present;
  return { distinct: counted.distinct, capped: counted.capped, missing: counted.missing, binary, ...spread, rowIndex: counted.missing === 0 && isRowIndex(col.values), unique };
}

/** Distinct values and missing cells; for numbers, the counts themselves (null for text). */
function countDistinct(col: Column): { distinct: number; missing: number; capped: boolean; numbers: NumberCounts | null } {
  if (col.kind === 'string') {
    const seen = new Uint8Array(col.dictionary.length);
    let distinct = 0;
    let missing = 0;
    for (const code of col.codes) {
      if (code < 0) missing++;
      else if (!seen[code]) {
        seen[code] = 1;
        distinct++;
      }
    }
    return { distinct, missing, capped: false, numbers: null };
  }
  const seen = new NumberCounts(1024);
  const { values, missing: isMissing } = col;
  const n = values.length;
  let missing = 0;
  let capped = false;
  // A run of equal values (a label column's zeros, a sorted id) is counted once, not hashed per row.
  let last = NaN;
  let run = 0;
  let i = 0;
  for (; i < n && !capped; i++) {
    if (isMissing[i]) missing++;
    else {
      const v = values[i];
      if (v === last) run++;
      else {
        if (run > 0) seen.add(last, run);
        last = v;
        run = 1;
        capped = seen.size > DISTINCT_LIMIT;
      }
    }
  }
  // Past the limit only the missing cells are still counted: a loop of nothing else (one loop doing
  // both, checking the limit per row, was most of the roles' time on a file of many-valued columns).
  for (; i < n; i++) missing += isMissing[i];
  if (run > 0 && !capped) seen.add(last, run);
  capped ||= seen.size > DISTINCT_LIMIT;
  return { distinct: capped ? DISTINCT_LIMIT : seen.size, missing, capped, numbers: seen };
}

/** A column can be a label when it has exactly two values spelled like 0/1, −1/1, yes/no or true/false. */
function binaryRate(col: Column, numbers: NumberCounts | null): ColumnFacts['binary'] {
  let positives = 0;
  let present = 0;
  if (col.kind === 'number') {
    // The two numbers and how often each occurs, as countDistinct counted them: no second pass.
    const values = new Set<number>();
    numbers?.forEach((value, count) => {
      values.add(value);
      present += count;
      if (value > 0) positives += count;
    });
    const spelling = values.has(0) && values.has(1) ? '0/1' : values.has(-1) && values.has(1) ? '−1/1' : null;
    return spelling ? { rate: positives / present, positives, present, spelling, positive: 'ones' } : null;
  }
  const words = col.dictionary.map((w) => w.trim().toLowerCase());
  const pair = words.some((w) => POSITIVE_TOKENS.has(w)) && words.some((w) => NEGATIVE_TOKENS.has(w));
  if (!pair) return null;
  for (const code of col.codes) {
    if (code < 0) continue;
    present++;
    if (isPositiveToken(col.dictionary[code])) positives++;
  }
  return { rate: positives / present, positives, present, spelling: col.dictionary.join('/'), positive: `"${col.dictionary.find(isPositiveToken)}"` };
}

/** Whole numbers or not, the range, and the median of an even sample (enough to tell a code from a measurement). */
function numericSpread(col: NumericColumn): Pick<ColumnFacts, 'integers' | 'min' | 'max' | 'median'> {
  const { values, missing } = col;
  let integers = true;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    if (missing[i]) continue;
    const v = values[i];
    if (integers && !Number.isInteger(v)) integers = false;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const stride = Math.max(1, Math.floor(values.length / 4096));
  const sample: number[] = [];
  for (let i = 0; i < values.length; i += stride) if (!missing[i]) sample.push(values[i]);
  sample.sort((a, b) => a - b);
  return { integers, min, max, median: sample.length ? sample[sample.length >> 1] : NaN };
}

function isRowIndex(values: Float64Array): boolean {
  if (values.length < 2) return false;
  const offset = values[0];
  if (offset !== 0 && offset !== 1) return false;
  for (let i = 1; i < values.length; i++) if (values[i] !== i + offset) return false;
  return true;
}

/**
 * Above the distinct limit, uniqueness from a seeded sample of distinct rows: among 8,192 rows of a
 * column where values repeat even twice, some pair is almost surely the same value, while a key
 * never repeats. Rows drawn at random, not evenly, so a sorted column's runs are caught too.
 */
function sampleIsUnique(col: NumericColumn): boolean {
  const n = col.values.length;
  let state = 0x9e3779b9;
  const rows = new Set<number>();
  for (let k = 0; k < 8192 * 2 && rows.size < 8192; k++) {
    state = (Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) | 0;
    rows.add((state >>> 0) % n);
  }
  const sample = Float64Array.from([...rows].filter((r) => !col.missing[r]), (r) => col.values[r]).sort();
  for (let i = 1; i < sample.length; i++) if (sample[i] === sample[i - 1]) return false;
  return sample.length > 0;
}

/** Epoch seconds or milliseconds of 1990–2100, or YYYYMMDD dates, in the first 200 present cells. */
export function looksLikeEpochOrDate(col: NumericColumn): boolean {
  let checked = 0;
  for (let i = 0; i < col.values.length && checked < 200; i++) {
    if (col.missing[i]) continue;
    checked++;
    const v = col.values[i];
    const epochSeconds = v > 6.3e8 && v < 4.1e9; // 1990..2100 (MovieLens 100K's ratings are from 1997)
    const epochMs = v > 6.3e11 && v < 4.1e12;
    const month = Math.floor((v % 10000) / 100);
    const yyyymmdd = Number.isInteger(v) && v >= 19700101 && v <= 21001231 && month >= 1 && month <= 12;
    if (!(epochSeconds || epochMs || yyyymmdd)) return false;
  }
  return checked > 0;
}

export function looksLikeIsoTime(col: StringColumn): boolean {
  const sample = col.dictionary.slice(0, 50);
  return sample.length > 0 && sample.every((s) => /^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2})?)?/.test(s.trim()));
}

export function averageLength(col: StringColumn): number {
  const sample = col.dictionary.slice(0, 200);
  return sample.reduce((s, v) => s + v.length, 0) / Math.max(1, sample.length);
}
