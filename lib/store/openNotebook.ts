/**
 * Which notebook this tab opens, and whether it may write to it. A notebook is written by one tab at a
 * time (a Web Lock per notebook): a second tab opening the same one gets it read-only, with the choice
 * of taking a copy, so two tabs never overwrite each other's work.
 */
import { createNotebook, lastOpenNotebook, listNotebooks, rememberOpenNotebook, type NotebookMeta } from '../notebook/storage';

export interface OpenedSlot {
  meta: NotebookMeta;
  /** False when another tab holds this notebook: this tab shows it but does not save. */
  writable: boolean;
  /** Let go of the notebook (another one is being opened). */
  release(): void;
}

interface LockManagerLike {
  request(name: string, options: { ifAvailable: boolean }, callback: (lock: unknown) => Promise<void>): Promise<void>;
}

/** Hold the notebook's lock until `release`; resolves with false at once when another tab has it. */
function holdLock(id: string): Promise<{ held: boolean; release(): void }> {
  const locks = (globalThis.navigator as unknown as { locks?: LockManagerLike } | undefined)?.locks;
  if (!locks) return Promise.resolve({ held: true, release: () => undefined });
  return new Promise((resolve) => {
    let release = () => undefined as void;
    const released = new Promise<void>((done) => (release = done));
    void locks.request(`value-lab-notebook-${id}`, { ifAvailable: true }, async (lock) => {
      if (!lock) return resolve({ held: false, release: () => undefined });
      resolve({ held: true, release });
      await released;
    });
  });
}

export async function openSlot(meta: NotebookMeta): Promise<OpenedSlot> {
  const lock = await holdLock(meta.id);
  if (lock.held) rememberOpenNotebook(meta.id);
  return { meta, writable: lock.held, release: lock.release };
}

/** The notebook to open: the one open last, else the most recent, else a new one. */
export async function initialNotebook(): Promise<NotebookMeta> {
  const all = await listNotebooks();
  const last = lastOpenNotebook();
  return all.find((n) => n.id === last) ?? all[0] ?? (await createNotebook('Untitled notebook'));
}
