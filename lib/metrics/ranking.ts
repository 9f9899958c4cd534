import { auc } from './auc';

/**
 * Group-aware metrics. Groups are given as a key per row (user id); rows of a group need not be
 * contiguous.
 */
function groupRows(keys: ArrayLike<number>): number[][] {
  const groups = new Map<number, number[]>();
  for (let i = 0; i < keys.length; i++) {
    const g = groups.get(keys[i]);
    if (g) g.push(i);
    else groups.set(keys[i], [i]);
  }
  return [...groups.values()];
}

/**
 * GAUC: the impression-weighted mean of per-user AUC, skipping users whose impressions are all
 * one class (their AUC is undefined). NaN when no user has both classes.
 */
export function gauc(scores: ArrayLike<number>, y: ArrayLike<number>, keys: ArrayLike<number>): { gauc: number; usersUsed: number; usersSkipped: number } {
  let weighted = 0;
  let weight = 0;
  let used = 0;
  let skipped = 0;
  for (const rows of groupRows(keys)) {
    const a = auc(
      rows.map((i) => scores[i]),
      rows.map((i) => y[i]),
    );
    if (Number.isNaN(a)) {
      skipped++;
      continue;
    }
    used++;
    weighted += a * rows.length;
    weight += rows.length;
  }
  return { gauc: weight ? weighted / weight : NaN, usersUsed: used, usersSkipped: skipped };
}

/** DCG@k of relevances listed in ranked order: Σ_{i≤k} (2^rel − 1) / log2(i + 1), i from 1. */
export function dcgAtK(relevancesInRankOrder: ArrayLike<number>, k: number): number {
  let dcg = 0;
  const n = Math.min(k, relevancesInRankOrder.length);
  for (let i = 0; i < n; i++) dcg += (Math.pow(2, relevancesInRankOrder[i]) - 1) / Math.log2(i + 2);
  return dcg;
}

/** Rows of one group ordered by descending score (ties keep row order). */
function rankByScore(rows: number[], scores: ArrayLike<number>): number[] {
  return [...rows].sort((a, b) => scores[b] - scores[a] || a - b);
}

/**
 * DCG@k of a group ranked by score, where tied scores share the mean gain of their block (as
 * scikit-learn does), so the result does not depend on the order of tied rows.
 */
function tieAveragedDcg(rows: number[], scores: ArrayLike<number>, relevance: ArrayLike<number>, k: number): number {
  const ranked = rankByScore(rows, scores);
  let dcg = 0;
  for (let start = 0; start < ranked.length && start < k; ) {
    let end = start + 1;
    while (end < ranked.length && scores[ranked[end]] === scores[ranked[start]]) end++;
    let gain = 0;
    for (let i = start; i < end; i++) gain += Math.pow(2, relevance[ranked[i]]) - 1;
    let discount = 0;
    for (let i = start; i < Math.min(end, k); i++) discount += 1 / Math.log2(i + 2);
    dcg += (gain / (end - start)) * discount;
    start = end;
  }
  return dcg;
}

/**
 * Mean NDCG@k over groups (users) that have at least one relevant row; groups without any are
 * skipped because their ideal DCG is 0.
 */
export function ndcgAtK(scores: ArrayLike<number>, relevance: ArrayLike<number>, keys: ArrayLike<number>, k: number): number {
  let sum = 0;
  let groups = 0;
  for (const rows of groupRows(keys)) {
    const ideal = dcgAtK(
      rows.map((i) => relevance[i]).sort((a, b) => b - a),
      k,
    );
    if (ideal === 0) continue;
    sum += tieAveragedDcg(rows, scores, relevance, k) / ideal;
    groups++;
  }
  return groups ? sum / groups : NaN;
}

/** Mean recall@k over groups with at least one positive: positives in the top k / positives in the group. */
export function recallAtK(scores: ArrayLike<number>, y: ArrayLike<number>, keys: ArrayLike<number>, k: number): number {
  let sum = 0;
  let groups = 0;
  for (const rows of groupRows(keys)) {
    const positives = rows.reduce((s, i) => s + (y[i] ? 1 : 0), 0);
    if (positives === 0) continue;
    const top = rankByScore(rows, scores).slice(0, k);
    sum += top.reduce((s, i) => s + (y[i] ? 1 : 0), 0) / positives;
    groups++;
  }
  return groups ? sum / groups : NaN;
}
