import type { Column, Table } from './table';

const MISSING_TOKENS = new Set(['', 'na', 'nan', 'null', 'none', 'n/a']);

/** True for cells that mean "no value". */
export function isMissingToken(cell: string): boolean {
  return MISSING_TOKENS.has(cell.trim().toLowerCase());
}

/**
 * One column being filled row by row. It stays numeric (a growable Float64Array plus a missing
 * mask) until a cell is not a number; then it becomes dictionary-encoded text. Numbers seen before
 * the switch keep their numeric spelling ("007" read as 7 becomes "7"), a documented limitation.
 */
class ColumnBuilder {
  kind: 'number' | 'string' = 'number';
  length = 0;
  private values = new Float64Array(1024);
  private missing = new Uint8Array(1024);
  private codes = new Int32Array(0);
  private dictionary: string[] = [];
  private index = new Map<string, number>();

  constructor(readonly name: string) {}

  push(raw: string | number | boolean | null | undefined): void {
    this.ensureCapacity(this.length + 1);
    if (raw === null || raw === undefined || (typeof raw === 'string' && isMissingToken(raw))) {
      if (this.kind === 'number') {
        this.values[this.length] = NaN;
        this.missing[this.length] = 1;
      } else this.codes[this.length] = -1;
      this.length++;
      return;
    }
    const text = typeof raw === 'string' ? raw.trim() : String(raw);
    if (this.kind === 'number') {
      const n = typeof raw === 'number' ? raw : typeof raw === 'boolean' ? NaN : Number(text);
      if (Number.isFinite(n)) {
        this.values[this.length++] = n;
        return;
      }
      this.toStrings();
    }
    this.codes[this.length++] = this.codeOf(text);
  }

  finish(): Column {
    if (this.kind === 'number') return { kind: 'number', name: this.name, values: this.values.slice(0, this.length), missing: this.missing.slice(0, this.length) };
    return { kind: 'string', name: this.name, codes: this.codes.slice(0, this.length), dictionary: this.dictionary };
  }

  private codeOf(text: string): number {
    let code = this.index.get(text);
    if (code === undefined) {
      code = this.dictionary.length;
      this.dictionary.push(text);
      this.index.set(text, code);
    }
    return code;
  }

  private toStrings(): void {
    this.kind = 'string';
    this.codes = new Int32Array(this.values.length);
    for (let i = 0; i < this.length; i++) this.codes[i] = this.missing[i] ? -1 : this.codeOf(String(this.values[i]));
    this.values = new Float64Array(0);
    this.missing = new Uint8Array(0);
  }

  private ensureCapacity(n: number): void {
    const capacity = this.kind === 'number' ? this.values.length : this.codes.length;
    if (n <= capacity) return;
    const next = Math.max(n, capacity * 2);
    if (this.kind === 'number') {
      const v = new Float64Array(next);
      v.set(this.values);
      this.values = v;
      const m = new Uint8Array(next);
      m.set(this.missing);
      this.missing = m;
    } else {
      const c = new Int32Array(next);
      c.set(this.codes);
      this.codes = c;
    }
  }
}

/** Builds a columnar Table from rows streamed in, never holding the rows themselves. */
export class TableBuilder {
  private columns: ColumnBuilder[];
  rowCount = 0;

  constructor(readonly names: string[]) {
    this.columns = names.map((n) => new ColumnBuilder(n));
  }

  /** Add one row; cells beyond the known columns are ignored, missing ones count as empty. */
  addRow(cells: ArrayLike<string | number | boolean | null | undefined>): void {
    for (let c = 0; c < this.columns.length; c++) this.columns[c].push(cells[c]);
    this.rowCount++;
  }

  finish(source: string): Table {
    return { source, rowCount: this.rowCount, columns: this.columns.map((c) => c.finish()) };
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
