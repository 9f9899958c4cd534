import type { FeatureSpec } from '../formulate/spec';
import { getColumn, type Column, type Table } from '../data/table';

/** Fitted standardisation of one numeric column (statistics from training rows only). */
export interface NumericEncoder {
  column: string;
  mean: number;
  std: number;
}

/**
 * Fitted id encoder of one categorical/id column. Index 0 of its slice is "missing or unseen";
 * vocabulary mode maps each training value to its own row, hash mode folds values into buckets.
 */
export interface SparseEncoder {
  column: string;
  mode: 'vocabulary' | 'hash';
  /** Start of this column's rows in the shared embedding table. */
  offset: number;
  size: number;
  /** Vocabulary mode: the value text of row 1..size-1 (index i+1 ↔ vocabulary[i]). */
  vocabulary: string[];
}

/** Everything needed to turn raw rows into model inputs again (saved with a trained model later). */
export interface FittedEncoders {
  numeric: NumericEncoder[];
  sparse: SparseEncoder[];
  /** Rows of the shared embedding table over all sparse columns. */
  vocabularySize: number;
}

/** Model inputs for a set of rows: dense [rows, numeric.length] and ids [rows, sparse.length], row-major. */
export interface EncodedRows {
  rows: number;
  dense: Float32Array;
  denseDim: number;
  ids: Int32Array;
  idDim: number;
}

const CLIP = 10;

/** Fit encoders on the training rows only, so validation statistics never leak into the model. */
export function fitEncoders(table: Table, features: FeatureSpec[], trainRows: Int32Array, maxVocabulary: number): FittedEncoders {
  const numeric: NumericEncoder[] = [];
  const sparse: SparseEncoder[] = [];
  let offset = 0;
  for (const f of features) {
    const col = getColumn(table, f.column);
    if (f.encoding === 'numeric') {
      if (col.kind !== 'number') throw new Error(`feature "${f.column}" is text and cannot be encoded as a number`);
      numeric.push({ column: f.column, ...meanStd(col.values, col.missing, trainRows) });
      continue;
    }
    const counts = new Map<string, number>();
    for (const row of trainRows) {
      const key = keyOf(col, row);
      if (key !== null) counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const mode = counts.size + 1 <= maxVocabulary ? 'vocabulary' : 'hash';
    const vocabulary = mode === 'vocabulary' ? [...counts.keys()] : [];
    const size = mode === 'vocabulary' ? vocabulary.length + 1 : maxVocabulary;
    sparse.push({ column: f.column, mode, offset, size, vocabulary });
    offset += size;
  }
  return { numeric, sparse, vocabularySize: offset };
}

/** Encode the given rows with fitted encoders. Missing numbers become 0 (the training mean). */
export function encodeRows(table: Table, enc: FittedEncoders, rows: Int32Array): EncodedRows {
  const n = rows.length;
  const denseDim = enc.numeric.length;
  const idDim = enc.sparse.length;
  const dense = new Float32Array(n * denseDim);
  const ids = new Int32Array(n * idDim);
  enc.numeric.forEach((e, j) => {
    const col = getColumn(table, e.column);
    if (col.kind !== 'number') throw new Error(`feature "${e.column}" is no longer numeric`);
    for (let i = 0; i < n; i++) {
      const r = rows[i];
      const z = col.missing[r] ? 0 : (col.values[r] - e.mean) / e.std;
      dense[i * denseDim + j] = Math.max(-CLIP, Math.min(CLIP, z));
    }
  });
  enc.sparse.forEach((e, j) => {
    const col = getColumn(table, e.column);
    const lookup = e.mode === 'vocabulary' ? new Map(e.vocabulary.map((v, k) => [v, k + 1])) : null;
    for (let i = 0; i < n; i++) {
      const key = keyOf(col, rows[i]);
      let local = 0;
      if (key !== null) local = lookup ? (lookup.get(key) ?? 0) : 1 + (hashString(key) % (e.size - 1));
      ids[i * idDim + j] = e.offset + local;
    }
  });
  return { rows: n, dense, denseDim, ids, idDim };
}

function keyOf(col: Column, row: number): string | null {
  if (col.kind === 'number') return col.missing[row] ? null : String(col.values[row]);
  const code = col.codes[row];
  return code < 0 ? null : col.dictionary[code];
}

function meanStd(values: Float64Array, missing: Uint8Array, rows: Int32Array): { mean: number; std: number } {
  let n = 0;
  let mean = 0;
  let m2 = 0;
  for (const r of rows) {
    if (missing[r]) continue;
    n++;
    const d = values[r] - mean;
    mean += d / n;
    m2 += d * (values[r] - mean);
  }
  const std = n > 1 ? Math.sqrt(m2 / (n - 1)) : 1;
  return { mean: n ? mean : 0, std: std > 0 ? std : 1 };
}

/** FNV-1a: stable across runs and machines, so a hashed id always lands in the same bucket. */
function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
