import { sortByScore, type SortedScores } from './sorted';

/**
 * ROC AUC by the Mann–Whitney rank sum, tied scores sharing their average rank.
 * NaN when only one class is present (AUC is undefined there).
 */
export function auc(scores: ArrayLike<number>, y: ArrayLike<number>): number {
  return aucOfSorted(sortByScore(scores, y));
}

/** AUC from scores already sorted with their labels (lib/metrics/summary.ts sorts once for all metrics). */
export function aucOfSorted({ values, labels, positives }: SortedScores): number {
  const n = values.length;
  const negatives = n - positives;
  if (positives === 0 || negatives === 0) return NaN;
  let rankSumPositives = 0;
  for (let i = 0; i < n; ) {
    let j = i;
    let tiedPositives = labels[i];
    while (j + 1 < n && values[j + 1] === values[i]) tiedPositives += labels[++j];
    rankSumPositives += tiedPositives * ((i + j) / 2 + 1); // ranks are 1-based
    i = j + 1;
  }
  return (rankSumPositives - (positives * (positives + 1)) / 2) / (positives * negatives);
}
