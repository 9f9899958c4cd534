import { ACTION_NAME, ENGAGEMENT_NAME, FEATURE_NAME, GENERATED_NAME, LEADING_ID_COLUMNS, ITEM_NAME, PROPENSITY_NAME, RATING_NAME, splitTypedName, TIME_NAME, USER_NAME, type DeclaredType } from './columnNames';
import { averageLength, columnFacts, DISTINCT_LIMIT, looksLikeEpochOrDate, looksLikeIsoTime, type ColumnFacts } from './columnFacts';
import { listSeparator } from './listSeparator';
import { decideTableRoles, tableContextKey } from './tableRoles';
import type { Column, StringColumn, Table } from './table';

export { DISTINCT_LIMIT };

/** What a column is for. Actions become labels; features feed the model; the rest are skipped. */
export const COLUMN_ROLES = ['action', 'engagement', 'user-id', 'item-id', 'id', 'categorical', 'numeric', 'id-list', 'timestamp', 'text', 'propensity', 'row-id', 'constant', 'mostly-missing'] as const;
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
  /** Positive cells of such a column (how many a head would learn from). */
  positives?: number;
  /** Separator of an id-list column. */
  listSeparator?: string;
  /** Every present value differs (a key of the table, or of nothing). */
  unique?: boolean;
  /** The type a typed header declared (`rating:float`). */
  declaredType?: DeclaredType;
  /** True when the person chose the role. */
  overridden?: boolean;
}

/** Roles that the automatic encoder turns into model inputs. */
export const FEATURE_ROLES: ReadonlySet<ColumnRole> = new Set(['user-id', 'item-id', 'id', 'categorical', 'numeric', 'id-list', 'timestamp']);

export const CATEGORICAL_MAX_DISTINCT = 50;
/** Whole numbers with more distinct values than this, spread like codes, are ids rather than measurements. */
const ID_MIN_DISTINCT = 100;
const MOSTLY_MISSING = 0.9;
/** Below this many rows "every value differs" or "0…n−1" says nothing. */
const KEY_MIN_ROWS = 20;

/**
 * Each column's profile, kept while the column lives: columns never change once read, and a
 * million-row table's profiles take ~0.4 s, which every role change or derived action repeated on the
 * page's main thread. The table-level decisions (attributes, keys) are kept with the names of the
 * key columns they were made with, and made again only when those change. The reading worker's
 * profiles arrive with its table (adoptInferredRoles).
 */
const inferredByColumn = new WeakMap<Column, { intrinsic: ColumnProfile; decided?: { context: string; profile: ColumnProfile } }>();

/** Options of inferRoles: columns the person built (derived actions), which stay actions whatever the other columns say. */
export interface InferOptions {
  derived?: ReadonlySet<string>;
}

/** Infer a role per column from its values, its name and the other columns, then apply the person's overrides. */
export function inferRoles(table: Table, overrides: Record<string, ColumnRole> = {}, options: InferOptions = {}): ColumnProfile[] {
  const intrinsic = table.columns.map((col) => {
    let entry = inferredByColumn.get(col);
    if (!entry) inferredByColumn.set(col, (entry = { intrinsic: profileColumn(col, table.rowCount) }));
    return entry.intrinsic;
  });
  // Own keys only: a column named "constructor" would otherwise find Object's function as its override.
  const overrideOf = (name: string) => (Object.hasOwn(overrides, name) ? overrides[name] : undefined);
  const context = tableContextKey(intrinsic, overrideOf, table.rowCount);
  const previous = table.columns.map((col) => {
    const decided = inferredByColumn.get(col)!.decided;
    return decided?.context === context ? decided.profile : undefined;
  });
  if (previous.some((p) => p === undefined)) {
    const decided = decideTableRoles(table, intrinsic, overrideOf, options.derived ?? new Set(), previous);
    table.columns.forEach((col, i) => (inferredByColumn.get(col)!.decided = { context, profile: decided[i] }));
  }
  return table.columns.map((col) => {
    const inferred = inferredByColumn.get(col)!.decided!.profile;
    const chosen = overrideOf(col.name);
    if (!chosen || chosen === inferred.role) return inferred;
    if (chosen === 'action' && inferred.positiveRate === undefined) return inferred; // not binary: cannot be a label
    return { ...inferred, role: chosen, reason: `set by you (detected: ${inferred.role})`, overridden: true };
  });
}

