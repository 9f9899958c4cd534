/**
 * The page's door to notebooks' datasets in IndexedDB: in a worker (lib/notebook/dataStore.worker.ts),
 * so a large table's serialisation never freezes the page; directly where there are no workers (Node
 * tests). One operation at a time, in order: a table is shipped in many messages, and a second one
 * shipped meanwhile would replace it half-way.
 */
import { adoptInferredRoles } from '../data/roles';
import type { Table } from '../data/table';
import { shipTable, tableIdOf } from '../train/tableShipping';
import type { DataStoreReply, DataStoreRequest } from './dataStoreProtocol';
import { loadData, saveData, StorageFullError, storageFullSimulated } from './storage';

type Pending = { resolve(reply: DataStoreReply): void; reject(error: Error): void };

let worker: Worker | null = null;
const pending = new Map<number, Pending>();
let nextRequest = 1;
let queue: Promise<unknown> = Promise.resolve();

function inOrder<T>(operation: () => Promise<T>): Promise<T> {
  const result = queue.then(operation);
  queue = result.catch(() => undefined);
  return result;
}

function storageWorker(): Worker {
  if (worker) return worker;
  const w = new Worker(new URL('./dataStore.worker.ts', import.meta.url), { type: 'module', name: 'value-lab-storage' });
  w.onmessage = (message: MessageEvent<DataStoreReply>) => {
    const request = pending.get(message.data.requestId);
    pending.delete(message.data.requestId);
    request?.resolve(message.data);
  };
  w.onerror = (event) => {
    event.preventDefault();
    // The worker died (out of memory): every request in flight fails, and the next one starts a fresh worker.
    worker = null;
    w.terminate();
    const failed = [...pending.values()];
    pending.clear();
    failed.forEach((p) => p.reject(new Error(`the storage worker stopped${event.message ? ` (${event.message})` : ''}; the dataset may be too large for this tab's memory`)));
  };
  return (worker = w);
}

/** A request as the caller writes it: its id is added here (distributed over the union's members). */
type Unnumbered<T> = T extends unknown ? Omit<T, 'requestId'> : never;

function ask(w: Worker, request: Unnumbered<Extract<DataStoreRequest, { requestId: number }>>): Promise<DataStoreReply> {
  const requestId = nextRequest++;
  return new Promise<DataStoreReply>((resolve, reject) => {
    pending.set(requestId, { resolve, reject });
    w.postMessage({ ...request, requestId });
  }).then((reply) => {
    if (reply.type !== 'failed') return reply;
    throw reply.storageFull ? Object.assign(new StorageFullError(''), { message: reply.message }) : new Error(reply.message);
  });
}

/** Save `table` as notebook `id`'s dataset (one IndexedDB transaction, as lib/notebook/storage.ts saveData). */
export function saveTable(id: string, table: Table): Promise<void> {
  if (typeof Worker === 'undefined') return saveData(id, table);
  return inOrder(async () => {
    const w = storageWorker();
    const shipped = await shipTable(table, (message, transfer) => w.postMessage(message, transfer), () => worker === w);
    if (!shipped) throw new Error('the storage worker stopped while the dataset was being handed to it');
    await ask(w, { type: 'save', notebookId: id, tableId: tableIdOf(table), simulatedFull: storageFullSimulated() });
  });
}

/** Notebook `id`'s dataset, or null when it has none. */
export function loadTable(id: string): Promise<Table | null> {
  if (typeof Worker === 'undefined') return loadData(id);
  return inOrder(async () => {
    const reply = await ask(storageWorker(), { type: 'load', notebookId: id });
    if (reply.type !== 'loaded' || !reply.table) return null;
    adoptInferredRoles(reply.table, reply.profiles);
    return reply.table;
  });
}
