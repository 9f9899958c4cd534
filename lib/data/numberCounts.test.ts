import { describe, expect, it } from 'vitest';
import { NumberCounts } from './numberCounts';

describe('NumberCounts', () => {
  it('counts like a Map, through growth, with −0 = 0 and awkward floats', () => {
    let s = 1;
    const rand = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296);
    const values = [0, -0, 1e-300, -1e300, 0.1 + 0.2, 0.3, Infinity, -Infinity, NaN, 1023, 1024, -1, 5.5, 2 ** 31, 2 ** 32 + 3, 7, 7, 1023, ...Array.from({ length: 20_000 }, () => Math.floor(rand() * 3000) / 7)];
    const counts = new NumberCounts(4);
    const reference = new Map<number, number>();
    for (const v of values) {
      counts.add(v);
      reference.set(v, (reference.get(v) ?? 0) + 1);
    }
    expect(counts.size).toBe(reference.size);
    const seen = new Map<number, number>();
    counts.forEach((v, n) => seen.set(v, n));
    expect(seen).toEqual(reference);
  });
});

describe('distinct counts in role inference', () => {
  it('counts exactly up to the limit and says "+" beyond it', async () => {
    const { inferRoles, distinctText, DISTINCT_LIMIT } = await import('./roles');
    const rows = DISTINCT_LIMIT + 10;
    const values = Float64Array.from({ length: rows }, (_, i) => i / 3);
    const [profile] = inferRoles({ source: 't', rowCount: rows, columns: [{ kind: 'number', name: 'price', values, missing: new Uint8Array(rows) }] });
    expect(profile.distinctCapped).toBe(true);
    expect(distinctText(profile)).toBe(`${DISTINCT_LIMIT.toLocaleString('en-US')}+`);
    const [small] = inferRoles({ source: 't', rowCount: 5, columns: [{ kind: 'number', name: 'price', values: Float64Array.from([1.5, 2.5, 1.5, -0, 0]), missing: new Uint8Array(5) }] });
    expect(small.distinct).toBe(3);
    expect(small.distinctCapped).toBeUndefined();
  });
});
