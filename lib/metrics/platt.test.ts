import { describe, expect, it } from 'vitest';
import { calibrationRatio } from './calibration';
import { applyPlatt, crossFitPlatt, fitPlatt } from './platt';

describe('Platt scaling', () => {
  // Labels drawn from q = σ(2s − 1): the fit must recover a ≈ 2, b ≈ −1.
  let seed = 3;
  const rand = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 4294967296);
  const scores = Float64Array.from({ length: 20000 }, () => rand() * 6 - 3);
  const y = Uint8Array.from(scores, (s) => (rand() < 1 / (1 + Math.exp(-(2 * s - 1))) ? 1 : 0));

  it('recovers the parameters of a known logistic map', () => {
    const map = fitPlatt(scores, y);
    expect(map.a).toBeCloseTo(2, 1);
    expect(map.b).toBeCloseTo(-1, 1);
    expect(applyPlatt(map, [0.5])[0]).toBeCloseTo(0.5, 1);
  });

  it('cross-fitted probabilities are calibrated', () => {
    expect(calibrationRatio(crossFitPlatt(scores, y), y)).toBeCloseTo(1, 1);
  });
});
