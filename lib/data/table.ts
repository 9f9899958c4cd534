/**
 * The columnar table every stage reads: typed arrays, no row objects.
 * Plain data, so it can be structured-cloned into the training worker.
 */

/** A numeric column; `missing[i] === 1` marks an empty or unparsable cell (value is NaN there). */
export interface NumericColumn {
  kind: 'number';
  name: string;
  values: Float64Array;
  missing: Uint8Array;
}

/** A text column stored dictionary-encoded; code -1 marks a missing cell. */
export interface StringColumn {
  kind: 'string';
  name: string;
  codes: Int32Array;
  dictionary: string[];
}

export type Column = NumericColumn | StringColumn;

export interface Table {
  /** Where the rows came from (file name or "sample"), shown in the UI. */
  source: string;
  rowCount: number;
  columns: Column[];
  /** Things the person should know about how the file was read (skipped rows, no header…). */
  warnings?: string[];
  /** True per-row probability of each action, known only for generated data. */
  truth?: Record<string, Float32Array>;
  /**
   * Which loaded dataset these rows are (set when a table is accepted; kept by derived actions and
   * joins, which keep the rows): runs are compared only with runs of the same dataset.
   */
  datasetId?: string;
}

/** True when two tables hold the same loaded rows (the same dataset, whatever was derived or joined since). */
export function sameDataset(a: Table, b: Table): boolean {
  return a.datasetId !== undefined && a.datasetId === b.datasetId;
}

/** Look up a column by name; throws if it does not exist (a programming error, not user input). */
export function getColumn(table: Table, name: string): Column {
  const col = table.columns.find((c) => c.name === name);
  if (!col) throw new Error(`column "${name}" is not in table ${table.source}`);
  return col;
}

/** The display text of one cell ('' for missing). */
export function cellText(col: Column, row: number): string {
  if (col.kind === 'number') return col.missing[row] ? '' : formatNumber(col.values[row]);
  const code = col.codes[row];
  return code < 0 ? '' : col.dictionary[code];
}

function formatNumber(v: number): string {
  return Number.isInteger(v) ? String(v) : String(Math.round(v * 1e6) / 1e6);
}

/** Spellings of a positive and a negative label in text columns. */
export const POSITIVE_TOKENS: ReadonlySet<string> = new Set(['1', 'yes', 'y', 'true', 't', 'positive', 'pos']);
export const NEGATIVE_TOKENS: ReadonlySet<string> = new Set(['0', 'no', 'n', 'false', 'f', 'negative', 'neg', '-1']);

export function isPositiveToken(text: string): boolean {
  return POSITIVE_TOKENS.has(text.trim().toLowerCase());
}

/** A label column as 0/1: numbers above 0 (so 0/1 and −1/1 both work) or positive words (yes, true…). */
export function binaryValues(col: Column): Uint8Array {
  const out = new Uint8Array(col.kind === 'number' ? col.values.length : col.codes.length);
  if (col.kind === 'number') {
    for (let i = 0; i < out.length; i++) out[i] = !col.missing[i] && col.values[i] > 0 ? 1 : 0;
    return out;
  }
  const positive = col.dictionary.map(isPositiveToken);
  for (let i = 0; i < out.length; i++) out[i] = col.codes[i] >= 0 && positive[col.codes[i]] ? 1 : 0;
  return out;
}

/** Where a label column has no value (missing number or missing text). */
export function missingMask(col: Column): Uint8Array {
  return col.kind === 'number' ? col.missing : Uint8Array.from(col.codes, (c) => (c < 0 ? 1 : 0));
}

/** Group key per row for a column (numeric value or dictionary code), used to group slates by user. */
export function groupKeys(col: Column): Float64Array {
  if (col.kind === 'number') return col.values;
  return Float64Array.from(col.codes);
}
