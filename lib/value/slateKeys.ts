/** Which held-out impressions form one slate: a user's, or a user's within one hour or one day. */
import { getColumn, groupKeys, type Table } from '../data/table';
import { parseTimeDictionary, timestampMs } from '../features/time';

export type SlateGrouping = 'user' | 'user-day' | 'user-hour';

const WINDOW_MS: Record<Exclude<SlateGrouping, 'user'>, number> = { 'user-day': 86_400_000, 'user-hour': 3_600_000 };

/**
 * One key per prediction row. Without a user column every row is one slate; a time window needs a
 * time column, and rows whose time is missing form their own per-user slate.
 */
export function slateKeys(table: Table, rows: Int32Array, userColumn: string | null, timeColumn: string | null, grouping: SlateGrouping): (number | string)[] {
  const users = userColumn ? groupKeys(getColumn(table, userColumn)) : null;
  const userOf = (r: number) => (users ? users[r] : 0);
  if (grouping === 'user' || !timeColumn) return Array.from(rows, userOf);
  const col = getColumn(table, timeColumn);
  const parsed = parseTimeDictionary(col);
  const width = WINDOW_MS[grouping];
  return Array.from(rows, (r) => {
    const t = timestampMs(col, r, parsed);
    return `${userOf(r)}@${t ? Math.floor(t.ms / width) : 'none'}`;
  });
}

/** The user key of each prediction row (for per-user base rates). */
export function userKeys(table: Table, rows: Int32Array, userColumn: string | null): Float64Array {
  const users = userColumn ? groupKeys(getColumn(table, userColumn)) : null;
  return Float64Array.from(rows, (r) => (users ? users[r] : 0));
}
