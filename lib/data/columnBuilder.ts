import type { Column } from './table';

/** FNV-1a, the hash of a text field's bytes for its dictionary lookup. */
export const FNV_OFFSET = 0x811c9dc5;
export const FNV_PRIME = 0x01000193;

const MISSING_TOKENS = new Set(['', 'na', 'nan', 'null', 'none', 'n/a']);
const INFINITY_TOKEN = /^[+-]?inf(inity)?$/i;

/** True for cells that mean "no value". */
export function isMissingToken(cell: string): boolean {
  return MISSING_TOKENS.has(cell.trim().toLowerCase());
}

/**
 * One column being filled row by row. It stays numeric (a growable Float64Array plus a missing
 * mask) until a cell is not a number; then it becomes dictionary-encoded text. Numbers seen before
 * the switch keep their numeric spelling ("007" read as 7 becomes "7"), a documented limitation.
 */
export class ColumnBuilder {
  kind: 'number' | 'string' = 'number';
  length = 0;
  // values and codes are written directly by the row fast path (lib/data/fastRows.ts), after TableBuilder.reserveRows.
  values: Float64Array;
  private missing: Uint8Array;
  codes = new Int32Array(0);
  private dictionary: string[] = [];
  private index = new Map<string, number>();
  private byteIndex = new Map<number, number>();
  private dictBytes: Uint8Array[] = [];
  private chain: number[] = [];

  constructor(
    readonly name: string,
    capacity = 1024,
  ) {
    this.values = new Float64Array(capacity);
    this.missing = new Uint8Array(capacity);
  }

  /** Numbers that were infinite or out of float range (inf, -Infinity, 1e309): kept as missing. */
  nonFinite = 0;
  /** A text column that was numeric first, with numbers in it (they became text as String(value)). */
  private textFromNumbers = false;

  /** Some cell was read as a number (or an infinity): its spelling ("1.50", "007") is gone. */
  get readNumbers(): boolean {
    if (this.kind === 'string') return this.textFromNumbers;
    if (this.nonFinite > 0) return true;
    for (let i = 0; i < this.length; i++) if (this.missing[i] === 0) return true;
    return false;
  }

  /**
   * Whether appending `next` (the same column read from a later part of the file) gives what
   * reading on would have. Not when this column is text and `next` read numbers: reading on, they
   * would have kept their spelling as text. Every other case matches: a numeric column meeting
   * text becomes text with String(value) of its numbers, as it would have at its first text cell.
   */
  canAppend(next: Column, nextReadNumbers: boolean): boolean {
    return next.name === this.name && !(this.kind === 'string' && nextReadNumbers);
  }

  /** Append a later part's cells (after canAppend), text codes renumbered into this dictionary. */
  append(next: Column, nextNonFinite: number): void {
    const n = next.kind === 'number' ? next.values.length : next.codes.length;
    if (next.kind === 'string' && this.kind === 'number') this.toStrings();
    this.reserve(this.length + n);
    if (this.kind === 'number' && next.kind === 'number') {
      this.values.set(next.values, this.length);
      this.missing.set(next.missing, this.length);
      this.nonFinite += nextNonFinite;
    } else if (next.kind === 'string') {
      const codes = next.dictionary.map((text) => this.codeOf(text));
      for (let i = 0; i < n; i++) {
        const code = next.codes[i];
        this.codes[this.length + i] = code < 0 ? -1 : codes[code];
      }
    } else this.codes.fill(-1, this.length, this.length + n); // numbers in a text column: only missing ones (canAppend)
    this.length += n;
  }

