import { binaryValues, getColumn, type Table } from '../data/table';
import { encodeRows, type EncodedRows, type FittedEncoders } from '../features/encode';

/**
 * The item set a two-tower model retrieves from: every distinct item of the training and
 * validation rows, each encoded from its latest row (item-side features do not vary within an
 * item; see lib/features/towers.ts). With each validation row's catalog index and the items'
 * training positive counts per task (for the popularity baseline).
 */
export interface ItemCatalog {
  encoded: EncodedRows;
  /** Catalog index of each validation row's item. */
  validationItem: Int32Array;
  /** Per task, each catalog item's count of training positives. */
  trainPositives: Float64Array[];
}

export function buildCatalog(table: Table, itemColumn: string, targets: string[], encoders: FittedEncoders, trainRows: Int32Array, trainWeights: Float32Array[], validationRows: Int32Array): ItemCatalog {
  const col = getColumn(table, itemColumn);
  const key = (r: number) => (col.kind === 'number' ? (col.missing[r] ? NaN : col.values[r]) : col.codes[r]);
  const index = new Map<number, number>();
  const representative: number[] = [];
  const add = (r: number) => {
    const k = key(r);
    const at = index.get(k);
    if (at === undefined) {
      index.set(k, representative.length);
      representative.push(r);
    } else representative[at] = r;
  };
  trainRows.forEach(add);
  validationRows.forEach(add);
  const labels = targets.map((t) => binaryValues(getColumn(table, t)));
  const trainPositives = targets.map((_, t) => {
    const counts = new Float64Array(representative.length);
    trainRows.forEach((r, i) => {
      if (trainWeights[t][i] > 0 && labels[t][r] === 1) counts[index.get(key(r))!]++;
    });
    return counts;
  });
  return {
    encoded: encodeRows(table, encoders, Int32Array.from(representative)),
    validationItem: Int32Array.from(validationRows, (r) => index.get(key(r))!),
    trainPositives,
  };
}
