import { describe, expect, it } from 'vitest';
import { auc } from './auc';
import { calibrationRatio, expectedCalibrationError, reliabilityBins } from './calibration';
import { baseRateLogLoss, logLoss, normalizedEntropy } from './logloss';

describe('metrics against hand-worked values', () => {
  it('logLoss', () => {
    // −(ln 0.8 + ln 0.6)/2 = (0.22314 + 0.51083)/2 = 0.366985
    expect(logLoss([0.8, 0.4], [1, 0])).toBeCloseTo(0.366985, 5);
    expect(() => logLoss([0.5], [1, 0])).toThrow();
  });

  it('normalized entropy divides by the base-rate loss', () => {
    // base rate 0.5 → ln 2 = 0.693147
    expect(baseRateLogLoss([1, 0])).toBeCloseTo(Math.LN2, 10);
    expect(normalizedEntropy([0.5, 0.5], [1, 0])).toBeCloseTo(1, 10);
    expect(normalizedEntropy([0.8, 0.4], [1, 0])).toBeCloseTo(0.366985 / Math.LN2, 5);
  });

  it('AUC with ties and single-class input', () => {
    // positives {0.8, 0.4}, negatives {0.4, 0.1}: pairs (0.8>0.4)=1, (0.8>0.1)=1, (0.4=0.4)=0.5, (0.4>0.1)=1 → 3.5/4
    expect(auc([0.8, 0.4, 0.4, 0.1], [1, 1, 0, 0])).toBeCloseTo(0.875, 12);
    expect(auc([0.1, 0.2, 0.3], [0, 1, 1])).toBe(1);
    expect(auc([0.3, 0.2], [1, 1])).toBeNaN();
  });

  it('calibration ratio and reliability bins', () => {
    expect(calibrationRatio([0.2, 0.2, 0.2, 0.2], [1, 0, 0, 0])).toBeCloseTo(0.8, 12);
    const bins = reliabilityBins([0.1, 0.2, 0.7, 0.9], [0, 0, 1, 1], 2);
    expect(bins).toEqual([
      { meanPredicted: expect.closeTo(0.15, 10), observedRate: 0, count: 2 },
      { meanPredicted: expect.closeTo(0.8, 10), observedRate: 1, count: 2 },
    ]);
    // |0.15 − 0| · 0.5 + |0.8 − 1| · 0.5 = 0.175
    expect(expectedCalibrationError(bins)).toBeCloseTo(0.175, 10);
  });
});
