import Papa from 'papaparse';
import { TableBuilder, uniqueNames } from './builder';
import { CsvTokenizer, UnterminatedQuoteError } from './csvTokenizer';
import { checkColumnCount, DataError } from './errors';
import type { Table } from './table';

/** A few ragged lines (a trailing partial line, a stray footer) are skipped with a warning; more means a wrong format. */
const MAX_RAGGED_SHARE = 0.01;
const HEADER_SNIFF_ROWS = 51;
/** Bytes looked at before deciding the delimiter and the header. */
const SNIFF_BYTES = 64 * 1024;

export type HeaderMode = 'auto' | 'yes' | 'no';

export interface ParseProgress {
  rows: number;
  /** Bytes of input consumed so far, and in total (after decompression). */
  bytes: number;
  totalBytes: number;
}

export interface DelimitedOptions {
  header?: HeaderMode;
  /** false sends every row through the field-by-field path (tests compare the two; see lib/data/fastRows.ts). */
  onePassRows?: boolean;
  onProgress?(progress: ParseProgress): void;
}

/**
 * Streams delimited bytes into a columnar table. The first 64 KB decide the delimiter (papaparse's
 * guess) and whether there is a header; then the byte tokenizer feeds typed columns directly, so
 * the rows themselves never exist as strings.
 */
export class DelimitedReader {
  private head: Uint8Array[] = [];
  private headBytes = 0;
  private tokenizer: CsvTokenizer | null = null;
  private builder: TableBuilder | null = null;
  private width = 0;
  private skipFirstRow = false;
  private hasHeader = false;
  private renamed: string[] = [];
  private dataRows = 0;
  private ragged = 0;
  private firstRagged = -1;
  private bytesRead = 0;
  private first = true;

  constructor(
    private readonly source: string,
    private readonly totalBytes: number,
    private readonly options: DelimitedOptions = {},
  ) {}

  push(chunk: Uint8Array): void {
    if (this.first && chunk.length >= 3 && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) chunk = chunk.subarray(3);
    this.first = false;
    this.bytesRead += chunk.length;
    if (this.tokenizer) this.feed(chunk);
    else {
      this.head.push(chunk);
      this.headBytes += chunk.length;
      // The sniff needs at least one whole line: a very wide header can be longer than SNIFF_BYTES.
      if (this.headBytes >= SNIFF_BYTES && chunk.includes(0x0a)) this.start(false);
    }
    this.options.onProgress?.({ rows: this.builder?.rowCount ?? 0, bytes: this.bytesRead, totalBytes: this.totalBytes });
  }

  end(): Table {
    if (!this.tokenizer) this.start(true);
    try {
      this.tokenizer!.end();
    } catch (err) {
      if (err instanceof UnterminatedQuoteError) {
        throw new DataError('unterminated-quote', `${this.source}: a quoted field starting on data row ${err.row - (this.skipFirstRow ? 1 : 0)} is never closed, so the rest of the file would become one cell.`, 'Close the quote ("…") in that row, or double any quote inside a quoted field ("").');
      }
      throw err;
    }
    if (!this.builder || this.dataRows === 0) {
      throw new DataError('no-rows', `${this.source} has a header row but no data rows.`, 'Add at least one row of data under the header.');
    }
    if (this.ragged > Math.max(1, this.dataRows * MAX_RAGGED_SHARE)) {
      throw new DataError(
        'ragged-rows',
        `${this.source}: ${this.ragged} of ${this.dataRows} rows do not have ${this.width} fields (first at data row ${this.firstRagged}).`,
        'Check the delimiter and quoting: every row needs as many fields as the header. Fields containing the delimiter must be quoted, and every quote closed.',
      );
    }
    const table = this.builder.finish(this.source);
    const warnings: string[] = [...(table.warnings ?? [])];
    if (this.ragged > 0) warnings.push(`${this.ragged} row(s) with a wrong number of fields were skipped (first at data row ${this.firstRagged}).`);
    if (this.renamed.length) warnings.push(`Empty or repeated column names were renamed: ${this.renamed.join(', ')}.`);
    if (!this.hasHeader) warnings.push('No header row was detected; columns are named col_1, col_2… (change "Header row" if that is wrong).');
    return warnings.length ? { ...table, warnings } : table;
  }

