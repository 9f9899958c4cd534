/**
 * A large delimited file read in two halves at once: this thread reads the first half while a second
 * worker reads the rest, then the second half's columns are appended to the first's (about 1.7× faster
 * on two cores; the bench's ingest row). The result is always what one reader going through the
 * whole file makes — the halves are joined only when that is provably so, and otherwise this reader
 * simply goes on through the second half itself:
 *
 * - the split is just after a newline, and the first half must end between rows (a newline inside
 *   a quoted field leaves a row open, and the second half was then read from the wrong place);
 * - the second half is read with the layout the head decided (delimiter, names, no header);
 * - a column joins only if reading on would have given the same cells (ColumnBuilder.canAppend);
 * - any error in the second half (an unclosed quote) makes this reader read it, so the error names
 *   the row as a single reader would.
 */
import { DelimitedReader, pushAll, SNIFF_BYTES, type DelimitedOptions, type ParsedPart } from './parse';
import { sniffLayout, type DelimitedLayout } from './layout';
import type { Table } from './table';

/** Parse [start, end of blob) as a later part of a file with `layout`, in another worker. */
export interface PartRunner {
  run(rest: Blob, layout: DelimitedLayout, source: string, onProgress: (progress: PartProgress) => void): { result: Promise<ParsedPart>; cancel(): void };
}

export interface PartProgress {
  rows: number;
  bytes: number;
}

export const PARALLEL_FROM_BYTES = 8 * 1024 * 1024;
/**
 * The share of the file this reader parses itself. Less than half: besides its rows it maps the memory
 * the other half is appended into (DelimitedReader.prepareToAppend, about a quarter of the time
 * parsing the same rows takes on this machine), and the split is even when both finish together.
 */
export const FIRST_SHARE = 0.44;
/** How far past the split point a newline is looked for before giving up on splitting. */
const SPLIT_WINDOW = 1024 * 1024;

/** The second half's side: read `rest` as rows of data with the layout given. */
export async function parsePart(rest: Blob, layout: DelimitedLayout, source: string, onProgress: (progress: PartProgress) => void = () => undefined): Promise<ParsedPart> {
  const reader = new DelimitedReader(source, rest.size, { onProgress }, layout, true);
  await pushAll(rest.stream(), reader);
  return reader.endPart();
}

/**
 * Read a delimited blob, in two parts when `options.parts` can run one and the file is large
 * (otherwise null: the caller reads it in one pass).
 */
export async function parseDelimitedInParts(blob: Blob, source: string, options: DelimitedOptions): Promise<Table | null> {
  const runner = options.parts;
  if (!runner || blob.size < (options.parallelFromBytes ?? PARALLEL_FROM_BYTES)) return null;
  const head = await readHead(blob);
  const split = await findSplit(blob, head.end);
  if (split < 0) return null;
  const layout = sniffLayout(head.bytes, false, source, options.header);

  const done = { first: { rows: 0, bytes: 0 }, rest: { rows: 0, bytes: 0 } };
  const report = () => options.onProgress?.({ rows: done.first.rows + done.rest.rows, bytes: done.first.bytes + done.rest.bytes, totalBytes: blob.size });
  let readingOn = false; // once this reader reads the second half itself, the other's progress is stale
  const rest = runner.run(blob.slice(split), layout, source, (progress) => {
    if (readingOn) return;
    done.rest = progress;
    report();
  });
  rest.result.catch(() => undefined); // read again below; an unhandled rejection is not an error here
  const reader = new DelimitedReader(source, blob.size, { ...options, onProgress: (p) => ((done.first = p), report()) }, layout);
  try {
    await pushAll(blob.slice(0, split).stream(), reader);
    let part: ParsedPart | null = null;
    if (reader.atRowBoundary) {
      // Mapping the memory the second half lands in overlaps the other worker's reading here instead
      // of following it (when that worker is done first, appendPart would have paid the same).
      reader.prepareToAppend();
      part = await rest.result.catch(() => null);
    }
    if (!part || !reader.appendPart(part)) {
      readingOn = true;
      rest.cancel();
      done.rest = { rows: 0, bytes: 0 }; // this reader's own count now covers those bytes
      await pushAll(blob.slice(split).stream(), reader);
    }
  } finally {
    rest.cancel();
  }
  return reader.end();
}

/**
 * The head the layout is decided from: at least SNIFF_BYTES, through a newline (as the single
 * reader sniffs), BOM removed. `end` is where in the blob it stops.
 */
async function readHead(blob: Blob): Promise<{ bytes: Uint8Array; end: number }> {
  let end = Math.min(blob.size, SNIFF_BYTES);
  let bytes = new Uint8Array(await blob.slice(0, end).arrayBuffer());
  while (end < blob.size && !bytes.includes(0x0a)) {
    end = Math.min(blob.size, end + SNIFF_BYTES);
    bytes = new Uint8Array(await blob.slice(0, end).arrayBuffer());
  }
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  return { bytes: bom ? bytes.subarray(3) : bytes, end };
}

/** Just after the first newline past FIRST_SHARE of the file (and past the head), or -1 if there is none near. */
async function findSplit(blob: Blob, headEnd: number): Promise<number> {
  const from = Math.max(headEnd, Math.floor(blob.size * FIRST_SHARE));
  const window = new Uint8Array(await blob.slice(from, Math.min(blob.size, from + SPLIT_WINDOW)).arrayBuffer());
  const newline = window.indexOf(0x0a);
  return newline < 0 || from + newline + 1 >= blob.size ? -1 : from + newline + 1;
}
