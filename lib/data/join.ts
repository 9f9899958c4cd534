import { uniqueNames } from './builder';
import { keyConflict } from './joinKeys';
import { cellText, getColumn, type Column, type Table } from './table';

/** What a join matched, shown to the person. */
export interface JoinReport {
  rightSource: string;
  leftKey: string;
  rightKey: string;
  leftRows: number;
  matchedRows: number;
  /** Distinct left keys with no row on the right, and a few of them to look at. */
  unmatchedKeys: number;
  unmatchedExamples: string[];
  /** Distinct keys on each side, and how many of them found the other side. */
  leftKeys: number;
  leftKeysMatched: number;
  rightKeys: number;
  rightKeysMatched: number;
  /** Set when the key names identify different things (`user_id` against `item_id`). */
  warning: string | null;
  /** Right rows ignored because their key appeared earlier (the first row per key wins). */
  duplicateRightKeys: number;
  /** Names of the columns added to the table. */
  addedColumns: string[];
}

/**
 * Left join: every row of `left` keeps its place; the columns of `right` (except its key) are
 * added, missing where the key has no match. Keys match by their text, so 111 equals "111".
 */
export function leftJoin(left: Table, right: Table, leftKey: string, rightKey: string): { table: Table; report: JoinReport } {
  const lk = getColumn(left, leftKey);
  const rk = getColumn(right, rightKey);
  const rowOfKey = new Map<string, number>();
  let duplicateRightKeys = 0;
  for (let r = 0; r < right.rowCount; r++) {
    const key = cellText(rk, r);
    if (key === '') continue;
    if (rowOfKey.has(key)) duplicateRightKeys++;
    else rowOfKey.set(key, r);
  }
  const match = new Int32Array(left.rowCount);
  const unmatched = new Set<string>();
  const matchedKeys = new Set<string>();
  let matchedRows = 0;
  for (let i = 0; i < left.rowCount; i++) {
    const key = cellText(lk, i);
    const r = key === '' ? undefined : rowOfKey.get(key);
    match[i] = r ?? -1;
    if (r === undefined) unmatched.add(key);
    else {
      matchedRows++;
      matchedKeys.add(key);
    }
  }
  const incoming = right.columns.filter((c) => c.name !== rightKey);
  const names = uniqueNames([...left.columns.map((c) => c.name), ...incoming.map((c) => c.name)]).slice(left.columns.length);
  const added = incoming.map((c, j) => gather(c, match, names[j]));
  return {
    table: { ...left, source: `${left.source} + ${right.source}`, columns: [...left.columns, ...added] },
    report: {
      rightSource: right.source,
      leftKey,
      rightKey,
      leftRows: left.rowCount,
      matchedRows,
      unmatchedKeys: unmatched.size,
      unmatchedExamples: [...unmatched].slice(0, 5),
      leftKeys: matchedKeys.size + unmatched.size,
      leftKeysMatched: matchedKeys.size,
      rightKeys: rowOfKey.size,
      rightKeysMatched: matchedKeys.size,
      warning: keyConflict(leftKey, rightKey),
      duplicateRightKeys,
      addedColumns: names,
    },
  };
}

/** The right column's values at the matched rows (−1 → missing). */
function gather(col: Column, match: Int32Array, name: string): Column {
  if (col.kind === 'number') {
    const values = new Float64Array(match.length);
    const missing = new Uint8Array(match.length);
    match.forEach((r, i) => {
      if (r < 0 || col.missing[r]) {
        values[i] = NaN;
        missing[i] = 1;
      } else values[i] = col.values[r];
    });
    return { kind: 'number', name, values, missing };
  }
  return { kind: 'string', name, codes: Int32Array.from(match, (r) => (r < 0 ? -1 : col.codes[r])), dictionary: col.dictionary };
}
