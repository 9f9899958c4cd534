import { DataError } from './errors';
import { parseDelimitedInParts } from './parallelParse';
import { checkText, parseDelimitedStream, type DelimitedOptions } from './parse';
import { readParquet } from './parquet';
import { parseJsonArray, parseJsonLines } from './records';
import type { Table } from './table';

export type FileFormat = 'delimited' | 'json' | 'jsonl' | 'parquet';

const HEAD_BYTES = 64 * 1024;
/** A tab's memory budget: the table needs about 2–3× the file size while it is built. */
export const MAX_FILE_BYTES = 1024 * 1024 * 1024;

/**
 * Read any supported file into a Table: CSV/TSV/;/| text, JSON array of records, JSON Lines,
 * Parquet, and gzip of the text formats. The format comes from the bytes, not the file name.
 */
export async function readTable(blob: Blob, name: string, options: DelimitedOptions = {}): Promise<Table> {
  if (blob.size > MAX_FILE_BYTES) {
    throw new DataError('too-large', `${name} is ${(blob.size / 1e6).toFixed(0)} MB, more than this tab's budget of ${MAX_FILE_BYTES / 1e6} MB.`, 'Load a sample of the file (for example the first million rows), or convert it to Parquet, which is smaller.');
  }
  let data = blob;
  let source = name;
  const magic = new Uint8Array(await blob.slice(0, 4).arrayBuffer());
  if (magic[0] === 0x1f && magic[1] === 0x8b) {
    data = await gunzip(blob, name);
    source = name.replace(/\.gz$/i, '');
  }
  if (data.size === 0) checkText('', source, true);
  const head = new Uint8Array(await data.slice(0, HEAD_BYTES).arrayBuffer());
  if (head[0] === 0x50 && head[1] === 0x41 && head[2] === 0x52 && head[3] === 0x31) return readParquet(await data.arrayBuffer(), source);
  const text = decodeHead(head, source);
  checkText(text, source, text.trim().length === 0 && data.size <= HEAD_BYTES);
  const format = sniffTextFormat(text);
  if (format === 'json') return parseJsonArray(await data.text(), source);
  if (format === 'jsonl') return parseJsonLines(await data.text(), source);
  return (await parseDelimitedInParts(data, source, options)) ?? parseDelimitedStream(data.stream(), data.size, source, options);
}

/** JSON starts with "[", JSON Lines with "{"; anything else is delimited text. */
export function sniffTextFormat(head: string): Exclude<FileFormat, 'parquet'> {
  const first = head.replace(/^\uFEFF/, '').trimStart()[0];
  if (first === '[') return 'json';
  if (first === '{') return 'jsonl';
  return 'delimited';
}

async function gunzip(blob: Blob, name: string): Promise<Blob> {
  try {
    return await new Response(blob.stream().pipeThrough(new DecompressionStream('gzip'))).blob();
  } catch {
    throw new DataError('corrupt-gzip', `${name} is a gzip file that is truncated or corrupt.`, 'Compress the file again (gzip file.csv) or load the uncompressed file.');
  }
}

function decodeHead(head: Uint8Array, source: string): string {
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) {
    throw new DataError('wrong-encoding', `${source} is saved as UTF-16.`, 'Save or export it as UTF-8 (in Excel: "CSV UTF-8") and load it again.');
  }
  try {
    // stream: true tolerates a character cut at the end of the sample.
    return new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
  } catch {
    if (head.includes(0)) return '\u0000';
    throw new DataError('wrong-encoding', `${source} is not UTF-8 text (it may be Latin-1 or Windows-1252).`, 'Save or export it as UTF-8 and load it again.');
  }
}
