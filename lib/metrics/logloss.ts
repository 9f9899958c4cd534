const EPS = 1e-7;

/** Mean binary cross-entropy of probabilities `p` against 0/1 labels `y` (natural log). */
export function logLoss(p: ArrayLike<number>, y: ArrayLike<number>): number {
  return logLossAndSum(p, y).loss;
}

/**
 * The log loss and Σp in one pass (lib/metrics/summary.ts needs both; Σp is the calibration ratio's
 * numerator, and a second pass over a million predictions costs several milliseconds).
 */
export function logLossAndSum(p: ArrayLike<number>, y: ArrayLike<number>): { loss: number; predicted: number } {
  if (p.length !== y.length) throw new Error(`logLoss: ${p.length} predictions vs ${y.length} labels`);
  if (p.length === 0) return { loss: NaN, predicted: 0 };
  let sum = 0;
  let predicted = 0;
  for (let i = 0; i < p.length; i++) {
    const raw = p[i];
    predicted += raw;
    const q = Math.min(1 - EPS, Math.max(EPS, raw));
    // One log of the probability given to what happened: a branch on the label mispredicts half the
    // time when labels are mixed, and the log call dominates either way.
    sum -= Math.log(y[i] ? q : 1 - q);
  }
  return { loss: sum / p.length, predicted };
}

/** Log loss of always predicting the base rate: the yardstick for normalized entropy. */
export function baseRateLogLoss(y: ArrayLike<number>): number {
  let pos = 0;
  for (let i = 0; i < y.length; i++) pos += y[i] ? 1 : 0;
  return baseRateLogLossOf(pos, y.length);
}

/** The base rate's log loss from the count of positives among n labels. */
export function baseRateLogLossOf(positives: number, n: number): number {
  const r = positives / n;
  if (r <= 0 || r >= 1) return 0;
  return -(r * Math.log(r) + (1 - r) * Math.log(1 - r));
}

/** Normalized entropy: logloss(model) / logloss(base rate). Below 1 means better than the base rate. */
export function normalizedEntropy(p: ArrayLike<number>, y: ArrayLike<number>): number {
  return logLoss(p, y) / baseRateLogLoss(y);
}
