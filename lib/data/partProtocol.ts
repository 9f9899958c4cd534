/** Messages between the file-reading worker and the worker reading a file's second half (lib/data/parsePart.worker.ts). */
import type { DataErrorInfo } from './errors';
import type { DelimitedLayout } from './layout';
import type { PartProgress, PartRunner } from './parallelParse';
import type { ParsedPart } from './parse';
import { DataError } from './errors';

export type PartRequest = { rest: Blob; layout: DelimitedLayout; source: string };

export type PartEvent = { type: 'progress'; progress: PartProgress } | { type: 'done'; part: ParsedPart } | { type: 'error'; error: DataErrorInfo };

/**
 * Runs each part in a fresh worker started from the file-reading worker (a nested worker, so
 * terminating the reading worker — the page's cancel — stops it too).
 */
export const workerPartRunner: PartRunner = {
  run(rest, layout, source, onProgress) {
    const worker = new Worker(new URL('./parsePart.worker.ts', import.meta.url), { type: 'module', name: 'value-lab-ingest-part' });
    const result = new Promise<ParsedPart>((resolve, reject) => {
      worker.onmessage = (message: MessageEvent<PartEvent>) => {
        const event = message.data;
        if (event.type === 'progress') onProgress(event.progress);
        else if (event.type === 'done') resolve(event.part);
        else reject(new DataError(event.error.code, event.error.message, event.error.hint));
      };
      worker.onerror = (event) => {
        event.preventDefault();
        reject(new Error(`the worker reading the second half of ${source} stopped${event.message ? ` (${event.message})` : ''}`));
      };
    });
    worker.postMessage({ rest, layout, source } satisfies PartRequest);
    return { result, cancel: () => worker.terminate() };
  },
};
