import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { Table } from '../data/table';
import { createNotebook, deleteNotebook, listNotebooks, loadNotebook, renameNotebook, saveData, saveState, STORAGE_VERSION, type SavedState } from './storage';

const table: Table = {
  source: 'tiny.csv',
  rowCount: 3,
  columns: [
    { kind: 'number', name: 'clicked', values: new Float64Array([1, 0, 1]), missing: new Uint8Array(3) },
    { kind: 'string', name: 'user', codes: new Int32Array([0, 1, -1]), dictionary: ['a', 'b'] },
  ],
};
const state: SavedState = { version: STORAGE_VERSION, settings: null, notes: [{ id: 'n1', after: 'data', markdown: '# hi' }], run: null, history: [], checkpoint: { step: 12, weights: [new Float32Array([0.5, -1])] } };

describe('notebook storage (IndexedDB)', () => {
  it('saves a dataset and state and reads them back as they were, typed arrays included', async () => {
    const meta = await createNotebook('first');
    await saveData(meta.id, table);
    await saveState(meta.id, state);
    const loaded = await loadNotebook(meta.id);
    expect(loaded?.table?.columns[0]).toEqual(table.columns[0]);
    expect(loaded?.table?.columns[1]).toEqual(table.columns[1]);
    expect(loaded?.state?.checkpoint?.weights[0]).toBeInstanceOf(Float32Array);
    expect(Array.from(loaded!.state!.checkpoint!.weights[0])).toEqual([0.5, -1]);
    expect(loaded?.meta).toMatchObject({ name: 'first', dataSource: 'tiny.csv', dataRows: 3 });
  });

  it('lists, renames and deletes; a deleted notebook cannot be written to', async () => {
    const a = await createNotebook('a');
    await new Promise((r) => setTimeout(r, 2));
    const b = await createNotebook('b');
    expect((await listNotebooks()).map((n) => n.name).slice(0, 2)).toEqual(['b', 'a']);
    await renameNotebook(a.id, 'renamed');
    expect((await listNotebooks())[0].name).toBe('renamed');
    await deleteNotebook(b.id);
    expect(await loadNotebook(b.id)).toBeNull();
    await expect(saveState(b.id, state)).rejects.toThrow('no longer exists');
  });

  it('a state saved by another storage version is ignored, not misread', async () => {
    const meta = await createNotebook('old');
    await saveState(meta.id, { ...state, version: 99 as typeof STORAGE_VERSION });
    expect((await loadNotebook(meta.id))?.state).toBeNull();
  });
});
