/** Codes for every way loading data can fail; the UI shows `message` and `hint`. */
export type DataErrorCode =
  | 'empty-file'
  | 'no-rows'
  | 'binary-file'
  | 'ragged-rows'
  | 'unterminated-quote'
  | 'unsupported-format'
  | 'too-few-columns'
  | 'no-actions'
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
