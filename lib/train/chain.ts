/** The funnel chain, tfjs-free so the page (the PyTorch export) can compute it without loading tfjs. */
import type { ProblemSpec } from '../formulate/spec';

/**
 * How head logits become action probabilities. Pointwise: p_t = σ(l_t). Funnel (ESMM, Ma et al.
 * 2018, "Entire Space Multi-Task Model"): each step of a chain such as click → cart → buy predicts
 * its conditional p(step | previous step) = σ(l), and the probability supervised on every
 * impression is the product down the chain, p(click ∧ cart) = p(click) · p(cart | click). This
 * avoids training the later step only on clicked rows (selection bias) and the sparsity of
 * its positives.
 */
export interface Link {
  /** [T, T]: entry (i, j) = 1 when head i's conditional is a factor of action j's probability; null = pointwise. */
  chainMatrix: number[][] | null;
}

export function linkFor(spec: Pick<ProblemSpec, 'targets' | 'formulation'>): Link {
  if (spec.formulation.kind !== 'funnel') return { chainMatrix: null };
  const chain = spec.formulation.chain;
  const position = new Map(chain.map((task, i) => [task, i]));
  const matrix = spec.targets.map((from) =>
    spec.targets.map((to) => {
      const i = position.get(from);
      const j = position.get(to);
      if (i === undefined || j === undefined) return from === to ? 1 : 0;
      return i <= j ? 1 : 0;
    }),
  );
  return { chainMatrix: matrix };
}
