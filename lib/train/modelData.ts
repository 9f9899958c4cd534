import { getColumn, type Table } from '../data/table';
import type { EncodedRows, FittedEncoders } from '../features/encode';
import { buildGraph } from '../features/graph';
import { buildHistoryIndex, type HistoryIndex } from '../features/history';
import { itemSideColumns, towerSplitOf } from '../features/towers';
import type { ProblemSpec } from '../formulate/spec';
import type { GraphEdges, TowerSplit } from '../models/types';
import type { TrainConfig } from './config';
import { TrainError } from './errors';

/**
 * What some model kinds need beyond the encoded rows: which id slots hold the user and the item,
 * the two-tower split, the LightGCN graph, and (for retrieval) each training row's item log-frequency.
 */
export interface ModelData {
  userSlot: number | null;
  itemSlot: number | null;
  towerSplit: TowerSplit | null;
  /** Two-tower: feature columns per tower, shown in the UI. */
  towerColumns: { query: string[]; item: string[] } | null;
  graph: GraphEdges | null;
  /** Two-tower retrieval: [trainRows, tasks] log of the row's item share among the task's training positives (logQ). */
  itemLogQ: Float32Array | null;
}

/** Columns the model kind needs, checked before anything is fitted so the error names the fix. */
export function requireModelColumns(spec: ProblemSpec, config: TrainConfig): void {
  const embedded = (column: string | null | undefined) => Boolean(column && spec.features.some((f) => f.column === column && f.encoding === 'embedding'));
  const needs = (ok: boolean, message: string, hint: string) => {
    if (!ok) throw new TrainError('model-needs-columns', message, hint);
  };
  const kind = config.modelKind;
  if (kind === 'two-tower' || kind === 'sequence' || kind === 'lightgcn') {
    needs(Boolean(spec.itemColumn), `The ${kind} model needs an item id column, and none is chosen.`, 'Pick the item column in the Model cell (or mark a column as "item id" in the Data cell).');
  }
  if (kind === 'sequence' || kind === 'lightgcn') {
    needs(embedded(spec.itemColumn), `The ${kind} model embeds items, but "${spec.itemColumn}" is not an embedding feature.`, `Turn on "${spec.itemColumn}" as a feature (encoding: embedding) in the Model cell.`);
    needs(Boolean(spec.userColumn), `The ${kind} model needs a user id column, and none is chosen.`, 'Pick the user column in the Model cell.');
  }
  if (kind === 'lightgcn') {
    needs(embedded(spec.userColumn), `LightGCN embeds users, but "${spec.userColumn}" is not an embedding feature.`, `Turn on "${spec.userColumn}" as a feature (encoding: embedding) in the Model cell.`);
    const action = config.graphAction ?? spec.targets[0];
    needs(spec.targets.includes(action), `The graph is built from "${action}" positives, which is not a chosen target.`, 'Choose one of the targets for the graph edges.');
  }
  if (kind === 'sequence') needs(Boolean(spec.timeColumn), 'The sequence model orders each user\u2019s history by time, and no time column is chosen.', 'Pick the time column in the Model cell.');
  if (kind === 'logistic-regression' || kind === 'wide-deep') {
    for (const pair of config.crosses) {
      for (const column of pair) needs(!spec.targets.includes(column), `The cross ${pair.join(' × ')} uses the target "${column}"; that leaks the label.`, 'Remove the cross or choose other columns.');
    }
  }
  if (kind === 'gbdt') {
    needs(spec.formulation.kind === 'pointwise', `GBDT grows one booster per action on its own, so the ${spec.formulation.kind} formulation cannot be trained with it.`, 'Choose the pointwise formulation in the Targets cell, or a neural model.');
  }
}

/** The history index for a sequence model, or null for other kinds. */
export function historyFor(table: Table, spec: ProblemSpec, config: TrainConfig): HistoryIndex | null {
  if (config.modelKind !== 'sequence') return null;
  return buildHistoryIndex(table, { userColumn: spec.userColumn!, timeColumn: spec.timeColumn!, length: config.historyLength, action: config.historyAction });
}

export function modelDataFor(table: Table, spec: ProblemSpec, config: TrainConfig, encoders: FittedEncoders, trainRows: Int32Array, train: EncodedRows, trainLabels: Float32Array, trainMasks: Float32Array): ModelData {
  const slotOf = (column: string | null | undefined) => {
    const s = column ? encoders.sparse.findIndex((e) => e.column === column && e.part === 'value') : -1;
    return s < 0 ? null : s;
  };
  const userSlot = slotOf(spec.userColumn);
  const itemSlot = slotOf(spec.itemColumn);
  const T = spec.targets.length;
  let towerSplit: TowerSplit | null = null;
  let towerColumns: ModelData['towerColumns'] = null;
  let itemLogQ: Float32Array | null = null;
  if (config.modelKind === 'two-tower') {
    const columns = spec.features.map((f) => f.column);
    const item = itemSideColumns(table, columns, spec.itemColumn!, trainRows);
    towerSplit = towerSplitOf(encoders, item);
    towerColumns = { item, query: columns.filter((c) => !item.includes(c)) };
    if (towerColumns.query.length === 0) throw new TrainError('model-needs-columns', 'Every feature describes the item, so the query tower would see nothing about the user.', 'Add a user or context feature (e.g. the user id) in the Model cell.');
    if (config.towerMode === 'retrieval') itemLogQ = logQ(table, spec.itemColumn!, trainRows, trainLabels, trainMasks, T);
  }
  let graph: GraphEdges | null = null;
  if (config.modelKind === 'lightgcn' && userSlot !== null && itemSlot !== null) {
    const t = spec.targets.indexOf(config.graphAction ?? spec.targets[0]);
    const n = train.rows;
    const column = (slot: number) => Int32Array.from({ length: n }, (_, i) => train.ids[i * train.idDim + slot]);
    graph = buildGraph(column(userSlot), column(itemSlot), Uint8Array.from({ length: n }, (_, i) => (trainMasks[i * T + t] > 0 && trainLabels[i * T + t] === 1 ? 1 : 0)));
    if (graph.src.length === 0) throw new TrainError('model-needs-columns', `No training row has "${spec.targets[t]}" = 1, so the graph has no edges.`, 'Choose another action for the graph edges.');
  }
  return { userSlot, itemSlot, towerSplit, towerColumns, graph, itemLogQ };
}

/** log q_t(item of row) = log(count of the item among task t's training positives / all of them). */
function logQ(table: Table, itemColumn: string, trainRows: Int32Array, labels: Float32Array, masks: Float32Array, T: number): Float32Array {
  const col = getColumn(table, itemColumn);
  const key = (r: number) => (col.kind === 'number' ? col.values[r] : col.codes[r]);
  const out = new Float32Array(trainRows.length * T);
  for (let t = 0; t < T; t++) {
    const counts = new Map<number, number>();
    let total = 0;
    trainRows.forEach((r, i) => {
      if (masks[i * T + t] > 0 && labels[i * T + t] === 1) {
        counts.set(key(r), (counts.get(key(r)) ?? 0) + 1);
        total++;
      }
    });
    trainRows.forEach((r, i) => {
      out[i * T + t] = Math.log(Math.max(1, counts.get(key(r)) ?? 0) / Math.max(1, total));
    });
  }
  return out;
}
