import { describe, expect, it } from 'vitest';
import { radixSortFloat32 } from './radixSort';
import { sortByScore } from './sorted';

describe('radixSortFloat32', () => {
  it('sorts like the native sort, negatives, zeros, ties and infinities included', () => {
    let s = 5;
    const rand = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296);
    const values = Float32Array.from({ length: 20_000 }, () => (rand() - 0.4) * 10 ** Math.floor(rand() * 8 - 4));
    values.set([0, -0, Infinity, -Infinity, 1e-40, -1e-40, 0.5, 0.5], 0);
    const expected = Array.from(values.slice().sort());
    const got = Array.from(radixSortFloat32(values));
    expect(got.map((v) => (v === 0 ? 0 : v))).toEqual(expected.map((v) => (v === 0 ? 0 : v)));
    expect(radixSortFloat32(new Float32Array(0)).length).toBe(0);
  });
});

describe('sortByScore', () => {
  let s = 11;
  const rand = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296);
  /** The reference: the Float64 path (native sort of each class, merged with negatives first among ties). */
  const reference = (p: Float32Array, y: Uint8Array) => sortByScore(Array.from(p), y);

  it('orders probabilities by score with negatives first among ties, as the general path does', () => {
    // Coarse scores make many ties; 0 and 1 exactly are included.
    const p = Float32Array.from({ length: 5_000 }, () => Math.round(rand() * 20) / 20);
    const y = Uint8Array.from(p, (q) => (rand() < q ? 1 : 0));
    const got = sortByScore(p, y);
    const want = reference(p, y);
    expect(Array.from(got.values)).toEqual(Array.from(want.values));
    expect(Array.from(got.labels)).toEqual(Array.from(want.labels));
    expect(got.positives).toBe(want.positives);
  });

  it('falls back to sorting the classes apart for scores outside [0, 2): logits, NaN-free negatives, large values', () => {
    const p = Float32Array.from({ length: 3_000 }, () => Math.round((rand() - 0.5) * 400) / 10 + 0); // + 0: no −0, which the two paths may interleave differently with +0 ties
    const y = Uint8Array.from(p, () => (rand() < 0.3 ? 1 : 0));
    const got = sortByScore(p, y);
    const want = reference(p, y);
    expect(Array.from(got.values)).toEqual(Array.from(want.values));
    expect(Array.from(got.labels)).toEqual(Array.from(want.labels));
  });
});
