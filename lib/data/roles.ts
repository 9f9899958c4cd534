import { NumberCounts } from './numberCounts';
import { isPositiveToken, NEGATIVE_TOKENS, POSITIVE_TOKENS, type Column, type NumericColumn, type StringColumn, type Table } from './table';

/** What a column is for. Actions become labels; features feed the model; the rest are skipped. */
export const COLUMN_ROLES = ['action', 'engagement', 'user-id', 'item-id', 'id', 'categorical', 'numeric', 'id-list', 'timestamp', 'text', 'constant', 'mostly-missing'] as const;
export type ColumnRole = (typeof COLUMN_ROLES)[number];

export interface ColumnProfile {
  name: string;
  /** Storage type as read: every cell a number, or text. */
  type: 'number' | 'text';
  role: ColumnRole;
  /** Why the role was chosen, shown next to it ("0/1, 3.0% ones"). */
  reason: string;
  distinct: number;
  /** True when the column has more than DISTINCT_LIMIT distinct numbers: `distinct` is then that limit. */
  distinctCapped?: boolean;
  missingShare: number;
  /** Share of positives among present cells, for columns that can be actions (0/1, −1/1, yes/no, true/false). */
  positiveRate?: number;
  /** Separator of an id-list column. */
  listSeparator?: string;
  /** True when the person chose the role. */
  overridden?: boolean;
}

/** Roles that the automatic encoder turns into model inputs. */
export const FEATURE_ROLES: ReadonlySet<ColumnRole> = new Set(['user-id', 'item-id', 'id', 'categorical', 'numeric', 'id-list', 'timestamp']);

const USER_NAME = /^(user|uid|user_?id|userid|member_?id|customer_?id|visitor_?id)$/i;
const ITEM_NAME = /^(item|iid|item_?id|itemid|video_?id|product_?id|movie_?id|news_?id|doc_?id|ad_?id|sku)$/i;
/** Post-impression signals such as watch time: outcomes, so using them as features would leak the label. */
const ENGAGEMENT_NAME = /(play|watch|dwell|stay|view)_?(time|ms|sec|seconds|duration)|time_?spent|_count$|^n_/i;
const TIME_NAME = /^(date|day|time|ts|timestamp|time_?ms|datetime|event_?time)$/i;
const CATEGORICAL_MAX_DISTINCT = 50;
const MOSTLY_MISSING = 0.9;

/**
 * Each column's inferred profile, kept while the column lives: columns never change once read, and a
 * million-row table's profiles take ~0.4 s, which every role change or derived action repeated on the
 * page's main thread. The reading worker's profiles arrive with its table (adoptInferredRoles).
 */
const inferredByColumn = new WeakMap<Column, ColumnProfile>();

/** Infer a role per column from its values and name, then apply the person's overrides. */
export function inferRoles(table: Table, overrides: Record<string, ColumnRole> = {}): ColumnProfile[] {
  return table.columns.map((col) => {
    let inferred = inferredByColumn.get(col);
    if (!inferred) inferredByColumn.set(col, (inferred = profileColumn(col, table.rowCount)));
    // Own keys only: a column named "constructor" would otherwise find Object's function as its override.
    const chosen = Object.hasOwn(overrides, col.name) ? overrides[col.name] : undefined;
    if (!chosen || chosen === inferred.role) return inferred;
    if (chosen === 'action' && inferred.positiveRate === undefined) return inferred; // not binary: cannot be a label
    return { ...inferred, role: chosen, reason: `set by you (detected: ${inferred.role})`, overridden: true };
  });
}

/** Take profiles inferred elsewhere (the reading worker, for the same columns in order) as this table's. */
export function adoptInferredRoles(table: Table, profiles: ColumnProfile[]): void {
  table.columns.forEach((col, i) => {
    if (profiles[i]?.name === col.name && !profiles[i].overridden) inferredByColumn.set(col, profiles[i]);
  });
}

/** Roles a column may be given: "action" only for columns with two label-like values. */
export function allowedRoles(profile: ColumnProfile): ColumnRole[] {
  return COLUMN_ROLES.filter((r) => r !== 'action' || profile.positiveRate !== undefined);
}

function profileColumn(col: Column, rows: number): ColumnProfile {
  const { distinct, missing, capped, numbers } = countDistinct(col);
  const missingShare = rows ? missing / rows : 0;
  const binary = binaryRate(col, distinct, numbers);
  const base = { name: col.name, type: col.kind === 'number' ? ('number' as const) : ('text' as const), distinct, ...(capped ? { distinctCapped: true } : {}), missingShare, ...(binary ? { positiveRate: binary.rate } : {}) };
  if (distinct === 0) return { ...base, role: 'constant', reason: 'all missing' };
  if (missingShare > MOSTLY_MISSING) return { ...base, role: 'mostly-missing', reason: `${(missingShare * 100).toFixed(0)}% missing` };
  if (distinct === 1) return { ...base, role: 'constant', reason: 'one value only' };
  if (binary) return { ...base, role: 'action', reason: `${binary.spelling}, ${(binary.rate * 100).toFixed(1)}% ${binary.positive}` };
  if (USER_NAME.test(col.name)) return { ...base, role: 'user-id', reason: `named like a user id, ${distinctText(base)} distinct` };
  if (ITEM_NAME.test(col.name)) return { ...base, role: 'item-id', reason: `named like an item id, ${distinctText(base)} distinct` };
  if (col.kind === 'number') return profileNumber(col, base, distinct);
  return profileText(col, base, distinct);
}