  /** Decide delimiter and header from the buffered head, then tokenize it. */
  private start(atEnd: boolean): void {
    const head = concatAll(this.head, this.headBytes);
    this.head = [];
    let text = new TextDecoder().decode(head);
    if (!atEnd) text = text.slice(0, Math.max(0, text.lastIndexOf('\n')));
    const sniffed = Papa.parse<string[]>(text, { header: false, skipEmptyLines: 'greedy', preview: HEADER_SNIFF_ROWS, delimitersToGuess: ['\t', ',', ';', '|'] });
    const rows = sniffed.data;
    if (rows.length === 0) throw new DataError('no-rows', `${this.source} has no rows.`, 'Check that the file is not empty.');
    this.width = rows[0].length;
    checkColumnCount(this.width, this.source);
    if (this.width < 2) {
      throw new DataError('too-few-columns', `${this.source} has only one column, so no delimiter was found.`, 'Use commas, tabs, semicolons or | between fields, with at least one action column and one feature column.');
    }
    const mode = this.options.header ?? 'auto';
    this.hasHeader = mode === 'yes' || (mode === 'auto' && looksLikeHeader(rows));
    this.skipFirstRow = this.hasHeader;
    const names = this.hasHeader ? uniqueNames(rows[0]) : rows[0].map((_, i) => `col_${i + 1}`);
    if (this.hasHeader) {
      this.renamed = names.flatMap((n, i) => {
        const raw = rows[0][i].trim();
        return n === raw ? [] : [raw ? `"${raw}" → ${n}` : `column ${i + 1} (no name) → ${n}`];
      });
    }
    // Estimate the row count from the bytes per line of the sample, with 5% to spare.
    let lines = 1;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
    const expectedRows = atEnd ? lines : (this.totalBytes / Math.max(1, text.length)) * lines * 1.05;
    this.builder = new TableBuilder(names, expectedRows);
    const delimiter = sniffed.meta.delimiter.charCodeAt(0);
    this.tokenizer = new CsvTokenizer(delimiter, {
      row: (bytes, starts, ends, quoted, count) => {
        if (this.skipFirstRow) {
          this.skipFirstRow = false;
          return;
        }
        this.dataRows++;
        if (count !== this.width) {
          this.ragged++;
          if (this.firstRagged < 0) this.firstRagged = this.dataRows;
          return;
        }
        this.builder!.addByteRow(bytes, starts, ends, quoted);
      },
      fastRow: this.options.onePassRows === false ? undefined : (bytes, start, n) => {
        if (this.skipFirstRow) return -1;
        const next = this.builder!.addFastRow(delimiter, bytes, start, n);
        if (next >= 0) this.dataRows++;
        return next;
      },
    });
    this.feed(head);
  }

  private feed(chunk: Uint8Array): void {
    // A row has at least one byte per field (delimiters and newline included): room for every row this
    // chunk and the held-over bytes can hold, before the one-pass rows write into the columns.
    this.builder!.reserveRows(Math.ceil((chunk.length + this.tokenizer!.pendingBytes) / this.width) + 1);
    this.tokenizer!.push(chunk);
  }
}

/** Parse delimited text (CSV, TSV, `;` or `|` separated) synchronously (tests and small inputs). */
export function parseDelimited(text: string, source: string, options: DelimitedOptions = {}): Table {
  checkText(text.slice(0, 4096), source, text.trim().length === 0);
  const reader = new DelimitedReader(source, text.length, options);
  reader.push(new TextEncoder().encode(text));
  return reader.end();
}

/** Parse a stream of delimited bytes (a file, or a decompressing stream) chunk by chunk. */
export async function parseDelimitedStream(stream: ReadableStream<Uint8Array>, totalBytes: number, source: string, options: DelimitedOptions = {}): Promise<Table> {
  const reader = new DelimitedReader(source, totalBytes, options);
  const chunks = stream.getReader();
  for (;;) {
    const { done, value } = await chunks.read();
    if (done) break;
    reader.push(value);
  }
  return reader.end();
}

/** Reject empty and binary input before parsing: `head` is the first few KB as text. */
export function checkText(head: string, source: string, empty: boolean): void {
  if (empty) throw new DataError('empty-file', `${source} is empty.`, 'Choose a CSV or TSV file with a header row and at least one data row.');
  if (looksBinary(head)) {
    throw new DataError('binary-file', `${source} is not a text file (it contains binary bytes).`, 'Export the data as CSV, TSV, JSON Lines, Parquet or gzip of those, and load that file.');
  }
}

function looksBinary(head: string): boolean {
  let odd = 0;
  for (let i = 0; i < head.length; i++) {
    const code = head.charCodeAt(i);
    if (code === 0) return true;
    if (code === 0xfffd || (code < 32 && code !== 9 && code !== 10 && code !== 13)) odd++;
  }
  return odd > head.length * 0.05;
}

function isNumeric(s: string): boolean {
  const t = s.trim();
  return t.length > 0 && Number.isFinite(Number(t));
}

/**
 * A first row is a header when it holds no numbers at all, or when some column has text on the
 * first row but numbers below it (numeric names such as "101" stay possible in other columns).
 */
export function looksLikeHeader(rows: string[][]): boolean {
  const first = rows[0];
  if (!first.some(isNumeric)) return true;
  const sample = rows.slice(1);
  return first.some((cell, c) => !isNumeric(cell) && sample.length > 0 && sample.every((r) => isNumeric(r[c] ?? '')));
}

function concatAll(parts: Uint8Array[], total: number): Uint8Array {
  if (parts.length === 1) return parts[0];
  const out = new Uint8Array(total);
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}
