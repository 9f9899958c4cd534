/**
 * The bench's stand-in for lib/data/parsePart.worker.ts in Node: a worker thread that reads a
 * file's second half with the same parsePart and sends its columns back without copying. Bundled by
 * bench/partThread.ts (Node cannot hand a file-backed Blob to a thread, so the path travels instead).
 */
import { openAsBlob } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { parsePart } from '../lib/data/parallelParse';
import { columnTransferables } from '../lib/data/ingestProtocol';
import type { DelimitedLayout } from '../lib/data/layout';

parentPort!.on('message', async ({ path, offset, layout, source }: { path: string; offset: number; layout: DelimitedLayout; source: string }) => {
  const rest = (await openAsBlob(path)).slice(offset);
  const part = await parsePart(rest, layout, source);
  parentPort!.postMessage(part, columnTransferables(part.columns) as unknown as ArrayBuffer[]);
});
