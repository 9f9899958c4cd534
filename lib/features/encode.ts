import { NumberCounts } from '../data/numberCounts';
import type { FeatureSpec } from '../formulate/spec';
import { getColumn, type Column, type Table } from '../data/table';
import { parseTimeDictionary, timeParts } from './time';
import { fitVocabulary, hashedVocabulary, hashString, vocabularyLookup, type IdVocabulary } from './vocabulary';
import type { HistoryIndex } from './history';

/** Fitted standardisation of one numeric column (training rows only); a missing flag column when training had gaps. */
export interface NumericEncoder {
  column: string;
  log: boolean;
  mean: number;
  std: number;
  missingIndicator: boolean;
}

/** One id slot per row: a column's value, or the hour / weekday of a timestamp. */
export interface SparseEncoder extends IdVocabulary {
  column: string;
  part: 'value' | 'hour' | 'weekday';
}

/** An id list: up to maxLength tokens per row, averaged as a bag of embeddings. */
export interface BagEncoder extends IdVocabulary {
  column: string;
  separator: string;
  maxLength: number;
}

/** A hashed cross of two columns' values (the "wide" part's feature crosses); rows of its own table. */
export interface CrossEncoder {
  columns: [string, string];
  offset: number;
  size: number;
}

/** Everything needed to turn raw rows into model inputs again (saved with a trained model later). */
export interface FittedEncoders {
  numeric: NumericEncoder[];
  sparse: SparseEncoder[];
  bags: BagEncoder[];
  /** Rows of the shared embedding table over all sparse and bag features. */
  vocabularySize: number;
  crosses: CrossEncoder[];
  /** Rows of the cross table (crosses never share the embedding table: only linear parts read them). */
  crossVocabularySize: number;
  /** Sequence input: the id slot whose embedding the history items share, and the history length. */
  history: { itemSlot: number; length: number } | null;
}

export interface EncoderOptions {
  maxVocabulary: number;
  crosses?: [string, string][];
  crossBuckets?: number;
  /** The item column (an embedding feature) and history length, for a sequence model. */
  history?: { itemColumn: string; length: number } | null;
}

/**
 * Model inputs for a set of rows, row-major: dense [rows, denseDim], ids [rows, idDim], and the
 * bag positions [rows, bagDim] with a weight per position (1/length of its bag, 0 for padding) so a
 * weighted sum of embeddings is the bag's mean.
 */
export interface EncodedRows {
  rows: number;
  dense: Float32Array;
  denseDim: number;
  ids: Int32Array;
  idDim: number;
  bagIds: Int32Array;
  bagWeights: Float32Array;
  bagDim: number;
  /** Hashed crosses [rows, crossDim], rows of the cross table. */
  crossIds: Int32Array;
  crossDim: number;
  /** Previous items [rows, historyDim] as embedding rows, with 1 for a real item and 0 for padding. */
  historyIds: Int32Array;
  historyWeights: Float32Array;
  historyDim: number;
}

const CLIP = 10;
/** Hour slots: 0 missing or date-only, 1–24 the hour + 1. Weekday slots: 0 missing, 1–7. */
const HOUR_SLOTS = 25;
const WEEKDAY_SLOTS = 8;

/** Fit encoders on the training rows only, so validation statistics never leak into the model. */
export function fitEncoders(table: Table, features: FeatureSpec[], trainRows: Int32Array, options: EncoderOptions): FittedEncoders {
  const { maxVocabulary } = options;
  const numeric: NumericEncoder[] = [];
  const sparse: SparseEncoder[] = [];
  const bags: BagEncoder[] = [];
  let offset = 0;
  for (const f of features) {
    const col = getColumn(table, f.column);
    if (f.encoding === 'numeric') {
      if (col.kind !== 'number') throw new Error(`feature "${f.column}" is text and cannot be encoded as a number`);
      numeric.push({ column: f.column, log: f.log, ...meanStd(col.values, col.missing, trainRows, f.log) });
    } else if (f.encoding === 'time') {
      for (const [part, size] of [['hour', HOUR_SLOTS], ['weekday', WEEKDAY_SLOTS]] as const) {
        sparse.push({ column: f.column, part, mode: 'vocabulary', offset, size, values: [], minCount: 1 });
        offset += size;
      }
    } else if (f.encoding === 'embedding') {
      const vocab = fitColumnVocabulary(col, trainRows, f.minCount, maxVocabulary, offset);
      sparse.push({ column: f.column, part: 'value', ...vocab });
      offset += vocab.size;
    } else {
      const counts = new Map<string, number>();
      for (const row of trainRows) for (const token of tokensOf(col, row, f.separator)) counts.set(token, (counts.get(token) ?? 0) + 1);
      const vocab = fitVocabulary(counts, f.minCount, maxVocabulary, offset);
      bags.push({ column: f.column, separator: f.separator, maxLength: f.maxLength, ...vocab });
      offset += vocab.size;
    }
  }
  const buckets = options.crossBuckets ?? 4096;
  const crosses = (options.crosses ?? []).map((columns, i) => {
    columns.forEach((c) => getColumn(table, c)); // fails early with the column's name
    return { columns, offset: i * buckets, size: buckets };
  });
  let history: FittedEncoders['history'] = null;
  if (options.history) {
    const itemColumn = options.history.itemColumn;
    const itemSlot = sparse.findIndex((e) => e.column === itemColumn && e.part === 'value');
    if (itemSlot < 0) throw new Error(`the history is made of "${itemColumn}" values, so "${itemColumn}" must be an embedding feature`);
    history = { itemSlot, length: options.history.length };
  }
  return { numeric, sparse, bags, vocabularySize: offset, crosses, crossVocabularySize: crosses.length * buckets, history };
}

