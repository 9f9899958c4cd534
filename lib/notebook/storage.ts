/**
 * Autosave in IndexedDB (through `idb`): a list of notebooks, each with its dataset (the Table itself,
 * structured-cloned: typed arrays as they are) and its state (settings, notes, runs, the checkpoint of
 * a run in progress). Data and state live in separate stores so a settings change never rewrites the
 * dataset. Every write is one transaction: when it fails (storage full) what was saved before is intact.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Table } from '../data/table';
import type { ResumePoint } from '../train/protocol';
import type { Note } from './file';
import type { NotebookSettings } from './settings';

export const STORAGE_VERSION = 1;

export interface NotebookMeta {
  id: string;
  name: string;
  createdAt: number;
  updatedAt: number;
  /** What the saved dataset is, for the list (null before one is saved). */
  dataSource: string | null;
  dataRows: number;
}

/** A run as saved: the page's RunView without its table (the notebook's dataset is the table). */
export type SavedRun = Record<string, unknown> & { runId: number; status: string };

export interface SavedState {
  version: typeof STORAGE_VERSION;
  settings: NotebookSettings | null;
  notes: Note[];
  run: SavedRun | null;
  history: SavedRun[];
  /** The latest weights of a run that was still going when this was saved: it can resume from them. */
  checkpoint: ResumePoint | null;
}

interface ValueLabDB extends DBSchema {
  notebooks: { key: string; value: NotebookMeta };
  data: { key: string; value: Table };
  state: { key: string; value: SavedState };
}

/** Storage is full (or the browser refused to grow it): the message says what was kept and what to do. */
export class StorageFullError extends Error {
  constructor(what: string) {
    super(`The browser's storage for this site is full, so ${what} was not saved. Everything saved before is kept. Free space by deleting notebooks you no longer need (the notebook list), or save this one as a file.`);
    this.name = 'StorageFullError';
  }
}

const DB_NAME = 'value-lab';
let db: Promise<IDBPDatabase<ValueLabDB>> | null = null;

function database(): Promise<IDBPDatabase<ValueLabDB>> {
  db ??= openDB<ValueLabDB>(DB_NAME, STORAGE_VERSION, {
    upgrade(store) {
      store.createObjectStore('notebooks', { keyPath: 'id' });
      store.createObjectStore('data');
      store.createObjectStore('state');
    },
  });
  return db;
}

/** Tests: forget the open connection (fake-indexeddb is reset between tests). */
export function resetStorageConnection(): void {
  db = null;
}

function isQuotaError(err: unknown): boolean {
  const name = (err as { name?: string } | null)?.name ?? '';
  return name === 'QuotaExceededError' || /quota/i.test(String((err as Error)?.message ?? ''));
}

/**
 * Browser tests only (the same opt-in as lib/train/faults.ts): `window.valueLabStorageFaults.fill()` makes
 * every later write fail as a full disk does, with the browser's own QuotaExceededError. (Chromium's
 * DevTools quota override did not make IndexedDB refuse writes in Playwright's contexts.)
 */
let simulatedFull = false;
/** Whether the browser tests' full disk is on (the page passes it to the dataset's worker, lib/notebook/dataStore.worker.ts). */
export function storageFullSimulated(): boolean {
  return simulatedFull;
}
/** The dataset's worker takes the page's setting before each write. */
export function simulateStorageFull(full: boolean): void {
  simulatedFull = full;
}
// globalThis, not window: this module also runs in the dataset's worker, and Next's client build
// replaces `typeof window` with "object" at compile time, worker bundles included.
if ((globalThis as unknown as { __valueLabFaultInjection?: boolean }).__valueLabFaultInjection === true) {
  (globalThis as unknown as { valueLabStorageFaults: { fill(): void; free(): void } }).valueLabStorageFaults = { fill: () => (simulatedFull = true), free: () => (simulatedFull = false) };
}

