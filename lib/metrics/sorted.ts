import { floatKey, radixSortKeys } from './radixSort';

/** Scores in ascending order with their 0/1 labels alongside. */
export interface SortedScores {
  values: Float32Array | Float64Array;
  labels: Uint8Array;
  positives: number;
}

/**
 * Sort scores with their labels. Positives and negatives are sorted
 * apart (Float32 by radix, lib/metrics/radixSort.ts; anything else with the native typed-array
 * sort) and merged: about 10× faster than sorting an index array
 * with a comparator (1M predictions: ~0.1 s instead of 1.2 s).
 */
export function sortByScore(scores: ArrayLike<number>, y: ArrayLike<number>): SortedScores {
  return scores instanceof Float32Array ? sortFloat32(scores, y) : sortFloat64(scores, y);
}

/** Float32 scores: every prediction the app makes. */
function sortFloat32(scores: Float32Array, y: ArrayLike<number>): SortedScores {
  return sortProbabilities(scores, y) ?? sortFloat32Apart(scores, y);
}

/**
 * Scores in [0, 2) — every probability — have float bits below 2³⁰, so the bits shifted left once
 * with the label in the freed lowest bit still fit a non-negative int32. One radix sort of those keys
 * orders by score with negatives first among ties, and needs neither the partition nor the merge
 * (whose branches mispredict on every other row when labels are mixed). Null for any other score.
 */
function sortProbabilities(scores: Float32Array, y: ArrayLike<number>): SortedScores | null {
  const n = scores.length;
  const bits = new Int32Array(scores.buffer, scores.byteOffset, n);
  const keys = new Int32Array(n);
  let outside = 0;
  for (let i = 0; i < n; i++) {
    const b = bits[i];
    outside |= b >>> 30; // sign bit, or a float ≥ 2 (NaN and ±Infinity included)
    // The 0/1 label's low bit, not `y[i] ? 1 : 0`: that compiles to a branch that mispredicts on
    // mixed labels (the key pass took ~6 ms more of a 1M-row sort).
    keys[i] = (b << 1) | (y[i] & 1);
  }
  if (outside !== 0) return null;
  const sorted = radixSortKeys(keys);
  const labels = new Uint8Array(n);
  let positives = 0;
  for (let i = 0; i < n; i++) {
    const k = sorted[i];
    labels[i] = k & 1;
    positives += k & 1;
    sorted[i] = k >>> 1;
  }
  return { values: new Float32Array(sorted.buffer, sorted.byteOffset, n), labels, positives };
}

/** Any Float32 scores: positives and negatives sorted apart as radix keys and merged. */
function sortFloat32Apart(scores: Float32Array, y: ArrayLike<number>): SortedScores {
  const positives = countPositives(y);
  const bits = new Int32Array(scores.buffer, scores.byteOffset, scores.length);
  const pos = new Int32Array(positives);
  const neg = new Int32Array(scores.length - positives);
  let a = 0;
  let b = 0;
  for (let i = 0; i < bits.length; i++) {
    if (y[i]) pos[a++] = floatKey(bits[i]);
    else neg[b++] = floatKey(bits[i]);
  }
  const sortedPos = radixSortKeys(pos);
  const sortedNeg = radixSortKeys(neg);
  const out = new Int32Array(scores.length);
  const labels = new Uint8Array(scores.length);
  let i = 0;
  let j = 0;
  for (let k = 0; k < out.length; k++) {
    // Among equal scores negatives come first; tie blocks are handled by the callers.
    if (j < sortedNeg.length && (i >= sortedPos.length || sortedNeg[j] <= sortedPos[i])) out[k] = floatKey(sortedNeg[j++]);
    else {
      out[k] = floatKey(sortedPos[i++]);
      labels[k] = 1;
    }
  }
  return { values: new Float32Array(out.buffer), labels, positives };
}

function sortFloat64(scores: ArrayLike<number>, y: ArrayLike<number>): SortedScores {
  const positives = countPositives(y);
  const pos = new Float64Array(positives);
  const neg = new Float64Array(scores.length - positives);
  let a = 0;
  let b = 0;
  for (let i = 0; i < scores.length; i++) {
    if (y[i]) pos[a++] = scores[i];
    else neg[b++] = scores[i];
  }
  pos.sort();
  neg.sort();
  const values = new Float64Array(scores.length);
  const labels = new Uint8Array(scores.length);
  let i = 0;
  let j = 0;
  for (let k = 0; k < values.length; k++) {
    if (j < neg.length && (i >= pos.length || neg[j] <= pos[i])) values[k] = neg[j++];
    else {
      values[k] = pos[i++];
      labels[k] = 1;
    }
  }
  return { values, labels, positives };
}

function countPositives(y: ArrayLike<number>): number {
  let positives = 0;
  for (let i = 0; i < y.length; i++) if (y[i]) positives++;
  return positives;
}
