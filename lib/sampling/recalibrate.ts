/**
 * Undo negative downsampling (He et al. 2014, "Practical Lessons from Predicting Clicks on Ads at
 * Facebook"). Keeping each negative with probability w multiplies the odds the model learns by 1/w,
 * so the natural-rate probability is q = p / (p + (1 − p) / w), i.e. logit q = logit p + ln w.
 * Weighting positives by k as well multiplies the odds by k/w: pass w/k as the rate.
 */
export function recalibrate(p: number, keepRate: number): number {
  if (keepRate >= 1) return p;
  return p / (p + (1 - p) / keepRate);
}

/** Recalibrate a whole array of sampled-space probabilities. */
export function recalibrateAll(p: Float32Array, keepRate: number): Float32Array {
  const out = new Float32Array(p.length);
  for (let i = 0; i < p.length; i++) out[i] = recalibrate(p[i], keepRate);
  return out;
}
