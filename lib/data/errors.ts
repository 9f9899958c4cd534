/** Codes for every way loading data can fail; the UI shows `message` and `hint`. */
export type DataErrorCode =
  | 'empty-file'
  | 'no-rows'
  | 'binary-file'
  | 'ragged-rows'
  | 'unterminated-quote'
  | 'unsupported-format'
  | 'too-few-columns'
  | 'too-many-columns'
  | 'not-records'
  | 'invalid-json'
  | 'corrupt-gzip'
  | 'corrupt-parquet'
  | 'wrong-encoding'
  | 'cancelled'
  | 'too-large'
  | 'read-failed';

/** A user-facing failure while reading data: what went wrong and what to do about it. */
export class DataError extends Error {
  readonly code: DataErrorCode;
  readonly hint: string;
  constructor(code: DataErrorCode, message: string, hint: string) {
    super(message);
    this.name = 'DataError';
    this.code = code;
    this.hint = hint;
  }
}

/** Plain form of a DataError that survives postMessage and JSON. */
export interface DataErrorInfo {
  code: DataErrorCode;
  message: string;
  hint: string;
}

export function toDataErrorInfo(err: unknown): DataErrorInfo {
  if (err instanceof DataError) return { code: err.code, message: err.message, hint: err.hint };
  const message = err instanceof Error ? err.message : String(err);
  return { code: 'read-failed', message: `The file could not be read: ${message}`, hint: 'Check that it is a CSV or TSV text file and try again.' };
}

/**
 * The most columns a table may have. An impression log has tens of columns; a file with thousands is a
 * feature matrix or a transposed export, and its profile, preview and role table would freeze the page.
 */
export const MAX_COLUMNS = 2048;

export function checkColumnCount(count: number, source: string): void {
  if (count > MAX_COLUMNS) {
    throw new DataError('too-many-columns', `${source} has ${count.toLocaleString('en-US')} columns, more than the ${MAX_COLUMNS.toLocaleString('en-US')} Value Lab reads.`, 'Export only the columns the model needs (user and item ids, actions, features), or transpose the file if its rows are columns.');
  }
}
