/**
 * What a ranking does to what people see: per action, the observed rate in the top K of every
 * slate, NDCG@K, and the value captured relative to the best possible ordering. Labels are the
 * held-out impressions' real actions; nothing here looks at predictions except through the order.
 */
import { topKPerSlate, type SlateIndex, type TopLists } from './rerank';

export interface RankingOutcome {
  /** Per action: observed rate among the top K impressions of all slates. */
  topKRate: number[];
  /** Per action: observed rate over all impressions of the slates. */
  allRate: number[];
  /** Per action: mean NDCG@K over slates with at least one positive (binary relevance). */
  ndcg: number[];
  /** Σ over slates and top-K impressions of Σ_a w_a·y_a. */
  valueInTopK: number;
  /** The same for the best possible order (each slate's K impressions of highest realised value). */
  valueBest: number;
  /** Expected value in the top K under a random order: Σ_s min(K, m_s)/m_s · Σ_i v_i. */
  valueRandom: number;
  impressionsInTopK: number;
}

const discount = (rank: number) => 1 / Math.log2(rank + 2);
const DISCOUNTS = Array.from({ length: 128 }, (_, r) => discount(r));

/** Everything in RankingOutcome for one set of top lists. `weights` aligns with `labels`. */
export function rankingOutcome(index: SlateIndex, lists: TopLists, labels: Uint8Array[], weights: number[]): RankingOutcome {
  const A = labels.length;
  const n = index.order.length;
  const slates = index.starts.length - 1;
  // Realised value of every impression, and the best possible top K: the K highest realised values.
  const realised = new Float64Array(n);
  labels.forEach((y, a) => {
    const w = weights[a];
    if (w !== 0) for (let i = 0; i < n; i++) realised[i] += w * y[i];
  });
  const best = topKPerSlate(index, realised, lists.k);
  let valueBest = 0;
  for (let j = 0; j < best.top.length; j++) valueBest += realised[best.top[j]];
  let valueInTopK = 0;
  for (let j = 0; j < lists.top.length; j++) valueInTopK += realised[lists.top[j]];
  let valueRandom = 0;
  for (let s = 0; s < slates; s++) {
    let slateValue = 0;
    for (let j = index.starts[s]; j < index.starts[s + 1]; j++) slateValue += realised[index.order[j]];
    valueRandom += ((lists.topStarts[s + 1] - lists.topStarts[s]) / (index.starts[s + 1] - index.starts[s])) * slateValue;
  }
  const topKRate: number[] = [];
  const allRate: number[] = [];
  const ndcg: number[] = [];
  for (let a = 0; a < A; a++) {
    const y = labels[a];
    let top = 0;
    let all = 0;
    let ndcgSum = 0;
    let ndcgSlates = 0;
    for (let s = 0; s < slates; s++) {
      let positives = 0;
      for (let j = index.starts[s]; j < index.starts[s + 1]; j++) positives += y[index.order[j]];
      all += positives;
      const from = lists.topStarts[s];
      const shown = lists.topStarts[s + 1] - from;
      let dcg = 0;
      for (let r = 0; r < shown; r++) {
        const hit = y[lists.top[from + r]];
        top += hit;
        if (hit) dcg += DISCOUNTS[r] ?? discount(r);
      }
      if (positives > 0) {
        let ideal = 0;
        for (let r = 0; r < Math.min(shown, positives); r++) ideal += DISCOUNTS[r] ?? discount(r);
        ndcgSum += dcg / ideal;
        ndcgSlates++;
      }
    }
    topKRate.push(lists.top.length ? top / lists.top.length : 0);
    allRate.push(n ? all / n : 0);
    ndcg.push(ndcgSlates ? ndcgSum / ndcgSlates : NaN);
  }
  return { topKRate, allRate, ndcg, valueInTopK, valueBest, valueRandom, impressionsInTopK: lists.top.length };
}

/** valueInTopK / valueBest, or NaN when the best ordering captures nothing positive. */
export function valueCapturedShare(outcome: RankingOutcome): number {
  return outcome.valueBest > 0 ? outcome.valueInTopK / outcome.valueBest : NaN;
}
