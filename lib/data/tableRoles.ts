import { GENERATED_NAME, LEADING_ID_COLUMNS } from './columnNames';
import { denseCodes } from './denseCodes';
import type { ColumnProfile, ColumnRole } from './roles';
import { binaryValues, groupKeys, missingMask, type Column, type Table } from './table';

/** A key groups rows: at least this many rows per value on average (a city code groups fewer rows than that in a small sample too). */
const ROWS_PER_KEY = 3;
/** A 0/1 column is called an attribute only on this much evidence: positives in repeated groups, and groups with several rows. */
const ATTRIBUTE_MIN_POSITIVES = 3;
const ATTRIBUTE_MIN_GROUPS = 10;
/** A table of unique keys is taken for a table of users (or items) only from this many rows: a small log can show each user once. */
const ENTITY_TABLE_MIN_ROWS = 100;

type OverrideOf = (name: string) => ColumnRole | undefined;

interface Keys {
  user: { index: number; promoted: boolean } | null;
  item: { index: number; promoted: boolean } | null;
}

/** The names of the key columns the table-level decisions depend on: when they change, the decisions are made again. */
export function tableContextKey(profiles: ColumnProfile[], overrideOf: OverrideOf, rows: number): string {
  const keys = chooseKeys(profiles, overrideOf, rows);
  return `${keys.user ? profiles[keys.user.index].name : ''}\u0000${keys.item ? profiles[keys.item.index].name : ''}`;
}

/**
 * Weigh each column's own role against the rest of the table: in a headerless file the leading id
 * columns that group rows are the user and the item; a 0/1 column that never changes within a user
 * (or an item), or sits in a table of one row per user, describes that user rather than an action;
 * with no action in the file, a column of ratings is its outcome. Columns the person built (derived
 * actions) keep their role. `previous` holds decisions made earlier with the same key columns: they
 * stand (a decision reads only its own column and the keys), so adding a derived action re-reads no
 * other column of a million rows.
 */
export function decideTableRoles(table: Table, intrinsic: ColumnProfile[], overrideOf: OverrideOf, derived: ReadonlySet<string>, previous: (ColumnProfile | undefined)[] = []): ColumnProfile[] {
  const keys = chooseKeys(intrinsic, overrideOf, table.rowCount);
  const out = intrinsic.map((p, i) => previous[i] ?? p);
  const fresh = (i: number) => previous[i] === undefined;
  const promote = (key: Keys['user'], role: 'user-id' | 'item-id', entity: string) => {
    if (!key?.promoted || !fresh(key.index)) return;
    const p = out[key.index];
    out[key.index] = { ...p, role, reason: `${key.index === 0 ? 'the first' : 'a leading'} id-like column, ${(table.rowCount / p.distinct).toFixed(1)} rows per value: taken as the ${entity} (the file names no columns)` };
  };
  promote(keys.user, 'user-id', 'user');
  promote(keys.item, 'item-id', 'item');
  const groupings = [keys.user && { entity: 'user', index: keys.user.index }, keys.item && { entity: 'item', index: keys.item.index }].filter((g): g is { entity: string; index: number } => g !== null);
  const candidate = (p: ColumnProfile, i: number) => fresh(i) && p.role === 'action' && !derived.has(p.name) && !overrideOf(p.name);
  for (const g of groupings) {
    // One row per key and no second key: the whole table describes users (or items), and its 0/1
    // columns are their attributes. A log with a user and an item can show each item once.
    if (groupings.length > 1 || !out[g.index].unique || table.rowCount < ENTITY_TABLE_MIN_ROWS) continue;
    out.forEach((p, i) => {
      if (candidate(p, i)) out[i] = { ...p, role: 'categorical', reason: `${p.reason}, in a table of one row per ${g.entity}: an attribute of the ${g.entity}` };
    });
  }
  // The keys' codes are read only when some 0/1 column is still to be decided.
  const grouped = out.some(candidate) ? groupings.map((g) => ({ ...g, codes: groupCodes(table.columns[g.index]) })) : [];
  out.forEach((p, i) => {
    if (!candidate(p, i)) return;
    for (const g of grouped) {
      const evidence = constantWithin(table.columns[i], g.codes);
      if (evidence) {
        out[i] = { ...p, role: 'categorical', reason: `${p.reason}, the same in every row of each ${g.entity} (${evidence.groups.toLocaleString('en-US')} ${g.entity}s with several rows): an attribute of the ${g.entity}, not an action` };
        return;
      }
    }
  });
  markRatingOutcome(out, table, derived, fresh);
  return out;
}

