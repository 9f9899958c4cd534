/**
 * Axis arithmetic for the hand-drawn plots (components/charts/plot/Plot.tsx): "nice" tick values
 * (1, 2 or 5 times a power of ten) over a data range, on a linear or a log axis.
 */

/** A step of 1, 2 or 5 × 10^k close to span / count. */
export function niceStep(span: number, count: number): number {
  const raw = span / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const unit = raw / power;
  return (unit < 1.5 ? 1 : unit < 3.5 ? 2 : unit < 7.5 ? 5 : 10) * power;
}

/** The domain widened to whole steps, and the ticks inside it. A zero-width range is widened around its value. */
export function niceDomain(min: number, max: number, count = 5): { domain: [number, number]; ticks: number[]; step: number } {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return { domain: [0, 1], ticks: [0, 0.5, 1], step: 0.5 };
  if (min === max) {
    const pad = Math.abs(min) > 0 ? Math.abs(min) * 0.1 : 1;
    [min, max] = [min - pad, max + pad];
  }
  const step = niceStep(max - min, count);
  const lo = roundTo(Math.floor(min / step) * step, step);
  const hi = roundTo(Math.ceil(max / step) * step, step);
  const ticks: number[] = [];
  for (let i = 0; lo + i * step <= hi + step * 1e-9; i++) ticks.push(roundTo(lo + i * step, step));
  return { domain: [lo, hi], ticks, step };
}

/** Log-axis ticks: 1, 2 and 5 × 10^k inside [min, max] (only powers of ten when there are many), at least the two ends. */
export function logTicks(min: number, max: number): number[] {
  const ticks: number[] = [];
  const from = Math.floor(Math.log10(min));
  const to = Math.ceil(Math.log10(max));
  const multiples = to - from > 3 ? [1] : [1, 2, 5];
  for (let k = from; k <= to; k++) for (const m of multiples) {
    const v = m * 10 ** k;
    if (v >= min * (1 - 1e-9) && v <= max * (1 + 1e-9)) ticks.push(Number(v.toPrecision(3)));
  }
  return ticks.length >= 2 ? ticks : [min, max];
}

/** A tick label with as many decimals as the step needs. */
export function formatTick(value: number, step: number): string {
  const decimals = Math.max(0, Math.min(6, -Math.floor(Math.log10(step) + 1e-9)));
  return value.toFixed(decimals);
}

function roundTo(v: number, step: number): number {
  const decimals = Math.max(0, -Math.floor(Math.log10(step)) + 2);
  return Number(v.toFixed(Math.min(12, decimals)));
}
