import { describe, expect, it } from 'vitest';
import { DEFAULT_SAMPLING } from '../formulate/defaults';
import { DEFAULT_TRAIN_CONFIG } from '../train/config';
import type { Table } from '../data/table';
import { migrate, notebookFile, openNotebook } from './file';
import type { NotebookSettings } from './settings';

const settings: NotebookSettings = {
  format: 'value-lab-settings',
  version: 1,
  roleOverrides: {},
  spec: { version: 1, targets: ['clicked'], derived: [], formulation: { kind: 'pointwise' }, features: [{ column: 'price', encoding: 'numeric', log: false }], userColumn: null, itemColumn: null, timeColumn: null, sampling: { ...DEFAULT_SAMPLING, keepRates: { clicked: 1 } } },
  config: DEFAULT_TRAIN_CONFIG,
  value: { weights: { clicked: 1 }, topK: 10, normalised: {}, slateGrouping: 'user' },
};
const table: Table = {
  source: 'shop.csv',
  rowCount: 3,
  columns: [
    { kind: 'number', name: 'price', values: Float64Array.from([1.5, NaN, -2]), missing: Uint8Array.from([0, 1, 0]) },
    { kind: 'string', name: 'clicked', codes: Int32Array.from([0, 1, -1]), dictionary: ['yes', 'no'] },
  ],
};

describe('notebook file', () => {
  it('round-trips settings, notes and the dataset bit for bit', () => {
    const notes = [{ id: 'n1', after: 'data', markdown: '# hello' }];
    const opened = openNotebook(JSON.stringify(notebookFile(settings, notes, table)));
    expect(opened.settings).toEqual(settings);
    expect(opened.notes).toEqual(notes);
    expect(opened.table).toEqual(table);
  });
  it('migrates a bare settings file into a notebook without notes or data', () => {
    const opened = openNotebook(JSON.stringify(settings));
    expect(opened).toEqual({ settings, notes: [], table: null });
  });
  it('refuses what is not a notebook, a newer version, and damaged columns, naming the problem', () => {
    expect(() => openNotebook('nope')).toThrow(/not JSON/);
    expect(() => migrate({ format: 'value-lab-notebook', version: 9 })).toThrow(/newer Value Lab \(file version 9\)/);
    const file = notebookFile(settings, [], table);
    const short = { ...file, data: { ...file.data!, rowCount: 4 } };
    expect(() => openNotebook(JSON.stringify(short))).toThrow(/column "price" holds 3 values for 4 rows/);
    const badCodes = JSON.parse(JSON.stringify(file));
    badCodes.data.columns[1].dictionary = ['yes'];
    expect(() => openNotebook(JSON.stringify(badCodes))).toThrow(/column "clicked" refers to text value 1/);
  });
});
