/** The page's door to the file-reading worker: one worker per file, terminated when done or cancelled. */
import { DataError } from './errors';
import type { IngestEvent, IngestRequest } from './ingestProtocol';
import type { HeaderMode, ParseProgress } from './parse';
import { adoptInferredRoles } from './roles';
import type { Table } from './table';

export interface PendingRead {
  result: Promise<Table>;
  cancel(): void;
}

/** Read a file of any supported format in a fresh worker. */
export function readFileInWorker(file: Blob, name: string, header: HeaderMode, onProgress: (p: ParseProgress) => void): PendingRead {
  return runIngest({ type: 'read', file, name, header }, name, onProgress);
}

/** Generate the synthetic shop log in a worker (a million rows take a moment). */
export function generateInWorker(rows: number, seed: number): PendingRead {
  return runIngest({ type: 'synthetic', rows, seed }, 'the synthetic shop log', () => undefined);
}

function runIngest(request: IngestRequest, name: string, onProgress: (p: ParseProgress) => void): PendingRead {
  const worker = new Worker(new URL('./ingest.worker.ts', import.meta.url), { type: 'module', name: 'value-lab-ingest' });
  let settle: { resolve(t: Table): void; reject(e: unknown): void } | null = null;
  const result = new Promise<Table>((resolve, reject) => (settle = { resolve, reject }));
  const finish = (fn: (s: NonNullable<typeof settle>) => void) => {
    worker.terminate();
    if (settle) fn(settle);
    settle = null;
  };
  worker.onmessage = (message: MessageEvent<IngestEvent>) => {
    const event = message.data;
    if (event.type === 'progress') onProgress(event.progress);
    else if (event.type === 'done') {
      adoptInferredRoles(event.table, event.profiles);
      finish((s) => s.resolve(event.table));
    } else finish((s) => s.reject(new DataError(event.error.code, event.error.message, event.error.hint)));
  };
  worker.onerror = (event) => {
    event.preventDefault();
    finish((s) => s.reject(new DataError('read-failed', `Reading ${name} stopped unexpectedly${event.message ? ` (${event.message})` : ''}; the file may be too large for this tab's memory.`, 'Try a smaller file or a sample of it (for example the first million rows).')));
  };
  worker.postMessage(request);
  return {
    result,
    cancel: () => finish((s) => s.reject(new DataError('cancelled', `Reading ${name} was cancelled.`, 'Load the file again when you are ready.'))),
  };
}
