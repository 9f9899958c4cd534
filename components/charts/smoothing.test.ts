import { describe, expect, it } from 'vitest';
import { emaSmooth } from './smoothing';

describe('EMA smoothing', () => {
  it('is debiased: a constant series stays constant from the first point', () => {
    expect(emaSmooth([2, 2, 2], 0.9)).toEqual([2, 2, 2].map(() => expect.closeTo(2, 10)));
  });

  it('follows the hand-worked recursion', () => {
    // α = 0.5: s1 = (0.5·1) / 0.5 = 1; s2 = (0.5·0.5 + 0.5·3) / (1 − 0.25) = 1.75 / 0.75
    const [a, b] = emaSmooth([1, 3], 0.5);
    expect(a).toBeCloseTo(1);
    expect(b).toBeCloseTo(1.75 / 0.75);
    expect(emaSmooth([1, 3], 0)).toEqual([1, 3]);
  });
});
