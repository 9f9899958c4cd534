import { describe, expect, it } from 'vitest';
import { compareWithTruth, headReport } from './report';

describe('headReport', () => {
  it('bundles every metric, with group metrics only when groups are given', () => {
    const p = Float32Array.from([0.9, 0.2, 0.7, 0.1, 0.6, 0.3]);
    const y = Uint8Array.from([1, 0, 1, 0, 0, 1]);
    const withGroups = headReport(p, y, [1, 1, 1, 2, 2, 2], null);
    expect(withGroups).toMatchObject({ rows: 6, positives: 3, truth: null });
    expect(withGroups.gauc).not.toBeNull();
    expect(withGroups.roc[0]).toEqual({ x: 0, y: 0, threshold: Infinity });
    expect(headReport(p, y, null, null)).toMatchObject({ gauc: null, ndcgAt10: null, recallAt10: null });
  });

  it('compares predictions with known true probabilities', () => {
    const truth = [0.1, 0.2, 0.3, 0.4];
    expect(compareWithTruth(truth, truth, 2)).toEqual({ meanAbsoluteError: 0, correlation: expect.closeTo(1, 12), bins: [expect.objectContaining({ meanPredicted: expect.closeTo(0.15, 12), meanTrue: expect.closeTo(0.15, 12) }), expect.objectContaining({ count: 2 })] });
    // predictions twice the truth: MAE = mean(truth) = 0.25, still perfectly correlated
    const doubled = compareWithTruth(truth.map((t) => 2 * t), truth);
    expect(doubled.meanAbsoluteError).toBeCloseTo(0.25, 12);
    expect(doubled.correlation).toBeCloseTo(1, 12);
  });
});
