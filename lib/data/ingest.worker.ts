/// <reference lib="webworker" />
/**
 * Reads one file off the main thread and hands the finished columns over without copying.
 * Cancel is `terminate()` from the page: parsing runs synchronously here, so a message could not
 * interrupt it, and terminating frees everything at once.
 */
import { toDataErrorInfo } from './errors';
import { readTable } from './formats';
import { workerPartRunner } from './partProtocol';
import { tableTransferables, throttledProgress, type IngestEvent, type IngestRequest } from './ingestProtocol';
import { inferRoles } from './roles';
import { generateShopLog } from './synthetic';
import type { Table } from './table';

const scope = self as unknown as DedicatedWorkerGlobalScope;

function post(event: IngestEvent, transfer: Transferable[] = []): void {
  scope.postMessage(event, transfer);
}

/** Hand the table over with its columns transferred, and its roles inferred here, off the page's main thread (a million rows: ~0.4 s there). */
function done(table: Table): void {
  post({ type: 'done', table, profiles: inferRoles(table) }, tableTransferables(table));
}

scope.onmessage = async (message: MessageEvent<IngestRequest>) => {
  const request = message.data;
  try {
    if (request.type === 'synthetic') {
      const table = generateShopLog({ rows: request.rows, seed: request.seed });
      done(table);
      return;
    }
    const { file, name, header } = request;
    const table = await readTable(file, name, {
      header,
      // A second core reads the second half of a large file (lib/data/parallelParse.ts).
      parts: navigator.hardwareConcurrency >= 2 ? workerPartRunner : undefined,
      onProgress: throttledProgress((progress) => post({ type: 'progress', progress })),
    });
    done(table);
  } catch (err) {
    post({ type: 'error', error: toDataErrorInfo(err) });
  }
};
