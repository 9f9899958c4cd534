import type { Column, Table } from './table';

/** What a column is for. Actions become labels; features feed the model; the rest are skipped. */
export type ColumnRole =
  | 'action'
  | 'engagement'
  | 'user-id'
  | 'item-id'
  | 'id'
  | 'categorical'
  | 'numeric'
  | 'timestamp'
  | 'text'
  | 'constant';

export interface ColumnProfile {
  name: string;
  role: ColumnRole;
  /** Why the role was chosen, shown next to it ("0/1, 3.0% ones"). */
  reason: string;
  distinct: number;
  missingShare: number;
  /** Share of ones, for action columns. */
  positiveRate?: number;
}

/** Roles that the automatic encoder turns into model inputs. */
export const FEATURE_ROLES: ReadonlySet<ColumnRole> = new Set(['user-id', 'item-id', 'id', 'categorical', 'numeric']);

const USER_NAME = /^(user|uid|user_?id|userid|member_?id|customer_?id|visitor_?id)$/i;
const ITEM_NAME = /^(item|iid|item_?id|itemid|video_?id|product_?id|movie_?id|news_?id|doc_?id|ad_?id|sku)$/i;
/** Post-impression signals such as watch time: outcomes, so using them as features would leak the label. */
const ENGAGEMENT_NAME = /(play|watch|dwell|stay|view)_?(time|ms|sec|seconds|duration)|time_?spent/i;
const TIME_NAME = /^(date|day|time|ts|timestamp|time_?ms|datetime|event_?time)$/i;
const CATEGORICAL_MAX_DISTINCT = 50;

/** Infer a role per column from its values and name. Cheap: one pass per column. */
export function inferRoles(table: Table): ColumnProfile[] {
  return table.columns.map((col) => profileColumn(col, table.rowCount));
}

function profileColumn(col: Column, rows: number): ColumnProfile {
  const { distinct, missing } = countDistinct(col);
  const base = { name: col.name, distinct, missingShare: rows ? missing / rows : 0 };
  const present = rows - missing;
  if (distinct <= 1) return { ...base, role: 'constant', reason: distinct === 0 ? 'all missing' : 'one value only' };
  if (col.kind === 'number') {
    const ones = countOnes(col);
    if (ones.binary && distinct === 2) {
      const rate = ones.count / present;
      return { ...base, role: 'action', positiveRate: rate, reason: `0/1, ${(rate * 100).toFixed(1)}% ones` };
    }
    if (USER_NAME.test(col.name)) return { ...base, role: 'user-id', reason: `named like a user id, ${distinct} distinct` };
    if (ITEM_NAME.test(col.name)) return { ...base, role: 'item-id', reason: `named like an item id, ${distinct} distinct` };
    if (TIME_NAME.test(col.name) || looksLikeEpochOrDate(col)) return { ...base, role: 'timestamp', reason: 'epoch time or YYYYMMDD date' };
    if (ENGAGEMENT_NAME.test(col.name)) return { ...base, role: 'engagement', reason: 'named like watch/dwell time: an outcome, not a feature' };
    if (distinct <= CATEGORICAL_MAX_DISTINCT && allIntegers(col)) return { ...base, role: 'categorical', reason: `${distinct} integer codes` };
    return { ...base, role: 'numeric', reason: `numbers, ${distinct} distinct` };
  }
  if (USER_NAME.test(col.name)) return { ...base, role: 'user-id', reason: `named like a user id, ${distinct} distinct` };
  if (ITEM_NAME.test(col.name)) return { ...base, role: 'item-id', reason: `named like an item id, ${distinct} distinct` };
  if (TIME_NAME.test(col.name) || looksLikeIsoTime(col)) return { ...base, role: 'timestamp', reason: 'date/time text' };
  if (distinct <= CATEGORICAL_MAX_DISTINCT) return { ...base, role: 'categorical', reason: `${distinct} distinct values` };
  if (averageLength(col) > 40) return { ...base, role: 'text', reason: 'long free text' };
  return { ...base, role: 'id', reason: `${distinct} distinct values (high cardinality)` };
}

function countDistinct(col: Column): { distinct: number; missing: number } {
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
    return { distinct, missing };
  }
  const seen = new Set<number>();
  let missing = 0;
  for (let i = 0; i < col.values.length; i++) {
    if (col.missing[i]) missing++;
    else seen.add(col.values[i]);
  }
  return { distinct: seen.size, missing };
}

function countOnes(col: Extract<Column, { kind: 'number' }>): { binary: boolean; count: number } {
  let count = 0;
  for (let i = 0; i < col.values.length; i++) {
    if (col.missing[i]) continue;
    const v = col.values[i];
    if (v !== 0 && v !== 1) return { binary: false, count: 0 };
    count += v;
  }
  return { binary: true, count };
}

function allIntegers(col: Extract<Column, { kind: 'number' }>): boolean {
  for (let i = 0; i < col.values.length; i++) if (!col.missing[i] && !Number.isInteger(col.values[i])) return false;
  return true;
}

function looksLikeEpochOrDate(col: Extract<Column, { kind: 'number' }>): boolean {
  let checked = 0;
  for (let i = 0; i < col.values.length && checked < 200; i++) {
    if (col.missing[i]) continue;
    checked++;
    const v = col.values[i];
    const epochSeconds = v > 9.4e8 && v < 4.1e9; // 2000..2100
    const epochMs = v > 9.4e11 && v < 4.1e12;
    const yyyymmdd = Number.isInteger(v) && v >= 19700101 && v <= 21001231 && (v % 10000) / 100 >= 1 && (v % 10000) / 100 < 13;
    if (!(epochSeconds || epochMs || yyyymmdd)) return false;
  }
  return checked > 0;
}

function looksLikeIsoTime(col: Extract<Column, { kind: 'string' }>): boolean {
  const sample = col.dictionary.slice(0, 50);
  return sample.length > 0 && sample.every((s) => /^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2})?)?/.test(s));
}

function averageLength(col: Extract<Column, { kind: 'string' }>): number {
  const sample = col.dictionary.slice(0, 200);
  return sample.reduce((s, v) => s + v.length, 0) / Math.max(1, sample.length);
}
