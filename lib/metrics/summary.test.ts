import { describe, expect, it } from 'vitest';
import { auc } from './auc';
import { calibrationRatio, expectedCalibrationError, reliabilityBins } from './calibration';
import { logLoss, normalizedEntropy } from './logloss';
import { headMetrics } from './summary';

describe('headMetrics', () => {
  it('equals the metrics computed one by one, for Float32 and Float64 inputs with ties', () => {
    let s = 7;
    const rand = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296);
    const p64 = Float64Array.from({ length: 5000 }, () => Math.round(rand() * 200) / 200);
    const y = Uint8Array.from(p64, (q) => (rand() < q ? 1 : 0));
    for (const p of [p64, Float32Array.from(p64)]) {
      const m = headMetrics(p, y);
      expect(m.auc).toBeCloseTo(auc(p, y), 12);
      expect(m.logLoss).toBeCloseTo(logLoss(p, y), 12);
      expect(m.normalizedEntropy).toBeCloseTo(normalizedEntropy(p, y), 12);
      expect(m.calibrationRatio).toBeCloseTo(calibrationRatio(p, y), 12);
      expect(m.reliability).toEqual(reliabilityBins(p, y, 10));
      expect(m.ece).toBeCloseTo(expectedCalibrationError(m.reliability), 12);
    }
  });
});
