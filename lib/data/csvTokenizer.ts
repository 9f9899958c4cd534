/**
 * A byte-level CSV tokenizer (RFC 4180: quoted fields, "" escapes, embedded delimiters and
 * newlines, CRLF). It reports each complete row as field ranges into a byte buffer, so no string is
 * made for a field unless its column needs one. Chunks may split rows anywhere: the unfinished row
 * is carried into the next chunk.
 */
export interface RowSink {
  /** One row: field i spans bytes[starts[i], ends[i]); quoted[i] = 1 when it was in quotes ("" still escaped). */
  row(bytes: Uint8Array, starts: Int32Array, ends: Int32Array, quoted: Uint8Array, count: number): void;
  /**
   * Optional: take the whole row starting at bytes[start] in one pass and return the offset after
   * its newline, or -1 to have it tokenized field by field (lib/data/fastRows.ts).
   */
  fastRow?(bytes: Uint8Array, start: number, n: number): number;
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const MAX_FIELDS = 1 << 20;

export class CsvTokenizer {
  private carry: Uint8Array = new Uint8Array(0);
  private starts: Int32Array = new Int32Array(64);
  private ends: Int32Array = new Int32Array(64);
  private quoted: Uint8Array = new Uint8Array(64);
  /** Rows emitted so far (for error messages). */
  rows = 0;

  constructor(
    private readonly delimiter: number,
    private readonly sink: RowSink,
  ) {}

  /** Bytes of an unfinished row held over from the last chunk. */
  get pendingBytes(): number {
    return this.carry.length;
  }

  /** Feed the next chunk of bytes. */
  push(chunk: Uint8Array): void {
    let bytes = chunk;
    if (this.carry.length) {
      // Finish the held-over row with the chunk's bytes up to its first newline; the rest of the chunk
      // is then scanned where it lies. Joining the whole chunk to the carry copied every byte of the
      // file once more. A row that goes on past that newline (a quoted line break) is joined whole.
      const newline = chunk.indexOf(LF);
      const head = newline >= 0 ? concat(this.carry, chunk.subarray(0, newline + 1)) : null;
      const done = head ? this.scan(head, false) : 0;
      if (head && done === head.length) bytes = chunk.subarray(newline + 1);
      else bytes = concat(this.carry, chunk).subarray(done); // rows the head completed (lone CRs) are not read twice
    }
    const consumed = this.scan(bytes, false);
    this.carry = bytes.slice(consumed);
  }

  /** Finish: the last row may lack a newline. Throws if a quote was left open. */
  end(): void {
    if (this.carry.length === 0) return;
    const consumed = this.scan(this.carry, true);
    if (consumed < this.carry.length) throw new UnterminatedQuoteError(this.rows + 1);
    this.carry = new Uint8Array(0);
  }

  /** Emit every complete row in `bytes`; returns how many bytes were consumed. */
  private scan(bytes: Uint8Array, atEnd: boolean): number {
    const n = bytes.length;
    const d = this.delimiter;
    let rowStart = 0;
    let i = 0;
    let count = 0;
    let fieldStart = 0;
    const fast = this.sink.fastRow ? this.sink.fastRow.bind(this.sink) : null;
    while (i <= n) {
      if (fast !== null && count === 0 && i === rowStart && i < n) {
        const next = fast(bytes, i, n);
        if (next >= 0) {
          this.rows++;
          i = rowStart = fieldStart = next;
          continue;
        }
      }
      if (i === n) {
        // End of buffer: a final unterminated row is only complete at the end of input.
        if (atEnd && (count > 0 || i > rowStart)) {
          this.field(count++, fieldStart, i, 0);
          this.emit(bytes, count);
          return n;
        }
        return rowStart;
      }
      if (i === fieldStart && bytes[i] === QUOTE) {
        // Quoted field: find the closing quote that is not part of a "" pair.
        let j = i + 1;
        for (;;) {
          while (j < n && bytes[j] !== QUOTE) j++;
          if (j >= n) return rowStart; // quote still open: wait for more bytes (end() reports it if none come)
          if (j + 1 < n && bytes[j + 1] === QUOTE) {
            j += 2;
            continue;
          }
          if (j + 1 === n && !atEnd) return rowStart; // cannot tell "" from " at the chunk edge yet
          break;
        }
        this.field(count, i + 1, j, 1);
        i = j + 1;
        // Skip anything between the closing quote and the delimiter (lenient, like papaparse).
        while (i < n && bytes[i] !== d && bytes[i] !== LF && bytes[i] !== CR) i++;
        if (i === n) {
          if (!atEnd) return rowStart;
          count++;
          this.emit(bytes, count);
          return n;
        }
        count++;
        if (bytes[i] === d) {
          i++;
          fieldStart = i;
          continue;
        }
      } else {
        while (i < n && bytes[i] !== d && bytes[i] !== LF && bytes[i] !== CR) i++;
        if (i === n) continue;
        this.field(count++, fieldStart, i, 0);
        if (bytes[i] === d) {
          i++;
          fieldStart = i;
          continue;
        }
      }
      // Newline (LF, CRLF or lone CR) ends the row; blank lines are skipped.
      if (bytes[i] === CR && i + 1 < n && bytes[i + 1] === LF) i++;
      else if (bytes[i] === CR && i + 1 === n && !atEnd) return rowStart;
      i++;
      if (!(count === 1 && this.ends[0] === this.starts[0] && !this.quoted[0])) this.emit(bytes, count);
      count = 0;
      rowStart = i;
      fieldStart = i;
    }
    return rowStart;
  }

  private field(index: number, start: number, end: number, quoted: number): void {
    if (index >= this.starts.length) {
      if (index >= MAX_FIELDS) throw new Error(`a row has more than ${MAX_FIELDS} fields`);
      this.starts = grow(this.starts);
      this.ends = grow(this.ends);
      const q = new Uint8Array(this.starts.length);
      q.set(this.quoted);
      this.quoted = q;
    }
    this.starts[index] = start;
    this.ends[index] = end;
    this.quoted[index] = quoted;
  }

  private emit(bytes: Uint8Array, count: number): void {
    this.rows++;
    this.sink.row(bytes, this.starts, this.ends, this.quoted, count);
  }
}

export class UnterminatedQuoteError extends Error {
  constructor(readonly row: number) {
    super(`a quoted field starting on row ${row} is never closed`);
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

function grow(a: Int32Array): Int32Array {
  const out = new Int32Array(a.length * 2);
  out.set(a);
  return out;
}
