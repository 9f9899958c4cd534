/// <reference lib="webworker" />
/**
 * Writes and reads notebooks' datasets in IndexedDB off the page's main thread. IndexedDB
 * serialises a value inside put() and get(), on the calling thread: for a million-row table that was
 * one 1.7 s task on the page, the UI frozen. Here the page ships the table in pieces of a column, a
 * few milliseconds per task (lib/train/tableShipping.ts, as to the training worker), and a read comes
 * back with its columns transferred, not copied.
 */
import { tableTransferables } from '../data/ingestProtocol';
import { inferRoles } from '../data/roles';
import { TableInbox } from '../train/tableShipping';
import type { DataStoreReply, DataStoreRequest } from './dataStoreProtocol';
import { loadData, saveData, simulateStorageFull, StorageFullError } from './storage';

const scope = self as unknown as DedicatedWorkerGlobalScope;
let inbox = new TableInbox();

function reply(message: DataStoreReply, transfer: Transferable[] = []): void {
  scope.postMessage(message, transfer);
}

scope.onmessage = async (message: MessageEvent<DataStoreRequest>) => {
  const request = message.data;
  if (request.type === 'table-begin' || request.type === 'table-piece') return inbox.receive(request);
  try {
    if (request.type === 'save') {
      const table = inbox.take(request.tableId);
      inbox = new TableInbox(); // this copy is only for the write: let it go once IndexedDB has it
      simulateStorageFull(request.simulatedFull);
      await saveData(request.notebookId, table);
      reply({ type: 'saved', requestId: request.requestId });
    } else {
      const table = await loadData(request.notebookId);
      // A Set: a buffer listed twice (columns sharing one) cannot be transferred.
      // Roles too, as the file reader does: on the page a million rows' profiles took ~0.4 s of a reload.
      reply({ type: 'loaded', requestId: request.requestId, table, profiles: table ? inferRoles(table) : [] }, table ? [...new Set(tableTransferables(table))] : []);
    }
  } catch (err) {
    reply({ type: 'failed', requestId: request.requestId, message: err instanceof Error ? err.message : String(err), storageFull: err instanceof StorageFullError });
  }
};
