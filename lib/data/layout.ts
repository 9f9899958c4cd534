import Papa from 'papaparse';
import { uniqueNames } from './builder';
import { checkColumnCount, DataError } from './errors';

const HEADER_SNIFF_ROWS = 51;

export type HeaderMode = 'auto' | 'yes' | 'no';

/**
 * What the first bytes of a delimited file decide for the whole of it: the delimiter, the columns'
 * names, whether the first row is a header. Plain data, so a worker parsing a later part of the
 * file (lib/data/parallelParse.ts) reads it exactly as the first part is read.
 */
export interface DelimitedLayout {
  delimiter: number;
  names: string[];
  /** The first row is a header (skipped as data). */
  hasHeader: boolean;
  /** Header cells that were empty or repeated, and what they were renamed to. */
  renamed: string[];
  /** Rows per byte in the sample: sizes the columns before they fill (with 5% to spare). */
  rowsPerByte: number;
}

/**
 * Decide the layout from the head of the file (BOM removed). `atEnd`: the head is the whole file;
 * otherwise only its complete lines are looked at. The delimiter is papaparse's guess.
 */
export function sniffLayout(head: Uint8Array, atEnd: boolean, source: string, header: HeaderMode = 'auto'): DelimitedLayout {
  let text = new TextDecoder().decode(head);
  if (!atEnd) text = text.slice(0, Math.max(0, text.lastIndexOf('\n')));
  const sniffed = Papa.parse<string[]>(text, { header: false, skipEmptyLines: 'greedy', preview: HEADER_SNIFF_ROWS, delimitersToGuess: ['\t', ',', ';', '|'] });
  const rows = sniffed.data;
  if (rows.length === 0) throw new DataError('no-rows', `${source} has no rows.`, 'Check that the file is not empty.');
  const width = rows[0].length;
  checkColumnCount(width, source);
  if (width < 2) {
    throw new DataError('too-few-columns', `${source} has only one column, so no delimiter was found.`, 'Use commas, tabs, semicolons or | between fields, with at least one action column and one feature column.');
  }
  const hasHeader = header === 'yes' || (header === 'auto' && looksLikeHeader(rows));
  const names = hasHeader ? uniqueNames(rows[0]) : rows[0].map((_, i) => `col_${i + 1}`);
  const renamed = !hasHeader
    ? []
    : names.flatMap((n, i) => {
        const raw = rows[0][i].trim();
        return n === raw ? [] : [raw ? `"${raw}" → ${n}` : `column ${i + 1} (no name) → ${n}`];
      });
  let lines = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
  return { delimiter: sniffed.meta.delimiter.charCodeAt(0), names, hasHeader, renamed, rowsPerByte: lines / Math.max(1, text.length) };
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
