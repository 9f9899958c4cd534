import { describe, expect, it } from 'vitest';
import { presentQuantiles, valuesAtRanks } from './quantiles';

function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296);
}

describe('quantiles by selection', () => {
  it('finds the same order statistics as a sort, on random, sorted, reversed and constant data', () => {
    const rand = seeded(3);
    const n = 20_001;
    const shapes: Record<string, Float64Array> = {
      random: Float64Array.from({ length: n }, () => rand() * 100 - 50),
      fewValues: Float64Array.from({ length: n }, () => Math.floor(rand() * 4)),
      sorted: Float64Array.from({ length: n }, (_, i) => i),
      reversed: Float64Array.from({ length: n }, (_, i) => n - i),
      constant: new Float64Array(n).fill(7),
    };
    const ranks = [0, 200, 10_000, 19_800, n - 1, 200];
    for (const [shape, values] of Object.entries(shapes)) {
      const sorted = Float64Array.from(values).sort();
      expect(valuesAtRanks(Float64Array.from(values), ranks), shape).toEqual(ranks.map((r) => sorted[r]));
    }
  });

  it('leaves missing cells out and clamps the ranks', () => {
    const values = Float64Array.from([5, 1, 9, 100, 3, 7]);
    const missing = Uint8Array.from([0, 0, 0, 1, 0, 0]); // the 100 is missing
    expect(presentQuantiles(values, missing, [0, 0.5, 0.99, 1])).toEqual([1, 5, 9, 9]);
    expect(presentQuantiles(values, new Uint8Array(6).fill(1), [0.5])).toBeNull();
  });
});