/** Take profiles inferred elsewhere (the reading worker, for the same columns in order) as this table's. */
export function adoptInferredRoles(table: Table, profiles: ColumnProfile[]): void {
  const context = tableContextKey(profiles, () => undefined, table.rowCount);
  table.columns.forEach((col, i) => {
    const p = profiles[i];
    if (p?.name === col.name && !p.overridden) inferredByColumn.set(col, { intrinsic: inferredByColumn.get(col)?.intrinsic ?? p, decided: { context, profile: p } });
  });
}

/** Roles a column may be given: "action" only for columns with two label-like values. */
export function allowedRoles(profile: ColumnProfile): ColumnRole[] {
  return COLUMN_ROLES.filter((r) => r !== 'action' || profile.positiveRate !== undefined);
}

/** "1,234", or "16,384+" past the counting limit. */
export function distinctText(p: Pick<ColumnProfile, 'distinct' | 'distinctCapped'>): string {
  return `${p.distinct.toLocaleString('en-US')}${p.distinctCapped ? '+' : ''}`;
}

type Decision = Pick<ColumnProfile, 'role' | 'reason'> & { listSeparator?: string };

/** The role one column's own values and name suggest; decideTableRoles then weighs it against the other columns. */
function profileColumn(col: Column, rows: number): ColumnProfile {
  const facts = columnFacts(col);
  const { base, declared } = splitTypedName(col.name);
  const missingShare = rows ? facts.missing / rows : 0;
  const profile: Omit<ColumnProfile, 'role' | 'reason'> = {
    name: col.name,
    type: col.kind === 'number' ? 'number' : 'text',
    distinct: facts.distinct,
    ...(facts.capped ? { distinctCapped: true } : {}),
    missingShare,
    ...(facts.binary ? { positiveRate: facts.binary.rate, positives: facts.binary.positives } : {}),
    ...(facts.unique ? { unique: true } : {}),
    ...(declared ? { declaredType: declared } : {}),
  };
  return { ...profile, ...decide(col, facts, base, declared, missingShare, rows, profile) };
}

function decide(col: Column, facts: ColumnFacts, base: string, declared: DeclaredType | null, missingShare: number, rows: number, p: Pick<ColumnProfile, 'distinct' | 'distinctCapped'>): Decision {
  if (facts.distinct === 0) return { role: 'constant', reason: 'all missing' };
  // Before "one value only": a uniform random logging policy logs every row with the same propensity.
  if (col.kind === 'number' && PROPENSITY_NAME.test(base)) return { role: 'propensity', reason: 'named like a logging propensity: how the row came to be logged, not a feature' };
  if (missingShare > MOSTLY_MISSING) return { role: 'mostly-missing', reason: `${(missingShare * 100).toFixed(0)}% missing` };
  if (facts.distinct === 1) return { role: 'constant', reason: 'one value only' };
  const typed = declared ? ` (declared :${declared})` : '';
  if (declared === 'float_seq') return { role: 'text', reason: `a sequence of numbers${typed}: not used as a feature` };
  if (declared === 'token_seq' && col.kind === 'string') {
    const sep = listSeparator(col, true) ?? ' ';
    return { role: 'id-list', listSeparator: sep, reason: `lists of tokens${typed}, separated by ${separatorName(sep)}` };
  }
  if (facts.binary) return binaryDecision(facts.binary, base, declared, typed);
  if (USER_NAME.test(base)) return { role: 'user-id', reason: `named like a user id${typed}, ${distinctText(p)} distinct` };
  if (ITEM_NAME.test(base)) return { role: 'item-id', reason: `named like an item id${typed}, ${distinctText(p)} distinct` };
  return col.kind === 'number' ? numberDecision(col, facts, base, declared, typed, rows, p) : textDecision(col, facts, base, rows, p);
}

function binaryDecision(binary: NonNullable<ColumnFacts['binary']>, base: string, declared: DeclaredType | null, typed: string): Decision {
  const share = `${binary.spelling}, ${(binary.rate * 100).toFixed(1)}% ${binary.positive}`;
  if (FEATURE_NAME.test(base) && !/^is_|^has_/i.test(base)) return { role: 'categorical', reason: `${share}, named like a feature: an input, not an action` };
  if (declared === 'token' && !ACTION_NAME.test(base)) return { role: 'categorical', reason: `${share}${typed}: a category, not an action` };
  return { role: 'action', reason: share };
}

