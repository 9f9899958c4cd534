import Papa from 'papaparse';
import { TableBuilder, uniqueNames } from './builder';
import { DataError } from './errors';
import type { Table } from './table';

/** A few ragged lines (a trailing partial line, a stray footer) are skipped with a warning; more means a wrong format. */
const MAX_RAGGED_SHARE = 0.01;
const HEADER_SNIFF_ROWS = 51;

export type HeaderMode = 'auto' | 'yes' | 'no';

export interface ParseProgress {
  rows: number;
  /** Bytes of input consumed so far, and in total (after decompression). */
  bytes: number;
  totalBytes: number;
}

export interface DelimitedOptions {
  header?: HeaderMode;
  onProgress?(progress: ParseProgress): void;
}

/**
 * Receives parsed rows chunk by chunk and builds the table column by column, so the rows
 * themselves are never all held at once. Shared by the synchronous string parser (tests) and the
 * streaming worker parser (files).
 */
export function createDelimitedSink(source: string, totalBytes: number, options: DelimitedOptions = {}) {
  let builder: TableBuilder | null = null;
  let width = 0;
  let ragged = 0;
  let firstRagged = -1;
  let dataRows = 0;
  let headerRow: string[] | null = null;
  let renamed: string[] = [];

  const start = (rows: string[][]) => {
    width = rows[0].length;
    if (width < 2) {
      throw new DataError('too-few-columns', `${source} has only one column, so no delimiter was found.`, 'Use commas, tabs, semicolons or | between fields, with at least one action column and one feature column.');
    }
    const mode = options.header ?? 'auto';
    const hasHeader = mode === 'yes' || (mode === 'auto' && looksLikeHeader(rows.slice(0, HEADER_SNIFF_ROWS)));
    headerRow = hasHeader ? rows[0] : null;
    const names = hasHeader ? uniqueNames(rows[0]) : rows[0].map((_, i) => `col_${i + 1}`);
    if (hasHeader) {
      renamed = names.flatMap((n, i) => {
        const raw = rows[0][i].trim();
        return n === raw ? [] : [raw ? `"${raw}" → ${n}` : `column ${i + 1} (no name) → ${n}`];
      });
    }
    builder = new TableBuilder(names);
    return hasHeader ? rows.slice(1) : rows;
  };

  return {
    onRows(rows: string[][], bytes: number, errors: Papa.ParseError[] = []) {
      const quote = errors.find((e) => e.code === 'MissingQuotes');
      if (quote) {
        throw new DataError(
          'unterminated-quote',
          `${source}: a quoted field starting on data row ${dataRows + (quote.row ?? 0) + (builder ? 1 : 0)} is never closed, so the rest of the file would become one cell.`,
          'Close the quote ("…") in that row, or double any quote inside a quoted field ("").',
        );
      }
      if (rows.length === 0) return;
      const body = builder ? rows : start(rows);
      const b = builder!;
      for (const row of body) {
        if (row.length !== width) {
          ragged++;
          if (firstRagged < 0) firstRagged = dataRows + 1;
        } else b.addRow(row);
        dataRows++;
      }
      options.onProgress?.({ rows: b.rowCount, bytes, totalBytes });
    },
    finish(): Table {
      if (!builder) throw new DataError('no-rows', `${source} has no rows.`, 'Check that the file is not empty.');
      if (dataRows === 0) throw new DataError('no-rows', `${source} has a header row but no data rows.`, 'Add at least one row of data under the header.');
      if (ragged > Math.max(1, dataRows * MAX_RAGGED_SHARE)) {
        throw new DataError(
          'ragged-rows',
          `${source}: ${ragged} of ${dataRows} rows do not have ${width} fields (first at data row ${firstRagged}).`,
          'Check the delimiter and quoting: every row needs as many fields as the header. Fields containing the delimiter must be quoted, and every quote closed.',
        );
      }
      const table = (builder as TableBuilder).finish(source);
      const warnings: string[] = [];
      if (ragged > 0) warnings.push(`${ragged} row(s) with a wrong number of fields were skipped (first at data row ${firstRagged}).`);
      if (renamed.length) warnings.push(`Empty or repeated column names were renamed: ${renamed.join(', ')}.`);
      if (headerRow === null) warnings.push('No header row was detected; columns are named col_1, col_2… (change "Header row" if that is wrong).');
      return warnings.length ? { ...table, warnings } : table;
    },
  };
}

const PAPA_CONFIG = { header: false as const, skipEmptyLines: 'greedy' as const, delimitersToGuess: ['\t', ',', ';', '|'] };

/**
 * Parse delimited text (CSV, TSV, `;` or `|` separated) into a columnar Table, synchronously.
 * Throws DataError with a hint for anything that cannot become a table.
 */
export function parseDelimited(text: string, source: string, options: DelimitedOptions = {}): Table {
  checkText(text.slice(0, 4096), source, text.trim().length === 0);
  const sink = createDelimitedSink(source, text.length, options);
  let failure: unknown = null;
  Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), {
    ...PAPA_CONFIG,
    chunkSize: 1 << 20,
    complete: () => undefined,
    chunk: (results: Papa.ParseResult<string[]>, parser: Papa.Parser) => {
      try {
        sink.onRows(results.data, results.meta.cursor, results.errors);
      } catch (err) {
        failure = err;
        parser.abort();
      }
    },
  });
  if (failure) throw failure;
  return sink.finish();
}

/**
 * Parse a Blob of delimited text in chunks (papaparse streams Blobs; in a worker it reads them
 * synchronously, so memory holds one chunk of rows at a time).
 */
export function parseDelimitedBlob(blob: Blob, source: string, options: DelimitedOptions = {}): Promise<Table> {
  const sink = createDelimitedSink(source, blob.size, options);
  return new Promise((resolve, reject) => {
    let failed = false;
    Papa.parse<string[]>(blob as File, {
      ...PAPA_CONFIG,
      chunkSize: 4 << 20,
      beforeFirstChunk: (chunk) => chunk.replace(/^\uFEFF/, ''),
      chunk: (results: Papa.ParseResult<string[]>, parser: Papa.Parser) => {
        try {
          sink.onRows(results.data, results.meta.cursor, results.errors);
        } catch (err) {
          failed = true;
          parser.abort();
          reject(err);
        }
      },
      complete: () => {
        if (failed) return;
        try {
          resolve(sink.finish());
        } catch (err) {
          reject(err);
        }
      },
      error: (err: Error) => reject(new DataError('read-failed', `${source} could not be read: ${err.message}.`, 'Check that the file is still there and readable, then load it again.')),
    });
  });
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
