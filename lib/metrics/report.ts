import { auc } from './auc';
import { calibrationInterval, calibrationRatio, expectedCalibrationError, reliabilityBins, uniformReliabilityBins, type ReliabilityBin } from './calibration';
import { averagePrecision, downsampleCurve, precisionRecallCurve, rocCurve, type CurvePoint } from './curves';
import { logLoss, normalizedEntropy } from './logloss';
import { gauc, ndcgAtK, recallAtK } from './ranking';

/** Predicted against true probability, for generated data whose truth is known. */
export interface TruthComparison {
  meanAbsoluteError: number;
  correlation: number;
  /** Quantile bins by predicted probability: mean predicted vs mean true probability. */
  bins: { meanPredicted: number; meanTrue: number; count: number }[];
}

/** Everything the Evaluate cell shows for one head. */
export interface HeadReport {
  rows: number;
  positives: number;
  auc: number;
  gauc: number | null;
  logLoss: number;
  normalizedEntropy: number;
  calibrationRatio: number;
  /** The ratios a perfectly calibrated head would show on these rows 95% of the time (calibrationInterval). */
  calibrationInterval: [number, number];
  eceQuantile: number;
  eceUniform: number;
  averagePrecision: number;
  ndcgAt10: number | null;
  recallAt10: number | null;
  reliability: ReliabilityBin[];
  roc: CurvePoint[];
  pr: CurvePoint[];
  truth: TruthComparison | null;
}

const CURVE_POINTS = 200;

/** All metrics of one head on validation rows. `groups` (user keys) enables GAUC, NDCG and recall@10. */
export function headReport(p: ArrayLike<number>, y: Uint8Array, groups: ArrayLike<number> | null, truth: ArrayLike<number> | null): HeadReport {
  const reliability = reliabilityBins(p, y, 10);
  return {
    rows: p.length,
    positives: y.reduce((s, v) => s + v, 0),
    auc: auc(p, y),
    gauc: groups ? gauc(p, y, groups).gauc : null,
    logLoss: logLoss(p, y),
    normalizedEntropy: normalizedEntropy(p, y),
    calibrationRatio: calibrationRatio(p, y),
    calibrationInterval: calibrationInterval(p),
    eceQuantile: expectedCalibrationError(reliability),
    eceUniform: expectedCalibrationError(uniformReliabilityBins(p, y, 10)),
    averagePrecision: averagePrecision(p, y),
    ndcgAt10: groups ? ndcgAtK(p, y, groups, 10) : null,
    recallAt10: groups ? recallAtK(p, y, groups, 10) : null,
    reliability,
    roc: downsampleCurve(rocCurve(p, y), CURVE_POINTS),
    pr: downsampleCurve(precisionRecallCurve(p, y), CURVE_POINTS),
    truth: truth ? compareWithTruth(p, truth) : null,
  };
}

/** How far predictions are from the true probabilities (synthetic data only). */
export function compareWithTruth(p: ArrayLike<number>, truth: ArrayLike<number>, bins = 10): TruthComparison {
  const n = p.length;
  let mae = 0;
  let mp = 0;
  let mt = 0;
  for (let i = 0; i < n; i++) {
    mae += Math.abs(p[i] - truth[i]);
    mp += p[i];
    mt += truth[i];
  }
  mp /= n;
  mt /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (p[i] - mp) * (truth[i] - mt);
    sxx += (p[i] - mp) ** 2;
    syy += (truth[i] - mt) ** 2;
  }
  const order = Float64Array.from({ length: n }, (_, i) => i).sort((a, b) => p[a] - p[b]);
  const out: TruthComparison['bins'] = [];
  for (let b = 0; b < bins; b++) {
    const start = Math.floor((b * n) / bins);
    const end = Math.floor(((b + 1) * n) / bins);
    if (end <= start) continue;
    let sp = 0;
    let st = 0;
    for (let j = start; j < end; j++) {
      sp += p[order[j]];
      st += truth[order[j]];
    }
    out.push({ meanPredicted: sp / (end - start), meanTrue: st / (end - start), count: end - start });
  }
  return { meanAbsoluteError: mae / n, correlation: sxx && syy ? sxy / Math.sqrt(sxx * syy) : NaN, bins: out };
}
