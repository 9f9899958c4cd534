/**
 * How the page's table reaches the training worker. Posted whole, its structured clone is one task on
 * the page's main thread: 40–70 ms for the 50k-row bench log when Train is clicked, seconds of frozen
 * page for a million rows. Shipped a column per message with a task boundary between them, no single
 * task holds more than one column's copy; and a table the worker already holds is not sent again (a
 * second run on the same data starts at once).
 */
import type { Column, Table } from '../data/table';
import { nextTask } from './nextTask';

/** The messages that carry a table, a column at a time (lib/train/protocol.ts WorkerRequest). */
export type TableMessage =
  | { type: 'table-begin'; tableId: number; source: string; rowCount: number; columns: number; warnings?: string[]; truth?: Table['truth'] }
  | { type: 'table-column'; tableId: number; index: number; column: Column };

const ids = new WeakMap<Table, number>();
let nextId = 1;

/** A table's id for the worker: the same object gets the same id. */
export function tableIdOf(table: Table): number {
  let id = ids.get(table);
  if (id === undefined) {
    id = nextId++;
    ids.set(table, id);
  }
  return id;
}

/**
 * Post `table` column by column through `post`, yielding between columns. Stops early and returns
 * false when `current()` turns false (the worker was replaced meanwhile: its successor gets the table
 * again from whoever restarts the run).
 */
export async function shipTable(table: Table, post: (message: TableMessage) => void, current: () => boolean): Promise<boolean> {
  const tableId = tableIdOf(table);
  post({ type: 'table-begin', tableId, source: table.source, rowCount: table.rowCount, columns: table.columns.length, warnings: table.warnings, truth: table.truth });
  for (let index = 0; index < table.columns.length; index++) {
    await nextTask();
    if (!current()) return false;
    post({ type: 'table-column', tableId, index, column: table.columns[index] });
  }
  return current();
}

/**
 * The worker's side: assembles shipped tables and keeps the latest complete one (a run names it by
 * id). One table at a time: the page trains on one dataset, and a second copy would double the memory.
 */
export class TableInbox {
  private assembling: { tableId: number; table: Table; received: number } | null = null;
  private latest: { tableId: number; table: Table } | null = null;

  receive(message: TableMessage): void {
    if (message.type === 'table-begin') {
      const { tableId, source, rowCount, columns, warnings, truth } = message;
      this.latest = null; // the page moved on to another table: one copy at a time
      this.assembling = { tableId, received: 0, table: { source, rowCount, columns: new Array<Column>(columns), ...(warnings ? { warnings } : {}), ...(truth ? { truth } : {}) } };
      if (columns === 0) this.complete();
      return;
    }
    const pending = this.assembling;
    if (!pending || pending.tableId !== message.tableId) return; // a column of a table abandoned mid-way
    pending.table.columns[message.index] = message.column;
    if (++pending.received === pending.table.columns.length) this.complete();
  }

  /** The table a run asked for; throws when it never fully arrived (a programming error). */
  take(tableId: number): Table {
    if (this.latest?.tableId !== tableId) throw new Error(`the training worker does not hold table ${tableId}`);
    return this.latest.table;
  }

  private complete(): void {
    this.latest = { tableId: this.assembling!.tableId, table: this.assembling!.table };
    this.assembling = null;
  }
}
