import { describe, expect, it } from 'vitest';
import { radixSortFloat32 } from './radixSort';

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
