/**
 * Order statistics of a numeric column's present values without sorting them: quickselect, O(n)
 * on average. Sorting a million values for the threshold slider's 1st and 99th percentiles took
 * ~0.38 s of the page's main thread when a file loaded.
 */

/** The values at the given ranks of `values` sorted ascending (ranks in [0, length)); `values` is reordered. */
export function valuesAtRanks(values: Float64Array, ranks: number[]): number[] {
  // Ascending ranks, each selected in the part the previous one left on its right.
  const order = ranks.map((r, i) => [r, i] as const).sort((a, b) => a[0] - b[0]);
  const out = new Array<number>(ranks.length);
  let from = 0;
  for (const [rank, i] of order) {
    select(values, from, values.length - 1, rank);
    out[i] = values[rank];
    from = rank;
  }
  return out;
}

/** The present values of a numeric column at quantiles `qs` (rank ⌊q·n⌋, clamped), or null when none is present. */
export function presentQuantiles(values: Float64Array, missing: Uint8Array, qs: number[]): number[] | null {
  let n = 0;
  for (let i = 0; i < values.length; i++) n += missing[i] ? 0 : 1;
  if (n === 0) return null;
  const present = new Float64Array(n);
  for (let i = 0, j = 0; i < values.length; i++) if (!missing[i]) present[j++] = values[i];
  return valuesAtRanks(present, qs.map((q) => Math.min(n - 1, Math.max(0, Math.floor(q * n)))));
}

/** Hoare-style quickselect: afterwards a[k] holds the k-th smallest of a[lo..hi], smaller ones before it. */
function select(a: Float64Array, lo: number, hi: number, k: number): void {
  while (hi > lo) {
    // Median of three as pivot: sorted or constant runs do not make it quadratic.
    const mid = (lo + hi) >>> 1;
    if (a[mid] < a[lo]) swap(a, mid, lo);
    if (a[hi] < a[lo]) swap(a, hi, lo);
    if (a[hi] < a[mid]) swap(a, hi, mid);
    const pivot = a[mid];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) swap(a, i++, j--);
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return; // j < k < i: a[k] equals the pivot, in place
  }
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i];
  a[i] = a[j];
  a[j] = t;
}
