import { sortByScore, type SortedScores } from './sorted';

/** One point of a reliability diagram. */
export interface ReliabilityBin {
  meanPredicted: number;
  observedRate: number;
  count: number;
}

/** Calibration ratio Σp / Σy: 1 is ideal, 2 means the model predicts twice as many positives as happen. */
export function calibrationRatio(p: ArrayLike<number>, y: ArrayLike<number>): number {
  let sp = 0;
  let sy = 0;
  for (let i = 0; i < p.length; i++) {
    sp += p[i];
    sy += y[i] ? 1 : 0;
  }
  return calibrationRatioOf(sp, sy);
}

/** Σp / Σy from the two sums (1 when both are 0; Infinity for predictions with no positive at all). */
export function calibrationRatioOf(predicted: number, observed: number): number {
  return observed === 0 ? (predicted === 0 ? 1 : Infinity) : predicted / observed;
}

/**
 * The range of calibration ratios a perfectly calibrated head would show on these rows 95% of the
 * time (z = 1.96): if every p is true, the positives Σy have mean Σp and variance Σp(1 − p), so
 * Σp / Σy falls in [Σp / (Σp + z·sd), Σp / (Σp − z·sd)]. A ratio outside it is more than noise.
 */
export function calibrationInterval(p: ArrayLike<number>, z = 1.96): [number, number] {
  let sum = 0;
  let variance = 0;
  for (let i = 0; i < p.length; i++) {
    sum += p[i];
    variance += p[i] * (1 - p[i]);
  }
  const spread = z * Math.sqrt(variance);
  return [sum / (sum + spread), sum > spread ? sum / (sum - spread) : Infinity];
}

/**
 * Reliability diagram with quantile (equal-count) bins by predicted probability: for rare actions
 * equal-width bins would leave almost every row in the first bin.
 */
export function reliabilityBins(p: ArrayLike<number>, y: ArrayLike<number>, bins = 10): ReliabilityBin[] {
  return p.length === 0 ? [] : reliabilityOfSorted(sortByScore(p, y), bins);
}

/** Quantile reliability bins from predictions already sorted with their labels. */
export function reliabilityOfSorted({ values, labels }: SortedScores, bins = 10): ReliabilityBin[] {
  const n = values.length;
  if (n === 0) return [];
  const out: ReliabilityBin[] = [];
  const k = Math.min(bins, n);
  for (let b = 0; b < k; b++) {
    const start = Math.floor((b * n) / k);
    const end = Math.floor(((b + 1) * n) / k);
    let sp = 0;
    let sy = 0;
    for (let j = start; j < end; j++) {
      sp += values[j];
      sy += labels[j];
    }
    const count = end - start;
    if (count > 0) out.push({ meanPredicted: sp / count, observedRate: sy / count, count });
  }
  return out;
}

/** Expected calibration error over the given bins: count-weighted |mean predicted − observed|. */
export function expectedCalibrationError(bins: ReliabilityBin[]): number {
  const total = bins.reduce((s, b) => s + b.count, 0);
  return total === 0 ? 0 : bins.reduce((s, b) => s + (b.count / total) * Math.abs(b.meanPredicted - b.observedRate), 0);
}

/**
 * Reliability bins of equal width over [0, 1] (the textbook ECE). Empty bins are left out. For rare
 * actions prefer reliabilityBins (quantile bins): nearly every prediction lands in the first bin here.
 */
export function uniformReliabilityBins(p: ArrayLike<number>, y: ArrayLike<number>, bins = 10): ReliabilityBin[] {
  const sp = new Float64Array(bins);
  const sy = new Float64Array(bins);
  const count = new Float64Array(bins);
  for (let i = 0; i < p.length; i++) {
    const b = Math.min(bins - 1, Math.max(0, Math.floor(p[i] * bins)));
    sp[b] += p[i];
    sy[b] += y[i] ? 1 : 0;
    count[b]++;
  }
  const out: ReliabilityBin[] = [];
  for (let b = 0; b < bins; b++) if (count[b] > 0) out.push({ meanPredicted: sp[b] / count[b], observedRate: sy[b] / count[b], count: count[b] });
  return out;
}
