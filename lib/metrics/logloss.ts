const EPS = 1e-7;

/** Mean binary cross-entropy of probabilities `p` against 0/1 labels `y` (natural log). */
export function logLoss(p: ArrayLike<number>, y: ArrayLike<number>): number {
  if (p.length !== y.length) throw new Error(`logLoss: ${p.length} predictions vs ${y.length} labels`);
  if (p.length === 0) return NaN;
  let sum = 0;
  for (let i = 0; i < p.length; i++) {
    const q = Math.min(1 - EPS, Math.max(EPS, p[i]));
    // One log of the probability given to what happened: a branch on the label mispredicts half the
    // time when labels are mixed, and the log call dominates either way.
    sum -= Math.log(y[i] ? q : 1 - q);
  }
  return sum / p.length;
}

/** Log loss of always predicting the base rate: the yardstick for normalized entropy. */
export function baseRateLogLoss(y: ArrayLike<number>): number {
  let pos = 0;
  for (let i = 0; i < y.length; i++) pos += y[i] ? 1 : 0;
  const r = pos / y.length;
  if (r <= 0 || r >= 1) return 0;
  return -(r * Math.log(r) + (1 - r) * Math.log(1 - r));
}

/** Normalized entropy: logloss(model) / logloss(base rate). Below 1 means better than the base rate. */
export function normalizedEntropy(p: ArrayLike<number>, y: ArrayLike<number>): number {
  return logLoss(p, y) / baseRateLogLoss(y);
}