/** Encode the given rows with fitted encoders. Missing numbers become 0 (the training mean) with their flag set. */
export function encodeRows(table: Table, enc: FittedEncoders, rows: Int32Array, history: HistoryIndex | null = null): EncodedRows {
  const n = rows.length;
  const denseDim = enc.numeric.reduce((d, e) => d + (e.missingIndicator ? 2 : 1), 0);
  const idDim = enc.sparse.length;
  const bagDim = enc.bags.reduce((d, b) => d + b.maxLength, 0);
  const crossDim = enc.crosses.length;
  const historyDim = enc.history?.length ?? 0;
  const out: EncodedRows = {
    rows: n,
    dense: new Float32Array(n * denseDim),
    denseDim,
    ids: new Int32Array(n * idDim),
    idDim,
    bagIds: new Int32Array(n * bagDim),
    bagWeights: new Float32Array(n * bagDim),
    bagDim,
    crossIds: new Int32Array(n * crossDim),
    crossDim,
    historyIds: new Int32Array(n * historyDim),
    historyWeights: new Float32Array(n * historyDim),
    historyDim,
  };
  let j = 0;
  for (const e of enc.numeric) {
    const col = getColumn(table, e.column);
    if (col.kind !== 'number') throw new Error(`feature "${e.column}" is no longer numeric`);
    for (let i = 0; i < n; i++) {
      const r = rows[i];
      const missing = col.missing[r] === 1;
      const z = missing ? 0 : (transform(col.values[r], e.log) - e.mean) / e.std;
      out.dense[i * denseDim + j] = Math.max(-CLIP, Math.min(CLIP, z));
      if (e.missingIndicator) out.dense[i * denseDim + j + 1] = missing ? 1 : 0;
    }
    j += e.missingIndicator ? 2 : 1;
  }
  enc.sparse.forEach((e, s) => encodeSparse(table, e, rows, out.ids, s, idDim));
  let position = 0;
  for (const b of enc.bags) {
    encodeBag(getColumn(table, b.column), b, rows, out, position);
    position += b.maxLength;
  }
  enc.crosses.forEach((c, k) => encodeCross(table, c, rows, out, k));
  if (enc.history) encodeHistory(table, enc.sparse[enc.history.itemSlot], history, rows, out);
  return out;
}

function encodeCross(table: Table, c: CrossEncoder, rows: Int32Array, out: EncodedRows, slot: number): void {
  const [a, b] = c.columns.map((name) => getColumn(table, name));
  for (let i = 0; i < rows.length; i++) {
    // A missing side is a value of its own ("∅"), so "price missing × category" can still be learned.
    const key = `${keyOf(a, rows[i]) ?? '\u2205'}\u0001${keyOf(b, rows[i]) ?? '\u2205'}`;
    out.crossIds[i * out.crossDim + slot] = c.offset + (hashString(key) % c.size);
  }
}

/** Previous items of each row as rows of the item column's embedding (padding: slot of "missing", weight 0). */
function encodeHistory(table: Table, item: SparseEncoder, history: HistoryIndex | null, rows: Int32Array, out: EncodedRows): void {
  if (!history || history.length !== out.historyDim) throw new Error('the sequence input needs the history index built for this table');
  const col = getColumn(table, item.column);
  const lookup = vocabularyLookup(item);
  const L = out.historyDim;
  for (let i = 0; i < rows.length; i++) {
    for (let k = 0; k < L; k++) {
      const previous = history.previous[rows[i] * L + k];
      out.historyIds[i * L + k] = previous < 0 ? item.offset : lookup(keyOf(col, previous));
      out.historyWeights[i * L + k] = previous < 0 ? 0 : 1;
    }
  }
}

