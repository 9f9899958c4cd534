import { describe, expect, it } from 'vitest';
import type { Table } from '../data/table';
import type { ProblemSpec, SamplingSpec } from '../formulate/spec';
import { recalibrate } from './recalibrate';
import { positiveShareAfterSampling, sampleRows } from './sample';
import { splitRows } from './split';

const n = 20000;
const num = (name: string, values: ArrayLike<number>, missing?: ArrayLike<number>) => ({ kind: 'number' as const, name, values: Float64Array.from(values), missing: Uint8Array.from(missing ?? new Uint8Array(values.length)) });
const table: Table = {
  source: 't',
  rowCount: n,
  columns: [
    num('user', Array.from({ length: n }, (_, i) => i % 100)),
    num('a', Array.from({ length: n }, (_, i) => (i % 10 === 0 ? 1 : 0))), // 10% positives
    num('b', Array.from({ length: n }, (_, i) => (i % 2 === 0 ? 1 : 0))), // 50% positives
    // label unknown on every 7th row
    num('c', Array.from({ length: n }, (_, i) => (i % 3 === 0 ? 1 : 0)), Array.from({ length: n }, (_, i) => (i % 7 === 0 ? 1 : 0))),
  ],
};
const base: SamplingSpec = { split: { kind: 'random' }, seed: 11, validationFraction: 0.2, rowFraction: 1, keepRates: {}, upsample: {}, capPerUser: null, dropDuplicates: false, dropMissingLabels: true };
const spec = (targets: string[], sampling: Partial<SamplingSpec> = {}): ProblemSpec => ({ version: 1, targets, derived: [], formulation: { kind: 'pointwise' }, features: [{ column: 'user', encoding: 'embedding', minCount: 1 }], userColumn: 'user', sampling: { ...base, ...sampling } });

describe('sampleRows', () => {
  it('gives the same rows for the same seed and different rows for another seed', () => {
    const a = sampleRows(table, spec(['a'], { keepRates: { a: 0.1 } }));
    const b = sampleRows(table, spec(['a'], { keepRates: { a: 0.1 } }));
    const c = sampleRows(table, spec(['a'], { keepRates: { a: 0.1 }, seed: 12 }));
    expect([...a.train]).toEqual([...b.train]);
    expect([...a.validation]).not.toEqual([...c.validation]);
  });

  it('keeps every positive, keeps negatives at the keep rate, never samples validation, and counts it all', () => {
    const s = sampleRows(table, spec(['a'], { keepRates: { a: 0.1 } }));
    const t = s.summary.perTask[0];
    expect(s.validation.length / n).toBeCloseTo(0.2, 1);
    expect(t.after.positives).toBe(t.before.positives);
    expect(t.after.negatives / t.before.negatives).toBeCloseTo(0.1, 1);
    expect(s.summary.trainRows).toBe(s.train.length);
    // positive share after sampling ≈ 0.1 / (0.1 + 0.1·0.9) = 0.526
    expect(t.positiveShare).toBeCloseTo(positiveShareAfterSampling(0.1, 0.1), 1);
    expect([...s.validation].filter((r) => r % 10 === 0).length / s.validation.length).toBeCloseTo(0.1, 1);
  });

  it('gives each task its own weights; changing one keep rate does not move the split', () => {
    const s = sampleRows(table, spec(['a', 'b'], { keepRates: { a: 0.1, b: 1 } }));
    expect(s.taskWeights[1].every((w) => w === 1)).toBe(true);
    expect(s.taskWeights[0].filter((w) => w > 0).length).toBeLessThan(s.train.length * 0.3);
    const other = sampleRows(table, spec(['a', 'b'], { keepRates: { a: 0.5, b: 1 } }));
    expect([...other.validation]).toEqual([...s.validation]);
  });

  it('upsamples positives as a weight and recalibrates with w/k', () => {
    const s = sampleRows(table, spec(['a'], { keepRates: { a: 0.5 }, upsample: { a: 4 } }));
    const positiveWeights = [...s.train].map((r, i) => [r, s.taskWeights[0][i]]).filter(([r]) => r % 10 === 0);
    expect(positiveWeights.every(([, w]) => w === 4)).toBe(true);
    expect(s.calibrationRates).toEqual([0.125]);
    // a head that learned odds ×(k/w) = ×8: p = 8·0.1/(8·0.1 + 0.9) → back to 0.1
    expect(recalibrate(0.8 / 1.7, 0.125)).toBeCloseTo(0.1, 12);
  });

  it('caps training impressions per user but leaves validation alone', () => {
    const s = sampleRows(table, spec(['b'], { capPerUser: 50 }));
    const perUser = new Map<number, number>();
    for (const r of s.train) perUser.set(r % 100, (perUser.get(r % 100) ?? 0) + 1);
    expect(Math.max(...perUser.values())).toBe(50);
    expect(s.summary.cappedRemoved).toBe(n - s.validation.length - s.train.length);
    expect(s.validation.length).toBe(sampleRows(table, spec(['b'])).validation.length);
  });

  it('drops exact duplicate rows and rows whose label is missing', () => {
    const dup: Table = { ...table, columns: [num('user', [1, 1, 2, 1]), num('c', [1, 1, 0, 0], [0, 0, 0, 1])], rowCount: 4 };
    const s = sampleRows(dup, { ...spec(['c'], { validationFraction: 0.05, dropDuplicates: true }), userColumn: 'user' });
    expect(s.summary.duplicatesRemoved).toBe(1);
    // row 3's label is missing: counted when it falls on the training side, and never trained on
    expect(s.summary.perTask[0].missing).toBe([...s.validation].includes(3) ? 0 : 1);
    expect([...s.train]).not.toContain(3);
    const known = sampleRows(table, spec(['c']));
    expect(known.summary.perTask[0].missing).toBeGreaterThan(0);
    expect([...known.train].filter((r, i) => r % 7 === 0 && known.taskWeights[0][i] > 0)).toEqual([]);
    expect([...known.validationKnown[0]].filter((k) => k === 0).length).toBe([...known.validation].filter((r) => r % 7 === 0).length);
  });
});

