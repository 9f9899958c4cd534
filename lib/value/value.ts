/**
 * The value model: score = Σ_a w_a · q_a, where q_a are recalibrated probabilities of each action.
 * Everything here works on cached predictions, so moving a weight never retrains anything;
 * slates, re-ranking and outcomes are in rerank.ts and outcomes.ts.
 */

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
