/**
 * The bench's stand-in for lib/data/parsePart.worker.ts in Node: a worker thread that reads a
 * file's second half with the same parsePart and sends its columns back without copying. Bundled by
 * bench/partThread.ts (a file on disk cannot travel to a thread as a Blob, so the path does; bench/fileBlob.ts reads it).
 */
import { parentPort } from 'node:worker_threads';
import { fileBlob } from './fileBlob';
import { parsePart } from '../lib/data/parallelParse';
import { columnTransferables } from '../lib/data/ingestProtocol';
import type { DelimitedLayout } from '../lib/data/layout';

parentPort!.on('message', async ({ path, offset, layout, source }: { path: string; offset: number; layout: DelimitedLayout; source: string }) => {
  const rest = fileBlob(path).slice(offset);
  const part = await parsePart(rest, layout, source);
  parentPort!.postMessage(part, columnTransferables(part.columns) as unknown as ArrayBuffer[]);
});
