/**
 * Every metric of one head in one go: the predictions are sorted once (AUC and the quantile
 * reliability bins both need the order) and the log loss is computed once (NE reuses it).
 * This is what each evaluation round runs, a few times per epoch, on every validation row.
 */
import { aucOfSorted } from './auc';
import { calibrationRatioOf, expectedCalibrationError, reliabilityOfSorted, type ReliabilityBin } from './calibration';
import { baseRateLogLossOf, logLossAndSum } from './logloss';
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
  const { loss, predicted } = logLossAndSum(p, y);
  const sorted = sortByScore(p, y);
  const reliability = p.length ? reliabilityOfSorted(sorted, bins) : [];
  const observed = sorted.positives;
  return {
    logLoss: loss,
    normalizedEntropy: loss / baseRateLogLossOf(observed, p.length),
    auc: aucOfSorted(sorted),
    calibrationRatio: calibrationRatioOf(predicted, observed),
    ece: expectedCalibrationError(reliability),
    reliability,
  };
}
