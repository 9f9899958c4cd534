'use client';
import { useEffect, useState } from 'react';
import { useAppStore } from '@/lib/store';
import { restoreNotebook, savedStateOf, startAutosave, type AutosaveStatus } from '@/lib/store/autosave';
import { initialNotebook, openSlot, type OpenedSlot } from '@/lib/store/openNotebook';
import { saveTable } from '@/lib/notebook/dataStore';
import { createNotebook, deleteNotebook, listNotebooks, rememberOpenNotebook, renameNotebook, saveState, type NotebookMeta } from '@/lib/notebook/storage';
import { loadBundledSample } from './sample';

/** Open another notebook: the page reloads with it, so no state of this one leaks into it. */
function openAndReload(id: string | null): void {
  rememberOpenNotebook(id);
  window.location.reload();
}

/**
 * The saved notebooks: opens the last one on start (or a new one with the sample), autosaves it, and
 * lists the others with new, rename and delete. Storage problems are shown, and never lose what is open.
 */
export function NotebookManager() {
  const [slot, setSlot] = useState<OpenedSlot | null>(null);
  const [list, setList] = useState<NotebookMeta[]>([]);
  const [status, setStatus] = useState<AutosaveStatus>({ kind: 'idle' });
  const [problem, setProblem] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [confirmDelete, setConfirmDelete] = useState(false);

  useEffect(() => {
    let cancelled = false;
    let stop = () => undefined as void;
    let opened: OpenedSlot | null = null;
    void (async () => {
      try {
        const meta = await initialNotebook();
        opened = await openSlot(meta);
        if (cancelled) return opened.release();
        const result = await restoreNotebook(meta.id);
        if (result !== 'restored') loadBundledSample();
        setSlot(opened);
        setName(meta.name);
        setList(await listNotebooks());
        if (opened.writable) stop = startAutosave(meta.id, setStatus, result === 'restored' ? useAppStore.getState().baseTable : null);
      } catch (err) {
        setProblem(`Autosave is off: this browser would not open its storage (${err instanceof Error ? err.message : err}). Your work stays in this tab; save it as a notebook file to keep it.`);
        if (!useAppStore.getState().table) loadBundledSample();
      }
    })();
    return () => {
      cancelled = true;
      stop();
      opened?.release();
    };
  }, []);

  const act = async (what: string, action: () => Promise<void>) => {
    try {
      await action();
    } catch (err) {
      setProblem(`Could not ${what}: ${err instanceof Error ? err.message : err}. Nothing was changed.`);
    }
  };
  const openCopy = () =>
    act('make a copy', async () => {
      const s = useAppStore.getState();
      const copy = await createNotebook(`${slot?.meta.name ?? 'Notebook'} (copy)`);
      if (s.baseTable) await saveTable(copy.id, s.baseTable);
      await saveState(copy.id, savedStateOf(s));
      openAndReload(copy.id);
    });

  if (problem && !slot) return <p role="alert" className="error" data-testid="autosave-status">{problem}</p>;
  if (!slot) return <span className="muted">Opening your notebook…</span>;
  return (
    <div className="row notebook-manager" data-testid="notebook-manager">
      <label className="row" style={{ gap: 6 }}>
        Saved notebooks
        <select value={slot.meta.id} onChange={(e) => openAndReload(e.target.value)}>
          {list.map((n) => (
            <option key={n.id} value={n.id}>
              {n.name}
              {n.dataSource ? ` — ${n.dataRows.toLocaleString('en-US')} rows` : ''}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="secondary" onClick={() => act('create a notebook', async () => openAndReload((await createNotebook('Untitled notebook')).id))}>
        New notebook
      </button>
      <label className="row" style={{ gap: 6 }}>
        Notebook name
        <input value={name} onChange={(e) => setName(e.target.value)} maxLength={120} />
      </label>
      <button type="button" className="secondary" disabled={!slot.writable || !name.trim() || name.trim() === slot.meta.name} onClick={() => act('rename the notebook', async () => {
        await renameNotebook(slot.meta.id, name.trim());
        setSlot({ ...slot, meta: { ...slot.meta, name: name.trim() } });
        setList(await listNotebooks());
      })}>
        Rename
      </button>
      {confirmDelete ? (
        <>
          <button type="button" className="danger" onClick={() => act('delete the notebook', async () => {
            await deleteNotebook(slot.meta.id);
            slot.release();
            openAndReload(null);
          })}>
            Delete &ldquo;{slot.meta.name}&rdquo; for good
          </button>
          <button type="button" className="secondary" onClick={() => setConfirmDelete(false)}>
            Keep it
          </button>
        </>
      ) : (
        <button type="button" className="secondary" disabled={!slot.writable} onClick={() => setConfirmDelete(true)}>
          Delete notebook
        </button>
      )}
      <AutosaveLine slot={slot} status={status} problem={problem} onCopy={openCopy} />
    </div>
  );
}

function AutosaveLine({ slot, status, problem, onCopy }: { slot: OpenedSlot; status: AutosaveStatus; problem: string | null; onCopy: () => void }) {
  if (!slot.writable)
    return (
      <span role="alert" data-testid="autosave-status" className="down">
        This notebook is open in another tab, which saves it; changes here are not saved, so neither tab overwrites the other.{' '}
        <button type="button" className="secondary" onClick={onCopy}>
          Open a copy here
        </button>
      </span>
    );
  if (problem) return <span role="alert" className="down" data-testid="autosave-status">{problem}</span>;
  if (status.kind === 'error') return <span role="alert" className="down" data-testid="autosave-status">{status.message}</span>;
  return (
    <span role="status" className="muted" data-testid="autosave-status" data-saved-at={status.kind === 'saved' ? status.at : undefined}>
      {status.kind === 'saved' ? `Saved in this browser at ${new Date(status.at).toLocaleTimeString()}` : 'Autosave on'}
    </span>
  );
}
