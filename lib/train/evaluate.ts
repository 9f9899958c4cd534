import { auc } from '../metrics/auc';
import { calibrationRatio, expectedCalibrationError, reliabilityBins, type ReliabilityBin } from '../metrics/calibration';
import { logLoss, normalizedEntropy } from '../metrics/logloss';
import { recalibrateAll } from '../sampling/recalibrate';

/** Validation metrics of one head at one point of training, on recalibrated probabilities. */
export interface TaskEvaluation {
  task: string;
  step: number;
  epoch: number;
  valLoss: number;
  normalizedEntropy: number;
  auc: number;
  calibrationRatio: number;
  ece: number;
  reliability: ReliabilityBin[];
}

/**
 * Metrics for one head: recalibrate the sampled-space probabilities with the head's keep rate
 * first, because validation rows were never downsampled.
 */
export function evaluateTask(task: string, sampledProbs: Float32Array, labels: Uint8Array, keepRate: number, step: number, epoch: number): { evaluation: TaskEvaluation; calibrated: Float32Array } {
  const calibrated = recalibrateAll(sampledProbs, keepRate);
  const reliability = reliabilityBins(calibrated, labels, 10);
  return {
    calibrated,
    evaluation: {
      task,
      step,
      epoch,
      valLoss: logLoss(calibrated, labels),
      normalizedEntropy: normalizedEntropy(calibrated, labels),
      auc: auc(calibrated, labels),
      calibrationRatio: calibrationRatio(calibrated, labels),
      ece: expectedCalibrationError(reliability),
      reliability,
    },
  };
}
