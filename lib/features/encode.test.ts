import { describe, expect, it } from 'vitest';
import type { Table } from '../data/table';
import { encodeRows, fitEncoders } from './encode';

const table: Table = {
  source: 't',
  rowCount: 5,
  columns: [
    { kind: 'number', name: 'price', values: Float64Array.from([1, 2, 3, NaN, 100]), missing: Uint8Array.from([0, 0, 0, 1, 0]) },
    { kind: 'string', name: 'city', codes: Int32Array.from([0, 1, 0, -1, 2]), dictionary: ['paris', 'rome', 'oslo'] },
    { kind: 'number', name: 'user', values: Float64Array.from([10, 11, 12, 13, 14]), missing: new Uint8Array(5) },
  ],
};
const features = [
  { column: 'price', encoding: 'numeric' as const },
  { column: 'city', encoding: 'embedding' as const },
  { column: 'user', encoding: 'embedding' as const },
];

describe('encoders', () => {
  it('standardises numbers with training statistics and maps ids into one shared table', () => {
    const train = Int32Array.from([0, 1, 2, 3]); // row 4 is "validation"
    const enc = fitEncoders(table, features, train, 3);
    // price on train rows 0..2 (row 3 missing): mean 2, sample std 1
    expect(enc.numeric).toEqual([{ column: 'price', mean: 2, std: 1 }]);
    // city: vocabulary {paris, rome} + slot 0 for missing/unseen → size 3 at offset 0
    expect(enc.sparse[0]).toMatchObject({ column: 'city', mode: 'vocabulary', offset: 0, size: 3, vocabulary: ['paris', 'rome'] });
    // user: 4 distinct > maxVocabulary 3 − 1 → hashed into 3 buckets at offset 3
    expect(enc.sparse[1]).toMatchObject({ column: 'user', mode: 'hash', offset: 3, size: 3 });
    expect(enc.vocabularySize).toBe(6);

    const out = encodeRows(table, enc, Int32Array.from([0, 3, 4]));
    expect([...out.dense]).toEqual([-1, 0, 10]); // (1−2)/1; missing → 0; (100−2)/1 = 98 clipped to 10
    expect(out.idDim).toBe(2);
    // paris → 1, missing → 0, oslo (unseen in training) → 0
    expect([out.ids[0], out.ids[2], out.ids[4]]).toEqual([1, 0, 0]);
    // hashed users land in 1..2 of their slice (never slot 0, which means missing)
    for (const i of [1, 3, 5]) expect(out.ids[i]).toBeGreaterThanOrEqual(4);
    for (const i of [1, 3, 5]) expect(out.ids[i]).toBeLessThan(6);
  });

  it('is deterministic', () => {
    const train = Int32Array.from([0, 1, 2, 3, 4]);
    const a = encodeRows(table, fitEncoders(table, features, train, 3), train);
    const b = encodeRows(table, fitEncoders(table, features, train, 3), train);
    expect([...a.ids]).toEqual([...b.ids]);
  });
});
