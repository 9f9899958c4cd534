/**
 * Every metric of one head in one go: the predictions are sorted once (AUC and the quantile
 * reliability bins both need the order) and the log loss is computed once (NE reuses it).
 * This is what each evaluation round runs, a few times per epoch, on every validation row.
 */
import { aucOfSorted } from './auc';
import { calibrationRatio, expectedCalibrationError, reliabilityOfSorted, type ReliabilityBin } from './calibration';
import { baseRateLogLoss, logLoss } from './logloss';
import { sortByScore } from './sorted';

export interface HeadMetrics {
  logLoss: number;
  normalizedEntropy: number;
  auc: number;
  calibrationRatio: number;
  ece: number;
  reliability: ReliabilityBin[];
}

export function headMetrics(p: ArrayLike<number>, y: ArrayLike<number>, bins = 10): HeadMetrics {
  const loss = logLoss(p, y);
  const sorted = sortByScore(p, y);
  const reliability = p.length ? reliabilityOfSorted(sorted, bins) : [];
  return {
    logLoss: loss,
    normalizedEntropy: loss / baseRateLogLoss(y),
    auc: aucOfSorted(sorted),
    calibrationRatio: calibrationRatio(p, y),
    ece: expectedCalibrationError(reliability),
    reliability,
  };
}
