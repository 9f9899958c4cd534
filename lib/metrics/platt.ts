/**
 * Platt scaling: a calibration map q = σ(a·s + b) fitted by maximum likelihood (Newton's method on
 * two parameters). Ranking losses (BPR, RankNet, listwise softmax) learn an order, not
 * probabilities; this map turns their scores into probabilities the value model can blend.
 */
export interface PlattMap {
  a: number;
  b: number;
}

export function fitPlatt(scores: ArrayLike<number>, y: ArrayLike<number>, iterations = 50): PlattMap {
  let a = 1;
  let b = 0;
  const n = scores.length;
  for (let it = 0; it < iterations; it++) {
    // Gradient and Hessian of the negative log-likelihood, with a tiny ridge for stability.
    let ga = 0;
    let gb = 0;
    let haa = 1e-9;
    let hab = 0;
    let hbb = 1e-9;
    for (let i = 0; i < n; i++) {
      const q = 1 / (1 + Math.exp(-(a * scores[i] + b)));
      const r = q - (y[i] ? 1 : 0);
      const w = q * (1 - q);
      ga += r * scores[i];
      gb += r;
      haa += w * scores[i] * scores[i];
      hab += w * scores[i];
      hbb += w;
    }
    const det = haa * hbb - hab * hab;
    if (!Number.isFinite(det) || Math.abs(det) < 1e-12) break;
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    a -= da;
    b -= db;
    if (Math.abs(da) + Math.abs(db) < 1e-10) break;
  }
  return { a, b };
}

/** The scores a Platt map reads: logits of σ(score) outputs, clamped so 0 and 1 stay finite. */
export function logitsOf(p: ArrayLike<number>): Float32Array {
  return Float32Array.from(p, (q) => Math.log(Math.max(q, 1e-12) / Math.max(1 - q, 1e-12)));
}

export function applyPlatt(map: PlattMap, scores: ArrayLike<number>): Float32Array {
  return Float32Array.from({ length: scores.length }, (_, i) => 1 / (1 + Math.exp(-(map.a * scores[i] + map.b))));
}

/**
 * Calibrated probabilities for every row without judging a row by a map fitted on itself:
 * fit on the odd rows to score the even ones and the other way round (2-fold cross-fitting).
 */
export function crossFitPlatt(scores: ArrayLike<number>, y: ArrayLike<number>): Float32Array {
  const half = (parity: number) => Array.from({ length: scores.length }, (_, i) => i).filter((i) => i % 2 === parity);
  const out = new Float32Array(scores.length);
  for (const parity of [0, 1]) {
    const fitRows = half(1 - parity);
    const map = fitPlatt(
      fitRows.map((i) => scores[i]),
      fitRows.map((i) => y[i]),
    );
    for (const i of half(parity)) out[i] = 1 / (1 + Math.exp(-(map.a * scores[i] + map.b)));
  }
  return out;
}
