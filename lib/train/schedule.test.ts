import { describe, expect, it } from 'vitest';
import { learningRateAt } from './schedule';

describe('learning-rate schedule', () => {
  it('warms up linearly, then holds the base rate without decay', () => {
    expect([1, 2, 4, 5, 100].map((s) => learningRateAt(s, 100, 0.1, 4, 'none'))).toEqual([0.025, 0.05, 0.1, 0.1, 0.1]);
  });

  it('decays by a half cosine over the steps after warm-up, down to 5% of the base', () => {
    expect(learningRateAt(10, 110, 1, 10, 'cosine')).toBeCloseTo(1);
    // Half-way through the decay: 0.05 + 0.95 · 0.5
    expect(learningRateAt(60, 110, 1, 10, 'cosine')).toBeCloseTo(0.525);
    expect(learningRateAt(110, 110, 1, 10, 'cosine')).toBeCloseTo(0.05);
  });

  it('decays linearly without warm-up', () => {
    expect(learningRateAt(0, 100, 2, 0, 'linear')).toBeCloseTo(2);
    expect(learningRateAt(50, 100, 2, 0, 'linear')).toBeCloseTo(2 * (0.05 + 0.95 * 0.5));
  });
});
