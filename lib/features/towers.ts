import { getColumn, type Column, type Table } from '../data/table';
import type { TowerSplit } from '../models/types';
import type { FittedEncoders } from './encode';

/**
 * Which feature columns describe the item: the item column itself and every column whose value
 * never changes within one item over the given rows (a category, a duration, an author). Those go
 * to the item tower of a two-tower model; the rest (user, context) go to the query tower. A column
 * that varies within an item (time of day, the user's own features) can only be known at query time.
 */
export function itemSideColumns(table: Table, featureColumns: string[], itemColumn: string, rows: Int32Array): string[] {
  const items = getColumn(table, itemColumn);
  const itemKey = keyReader(items);
  return featureColumns.filter((name) => {
    if (name === itemColumn) return true;
    const read = keyReader(getColumn(table, name));
    const seen = new Map<number | string, number | string>();
    for (const r of rows) {
      const item = itemKey(r);
      const value = read(r);
      const before = seen.get(item);
      if (before === undefined) seen.set(item, value);
      else if (before !== value) return false;
    }
    return true;
  });
}

/** Encoded input positions of the item-side columns. */
export function towerSplitOf(enc: FittedEncoders, itemColumns: string[]): TowerSplit {
  const dense: number[] = [];
  let j = 0;
  for (const e of enc.numeric) {
    const width = e.missingIndicator ? 2 : 1;
    if (itemColumns.includes(e.column)) for (let k = 0; k < width; k++) dense.push(j + k);
    j += width;
  }
  return {
    dense,
    ids: enc.sparse.flatMap((e, s) => (itemColumns.includes(e.column) ? [s] : [])),
    bags: enc.bags.flatMap((b, k) => (itemColumns.includes(b.column) ? [k] : [])),
  };
}

function keyReader(col: Column): (row: number) => number | string {
  if (col.kind === 'number') return (r) => (col.missing[r] ? 'missing' : col.values[r]);
  return (r) => col.codes[r];
}
