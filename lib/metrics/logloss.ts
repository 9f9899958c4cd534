const EPS = 1e-7;

/** Mean binary cross-entropy of probabilities `p` against 0/1 labels `y` (natural log). */
export function logLoss(p: ArrayLike<number>, y: ArrayLike<number>): number {
  return logLossAndSum(p, y).loss;
}

/**
 * Probabilities multiplied together before one log is taken: Σ log qᵢ = log Π qᵢ, and every q is at
 * least EPS = 1e-7, so a product of 32 stays above 1e-224, far from float64's underflow near 1e-308.
 * One Math.log per 32 rows instead of per row: the logs were ~25 ms of a 1M-row evaluation, the
 * products' rounding (≤ 32 ulps relative) is ~1e-14 of the loss.
 */
const PRODUCT_SPAN = 32;

/**
 * The log loss and Σp in one pass (lib/metrics/summary.ts needs both; Σp is the calibration ratio's
 * numerator, and a second pass over a million predictions costs several milliseconds).
 */
export function logLossAndSum(p: ArrayLike<number>, y: ArrayLike<number>): { loss: number; predicted: number } {
  if (p.length !== y.length) throw new Error(`logLoss: ${p.length} predictions vs ${y.length} labels`);
  const n = p.length;
  if (n === 0) return { loss: NaN, predicted: 0 };
  let sum = 0;
  let predicted = 0;
  for (let start = 0; start < n; start += PRODUCT_SPAN) {
    const end = Math.min(n, start + PRODUCT_SPAN);
    let product = 1;
    for (let i = start; i < end; i++) {
      const raw = p[i];
      predicted += raw;
      const q = Math.min(1 - EPS, Math.max(EPS, raw));
      // The probability given to what happened, by arithmetic on the 0/1 label: `y[i] ? q : 1 - q`
      // compiles to a branch that mispredicts half the time when labels are mixed (2× the pass).
      const label = Math.min(1, y[i]);
      product *= label * q + (1 - label) * (1 - q);
    }
    sum -= Math.log(product);
  }
  // NaN predictions: Math.max/min pass NaN through, so the product and the loss are NaN, as before.
  return { loss: sum / n, predicted };
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
