import { FNV_OFFSET, FNV_PRIME, POW10, type ColumnBuilder } from './columnBuilder';

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const TAB = 0x09;
const DOT = 0x2e;
const MINUS = 0x2d;
const PLUS = 0x2b;

/**
 * The common row in one pass: every field unquoted, plain, and of its column's current kind — a
 * decimal number in a numeric column, non-empty text in a text column — ending in LF or CRLF. The
 * number is parsed and the text hashed while the delimiter is searched for, so each byte is read
 * once (the general path tokenizes the row, then reads every field again to type it: about twice
 * the time on a numeric CSV).
 *
 * Every column must have room for one more value (TableBuilder.reserveRows, once per chunk: a
 * capacity check per field was a tenth of this function). Returns the offset after the row's newline,
 * with the row added to `columns`; or -1, with nothing added, for any row that needs the general path (lib/data/csvTokenizer.ts then
 * ColumnBuilder.pushBytes): quotes, blanks, missing tokens, spaces to trim, exponents, more than
 * 15 digits, a number in a text column's place or text in a number's, a text value not seen before
 * (only the general path adds to a dictionary, so a row given up on leaves none behind), a wrong
 * field count, or a row cut by the end of the chunk. That path gives the same values; this one only skips work.
 */
export function parseRowFast(columns: readonly ColumnBuilder[], delimiter: number, bytes: Uint8Array, start: number, n: number): number {
  const width = columns.length;
  let j = start;
  for (let c = 0; c < width; c++) {
    const column = columns[c];
    const last = c === width - 1;
    let b = 0;
    const fieldStart = j;
    if (column.kind === 'number') {
      let negative = false;
      if (j < n && (bytes[j] === MINUS || bytes[j] === PLUS)) negative = bytes[j++] === MINUS;
      // Digits and at most one dot; the counts come from positions, so the loop only accumulates.
      const numberStart = j;
      let dot = -1;
      let mantissa = 0;
      while (j < n) {
        b = bytes[j];
        const digit = b - 0x30;
        if (digit >= 0 && digit <= 9) mantissa = mantissa * 10 + digit;
        else if (b === DOT && dot < 0) dot = j;
        else break;
        j++;
      }
      if (j >= n) return -1;
      const digits = j - numberStart - (dot >= 0 ? 1 : 0);
      const decimals = dot >= 0 ? j - dot - 1 : 0;
      if (digits === 0 || digits > 15) return -1; // as parseDecimal: beyond 15 digits the mantissa is not exact
      const value = decimals > 0 ? mantissa / POW10[decimals] : mantissa;
      column.values[column.length] = negative ? -value : value;
    } else {
      if (j >= n || bytes[j] === QUOTE) return -1;
      let h = FNV_OFFSET;
      for (;;) {
        if (j >= n) return -1;
        b = bytes[j];
        if (b === delimiter || b === LF || b === CR) break;
        h = Math.imul(h ^ b, FNV_PRIME);
        j++;
      }
      const length = j - fieldStart;
      if (length === 0) return -1; // missing
      const first = bytes[fieldStart];
      const end = bytes[j - 1];
      if (first === SPACE || first === TAB || end === SPACE || end === TAB) return -1; // trimmed by the general path
      if (length <= 4 && (first | 0x20) === 0x6e) return -1; // na, nan, null, none, n/a: maybe missing
      const code = column.knownCode(bytes, fieldStart, j, h);
      if (code < 0) return -1; // a new value: the general path adds it to the dictionary
      column.codes[column.length] = code;
    }
    if (!last) {
      if (b !== delimiter) return -1;
      j++;
    } else if (b === LF) return commit(columns, j + 1);
    else if (b === CR && j + 1 < n && bytes[j + 1] === LF) return commit(columns, j + 2);
    else return -1;
  }
  return -1;
}

/** Every field of the row was written at its column's length: count it in. */
function commit(columns: readonly ColumnBuilder[], next: number): number {
  for (let c = 0; c < columns.length; c++) columns[c].length++;
  return next;
}
