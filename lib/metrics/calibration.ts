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
  return sy === 0 ? (sp === 0 ? 1 : Infinity) : sp / sy;
}

/**
 * Reliability diagram with quantile (equal-count) bins by predicted probability: for rare actions
 * equal-width bins would leave almost every row in the first bin.
 */
export function reliabilityBins(p: ArrayLike<number>, y: ArrayLike<number>, bins = 10): ReliabilityBin[] {
  const n = p.length;
  if (n === 0) return [];
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => p[a] - p[b]);
  const out: ReliabilityBin[] = [];
  const k = Math.min(bins, n);
  for (let b = 0; b < k; b++) {
    const start = Math.floor((b * n) / k);
    const end = Math.floor(((b + 1) * n) / k);
    let sp = 0;
    let sy = 0;
    for (let j = start; j < end; j++) {
      sp += p[order[j]];
      sy += y[order[j]] ? 1 : 0;
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
