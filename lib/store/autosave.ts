/**
 * The glue between the store and IndexedDB (lib/notebook/storage.ts): what a notebook's saved state is,
 * how it is put back, and a throttled subscription that saves while the person works (a training run
 * included, with its latest checkpoint, so a reload can resume it).
 */
import type { Table } from '../data/table';
import { loadTable, saveTable } from '../notebook/dataStore';
import { loadNotebookState, saveState, STORAGE_VERSION, type SavedRun, type SavedState } from '../notebook/storage';
import type { AppState } from './index';
import type { RunView } from './runSlice';
import { useAppStore } from './index';

/** Save at most this often; a run in progress changes the store twenty times a second. */
const SAVE_EVERY_MS = 1500;

function toSaved(run: RunView): SavedRun {
  const { table: _table, ...rest } = run;
  void _table;
  return rest as SavedRun;
}

function fromSaved(saved: SavedRun, table: Table): RunView {
  return { ...(saved as unknown as Omit<RunView, 'table'>), table };
}

/**
 * The notebook's state as saved. Runs are kept when they trained on the notebook's current table (a
 * run on an earlier dataset cannot be shown against this one).
 */
export function savedStateOf(s: AppState): SavedState {
  const onThisTable = (r: RunView) => r.table === s.table;
  const run = s.run && onThisTable(s.run) ? s.run : null;
  return {
    version: STORAGE_VERSION,
    settings: s.baseTable ? s.currentSettings() : null,
    notes: s.notes,
    run: run ? toSaved(run) : null,
    history: s.history.filter(onThisTable).map(toSaved),
    checkpoint: run?.status === 'running' || run?.status === 'interrupted' ? s.runCheckpoint() : null,
  };
}

/** Put a saved notebook back into the store; 'no-data' when it has no dataset yet (the caller loads one). */
export async function restoreNotebook(id: string): Promise<'restored' | 'no-data' | 'missing'> {
  const notebook = await loadNotebookState(id);
  if (!notebook) return 'missing';
  const saved = { ...notebook, table: await loadTable(id) };
  const s = useAppStore.getState();
  s.setNotes(saved.state?.notes ?? []);
  if (!saved.table) {
    if (saved.state?.settings) s.receiveSettings(saved.state.settings);
    return 'no-data';
  }
  if (!s.acceptTable(saved.table)) return 'no-data';
  if (saved.state?.settings) s.receiveSettings(saved.state.settings);
  const table = useAppStore.getState().table!;
  const state = saved.state;
  if (state) s.restoreRuns(state.run ? fromSaved(state.run, table) : null, state.history.map((r) => fromSaved(r, table)), state.checkpoint);
  return 'restored';
}

/** The fields whose change means there is something new to save. */
function watched(s: AppState): unknown[] {
  return [s.baseTable, s.notes, s.run, s.history, s.targets, s.features, s.sampling, s.config, s.weights, s.topK, s.normalised, s.slateGrouping, s.derived, s.roleOverrides, s.formulation, s.userColumn, s.itemColumn, s.timeColumn, s.allowedLeaks, s.skipRecalibration, s.posthoc];
}

export type AutosaveStatus = { kind: 'saved'; at: number } | { kind: 'error'; message: string } | { kind: 'idle' };

/** Save `id` whenever the notebook changes (throttled); returns the function that stops it. */
export function startAutosave(id: string, onStatus: (status: AutosaveStatus) => void, alreadySavedTable: Table | null = null): () => void {
  let last = watched(useAppStore.getState());
  let savedTable: Table | null = alreadySavedTable;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let saving = false;
  let stopped = false;

  const save = async () => {
    timer = null;
    if (stopped) return;
    if (saving) return schedule();
    saving = true;
    const s = useAppStore.getState();
    last = watched(s);
    try {
      if (s.baseTable && s.baseTable !== savedTable) {
        await saveTable(id, s.baseTable);
        savedTable = s.baseTable;
      }
      await saveState(id, savedStateOf(s));
      if (!stopped) onStatus({ kind: 'saved', at: Date.now() });
    } catch (err) {
      if (!stopped) onStatus({ kind: 'error', message: err instanceof Error ? err.message : String(err) });
    } finally {
      saving = false;
    }
  };
  const schedule = () => {
    if (!timer && !stopped) timer = setTimeout(() => void save(), SAVE_EVERY_MS);
  };
  const unsubscribe = useAppStore.subscribe((s) => {
    const now = watched(s);
    if (now.some((v, i) => v !== last[i])) schedule();
  });
  // A first save at once: a new notebook gets its dataset and settings stored before anything else happens.
  void save();
  return () => {
    stopped = true;
    unsubscribe();
    if (timer) clearTimeout(timer);
  };
}
