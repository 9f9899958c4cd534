import { TableBuilder, type TablePart } from './builder';
import { CsvTokenizer, UnterminatedQuoteError } from './csvTokenizer';
import { DataError } from './errors';
import { sniffLayout, type DelimitedLayout, type HeaderMode } from './layout';
import type { PartRunner } from './parallelParse';
import type { Table } from './table';

export type { HeaderMode } from './layout';

/** A few ragged lines (a trailing partial line, a stray footer) are skipped with a warning; more means a wrong format. */
const MAX_RAGGED_SHARE = 0.01;
/** The most bytes fed to the tokenizer at once (see DelimitedReader.feed). */
const FEED_BYTES = 64 * 1024;
/** Bytes looked at before deciding the delimiter and the header. */
export const SNIFF_BYTES = 64 * 1024;

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
  /** Where a second worker can parse the later half of a large file (lib/data/parallelParse.ts). */
  parts?: PartRunner;
  /** Files from this size up are parsed in two parts when `parts` is given (default 8 MB). */
  parallelFromBytes?: number;
}

/** What a reader of a later part of a file reports: its rows, and its counts for the whole file's checks. */
export interface ParsedPart extends TablePart {
  dataRows: number;
  ragged: number;
  /** Data row (1-based, within the part) of the first ragged row, or -1. */
  firstRagged: number;
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

  /**
   * `layout`: decided already (from the file's head, by lib/data/parallelParse.ts); `part`: these
   * bytes are a later part of the file, so they start on a row of data (no BOM, no header).
   */
  constructor(
    private readonly source: string,
    private readonly totalBytes: number,
    private readonly options: DelimitedOptions = {},
    private readonly layout: DelimitedLayout | null = null,
    private readonly part = false,
  ) {}

  push(chunk: Uint8Array): void {
    if (this.first && !this.part && chunk.length >= 3 && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) chunk = chunk.subarray(3);
    this.first = false;
    this.bytesRead += chunk.length;
    if (!this.tokenizer && this.layout) this.begin(this.layout);
    if (this.tokenizer) this.feed(chunk);
    else {
      this.head.push(chunk);
      this.headBytes += chunk.length;
      // The sniff needs at least one whole line: a very wide header can be longer than SNIFF_BYTES.
      if (this.headBytes >= SNIFF_BYTES && chunk.includes(0x0a)) this.start(false);
    }
    this.options.onProgress?.({ rows: this.builder?.rowCount ?? 0, bytes: this.bytesRead, totalBytes: this.totalBytes });
  }

  /** True between rows: every byte pushed so far belongs to a finished row (no quote left open). */
  get atRowBoundary(): boolean {
    return this.tokenizer !== null && this.tokenizer.pendingBytes === 0;
  }

  /** Ready the columns' room for appendPart while the other reader is still at work. */
  prepareToAppend(): void {
    this.builder?.touchSpare();
  }

  /**
   * Add the rows a reader of the rest of the file parsed (endPart) after this reader's, when they
   * read exactly as this reader would have read them; false, with nothing changed, when they do not
   * (the caller then pushes those bytes here instead; see TableBuilder.canAppend).
   */
  appendPart(part: ParsedPart): boolean {
    if (!this.atRowBoundary || !this.builder!.canAppend(part)) return false;
    this.builder!.append(part);
    if (part.firstRagged >= 0 && this.firstRagged < 0) this.firstRagged = this.dataRows + part.firstRagged;
    this.dataRows += part.dataRows;
    this.ragged += part.ragged;
    return true;
  }

  /** End a later part: its rows and counts, unchecked (the whole file is checked where the parts meet). */
  endPart(): ParsedPart {
    if (!this.tokenizer && this.layout) this.begin(this.layout);
    this.tokenizer?.end();
    const rows = this.builder ? this.builder.finishPart() : { rowCount: 0, columns: [], nonFinite: [], readNumbers: [] };
    return { ...rows, dataRows: this.dataRows, ragged: this.ragged, firstRagged: this.firstRagged };
  }

  end(): Table {
    if (!this.tokenizer) this.start(true);
    try {
      this.tokenizer!.end();
    } catch (err) {
      if (err instanceof UnterminatedQuoteError) {
        throw new DataError('unterminated-quote', `${this.source}: a quoted field starting on data row ${err.row - (this.hasHeader && !this.part ? 1 : 0)} is never closed, so the rest of the file would become one cell.`, 'Close the quote ("…") in that row, or double any quote inside a quoted field ("").');
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
    this.begin(sniffLayout(head, atEnd, this.source, this.options.header));
    this.feed(head);
  }

  private begin(layout: DelimitedLayout): void {
    this.width = layout.names.length;
    this.hasHeader = layout.hasHeader;
    this.skipFirstRow = layout.hasHeader && !this.part;
    this.renamed = layout.renamed;
    this.builder = new TableBuilder(layout.names, this.totalBytes * layout.rowsPerByte * 1.05 + 1);
    const delimiter = layout.delimiter;
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
  }

  private feed(chunk: Uint8Array): void {
    // A row has at least one byte per field (delimiters and newline included): room for every row a
    // piece and the held-over bytes can hold, before the one-pass rows write into the columns. In
    // pieces, because that bound is loose (16 columns of ~6 bytes: 6× the rows): Chromium hands a
    // worker 1.5 MB chunks, and room for one whole chunk outgrew a half-file's columns near their
    // end, doubling and copying every one of them (0.44 s of a 1M-row read's second half).
    for (let at = 0; at < chunk.length; at += FEED_BYTES) {
      const piece = chunk.subarray(at, Math.min(chunk.length, at + FEED_BYTES));
      this.builder!.reserveRows(Math.ceil((piece.length + this.tokenizer!.pendingBytes) / this.width) + 1);
      this.tokenizer!.push(piece);
    }
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
  await pushAll(stream, reader);
  return reader.end();
}

/**
 * Push every chunk of a stream into a reader. The next chunk is asked for before this one is parsed,
 * so the file is read (on another thread, by the browser or libuv) while this thread parses: waiting
 * for each 64 KB chunk in turn left the parser idle for about a quarter of a 1M-row read.
 */
export async function pushAll(stream: ReadableStream<Uint8Array>, reader: DelimitedReader): Promise<void> {
  const chunks = stream.getReader();
  let next = chunks.read();
  for (;;) {
    const { done, value } = await next;
    if (done) return;
    next = chunks.read();
    reader.push(value);
  }
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