describe('splitRows', () => {
  const rows = 1000;
  const timed: Table = {
    source: 't',
    rowCount: rows,
    columns: [
      // time goes backwards with the row index, so "latest" means the first rows
      num('time_ms', Array.from({ length: rows }, (_, i) => 1_650_000_000_000 - i * 1000)),
      num('user_id', Array.from({ length: rows }, (_, i) => i % 50)),
      { kind: 'string', name: 'when', codes: Int32Array.from({ length: rows }, (_, i) => (i < 500 ? 0 : 1)), dictionary: ['2022-04-21 10:00:00', '2022-04-08 09:00:00'] },
    ],
  };

  it('by time holds out the latest share of rows', () => {
    const v = splitRows(timed, { ...base, split: { kind: 'time', column: 'time_ms' } });
    expect(v.reduce((s, x) => s + x, 0)).toBe(200);
    expect([...v.slice(0, 200)].every((x) => x === 1)).toBe(true);
    expect([...v.slice(200)].every((x) => x === 0)).toBe(true);
    // ISO text times work too; ties at the cutoff stay together (all 500 rows of the later day).
    const byText = splitRows(timed, { ...base, split: { kind: 'time', column: 'when' } });
    expect(byText.reduce((s, x) => s + x, 0)).toBe(500);
  });

  it('by user holds out whole users, seeded', () => {
    const v = splitRows(timed, { ...base, split: { kind: 'user', column: 'user_id' } });
    const heldOut = new Set<number>();
    const seen = new Set<number>();
    v.forEach((x, i) => (x ? heldOut : seen).add(i % 50));
    expect([...heldOut].some((u) => seen.has(u))).toBe(false);
    expect(heldOut.size).toBeGreaterThan(2);
    expect(heldOut.size).toBeLessThan(25);
    expect([...splitRows(timed, { ...base, split: { kind: 'user', column: 'user_id' } })]).toEqual([...v]);
  });
});