function numberDecision(col: Column, facts: ColumnFacts, base: string, declared: DeclaredType | null, typed: string, rows: number, p: Pick<ColumnProfile, 'distinct' | 'distinctCapped'>): Decision {
  if (facts.rowIndex && rows >= KEY_MIN_ROWS) return { role: 'row-id', reason: `${facts.min}…${facts.max} in order: the row's number, left out` };
  if (TIME_NAME.test(base) || (col.kind === 'number' && looksLikeEpochOrDate(col))) return { role: 'timestamp', reason: `epoch time or YYYYMMDD date${typed}` };
  if (RATING_NAME.test(base)) return { role: 'engagement', reason: `named like a rating${typed}: the outcome of the impression; build a label from it (Targets)` };
  if (ENGAGEMENT_NAME.test(base)) return { role: 'engagement', reason: 'named like watch/dwell time or a count: an outcome, not a feature' };
  if (declared === 'token') return facts.distinct <= CATEGORICAL_MAX_DISTINCT ? { role: 'categorical', reason: `${facts.distinct} codes${typed}` } : { role: 'id', reason: `${distinctText(p)} distinct codes${typed}` };
  if (facts.unique && facts.integers && rows >= KEY_MIN_ROWS * 2.5) return { role: 'row-id', reason: 'a different whole number in every row: a row key, left out' };
  if (facts.integers && facts.distinct <= CATEGORICAL_MAX_DISTINCT && declared !== 'float') return { role: 'categorical', reason: `${facts.distinct} integer codes` };
  const generated = GENERATED_NAME.exec(col.name);
  if (generated && codeLike(facts, Number(generated[1]))) return { role: 'id', reason: `${distinctText(p)} distinct whole numbers${Number(generated[1]) <= LEADING_ID_COLUMNS ? ' in a leading column' : ' spread evenly like codes'} of a file without names: an id, not a quantity` };
  return { role: 'numeric', reason: `numbers${typed}, ${distinctText(p)} distinct` };
}

/**
 * In a file without names, whole numbers used as codes: many distinct values (−1 allowed, a common
 * "unknown"), in one of the leading columns where every log format seen puts its user and item, or
 * elsewhere spread over a range that starts near zero with the middle value near its middle. Counts
 * and durations are skewed (the median a small share of the maximum); timestamps and measurements
 * sit in a narrow band far from zero. With names, a name decides instead.
 */
function codeLike(f: ColumnFacts, position: number): boolean {
  if (!f.integers || f.min < -1 || f.distinct <= ID_MIN_DISTINCT || f.max <= 0) return false;
  const startsNearZero = f.max - Math.max(0, f.min) > 0.5 * f.max;
  if (position <= LEADING_ID_COLUMNS) return startsNearZero;
  const middle = f.median / f.max;
  return startsNearZero && middle >= 0.15 && middle <= 0.85;
}

function textDecision(col: StringColumn, facts: ColumnFacts, base: string, rows: number, p: Pick<ColumnProfile, 'distinct' | 'distinctCapped'>): Decision {
  if (TIME_NAME.test(base) || looksLikeIsoTime(col)) return { role: 'timestamp', reason: 'date/time text' };
  const sep = listSeparator(col);
  if (sep) return { role: 'id-list', listSeparator: sep, reason: `lists separated by ${separatorName(sep)} (the same tokens recur across rows in different places)` };
  if (averageLength(col) > 40) return { role: 'text', reason: 'long free text' };
  if (facts.distinct <= CATEGORICAL_MAX_DISTINCT) return { role: 'categorical', reason: `${facts.distinct} distinct values` };
  if (facts.unique && rows >= KEY_MIN_ROWS * 2.5) return { role: 'row-id', reason: 'a different value in every row: a row key, left out' };
  return { role: 'id', reason: `${distinctText(p)} distinct values (high cardinality)` };
}

function separatorName(sep: string): string {
  return sep === ' ' ? 'spaces' : `"${sep}"`;
}