async function write<T>(what: string, run: () => Promise<T>): Promise<T> {
  try {
    if (simulatedFull) throw new DOMException('simulated: the storage quota is exhausted', 'QuotaExceededError');
    return await run();
  } catch (err) {
    if (isQuotaError(err)) throw new StorageFullError(what);
    throw err;
  }
}

export async function listNotebooks(): Promise<NotebookMeta[]> {
  const all = await (await database()).getAll('notebooks');
  return all.sort((a, b) => b.updatedAt - a.updatedAt);
}

export async function createNotebook(name: string): Promise<NotebookMeta> {
  const now = Date.now();
  const meta: NotebookMeta = { id: `nb-${now.toString(36)}-${Math.random().toString(36).slice(2, 8)}`, name, createdAt: now, updatedAt: now, dataSource: null, dataRows: 0 };
  await write('the new notebook', async () => (await database()).put('notebooks', meta));
  return meta;
}

export async function renameNotebook(id: string, name: string): Promise<void> {
  const store = await database();
  const meta = await store.get('notebooks', id);
  if (!meta) throw new Error('that notebook no longer exists (deleted in another tab?)');
  await write('the new name', () => store.put('notebooks', { ...meta, name, updatedAt: Date.now() }));
}

export async function deleteNotebook(id: string): Promise<void> {
  const tx = (await database()).transaction(['notebooks', 'data', 'state'], 'readwrite');
  await Promise.all([tx.objectStore('notebooks').delete(id), tx.objectStore('data').delete(id), tx.objectStore('state').delete(id), tx.done]);
}

/** Save the dataset (only when it changed: it is the large part). */
export async function saveData(id: string, table: Table): Promise<void> {
  await write(`the dataset (${table.rowCount.toLocaleString('en-US')} rows)`, async () => {
    const tx = (await database()).transaction(['notebooks', 'data'], 'readwrite');
    const meta = await tx.objectStore('notebooks').get(id);
    if (!meta) throw new Error('that notebook no longer exists (deleted in another tab?)');
    await tx.objectStore('data').put(table, id);
    await tx.objectStore('notebooks').put({ ...meta, dataSource: table.source, dataRows: table.rowCount, updatedAt: Date.now() });
    await tx.done;
  });
}

export async function saveState(id: string, state: SavedState): Promise<void> {
  await write('the latest changes', async () => {
    const tx = (await database()).transaction(['notebooks', 'state'], 'readwrite');
    const meta = await tx.objectStore('notebooks').get(id);
    if (!meta) throw new Error('that notebook no longer exists (deleted in another tab?)');
    await tx.objectStore('state').put(state, id);
    await tx.objectStore('notebooks').put({ ...meta, updatedAt: Date.now() });
    await tx.done;
  });
}

export async function loadNotebook(id: string): Promise<{ meta: NotebookMeta; table: Table | null; state: SavedState | null } | null> {
  const notebook = await loadNotebookState(id);
  return notebook && { ...notebook, table: await loadData(id) };
}

/** A notebook's list entry and state, without its dataset (the page reads that in a worker: lib/notebook/dataStore.ts). */
export async function loadNotebookState(id: string): Promise<{ meta: NotebookMeta; state: SavedState | null } | null> {
  const store = await database();
  const meta = await store.get('notebooks', id);
  if (!meta) return null;
  const state = await store.get('state', id);
  return { meta, state: state?.version === STORAGE_VERSION ? state : null };
}

/** A notebook's dataset, or null when it has none yet. */
export async function loadData(id: string): Promise<Table | null> {
  return (await (await database()).get('data', id)) ?? null;
}

const LAST_OPEN_KEY = 'value-lab-last-notebook';

export function lastOpenNotebook(): string | null {
  try {
    return localStorage.getItem(LAST_OPEN_KEY);
  } catch {
    return null;
  }
}

export function rememberOpenNotebook(id: string | null): void {
  try {
    if (id) localStorage.setItem(LAST_OPEN_KEY, id);
    else localStorage.removeItem(LAST_OPEN_KEY);
  } catch {
    // Private mode without storage: the notebook still works, it just opens fresh next time.
  }
}
