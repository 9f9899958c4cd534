/**
 * Isotonic regression by pool-adjacent-violators (Barlow et al. 1972; as a calibration map,
 * Zadrozny & Elkan 2002): the non-decreasing step function of the score that fits the labels best
 * in squared error. Unlike Platt's sigmoid it assumes only that a higher score means a higher rate.
 */
export interface IsotonicMap {
  /** Ascending score thresholds: a score at or above thresholds[k] (and below the next) maps to values[k]. */
  thresholds: Float64Array;
  values: Float64Array;
}

export function fitIsotonic(scores: ArrayLike<number>, y: ArrayLike<number>): IsotonicMap {
  const order = Array.from({ length: scores.length }, (_, i) => i).sort((a, b) => scores[a] - scores[b]);
  // Blocks of pooled rows: their lowest score, label sum and count. Rows of one score start as one
  // block (tied scores must map to one value); a block whose mean does not exceed the one before it
  // is merged into it (equal neighbours too, so the map has no redundant steps).
  const start: number[] = [];
  const sum: number[] = [];
  const count: number[] = [];
  let previous = NaN;
  for (const i of order) {
    const label = y[i] ? 1 : 0;
    // A tie joins the block the previous row ended in (merged or not).
    const tie = scores[i] === previous;
    previous = scores[i];
    if (tie) {
      sum[sum.length - 1] += label;
      count[count.length - 1]++;
    } else {
      start.push(scores[i]);
      sum.push(label);
      count.push(1);
    }
    while (sum.length > 1 && sum[sum.length - 1] * count[count.length - 2] <= sum[sum.length - 2] * count[count.length - 1]) {
      const s = sum.pop()!;
      const c = count.pop()!;
      start.pop();
      sum[sum.length - 1] += s;
      count[count.length - 1] += c;
    }
  }
  return { thresholds: Float64Array.from(start), values: Float64Array.from(sum, (s, k) => s / count[k]) };
}

/** The map's value at each score (the step it falls in; below the first threshold, the first step). */
export function applyIsotonic(map: IsotonicMap, scores: ArrayLike<number>): Float32Array {
  const out = new Float32Array(scores.length);
  for (let i = 0; i < scores.length; i++) {
    let lo = 0;
    let hi = map.thresholds.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (map.thresholds[mid] <= scores[i]) lo = mid;
      else hi = mid - 1;
    }
    out[i] = map.values[lo];
  }
  return out;
}
