import { describe, expect, it } from 'vitest';
import golden from './golden.json';
import { auc } from './auc';
import { expectedCalibrationError, reliabilityBins, uniformReliabilityBins } from './calibration';
import { averagePrecision, downsampleCurve, precisionRecallCurve, rocCurve } from './curves';
import { logLoss, normalizedEntropy } from './logloss';
import { dcgAtK, gauc, ndcgAtK, recallAtK } from './ranking';

// Expected values were computed by scikit-learn (see golden.generator and scripts/golden/).
describe(`metrics against scikit-learn (${golden.generator})`, () => {
  const { scores, labels, groups, probs, probLabels } = golden;

  it('AUC, GAUC, log loss and average precision', () => {
    expect(auc(scores, labels)).toBeCloseTo(golden.auc, 12);
    expect(gauc(scores, labels, groups).gauc).toBeCloseTo(golden.gauc, 12);
    expect(logLoss(probs, probLabels)).toBeCloseTo(golden.logLoss, 10);
    expect(averagePrecision(scores, labels)).toBeCloseTo(golden.averagePrecision, 12);
  });

  it('normalized entropy and ECE (quantile and uniform bins) to 1e-9', () => {
    expect(Math.abs(normalizedEntropy(probs, probLabels) - golden.normalizedEntropy)).toBeLessThan(1e-9);
    expect(Math.abs(expectedCalibrationError(reliabilityBins(probs, probLabels, 10)) - golden.eceQuantile)).toBeLessThan(1e-9);
    expect(Math.abs(expectedCalibrationError(uniformReliabilityBins(probs, probLabels, 10)) - golden.eceUniform)).toBeLessThan(1e-9);
  });

  it('ROC and precision–recall curves point for point', () => {
    const roc = rocCurve(scores, labels);
    expect(roc.map((p) => p.x)).toEqual(golden.roc.fpr.map((v) => expect.closeTo(v, 12)));
    expect(roc.map((p) => p.y)).toEqual(golden.roc.tpr.map((v) => expect.closeTo(v, 12)));
    const pr = precisionRecallCurve(scores, labels);
    expect(pr.map((p) => p.y)).toEqual(golden.pr.precision.map((v) => expect.closeTo(v, 12)));
    expect(pr.map((p) => p.x)).toEqual(golden.pr.recall.map((v) => expect.closeTo(v, 12)));
  });

  it('NDCG@5 per user with tied scores sharing their gain', () => {
    expect(ndcgAtK(scores, labels, groups, 5)).toBeCloseTo(golden.ndcgAt5, 12);
  });

  it('reliability bins (uniform and quantile) as calibration_curve', () => {
    const uniform = uniformReliabilityBins(probs, probLabels, 10);
    expect(uniform.map((b) => b.observedRate)).toEqual(golden.calibrationUniform.observed.map((v) => expect.closeTo(v, 12)));
    expect(uniform.map((b) => b.meanPredicted)).toEqual(golden.calibrationUniform.predicted.map((v) => expect.closeTo(v, 12)));
    const quantile = reliabilityBins(probs, probLabels, 10);
    expect(quantile.map((b) => b.observedRate)).toEqual(golden.calibrationQuantile.observed.map((v) => expect.closeTo(v, 12)));
    expect(quantile.map((b) => b.meanPredicted)).toEqual(golden.calibrationQuantile.predicted.map((v) => expect.closeTo(v, 12)));
  });
});

describe('ranking metrics by hand', () => {
  it('DCG with graded relevance uses 2^rel − 1', () => {
    // ranks 1..3 with rel 3, 2, 0: 7/log2(2) + 3/log2(3) + 0 = 7 + 1.892789 = 8.892789
    expect(dcgAtK([3, 2, 0], 3)).toBeCloseTo(8.892789, 6);
    expect(dcgAtK([3, 2, 0], 1)).toBe(7);
  });

  it('NDCG, recall@k and GAUC skip groups they cannot score', () => {
    const scores = [0.9, 0.8, 0.1, 0.7, 0.6, 0.5];
    const y = [0, 1, 1, 0, 0, 0];
    const keys = [1, 1, 1, 2, 2, 2]; // user 2 never acts
    // user 1 ranking: rows 0 (0), 1 (1), 2 (1) → DCG@2 = 1/log2(3); ideal = 1 + 1/log2(3)
    expect(ndcgAtK(scores, y, keys, 2)).toBeCloseTo(1 / Math.log2(3) / (1 + 1 / Math.log2(3)), 12);
    // user 1: top 2 holds 1 of its 2 positives
    expect(recallAtK(scores, y, keys, 2)).toBe(0.5);
    // user 1 AUC: positives 0.8, 0.1 vs negative 0.9 → 0; user 2 skipped
    expect(gauc(scores, y, keys)).toEqual({ gauc: 0, usersUsed: 1, usersSkipped: 1 });
  });

  it('downsamples curves keeping both ends', () => {
    const pts = Array.from({ length: 1001 }, (_, i) => ({ x: i / 1000, y: i / 1000, threshold: 1 - i / 1000 }));
    const d = downsampleCurve(pts, 11);
    expect(d).toHaveLength(11);
    expect(d[0]).toBe(pts[0]);
    expect(d[10]).toBe(pts[1000]);
  });
});
