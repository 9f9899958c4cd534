import { binaryValues, getColumn, groupKeys, type Table } from '../data/table';
import { timeValues } from '../sampling/split';

/**
 * For every table row, the rows of the same user's previous impressions, newest first: strictly
 * earlier in time (an impression at the same instant is not history: its outcome was not yet
 * known), so no row ever sees itself or its future. [tableRows × length] table-row indices, −1 for
 * padding. Optionally only earlier impressions with an action (e.g. clicked items, as DIN does).
 */
export interface HistoryIndex {
  length: number;
  previous: Int32Array;
}

export interface HistoryOptions {
  userColumn: string;
  timeColumn: string;
  length: number;
  /** Only earlier impressions where this 0/1 column is 1 count; null = every earlier impression. */
  action: string | null;
}

export function buildHistoryIndex(table: Table, options: HistoryOptions): HistoryIndex {
  const users = groupKeys(getColumn(table, options.userColumn));
  // Missing times sort last (NaN would break the comparator) and are skipped below.
  const times = timeValues(getColumn(table, options.timeColumn)).map((t) => (Number.isNaN(t) ? Infinity : t));
  const action = options.action ? binaryValues(getColumn(table, options.action)) : null;
  const n = table.rowCount;
  const L = options.length;
  const previous = new Int32Array(n * L).fill(-1);
  // Rows ordered by user, then time; rows without a time get no history and are never history.
  const order = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => users[a] - users[b] || times[a] - times[b] || a - b);
  const recent: number[] = []; // the user's history so far, newest last
  let start = 0;
  while (start < n) {
    // One block of rows of the same user at the same instant: they all see the same history.
    let end = start + 1;
    const row = order[start];
    while (end < n && users[order[end]] === users[row] && times[order[end]] === times[row]) end++;
    if (start > 0 && users[order[start - 1]] !== users[row]) recent.length = 0;
    if (Number.isFinite(times[row])) {
      for (let i = start; i < end; i++) {
        const r = order[i];
        for (let k = 0; k < Math.min(L, recent.length); k++) previous[r * L + k] = recent[recent.length - 1 - k];
      }
      for (let i = start; i < end; i++) {
        const r = order[i];
        if (action === null || action[r] === 1) recent.push(r);
      }
      if (recent.length > L) recent.splice(0, recent.length - L);
    }
    start = end;
  }
  return { length: L, previous };
}
