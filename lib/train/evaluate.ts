import type { ReliabilityBin } from '../metrics/calibration';
import { headMetrics } from '../metrics/summary';
import { crossFitPlatt, logitsOf } from '../metrics/platt';
import { recalibrateAll } from '../sampling/recalibrate';
import type { TrainConfig } from './config';
import type { PreparedData } from './prepare';

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
 * Metrics for one head: recalibrate the sampled-space probabilities with the head's rate w/k
 * first, because validation rows were never downsampled.
 */
export function evaluateTask(task: string, sampledProbs: Float32Array, labels: Uint8Array, known: Uint8Array, calibrationRate: number, step: number, epoch: number, rankingHead = false): { evaluation: TaskEvaluation; calibrated: Float32Array } {
  const calibrated = calibrateHead(sampledProbs, labels, calibrationRate, rankingHead);
  // Metrics only on rows whose label is known.
  const all = known.every((k) => k === 1);
  const p = all ? calibrated : calibrated.filter((_, i) => known[i]);
  const y = all ? labels : labels.filter((_, i) => known[i]);
  const m = headMetrics(p, y, 10);
  return {
    calibrated,
    evaluation: { task, step, epoch, valLoss: m.logLoss, normalizedEntropy: m.normalizedEntropy, auc: m.auc, calibrationRatio: m.calibrationRatio, ece: m.ece, reliability: m.reliability },
  };
}

/**
 * Natural-rate probabilities of one head: undo sampling with its rate w/k, or — for a ranking head,
 * whose σ(score) is no probability — apply a Platt map cross-fitted on these rows.
 */
export function calibrateHead(sampledProbs: Float32Array, labels: Uint8Array, calibrationRate: number, rankingHead: boolean): Float32Array {
  if (!rankingHead) return recalibrateAll(sampledProbs, calibrationRate);
  return crossFitPlatt(
    logitsOf(sampledProbs),
    labels,
  );
}

/** Heads whose σ(logit) is a score rather than a probability: Platt-calibrated instead of recalibrated. */
export function plattHeads(data: Pick<PreparedData, 'tasks' | 'ranking'>, config: TrainConfig): boolean[] {
  const retrieval = config.modelKind === 'two-tower' && config.towerMode === 'retrieval';
  return data.tasks.map((_, t) => retrieval || data.ranking?.task === t);
}