type Base = Omit<ColumnProfile, 'role' | 'reason'>;

function profileNumber(col: NumericColumn, base: Base, distinct: number): ColumnProfile {
  if (TIME_NAME.test(col.name) || looksLikeEpochOrDate(col)) return { ...base, role: 'timestamp', reason: 'epoch time or YYYYMMDD date' };
  if (ENGAGEMENT_NAME.test(col.name)) return { ...base, role: 'engagement', reason: 'named like watch/dwell time or a count: an outcome, not a feature' };
  if (distinct <= CATEGORICAL_MAX_DISTINCT && allIntegers(col)) return { ...base, role: 'categorical', reason: `${distinct} integer codes` };
  return { ...base, role: 'numeric', reason: `numbers, ${distinctText(base)} distinct` };
}

function profileText(col: StringColumn, base: Base, distinct: number): ColumnProfile {
  if (TIME_NAME.test(col.name) || looksLikeIsoTime(col)) return { ...base, role: 'timestamp', reason: 'date/time text' };
  const separator = listSeparator(col);
  if (separator) return { ...base, role: 'id-list', listSeparator: separator, reason: `lists of ids separated by "${separator === ' ' ? 'space' : separator}"` };
  if (averageLength(col) > 40) return { ...base, role: 'text', reason: 'long free text' };
  if (distinct <= CATEGORICAL_MAX_DISTINCT) return { ...base, role: 'categorical', reason: `${distinct} distinct values` };
  return { ...base, role: 'id', reason: `${distinct} distinct values (high cardinality)` };
}

/** A column can be a label when it has exactly two values spelled like 0/1, −1/1, yes/no or true/false. */
function binaryRate(col: Column, distinct: number, numbers: NumberCounts | null): { rate: number; spelling: string; positive: string } | null {
  if (distinct !== 2) return null;
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
    return spelling ? { rate: positives / present, spelling, positive: 'ones' } : null;
  }
  const words = col.dictionary.map((w) => w.toLowerCase());
  const pair = words.some((w) => POSITIVE_TOKENS.has(w)) && words.some((w) => NEGATIVE_TOKENS.has(w));
  if (!pair) return null;
  for (const code of col.codes) {
    if (code < 0) continue;
    present++;
    if (isPositiveToken(col.dictionary[code])) positives++;
  }
  return { rate: positives / present, spelling: col.dictionary.join('/'), positive: `"${col.dictionary.find(isPositiveToken)}"` };
}

/** "1,234", or "16,384+" past the counting limit. */
export function distinctText(p: Pick<ColumnProfile, 'distinct' | 'distinctCapped'>): string {
  return `${p.distinct.toLocaleString('en-US')}${p.distinctCapped ? '+' : ''}`;
}

/**
 * Distinct numbers are counted exactly up to DISTINCT_LIMIT: every role decision needs far fewer
 * (2 for labels, CATEGORICAL_MAX_DISTINCT for codes), and an exact count of a million distinct
 * floats costs a cache-missing hash table or a sort per column (about 0.1 s each at 1M rows); a small table stays in the CPU cache.
 */
export const DISTINCT_LIMIT = 16_384;

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

function allIntegers(col: NumericColumn): boolean {
  for (let i = 0; i < col.values.length; i++) if (!col.missing[i] && !Number.isInteger(col.values[i])) return false;
  return true;
}

function looksLikeEpochOrDate(col: NumericColumn): boolean {
  let checked = 0;
  for (let i = 0; i < col.values.length && checked < 200; i++) {
    if (col.missing[i]) continue;
    checked++;
    const v = col.values[i];
    const epochSeconds = v > 9.4e8 && v < 4.1e9; // 2000..2100
    const epochMs = v > 9.4e11 && v < 4.1e12;
    const month = Math.floor((v % 10000) / 100);
    const yyyymmdd = Number.isInteger(v) && v >= 19700101 && v <= 21001231 && month >= 1 && month <= 12;
    if (!(epochSeconds || epochMs || yyyymmdd)) return false;
  }
  return checked > 0;
}

function looksLikeIsoTime(col: StringColumn): boolean {
  const sample = col.dictionary.slice(0, 50);
  return sample.length > 0 && sample.every((s) => /^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2})?)?/.test(s));
}

/** "|" lists anywhere; "," or space lists only when every token is a short id-like word. */
function listSeparator(col: StringColumn): string | null {
  const sample = col.dictionary.slice(0, 300);
  if (sample.length === 0) return null;
  for (const sep of ['|', ',', ' ']) {
    const withSep = sample.filter((v) => v.includes(sep));
    if (withSep.length < sample.length * 0.3) continue;
    const idLike = sample.every((v) => v.split(sep).every((t) => /^[\w.-]{1,40}$/.test(t.trim())));
    if (sep === '|' || idLike) return sep;
  }
  return null;
}

function averageLength(col: StringColumn): number {
  const sample = col.dictionary.slice(0, 200);
  return sample.reduce((s, v) => s + v.length, 0) / Math.max(1, sample.length);
}
