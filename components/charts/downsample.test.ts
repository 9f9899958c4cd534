import { describe, expect, it } from 'vitest';
import { downsample } from './downsample';

describe('downsample', () => {
  it('returns short series unchanged', () => {
    const pts = [{ step: 1, loss: 2 }];
    expect(downsample(pts, 10, ['loss'])).toBe(pts);
  });
  it('averages buckets and keeps the last step of each', () => {
    const pts = Array.from({ length: 10 }, (_, i) => ({ step: i + 1, loss: i }));
    // buckets of 5: losses 0..4 → 2, 5..9 → 7
    expect(downsample(pts, 2, ['loss'])).toEqual([
      { step: 5, loss: 2 },
      { step: 10, loss: 7 },
    ]);
  });
});