  push(raw: string | number | boolean | null | undefined): void {
    this.reserve(this.length + 1);
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
      // An infinite number in a numeric column is a number nothing can use (a ratio over zero, an
      // overflow): it becomes missing, counted in the table's warnings, and the column stays numeric.
      if (n === Infinity || n === -Infinity || INFINITY_TOKEN.test(text)) {
        this.nonFinite++;
        return this.push(null);
      }
      this.toStrings();
    }
    this.codes[this.length++] = this.codeOf(text);
  }

  /** Add one field straight from CSV bytes: numbers are parsed and repeated text is found without making a string. */
  pushBytes(bytes: Uint8Array, start: number, end: number, quoted: boolean): void {
    // Trim spaces and tabs around unquoted fields (" 42" is 42).
    if (!quoted) {
      while (start < end && (bytes[start] === 0x20 || bytes[start] === 0x09)) start++;
      while (end > start && (bytes[end - 1] === 0x20 || bytes[end - 1] === 0x09)) end--;
    }
    if (start === end) return this.push(null);
    if (this.kind === 'number' && !quoted) {
      const v = parseDecimal(bytes, start, end);
      if (v === Infinity || v === -Infinity) {
        this.nonFinite++;
        return this.push(null);
      }
      if (!Number.isNaN(v)) {
        if (this.length >= this.values.length) this.reserve(this.length + 1);
        this.values[this.length++] = v;
        return;
      }
    }
    // Every missing token (na, nan, null, none, n/a) starts with n: only those few fields are decoded to check.
    if (end - start <= 4 && (bytes[start] | 0x20) === 0x6e && isMissingToken(decodeField(bytes, start, end, quoted))) return this.push(null);
    if (this.kind === 'string' && !(quoted && hasEscapedQuote(bytes, start, end))) {
      if (this.length >= this.codes.length) this.reserve(this.length + 1);
      this.codes[this.length++] = this.codeOfBytes(bytes, start, end);
      return;
    }
    this.push(decodeField(bytes, start, end, quoted));
  }

  /**
   * Dictionary code of a field given as bytes: FNV-1a hash, then a byte comparison along the
   * chain of codes with that hash. Only a value seen for the first time is decoded to a string.
   */
  private codeOfBytes(bytes: Uint8Array, start: number, end: number): number {
    let h = FNV_OFFSET;
    for (let i = start; i < end; i++) h = Math.imul(h ^ bytes[i], FNV_PRIME);
    const known = this.knownCode(bytes, start, end, h);
    if (known >= 0) return known;
    const text = decodeField(bytes, start, end, false);
    const found = this.codeOf(text);
    if (!this.dictBytes[found]) {
      this.dictBytes[found] = bytes.slice(start, end);
      this.chain[found] = this.byteIndex.get(h) ?? -1;
      this.byteIndex.set(h, found);
    }
    return found;
  }

  /**
   * The code of a value already seen as these bytes (h: their FNV-1a hash), or -1. The fast path
   * (lib/data/fastRows.ts) only looks up: a row it gives up on must leave the dictionary untouched.
   */
  knownCode(bytes: Uint8Array, start: number, end: number, h: number): number {
    let code = this.byteIndex.get(h);
    while (code !== undefined && code >= 0) {
      const known = this.dictBytes[code];
      if (known && known.length === end - start && sameBytes(known, bytes, start)) return code;
      code = this.chain[code];
    }
    return -1;
  }

  finish(): Column {
    if (this.kind === 'number') return { kind: 'number', name: this.name, values: this.values.subarray(0, this.length), missing: this.missing.subarray(0, this.length) };
    return { kind: 'string', name: this.name, codes: this.codes.subarray(0, this.length), dictionary: this.dictionary };
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
    this.textFromNumbers = this.readNumbers;
    this.kind = 'string';
    this.codes = new Int32Array(this.values.length);
    for (let i = 0; i < this.length; i++) this.codes[i] = this.missing[i] ? -1 : this.codeOf(String(this.values[i]));
    this.values = new Float64Array(0);
    this.missing = new Uint8Array(0);
  }

  /**
   * Write over the room past the values (its content is never read): memory is mapped on first
   * write, and on this machine's VM that costs about 3 ms per MB — 100–280 ms for the 67 MB a 1M-row
   * file's second half is appended into. Done while waiting for that half, it is off the clock.
   */
  touchSpare(): void {
    if (this.kind === 'number') {
      this.values.fill(0, this.length);
      this.missing.fill(0, this.length);
    } else this.codes.fill(-1, this.length);
  }

  /** Room for n values (the fast path writes values[length] / codes[length] before it commits a row). */
  reserve(n: number): void {
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

export const POW10 = Array.from({ length: 23 }, (_, k) => Math.pow(10, k));

/**
 * Parse a plain decimal ("-12", "35.5", "0.0073") from bytes; NaN for anything else, which then
 * takes the general path (Number() on the text). Dividing an exact integer mantissa by an exact
 * power of ten is correctly rounded, so the result equals Number(text).
 */
export function parseDecimal(bytes: Uint8Array, start: number, end: number): number {
  let i = start;
  let negative = false;
  if (bytes[i] === 0x2d || bytes[i] === 0x2b) {
    negative = bytes[i] === 0x2d;
    i++;
  }
  let mantissa = 0;
  let digits = 0;
  let decimals = 0;
  let seenDot = false;
  for (; i < end; i++) {
    const c = bytes[i];
    if (c >= 0x30 && c <= 0x39) {
      mantissa = mantissa * 10 + (c - 0x30);
      digits++;
      if (seenDot) decimals++;
    } else if (c === 0x2e && !seenDot) seenDot = true;
    else return NaN;
  }
  if (digits === 0 || digits > 15 || decimals > 22) return NaN;
  const v = decimals ? mantissa / POW10[decimals] : mantissa;
  return negative ? -v : v;
}

const utf8 = new TextDecoder();

/** The text of a field; quoted fields have their "" escapes undone. */
function decodeField(bytes: Uint8Array, start: number, end: number, quoted: boolean): string {
  let ascii = true;
  for (let i = start; i < end; i++) if (bytes[i] > 0x7f) ascii = false;
  let text: string;
  if (ascii && end - start < 64) {
    text = '';
    for (let i = start; i < end; i++) text += String.fromCharCode(bytes[i]);
  } else text = utf8.decode(bytes.subarray(start, end));
  return quoted && text.includes('""') ? text.replace(/""/g, '"') : text;
}

function sameBytes(known: Uint8Array, bytes: Uint8Array, start: number): boolean {
  for (let k = 0; k < known.length; k++) if (known[k] !== bytes[start + k]) return false;
  return true;
}

function hasEscapedQuote(bytes: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (bytes[i] === 0x22) return true;
  return false;
}
