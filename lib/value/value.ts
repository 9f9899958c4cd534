/**
 * The value model: score = Σ_a w_a · q_a, where q_a are recalibrated probabilities of each action.
 * Everything here works on cached predictions, so moving a weight never retrains anything.
 */

/** Validation impressions of one user (or other group), as indices into the prediction arrays. */
export interface Slate {
  key: number;
  rows: Int32Array;
}

/** Group validation impressions into slates by a key per impression (user id). */
export function buildSlates(keys: ArrayLike<number>): Slate[] {
  const groups = new Map<number, number[]>();
  for (let i = 0; i < keys.length; i++) {
    const list = groups.get(keys[i]);
    if (list) list.push(i);
    else groups.set(keys[i], [i]);
  }
  return [...groups.entries()].map(([key, rows]) => ({ key, rows: Int32Array.from(rows) }));
}

/** Value score per impression: Σ_a weights[a] · probabilities[a][i]. */
export function valueScores(probabilities: Float32Array[], weights: number[]): Float64Array {
  if (probabilities.length !== weights.length) throw new Error(`${probabilities.length} actions but ${weights.length} weights`);
  const n = probabilities[0]?.length ?? 0;
  const out = new Float64Array(n);
  probabilities.forEach((p, a) => {
    const w = weights[a];
    if (w === 0) return;
    for (let i = 0; i < n; i++) out[i] += w * p[i];
  });
  return out;
}

/** A slate's impressions ordered by descending score (ties keep their original order). */
export function rankSlate(slate: Slate, scores: ArrayLike<number>): Int32Array {
  return Int32Array.from(slate.rows).sort((a, b) => scores[b] - scores[a] || a - b);
}

export interface TopKOutcome {
  /** Per action: observed rate among the top K of every slate. */
  topK: number[];
  /** Per action: observed rate over all impressions of those slates. */
  all: number[];
  impressionsInTopK: number;
}

/** Observed action rates in the top K of each slate versus all impressions. */
export function topKOutcome(slates: Slate[], scores: ArrayLike<number>, labels: Uint8Array[], k: number): TopKOutcome {
  const topSums = new Float64Array(labels.length);
  const allSums = new Float64Array(labels.length);
  let topCount = 0;
  let allCount = 0;
  for (const slate of slates) {
    const ranked = rankSlate(slate, scores);
    const limit = Math.min(k, ranked.length);
    for (let r = 0; r < ranked.length; r++) {
      const i = ranked[r];
      labels.forEach((y, a) => {
        allSums[a] += y[i];
        if (r < limit) topSums[a] += y[i];
      });
    }
    topCount += limit;
    allCount += ranked.length;
  }
  return {
    topK: Array.from(topSums, (s) => (topCount ? s / topCount : 0)),
    all: Array.from(allSums, (s) => (allCount ? s / allCount : 0)),
    impressionsInTopK: topCount,
  };
}

/** The formula written out, e.g. "1·p(is_click) + 10·p(is_follow) − 50·p(hate)". */
export function formatFormula(actions: string[], weights: number[]): string {
  const terms = actions
    .map((a, i) => ({ a, w: weights[i] }))
    .filter((t) => t.w !== 0)
    .map((t, i) => {
      const magnitude = `${formatWeight(Math.abs(t.w))}·p(${t.a})`;
      if (i === 0) return t.w < 0 ? `−${magnitude}` : magnitude;
      return t.w < 0 ? ` − ${magnitude}` : ` + ${magnitude}`;
    });
  return terms.length ? terms.join('') : '0';
}

function formatWeight(w: number): string {
  return Number.isInteger(w) ? String(w) : w.toPrecision(3).replace(/\.?0+$/, '');
}