/** The user and item columns: set by the person, named so, or (headerless files) the leading id columns that group rows. */
function chooseKeys(profiles: ColumnProfile[], overrideOf: OverrideOf, rows: number): Keys {
  const roleOf = (p: ColumnProfile) => overrideOf(p.name) ?? p.role;
  const find = (role: ColumnRole) => {
    const i = profiles.findIndex((p) => roleOf(p) === role);
    return i >= 0 ? { index: i, promoted: false } : null;
  };
  const keys: Keys = { user: find('user-id'), item: find('item-id') };
  if (keys.user && keys.item) return keys;
  if (!profiles.every((p) => GENERATED_NAME.test(p.name))) return keys;
  const candidates = profiles
    .map((p, index) => ({ p, index }))
    .slice(0, LEADING_ID_COLUMNS)
    .filter(({ p }) => !overrideOf(p.name) && p.role === 'id' && !p.distinctCapped && rows / p.distinct >= ROWS_PER_KEY);
  for (const { index } of candidates) {
    if (!keys.user) keys.user = { index, promoted: true };
    else if (!keys.item && keys.user.index !== index) keys.item = { index, promoted: true };
  }
  return keys;
}

function groupCodes(col: Column): Int32Array {
  const keys = groupKeys(col);
  const missing = missingMask(col);
  const { codes } = denseCodes(keys);
  for (let i = 0; i < codes.length; i++) if (missing[i]) codes[i] = -1;
  return codes;
}

/**
 * Whether a 0/1 column holds one value per group (user or item), with enough groups of several rows
 * and positives among them to say so; null when it varies within some group or the evidence is thin.
 */
function constantWithin(col: Column, codes: Int32Array): { groups: number } | null {
  const y = binaryValues(col);
  const missing = missingMask(col);
  let groupCount = 0;
  for (let i = 0; i < codes.length; i++) if (codes[i] + 1 > groupCount) groupCount = codes[i] + 1;
  const first = new Int8Array(groupCount).fill(-1);
  const rows = new Int32Array(groupCount);
  for (let i = 0; i < codes.length; i++) {
    const g = codes[i];
    if (g < 0 || missing[i]) continue;
    if (first[g] < 0) first[g] = y[i];
    else if (first[g] !== y[i]) return null;
    rows[g]++;
  }
  let repeated = 0;
  let positives = 0;
  for (let g = 0; g < groupCount; g++) {
    if (rows[g] < 2) continue;
    repeated++;
    if (first[g] === 1) positives += rows[g];
  }
  return repeated >= ATTRIBUTE_MIN_GROUPS && positives >= ATTRIBUTE_MIN_POSITIVES ? { groups: repeated } : null;
}

/**
 * A file with no 0/1 action whose outcome is a rating (whole numbers 1–5 or 1–10, or halves up to 5):
 * the rating is what happened on the impression, so it is an outcome to build labels from, never a
 * feature. Named ratings are caught by name; this catches a headerless ratings log.
 */
function markRatingOutcome(out: ColumnProfile[], table: Table, derived: ReadonlySet<string>, fresh: (i: number) => boolean): void {
  if (out.some((p) => (p.role === 'action' || p.role === 'engagement') && !derived.has(p.name))) return;
  const i = out.findIndex((p, i) => fresh(i) && p.role === 'categorical' && p.type === 'number' && ratingShaped(table.columns[i]));
  if (i >= 0) out[i] = { ...out[i], role: 'engagement', reason: `values ${ratingRange(table.columns[i])} like a rating, and no 0/1 action in the file: the outcome; build a label from it (Targets)` };
}

function ratingShaped(col: Column): boolean {
  if (col.kind !== 'number') return false;
  const seen = new Set<number>();
  for (let i = 0; i < col.values.length && seen.size <= 20; i++) if (!col.missing[i]) seen.add(col.values[i]);
  const values = [...seen];
  const max = Math.max(...values);
  const min = Math.min(...values);
  const wholes = values.every((v) => Number.isInteger(v));
  const halves = values.every((v) => Number.isInteger(v * 2));
  return values.length >= 3 && min >= 0 && ((wholes && (max === 5 || max === 10)) || (halves && !wholes && max === 5));
}

function ratingRange(col: Column): string {
  if (col.kind !== 'number') return '';
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < col.values.length; i++) if (!col.missing[i]) [min, max] = [Math.min(min, col.values[i]), Math.max(max, col.values[i])];
  return `${min}–${max}`;
}
