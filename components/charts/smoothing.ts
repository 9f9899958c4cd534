/**
 * Exponential moving average with TensorBoard's debiasing: s_t = α·s_{t−1} + (1 − α)·x_t, divided
 * by 1 − α^t so the first points are not pulled toward 0. α = 0 returns the values unchanged.
 */
export function emaSmooth(values: number[], alpha: number): number[] {
  if (alpha <= 0) return values.slice();
  let s = 0;
  let weight = 0;
  return values.map((x) => {
    s = alpha * s + (1 - alpha) * x;
    weight = alpha * weight + (1 - alpha);
    return s / weight;
  });
}
