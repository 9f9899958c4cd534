import { mulberry32 } from '../../sampling/random';
import type { BinColumn } from './binning';
import { growTree, treeScore, type BinnedMatrix, type TreeNode, type TreeParams } from './tree';

/** A trained booster for one task: base score plus trees, in logit units of the sampled space. */
export interface Booster {
  base: number;
  trees: TreeNode[][];
}

export interface BoostParams extends TreeParams {
  rowSubsample: number;
  columnSubsample: number;
  seed: number;
}

/**
 * One round of gradient boosting on the log loss (Friedman 2001): gradients g = w·(p − y) and
 * hessians h = w·p(1 − p) at the current scores, one tree grown on a row and column subsample,
 * then the tree's scores added to every score array given (train and any evaluation sets).
 */
export function boostRound(m: BinnedMatrix, labels: ArrayLike<number>, weights: ArrayLike<number>, scores: Float64Array, p: BoostParams, round: number, apply: { bins: BinColumn[]; scores: Float64Array }[]): { nodes: TreeNode[]; gains: Float64Array } {
  const n = scores.length;
  const g = new Float64Array(n);
  const h = new Float64Array(n);
  const random = mulberry32(p.seed * 7919 + round);
  const rows: number[] = [];
  for (let i = 0; i < n; i++) {
    const w = weights[i];
    if (w <= 0) continue;
    const prob = 1 / (1 + Math.exp(-scores[i]));
    g[i] = w * (prob - labels[i]);
    h[i] = w * Math.max(prob * (1 - prob), 1e-16);
    if (p.rowSubsample >= 1 || random() < p.rowSubsample) rows.push(i);
  }
  const all = Array.from(m.features.keys());
  const features = p.columnSubsample >= 1 ? all : all.filter(() => random() < p.columnSubsample);
  const tree = growTree(m, g, h, Int32Array.from(rows), features.length ? features : [all[Math.floor(random() * all.length)]], p);
  for (let i = 0; i < n; i++) scores[i] += treeScore(tree.nodes, m.bins, i);
  for (const set of apply) for (let i = 0; i < set.scores.length; i++) set.scores[i] += treeScore(tree.nodes, set.bins, i);
  return tree;
}

/** Scores of a booster for binned rows. */
export function boosterScores(b: Booster, bins: BinColumn[], rows: number): Float64Array {
  const out = new Float64Array(rows).fill(b.base);
  for (const tree of b.trees) for (let i = 0; i < rows; i++) out[i] += treeScore(tree, bins, i);
  return out;
}