function encodeSparse(table: Table, e: SparseEncoder, rows: Int32Array, ids: Int32Array, slot: number, idDim: number): void {
  const col = getColumn(table, e.column);
  if (e.part === 'value') {
    const lookup = vocabularyLookup(e);
    for (let i = 0; i < rows.length; i++) ids[i * idDim + slot] = lookup(keyOf(col, rows[i]));
    return;
  }
  const parsed = parseTimeDictionary(col);
  for (let i = 0; i < rows.length; i++) {
    const t = timeParts(col, rows[i], parsed);
    const local = t === null ? 0 : e.part === 'hour' ? (t.hour < 0 ? 0 : t.hour + 1) : t.weekday + 1;
    ids[i * idDim + slot] = e.offset + local;
  }
}

function encodeBag(col: Column, b: BagEncoder, rows: Int32Array, out: EncodedRows, start: number): void {
  const lookup = vocabularyLookup(b);
  for (let i = 0; i < rows.length; i++) {
    const tokens = tokensOf(col, rows[i], b.separator).slice(0, b.maxLength);
    const base = i * out.bagDim + start;
    // An empty list still contributes its "missing" slot, so the model can learn what no tags means.
    const slots = tokens.length ? tokens.map(lookup) : [lookup(null)];
    slots.forEach((slot, k) => {
      out.bagIds[base + k] = slot;
      out.bagWeights[base + k] = 1 / slots.length;
    });
    for (let k = slots.length; k < b.maxLength; k++) out.bagIds[base + k] = b.offset; // padding: weight 0
  }
}

/**
 * The vocabulary of one id column from its training rows. Values are counted by dictionary code
 * (text) or by number and turned into text only when they are kept: a string per row, or per
 * distinct value of a column that ends up hashed anyway, made this the slowest part of ingest.
 */
function fitColumnVocabulary(col: Column, rows: Int32Array, minCount: number, maxVocabulary: number, offset: number): IdVocabulary {
  const counts = new Map<string, number>();
  if (col.kind === 'string') {
    const byCode = new Int32Array(col.dictionary.length);
    for (const row of rows) if (col.codes[row] >= 0) byCode[col.codes[row]]++;
    byCode.forEach((n, code) => n > 0 && counts.set(col.dictionary[code], n));
    return fitVocabulary(counts, minCount, maxVocabulary, offset);
  }
  // Values are kept once seen minCount times; as soon as more are kept than the vocabulary holds, the
  // column is hashed whatever the rest of the rows say (an id column of a large log decides this early).
  const byValue = new NumberCounts();
  const threshold = Math.max(1, minCount);
  let kept = 0;
  for (const row of rows) {
    if (col.missing[row] || byValue.add(col.values[row]) !== threshold) continue;
    if (++kept + 2 > maxVocabulary) return hashedVocabulary(minCount, maxVocabulary, offset);
  }
  byValue.forEach((value, n) => counts.set(String(value), n));
  return fitVocabulary(counts, minCount, maxVocabulary, offset);
}

function keyOf(col: Column, row: number): string | null {
  if (col.kind === 'number') return col.missing[row] ? null : String(col.values[row]);
  const code = col.codes[row];
  return code < 0 ? null : col.dictionary[code];
}

function tokensOf(col: Column, row: number, separator: string): string[] {
  const text = keyOf(col, row);
  if (text === null) return [];
  return text
    .split(separator)
    .map((t) => t.trim())
    .filter((t) => t.length > 0);
}

function transform(v: number, log: boolean): number {
  // log1p of the magnitude keeps the sign, so negative values stay ordered.
  return log ? Math.sign(v) * Math.log1p(Math.abs(v)) : v;
}

function meanStd(values: Float64Array, missing: Uint8Array, rows: Int32Array, log: boolean): { mean: number; std: number; missingIndicator: boolean } {
  // Sums of deviations from the first value (the "shifted data" algorithm): as stable as Welford's
  // update for a shift inside the data's range, without its division per row.
  let n = 0;
  let shift = 0;
  let sum = 0;
  let squares = 0;
  let gaps = 0;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (missing[r]) {
      gaps++;
      continue;
    }
    const v = transform(values[r], log);
    if (n === 0) shift = v;
    n++;
    const d = v - shift;
    sum += d;
    squares += d * d;
  }
  const mean = n ? shift + sum / n : 0;
  const variance = n > 1 ? Math.max(0, (squares - (sum * sum) / n) / (n - 1)) : 1;
  const std = Math.sqrt(variance);
  return { mean, std: std > 0 ? std : 1, missingIndicator: gaps > 0 };
}
