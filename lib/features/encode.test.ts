import { describe, expect, it } from 'vitest';
import type { Table } from '../data/table';
import type { FeatureSpec } from '../formulate/spec';
import { encodeRows, fitEncoders } from './encode';

const table: Table = {
  source: 't',
  rowCount: 5,
  columns: [
    { kind: 'number', name: 'price', values: Float64Array.from([1, 2, 3, NaN, 100]), missing: Uint8Array.from([0, 0, 0, 1, 0]) },
    { kind: 'string', name: 'city', codes: Int32Array.from([0, 1, 0, -1, 2]), dictionary: ['paris', 'rome', 'oslo'] },
    { kind: 'number', name: 'user', values: Float64Array.from([10, 11, 12, 13, 14]), missing: new Uint8Array(5) },
    { kind: 'string', name: 'tags', codes: Int32Array.from([0, 1, 2, -1, 0]), dictionary: ['a|b', 'b', 'a|b|c|d'] },
    // 2022-04-08 (a Friday) at 09:30 UTC, then +1 day +1 hour each row; row 3 is a date only
    { kind: 'number', name: 'ts', values: Float64Array.from([1649410200000, 1649500200000, 1649590200000, 20220411, 1649770200000]), missing: new Uint8Array(5) },
  ],
};
const features: FeatureSpec[] = [
  { column: 'price', encoding: 'numeric', log: false },
  { column: 'city', encoding: 'embedding', minCount: 1 },
  { column: 'user', encoding: 'embedding', minCount: 1 },
  { column: 'tags', encoding: 'bag', separator: '|', maxLength: 3, minCount: 2 },
  { column: 'ts', encoding: 'time' },
];
const train = Int32Array.from([0, 1, 2, 3]); // row 4 is "validation"

