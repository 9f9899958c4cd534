import { describe, expect, it } from 'vitest';
import { applyIsotonic, fitIsotonic } from './isotonic';

describe('isotonic regression (pool adjacent violators)', () => {
  it('pools the violators, worked by hand', () => {
    // Sorted by score, labels 0 1 0 1 1: the 1,0 pair pools to 0.5 → steps 0, 0.5, 1.
    const map = fitIsotonic([0.1, 0.2, 0.3, 0.4, 0.5], [0, 1, 0, 1, 1]);
    expect([...map.thresholds]).toEqual([0.1, 0.2, 0.4]);
    expect([...map.values]).toEqual([0, 0.5, 1]);
    expect([...applyIsotonic(map, [0, 0.1, 0.25, 0.3, 0.45, 9])]).toEqual([0, 0, 0.5, 0.5, 1, 1]);
  });

  it('is non-decreasing, maps tied scores to one value, and keeps the mean (it is a least-squares fit)', () => {
    let s = 5;
    const rand = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296);
    const scores = Array.from({ length: 2000 }, () => Math.round(rand() * 50) / 50);
    const y = scores.map((p) => (rand() < p * 0.6 ? 1 : 0));
    const map = fitIsotonic(scores, y);
    for (let k = 1; k < map.values.length; k++) expect(map.values[k]).toBeGreaterThanOrEqual(map.values[k - 1]);
    expect(new Set(map.thresholds).size).toBe(map.thresholds.length);
    const fitted = applyIsotonic(map, scores);
    const mean = (v: ArrayLike<number>) => Array.from(v).reduce((a, b) => a + b, 0) / v.length;
    expect(mean(fitted)).toBeCloseTo(mean(y), 6);
  });
});
