/**
 * How the page's table reaches a worker (training, lib/train/client.ts; storage, lib/notebook/dataStore.ts).
 * Posted whole, its structured clone is one task on the page's main thread: 40–70 ms for the 50k-row
 * bench log when Train is clicked, seconds of frozen page for a million rows. A column per message
 * was still 70–125 ms per task at a million rows (a clone copies a typed array's whole buffer), so
 * columns go in pieces of PIECE_ROWS rows, each copied once into a buffer of its own and transferred,
 * not cloned, with a task boundary between pieces. A table the worker already holds is not sent again
 * (a second run on the same data starts at once).
 */
import type { Column, Table } from '../data/table';
import { nextTask } from './nextTask';

/** Rows per message: 2 MB of a numeric column's values, a few milliseconds of copying. */
export const PIECE_ROWS = 1 << 18;

/** The messages that carry a table, a piece of a column at a time (lib/train/protocol.ts WorkerRequest). */
export type TableMessage =
  | { type: 'table-begin'; tableId: number; source: string; rowCount: number; columns: number; warnings?: string[]; truth?: Table['truth'] }
  /** Rows [start, start + its length) of column `index`; the first piece of a text column carries its dictionary. */
  | { type: 'table-piece'; tableId: number; index: number; start: number; piece: Column };

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
 * Post `table` piece by piece through `post` (with the buffers to transfer), yielding between pieces.
 * Stops early and returns false when `current()` turns false (the worker was replaced meanwhile: its
 * successor gets the table again from whoever restarts the run).
 */
export async function shipTable(table: Table, post: (message: TableMessage, transfer: Transferable[]) => void, current: () => boolean): Promise<boolean> {
  const tableId = tableIdOf(table);
  post({ type: 'table-begin', tableId, source: table.source, rowCount: table.rowCount, columns: table.columns.length, warnings: table.warnings, truth: table.truth }, []);
  for (let index = 0; index < table.columns.length; index++) {
    const column = table.columns[index];
    for (let start = 0; start === 0 || start < table.rowCount; start += PIECE_ROWS) {
      await nextTask();
      if (!current()) return false;
      const end = Math.min(table.rowCount, start + PIECE_ROWS);
      const piece: Column = column.kind === 'number' ? { kind: 'number', name: column.name, values: column.values.slice(start, end), missing: column.missing.slice(start, end) } : { kind: 'string', name: column.name, codes: column.codes.slice(start, end), dictionary: start === 0 ? column.dictionary : [] };
      post({ type: 'table-piece', tableId, index, start, piece }, piece.kind === 'number' ? [piece.values.buffer, piece.missing.buffer] : [piece.codes.buffer]);
    }
  }
  return current();
}

/**
 * The worker's side: assembles shipped tables and keeps the latest complete one (a run names it by
 * id). One table at a time: the page trains on one dataset, and a second copy would double the memory.
 */
export class TableInbox {
  private assembling: { tableId: number; table: Table; rowsIn: number[]; complete: number } | null = null;
  private latest: { tableId: number; table: Table } | null = null;

  receive(message: TableMessage): void {
    if (message.type === 'table-begin') {
      const { tableId, source, rowCount, columns, warnings, truth } = message;
      this.latest = null; // the page moved on to another table: one copy at a time
      this.assembling = { tableId, rowsIn: new Array<number>(columns).fill(0), complete: 0, table: { source, rowCount, columns: new Array<Column>(columns), ...(warnings ? { warnings } : {}), ...(truth ? { truth } : {}) } };
      if (columns === 0) this.complete();
      return;
    }
    const pending = this.assembling;
    if (!pending || pending.tableId !== message.tableId) return; // a piece of a table abandoned mid-way
    const { index, start, piece } = message;
    const rows = pending.table.rowCount;
    const length = piece.kind === 'number' ? piece.values.length : piece.codes.length;
    // A column in one piece is used as it came; a longer one is put together in arrays of its full length.
    if (start === 0) pending.table.columns[index] = length === rows ? piece : emptyColumn(piece, rows);
    const column = pending.table.columns[index];
    if (column !== piece) placePiece(column, piece, start);
    pending.rowsIn[index] += length;
    if (pending.rowsIn[index] >= rows && ++pending.complete === pending.table.columns.length) this.complete();
  }

  /** The table asked for; throws when it never fully arrived (a programming error). */
  take(tableId: number): Table {
    if (this.latest?.tableId !== tableId) throw new Error(`this worker does not hold table ${tableId}`);
    return this.latest.table;
  }

  private complete(): void {
    this.latest = { tableId: this.assembling!.tableId, table: this.assembling!.table };
    this.assembling = null;
  }
}

/** A column of `rows` rows shaped like `first` (its name, kind and dictionary), to be filled piece by piece. */
function emptyColumn(first: Column, rows: number): Column {
  return first.kind === 'number' ? { kind: 'number', name: first.name, values: new Float64Array(rows), missing: new Uint8Array(rows) } : { kind: 'string', name: first.name, codes: new Int32Array(rows), dictionary: first.dictionary };
}

function placePiece(column: Column, piece: Column, start: number): void {
  if (column.kind === 'number' && piece.kind === 'number') {
    column.values.set(piece.values, start);
    column.missing.set(piece.missing, start);
  } else if (column.kind === 'string' && piece.kind === 'string') column.codes.set(piece.codes, start);
}
