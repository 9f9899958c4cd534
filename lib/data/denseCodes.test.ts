import { describe, expect, it } from 'vitest';
import { denseCodes } from './denseCodes';

/** The reference: a Map, whose key equality (SameValueZero) the codes must follow. */
function withMap(keys: number[]): { codes: number[]; count: number } {
  const seen = new Map<number, number>();
  const codes = keys.map((k) => seen.get(k) ?? (seen.set(k, seen.size), seen.size - 1));
  return { codes, count: seen.size };
}

describe('denseCodes', () => {
  it('numbers keys in order of first appearance, as a Map would', () => {
    const keys = [7, 3, 7, -0, 0, NaN, 3.5, NaN, 1e300, -7, 3];
    const { codes, count } = denseCodes(Float64Array.from(keys));
    expect({ codes: [...codes], count }).toEqual(withMap(keys));
    expect(count).toBe(7); // 7, 3, 0 (= −0), NaN, 3.5, 1e300, −7
  });

  it('stays exact through many growths of its table', () => {
    let s = 12345;
    const rand = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296);
    // 300k rows over ~100k distinct ids, some fractional and negative.
    const keys = Array.from({ length: 300_000 }, () => Math.floor(rand() * 100_000) / (rand() < 0.1 ? 4 : 1) - 5_000);
    const { codes, count } = denseCodes(Float64Array.from(keys));
    const expected = withMap(keys);
    expect(count).toBe(expected.count);
    let mismatches = 0;
    for (let i = 0; i < keys.length; i++) if (codes[i] !== expected.codes[i]) mismatches++;
    expect(mismatches).toBe(0);
  });
});
