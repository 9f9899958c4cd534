import Papa from 'papaparse';
import { DataError } from './errors';
import type { Column, Table } from './table';

const MISSING_TOKENS = new Set(['', 'na', 'nan', 'null', 'none', 'n/a']);
/** A few ragged lines (a trailing partial line, a stray footer) are tolerated; more means a wrong format. */
const MAX_RAGGED_SHARE = 0.01;

/**
 * Parse delimited text (CSV, TSV, `;` or `|` separated) into a columnar Table.
 * The delimiter is sniffed; a header row is detected (see looksLikeHeader).
 * Throws DataError with a hint for anything that cannot become a table.
 */
export function parseDelimited(text: string, source: string): Table {
  if (text.trim().length === 0) {
    throw new DataError('empty-file', `${source} is empty.`, 'Choose a CSV or TSV file with a header row and at least one data row.');
  }
  if (looksBinary(text)) {
    throw new DataError('binary-file', `${source} is not a text file (it contains binary bytes).`, 'Export the data as CSV or TSV (comma- or tab-separated text) and load that file.');
  }
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), {
    header: false,
    skipEmptyLines: 'greedy',
    delimitersToGuess: ['\t', ',', ';', '|'],
  });
  const rows = parsed.data;
  if (rows.length === 0) throw new DataError('no-rows', `${source} has no rows.`, 'Check that the file is not empty.');
  const width = rows[0].length;
  if (width < 2) {
    throw new DataError('too-few-columns', `${source} has only one column, so no delimiter was found.`, 'Use commas, tabs, semicolons or | between fields, with at least one action column and one feature column.');
  }
  const hasHeader = looksLikeHeader(rows);
  const body = hasHeader ? rows.slice(1) : rows;
  if (body.length === 0) {
    throw new DataError('no-rows', `${source} has a header row but no data rows.`, 'Add at least one row of data under the header.');
  }
  const ragged = countRagged(body, width);
  if (ragged.count > Math.max(1, body.length * MAX_RAGGED_SHARE)) {
    throw new DataError(
      'ragged-rows',
      `${source}: ${ragged.count} of ${body.length} rows do not have ${width} fields (first at data row ${ragged.first + 1}, which has ${body[ragged.first].length}).`,
      'Check the delimiter and quoting: every row needs the same number of fields as the header. Fields containing the delimiter must be quoted.',
    );
  }
  const good = ragged.count === 0 ? body : body.filter((r) => r.length === width);
  const names = hasHeader ? uniqueNames(rows[0]) : rows[0].map((_, i) => `col_${i + 1}`);
  const columns = names.map((name, c) => buildColumn(name, good, c));
  return { source, rowCount: good.length, columns };
}

function looksBinary(text: string): boolean {
  const head = text.slice(0, 4096);
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
  const sample = rows.slice(1, 51);
  return first.some((cell, c) => !isNumeric(cell) && sample.length > 0 && sample.every((r) => isNumeric(r[c] ?? '')));
}

function uniqueNames(header: string[]): string[] {
  const seen = new Map<string, number>();
  return header.map((raw, i) => {
    const base = raw.trim() || `col_${i + 1}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return n === 0 ? base : `${base}_${n + 1}`;
  });
}

function countRagged(body: string[][], width: number): { count: number; first: number } {
  let count = 0;
  let first = -1;
  for (let i = 0; i < body.length; i++) {
    if (body[i].length !== width) {
      count++;
      if (first < 0) first = i;
    }
  }
  return { count, first };
}

function buildColumn(name: string, rows: string[][], c: number): Column {
  const n = rows.length;
  let numeric = true;
  for (let i = 0; i < n && numeric; i++) {
    const cell = rows[i][c];
    if (!MISSING_TOKENS.has(cell.trim().toLowerCase()) && !isNumeric(cell)) numeric = false;
  }
  if (numeric) {
    const values = new Float64Array(n);
    const missing = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const cell = rows[i][c].trim();
      if (MISSING_TOKENS.has(cell.toLowerCase())) {
        values[i] = NaN;
        missing[i] = 1;
      } else values[i] = Number(cell);
    }
    return { kind: 'number', name, values, missing };
  }
  const codes = new Int32Array(n);
  const dictionary: string[] = [];
  const index = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const cell = rows[i][c].trim();
    if (MISSING_TOKENS.has(cell.toLowerCase())) {
      codes[i] = -1;
      continue;
    }
    let code = index.get(cell);
    if (code === undefined) {
      code = dictionary.length;
      dictionary.push(cell);
      index.set(cell, code);
    }
    codes[i] = code;
  }
  return { kind: 'string', name, codes, dictionary };
}
