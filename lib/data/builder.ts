import { ColumnBuilder } from './columnBuilder';
import { parseRowFast } from './fastRows';
import type { Column, Table } from './table';

/** The rows another builder read from a later part of the same file (see TableBuilder.append). */
export interface TablePart {
  rowCount: number;
  columns: Column[];
  /** Per column: infinite numbers read as missing (for the table's warnings). */
  nonFinite: number[];
  /** Per column: some cell was read as a number, so its spelling is gone (ColumnBuilder.readNumbers). */
  readNumbers: boolean[];
}

/** Builds a columnar Table from rows streamed in, never holding the rows themselves. */
export class TableBuilder {
  private columns: ColumnBuilder[];
  rowCount = 0;

  /** `expectedRows` pre-sizes the columns so a large file does not pay for repeated doubling (and its 2× peak). */
  constructor(
    readonly names: string[],
    expectedRows = 1024,
  ) {
    this.columns = names.map((n) => new ColumnBuilder(n, Math.max(16, Math.ceil(expectedRows))));
  }

  /** Add one CSV row from byte ranges (see CsvTokenizer). */
  addByteRow(bytes: Uint8Array, starts: Int32Array, ends: Int32Array, quoted: Uint8Array): void {
    for (let c = 0; c < this.columns.length; c++) this.columns[c].pushBytes(bytes, starts[c], ends[c], quoted[c] === 1);
    this.rowCount++;
  }

  /** Room for `rows` more rows in every column (the one-pass rows write without checking; see parseRowFast). */
  reserveRows(rows: number): void {
    for (const column of this.columns) column.reserve(column.length + rows);
  }

  /** Add the row at bytes[start] in one pass if it is a plain one; see parseRowFast. */
  addFastRow(delimiter: number, bytes: Uint8Array, start: number, n: number): number {
    const next = parseRowFast(this.columns, delimiter, bytes, start, n);
    if (next >= 0) this.rowCount++;
    return next;
  }

  /** Add one row; cells beyond the known columns are ignored, missing ones count as empty. */
  addRow(cells: ArrayLike<string | number | boolean | null | undefined>): void {
    for (let c = 0; c < this.columns.length; c++) this.columns[c].push(cells[c]);
    this.rowCount++;
  }

  /** The columns so far with what appending them to another builder needs to know. */
  finishPart(): TablePart {
    return { rowCount: this.rowCount, columns: this.columns.map((c) => c.finish()), nonFinite: this.columns.map((c) => c.nonFinite), readNumbers: this.columns.map((c) => c.readNumbers) };
  }

  /** Whether `part`'s rows, appended, equal what this builder would have made of the same cells. */
  canAppend(part: TablePart): boolean {
    return part.columns.length === this.columns.length && this.columns.every((c, i) => c.canAppend(part.columns[i], part.readNumbers[i]));
  }

  /** Map the columns' spare room before a part is appended (ColumnBuilder.touchSpare). */
  touchSpare(): void {
    for (const column of this.columns) column.touchSpare();
  }

  /** Append a later part's rows (after canAppend). */
  append(part: TablePart): void {
    this.columns.forEach((c, i) => c.append(part.columns[i], part.nonFinite[i]));
    this.rowCount += part.rowCount;
  }

  finish(source: string): Table {
    const columns = this.columns.map((c) => c.finish());
    const table: Table = { source, rowCount: this.rowCount, columns };
    const infinite = this.columns.filter((c, i) => c.nonFinite > 0 && columns[i].kind === 'number');
    if (infinite.length === 0) return table;
    return { ...table, warnings: infinite.map((c) => `${c.name}: ${c.nonFinite.toLocaleString('en-US')} infinite or out-of-range number(s) (such as Infinity or 1e309) are treated as missing.`) };
  }
}

/** Column names from a header row: trimmed, empty ones named col_N, duplicates suffixed _2, _3… */
export function uniqueNames(header: string[]): string[] {
  const seen = new Map<string, number>();
  return header.map((raw, i) => {
    const base = String(raw ?? '').trim() || `col_${i + 1}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return n === 0 ? base : `${base}_${n + 1}`;
  });
}
