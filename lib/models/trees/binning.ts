/**
 * Histogram binning for gradient-boosted trees (as in LightGBM and XGBoost's "hist" method): every
 * feature becomes a small integer per row, so a split search is a scan over at most 256 bins
 * instead of over sorted values.
 * - numeric: bin edges at quantiles of the training values (midpoints between distinct values
 *   when there are few), bin = number of edges below the value;
 * - categorical: the value's vocabulary slot (most frequent first, lib/features/vocabulary.ts), up
 *   to 65,535 of them: a rare head driven by a few of ten thousand items (reports of bad items) needs
 *   every item, where a cap of 255 slots lumped all but the most frequent together.
 */

/** One feature's bin per row: a byte for numbers and small vocabularies, two bytes for large ones. */
export type BinColumn = Uint8Array | Uint16Array;
export interface FeatureBins {
  name: string;
  kind: 'numeric' | 'categorical';
  /** Numeric: ascending edges; a value goes to the count of edges strictly below it. */
  edges: Float64Array;
  /** Number of bins this feature uses. */
  bins: number;
}

export const MAX_CATEGORY_BINS = 65_536;

/** Quantile edges of the given training values (at most maxBins bins). */
export function numericBins(name: string, values: ArrayLike<number>, maxBins: number): FeatureBins {
  const sorted = Float64Array.from(values).sort();
  const distinct: number[] = [];
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) distinct.push(sorted[i]);
  let edges: number[];
  if (distinct.length <= maxBins) edges = distinct.slice(1).map((v, i) => (distinct[i] + v) / 2);
  else {
    edges = [];
    for (let b = 1; b < maxBins; b++) {
      const v = sorted[Math.floor((b * sorted.length) / maxBins)];
      // The edge sits just below a quantile value so that value starts the next bin.
      const below = previousDistinct(distinct, v);
      const edge = below === null ? null : (below + v) / 2;
      if (edge !== null && (edges.length === 0 || edge > edges[edges.length - 1])) edges.push(edge);
    }
  }
  return { name, kind: 'numeric', edges: Float64Array.from(edges), bins: edges.length + 1 };
}

export function categoricalBins(name: string, size: number): FeatureBins {
  return { name, kind: 'categorical', edges: new Float64Array(0), bins: Math.min(size, MAX_CATEGORY_BINS) };
}

/** The bin of a numeric value: binary search for the count of edges below it. */
export function numericBin(edges: Float64Array, v: number): number {
  let lo = 0;
  let hi = edges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (edges[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A column of `rows` bins wide enough for the feature's bin count. */
export function binColumn(feature: FeatureBins, rows: number): BinColumn {
  return feature.bins > 256 ? new Uint16Array(rows) : new Uint8Array(rows);
}

export function categoryBin(slot: number): number {
  return Math.min(Math.max(0, slot), MAX_CATEGORY_BINS - 1);
}

function previousDistinct(distinct: number[], v: number): number | null {
  let lo = 0;
  let hi = distinct.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (distinct[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? null : distinct[lo - 1];
}
