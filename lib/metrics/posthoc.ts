import { applyIsotonic, fitIsotonic, type IsotonicMap } from './isotonic';
import { applyPlatt, fitPlatt, logitsOf, type PlattMap } from './platt';

/**
 * Post-hoc calibration repair: a map from a head's probability to a better one, fitted on validation
 * rows. It is not the sampling correction (that one is exact arithmetic, q = p / (p + (1 − p)/w)): it
 * repairs what training left miscalibrated — an overfit head, a small head the shared layers did not
 * serve — and is shown beside it so the two are not confused.
 */
export type Posthoc = 'none' | 'platt' | 'isotonic';
export const POSTHOC_KINDS: readonly Posthoc[] = ['none', 'platt', 'isotonic'];

export type PosthocMap = { kind: 'platt'; platt: PlattMap } | { kind: 'isotonic'; isotonic: IsotonicMap };

/** A map fitted on all the given rows (to apply to other rows: a scored file, the training side). */
export function fitPosthoc(kind: Exclude<Posthoc, 'none'>, p: ArrayLike<number>, y: ArrayLike<number>): PosthocMap {
  return kind === 'platt' ? { kind, platt: fitPlatt(logitsOf(p), y) } : { kind, isotonic: fitIsotonic(p, y) };
}

export function applyPosthoc(map: PosthocMap, p: ArrayLike<number>): Float32Array {
  return map.kind === 'platt' ? applyPlatt(map.platt, logitsOf(p)) : applyIsotonic(map.isotonic, p);
}

/**
 * Repaired probabilities for the rows the map is fitted on, none judged by a map fitted on itself:
 * fit on the odd rows to score the even ones and the other way round (2-fold cross-fitting). Rows
 * whose label is unknown (`known` 0) are scored but not fitted on.
 */
export function crossFitPosthoc(kind: Exclude<Posthoc, 'none'>, p: ArrayLike<number>, y: ArrayLike<number>, known?: ArrayLike<number>): Float32Array {
  const out = new Float32Array(p.length);
  for (const parity of [0, 1]) {
    const fit: number[] = [];
    const score: number[] = [];
    for (let i = 0; i < p.length; i++) {
      if (i % 2 === parity) score.push(i);
      else if (!known || known[i]) fit.push(i);
    }
    const map = fitPosthoc(
      kind,
      fit.map((i) => p[i]),
      fit.map((i) => y[i]),
    );
    const repaired = applyPosthoc(
      map,
      score.map((i) => p[i]),
    );
    score.forEach((i, k) => (out[i] = repaired[k]));
  }
  return out;
}
