import { describe, expect, it } from 'vitest';
import type { Table } from '../data/table';
import type { SamplingSpec } from '../formulate/spec';
import { sampleRows } from './sample';
import { splitRows } from './split';

const n = 20000;
const labelsA = Uint8Array.from({ length: n }, (_, i) => (i % 10 === 0 ? 1 : 0)); // 10% positives
const labelsB = Uint8Array.from({ length: n }, (_, i) => (i % 2 === 0 ? 1 : 0)); // 50% positives
const sampling: SamplingSpec = { split: { kind: 'random' }, seed: 11, validationFraction: 0.2, rowFraction: 1, keepRates: {} };
const noColumns: Table = { source: 't', rowCount: n, columns: [] };
const sample = (labels: Uint8Array[], rates: number[], s: SamplingSpec = sampling) => sampleRows(labels, rates, s, splitRows(noColumns, s));

describe('sampleRows', () => {
  it('gives the same rows for the same seed and different rows for another seed', () => {
    const a = sample([labelsA], [0.1]);
    const b = sample([labelsA], [0.1]);
    const c = sample([labelsA], [0.1], { ...sampling, seed: 12 });
    expect([...a.train]).toEqual([...b.train]);
    expect([...a.validation]).toEqual([...b.validation]);
    expect([...a.validation]).not.toEqual([...c.validation]);
  });

  it('keeps every positive, keeps negatives at the keep rate, and never samples validation', () => {
    const s = sample([labelsA], [0.1]);
    expect(s.validation.length / n).toBeCloseTo(0.2, 1);
    const positives = [...s.train].filter((r) => labelsA[r] === 1).length;
    const negatives = s.train.length - positives;
    const trainPool = n - s.validation.length;
    const validationSet = new Set(s.validation);
    expect(positives).toBe([...Array(n).keys()].filter((r) => labelsA[r] === 1 && !validationSet.has(r)).length);
    expect(negatives / (trainPool * 0.9)).toBeCloseTo(0.1, 1);
    expect([...s.validation].filter((r) => labelsA[r] === 1).length / s.validation.length).toBeCloseTo(0.1, 1);
  });

  it('gives each task its own mask; a row stays when any task keeps it', () => {
    const s = sample([labelsA, labelsB], [0.1, 1]);
    expect(s.taskMasks[1].every((m) => m === 1)).toBe(true);
    const keptA = s.taskMasks[0].reduce((a, m) => a + m, 0);
    expect(keptA).toBeLessThan(s.train.length * 0.3);
    // changing one keep rate does not move the split
    const other = sample([labelsA, labelsB], [0.5, 1]);
    expect([...other.validation]).toEqual([...s.validation]);
  });
});

describe('splitRows', () => {
  const rows = 1000;
  const table: Table = {
    source: 't',
    rowCount: rows,
    columns: [
      // time goes backwards with the row index, so "latest" means the first rows
      { kind: 'number', name: 'time_ms', values: Float64Array.from({ length: rows }, (_, i) => 1_650_000_000_000 - i * 1000), missing: new Uint8Array(rows) },
      { kind: 'number', name: 'user_id', values: Float64Array.from({ length: rows }, (_, i) => i % 50), missing: new Uint8Array(rows) },
      { kind: 'string', name: 'when', codes: Int32Array.from({ length: rows }, (_, i) => (i < 500 ? 0 : 1)), dictionary: ['2022-04-21 10:00:00', '2022-04-08 09:00:00'] },
    ],
  };

  it('by time holds out the latest share of rows', () => {
    const v = splitRows(table, { ...sampling, split: { kind: 'time', column: 'time_ms' } });
    expect(v.reduce((s, x) => s + x, 0)).toBe(200);
    expect([...v.slice(0, 200)].every((x) => x === 1)).toBe(true);
    expect([...v.slice(200)].every((x) => x === 0)).toBe(true);
    // ISO text times work too; ties at the cutoff stay together (all 500 rows of the later day).
    const byText = splitRows(table, { ...sampling, split: { kind: 'time', column: 'when' } });
    expect(byText.reduce((s, x) => s + x, 0)).toBe(500);
  });

  it('by user holds out whole users, seeded', () => {
    const v = splitRows(table, { ...sampling, split: { kind: 'user', column: 'user_id' } });
    const heldOut = new Set<number>();
    const seen = new Set<number>();
    v.forEach((x, i) => (x ? heldOut : seen).add(i % 50));
    expect([...heldOut].some((u) => seen.has(u))).toBe(false);
    expect(heldOut.size).toBeGreaterThan(2);
    expect(heldOut.size).toBeLessThan(25);
    expect([...splitRows(table, { ...sampling, split: { kind: 'user', column: 'user_id' } })]).toEqual([...v]);
  });
});