describe('encoders', () => {
  const enc = fitEncoders(table, features, train, { maxVocabulary: 4 });

  it('standardises numbers with training statistics and flags missing values', () => {
    // price on train rows 0..2 (row 3 missing): mean 2, sample std 1; training had a gap → indicator column
    expect(enc.numeric).toEqual([{ column: 'price', log: false, mean: 2, std: 1, missingIndicator: true }]);
    const out = encodeRows(table, enc, Int32Array.from([0, 3, 4]));
    expect(out.denseDim).toBe(2);
    // (1−2)/1 = −1 present; missing → 0 with flag 1; (100−2)/1 = 98 clipped to 10
    expect([...out.dense]).toEqual([-1, 0, 0, 1, 10, 0]);
  });

  it('maps ids to a vocabulary with missing and out-of-vocabulary slots, or to hash buckets', () => {
    // city: {paris ×2, rome ×1} → slots 2, 3 (most frequent first); 0 missing, 1 OOV
    expect(enc.sparse[0]).toMatchObject({ column: 'city', part: 'value', mode: 'vocabulary', offset: 0, size: 4, values: ['paris', 'rome'] });
    // user: 4 distinct + 2 > maxVocabulary 4 → hashed into 4 buckets at offset 4
    expect(enc.sparse[1]).toMatchObject({ column: 'user', mode: 'hash', offset: 4, size: 4 });
    const out = encodeRows(table, enc, Int32Array.from([0, 3, 4]));
    expect(out.idDim).toBe(4); // city, user, hour, weekday
    // paris → 2; missing → 0; oslo (unseen in training) → 1 (OOV)
    expect([out.ids[0], out.ids[4], out.ids[8]]).toEqual([2, 0, 1]);
    for (const i of [1, 5, 9]) expect(out.ids[i]).toBeGreaterThanOrEqual(5); // hashed users: never the missing slot
    for (const i of [1, 5, 9]) expect(out.ids[i]).toBeLessThan(8);
  });

  it('hashes a numeric id column only when more ids reach minCount than the vocabulary holds', () => {
    // maxVocabulary 6 keeps 4 ids. Ids 1–4 twice each, 5–9 once (below minCount 2): a vocabulary of 1–4.
    const ids = (values: number[]): Table => ({ source: 'ids', rowCount: values.length, columns: [{ kind: 'number', name: 'id', values: Float64Array.from(values), missing: new Uint8Array(values.length) }] });
    const fit = (values: number[]) => fitEncoders(ids(values), [{ column: 'id', encoding: 'embedding', minCount: 2 }], Int32Array.from(values, (_, i) => i), { maxVocabulary: 6 }).sparse[0];
    const fourTwice = [1, 2, 3, 4, 1, 2, 3, 4, 5, 6, 7, 8, 9];
    expect(fit(fourTwice)).toMatchObject({ mode: 'vocabulary', size: 6, values: ['1', '2', '3', '4'] });
    // A fifth id seen twice, even as the very last row, tips it over.
    expect(fit([...fourTwice, 9])).toMatchObject({ mode: 'hash', size: 6 });
    // Ids seen a third time count once.
    expect(fit([...fourTwice, 1, 1, 2])).toMatchObject({ mode: 'vocabulary', size: 6 });
  });

  it('turns timestamps into hour and weekday slots', () => {
    const [hour, weekday] = enc.sparse.slice(2);
    const out = encodeRows(table, enc, Int32Array.from([0, 3]));
    // row 0: 09:30 UTC Friday → hour slot 10, weekday slot 6 (getUTCDay 5 + 1)
    expect(out.ids[2] - hour.offset).toBe(10);
    expect(out.ids[3] - weekday.offset).toBe(6);
    // row 3: YYYYMMDD 2022-04-11 is a Monday with no time → hour slot 0, weekday slot 2
    expect(out.ids[6] - hour.offset).toBe(0);
    expect(out.ids[7] - weekday.offset).toBe(2);
  });

  it('encodes id lists as weighted bags with min-count vocabulary and padding', () => {
    // tags in training: a ×2, b ×3, c ×1, d ×1 → minCount 2 keeps b, a (slots 2, 3); c and d are OOV (1)
    const bag = enc.bags[0];
    expect(bag).toMatchObject({ column: 'tags', mode: 'vocabulary', values: ['b', 'a'], maxLength: 3 });
    const out = encodeRows(table, enc, Int32Array.from([0, 2, 3]));
    expect(out.bagDim).toBe(3);
    const o = bag.offset;
    // row 0 "a|b" → [a, b, pad] weights ½ ½ 0
    expect([...out.bagIds.slice(0, 3)]).toEqual([o + 3, o + 2, o]);
    expect([...out.bagWeights.slice(0, 3)]).toEqual([0.5, 0.5, 0]);
    // row 2 "a|b|c|d" truncated to 3 → [a, b, OOV] weights ⅓ each
    expect([...out.bagIds.slice(3, 6)]).toEqual([o + 3, o + 2, o + 1]);
    expect(out.bagWeights[3]).toBeCloseTo(1 / 3, 6);
    // row 3 missing list → the missing slot with weight 1
    expect([...out.bagIds.slice(6, 9)]).toEqual([o, o, o]);
    expect([...out.bagWeights.slice(6, 9)]).toEqual([1, 0, 0]);
  });

  it('applies log1p before standardising when asked, and is deterministic', () => {
    const logEnc = fitEncoders(table, [{ column: 'price', encoding: 'numeric', log: true }], train, { maxVocabulary: 4 });
    const m = (Math.log1p(1) + Math.log1p(2) + Math.log1p(3)) / 3;
    expect(logEnc.numeric[0].mean).toBeCloseTo(m, 12);
    const a = encodeRows(table, fitEncoders(table, features, train, { maxVocabulary: 4 }), train);
    const b = encodeRows(table, fitEncoders(table, features, train, { maxVocabulary: 4 }), train);
    expect([...a.ids]).toEqual([...b.ids]);
  });
});
