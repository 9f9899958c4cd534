import { describe, expect, it } from 'vitest';
import { recalibrate, recalibrateAll } from './recalibrate';
import { positiveShareAfterSampling } from './sample';

describe('recalibrate (q = p / (p + (1 − p)/w))', () => {
  it.each([
    // p, w, q worked by hand
    [0.5, 0.1, 0.5 / (0.5 + 0.5 / 0.1)], // = 0.5 / 5.5 = 0.0909…
    [0.5, 0.1, 1 / 11],
    [0.2, 0.5, 0.2 / (0.2 + 0.8 / 0.5)], // = 0.2 / 1.8 = 0.111…
    [0.9, 0.01, 0.9 / (0.9 + 0.1 / 0.01)], // = 0.9 / 10.9 = 0.0826
    [0.3, 1, 0.3], // keep rate 1: nothing to undo
    [0, 0.1, 0],
    [1, 0.1, 1],
  ])('p=%f, w=%f → %f', (p, w, q) => {
    expect(recalibrate(p, w)).toBeCloseTo(q, 12);
  });

  it('equals adding ln w to the logit', () => {
    const p = 0.37;
    const w = 0.05;
    const logit = Math.log(p / (1 - p)) + Math.log(w);
    expect(recalibrate(p, w)).toBeCloseTo(1 / (1 + Math.exp(-logit)), 12);
  });

  it('undoes the odds shift that downsampling causes', () => {
    // True rate 1%: after keeping 10% of negatives, positives are 0.01 / (0.01 + 0.099) = 9.17% of rows.
    const sampled = positiveShareAfterSampling(0.01, 0.1);
    expect(sampled).toBeCloseTo(0.01 / 0.109, 12);
    expect(recalibrate(sampled, 0.1)).toBeCloseTo(0.01, 12);
    expect([...recalibrateAll(Float32Array.from([sampled]), 0.1)][0]).toBeCloseTo(0.01, 6);
  });
});
