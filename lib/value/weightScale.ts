/**
 * The weight sliders' scale: cubic, so one slider covers ±1000 (Twitter's report weight is −369)
 * and still moves in steps of 0.001 near zero. Position s in [−100, 100] ↦ w = sign(s)·1000·(|s|/100)³.
 */
export const SLIDER_HALF_RANGE = 100;
export const WEIGHT_LIMIT = 1000;

export function sliderToWeight(s: number): number {
  const w = Math.sign(s) * WEIGHT_LIMIT * Math.abs(s / SLIDER_HALF_RANGE) ** 3;
  return roundWeight(w);
}

export function weightToSlider(w: number): number {
  const clipped = Math.max(-WEIGHT_LIMIT, Math.min(WEIGHT_LIMIT, w));
  return Math.sign(clipped) * SLIDER_HALF_RANGE * Math.cbrt(Math.abs(clipped) / WEIGHT_LIMIT);
}

/** Fewer decimals as the weight grows: 0.005, 2.75, 12.5, 369. */
export function roundWeight(w: number): number {
  const a = Math.abs(w);
  const decimals = a < 1 ? 3 : a < 10 ? 2 : a < 100 ? 1 : 0;
  return Number(w.toFixed(decimals));
}
