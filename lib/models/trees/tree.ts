import type { BinColumn, FeatureBins } from './binning';

/** Settings of one tree's growth (see GbdtParams). */
export interface TreeParams {
  maxDepth: number;
  maxLeaves: number;
  minChildWeight: number;
  lambda: number;
  learningRate: number;
  /** A category joins a split's left side only with about this many of the node's rows (LightGBM's min_data_per_group). */
  minCategoryRows: number;
}

/**
 * A regression tree over binned features. Numeric nodes send bin ≤ threshold left; categorical
 * nodes send the bins in `leftSet` left. Leaves hold the (shrunken) score added to the logit.
 */
export interface TreeNode {
  feature: number;
  threshold: number;
  leftSet: Uint8Array | null;
  left: number;
  right: number;
  /** Leaf score (−G/(H+λ)·η); NaN for inner nodes. */
  value: number;
}

/** Extra L2 on categorical splits (LightGBM's cat_l2): a split on many categories fits noise easily. */
const CATEGORY_L2 = 10;
/** At most this many categories on one side of a categorical split (LightGBM's default max_cat_threshold; XGBoost's is 64). */
const MAX_CATEGORY_SPLIT = 32;

interface Split {
  gain: number;
  feature: number;
  threshold: number;
  leftSet: Uint8Array | null;
}

interface Leaf {
  node: number;
  rows: Int32Array;
  G: number;
  H: number;
  depth: number;
  /** Per bin of every feature: gradient sum then hessian sum. */
  hist: Float64Array;
  split: Split | null;
}

/** Binned training data: bins[f][row], and where each feature's bins start in a histogram. */
export interface BinnedMatrix {
  features: FeatureBins[];
  bins: BinColumn[];
  offsets: Int32Array;
  totalBins: number;
}

export function binnedMatrix(features: FeatureBins[], bins: BinColumn[]): BinnedMatrix {
  const offsets = new Int32Array(features.length);
  let total = 0;
  features.forEach((f, i) => {
    offsets[i] = total;
    total += f.bins;
  });
  return { features, bins, offsets, totalBins: total };
}

/**
 * Grow one tree best-first (the leaf with the largest loss reduction splits next, as LightGBM
 * does) until maxLeaves, limited by maxDepth. Gain of a split (Chen & Guestrin 2016, eq. 7):
 * G_L²/(H_L+λ) + G_R²/(H_R+λ) − G²/(H+λ); each child needs hessian ≥ minChildWeight. The smaller
 * child's histogram is built from its rows and the larger one's is the parent's minus it.
 * Returns the nodes and the gain each feature contributed.
 */
export function growTree(m: BinnedMatrix, g: Float64Array, h: Float64Array, rows: Int32Array, features: number[], p: TreeParams): { nodes: TreeNode[]; gains: Float64Array } {
  const nodes: TreeNode[] = [];
  const gains = new Float64Array(m.features.length);
  const makeLeaf = (rowsOf: Int32Array, depth: number, hist: Float64Array): Leaf => {
    let G = 0;
    let H = 0;
    for (const r of rowsOf) {
      G += g[r];
      H += h[r];
    }
    nodes.push({ feature: -1, threshold: 0, leftSet: null, left: -1, right: -1, value: NaN });
    const leaf: Leaf = { node: nodes.length - 1, rows: rowsOf, G, H, depth, hist, split: null };
    if (depth < p.maxDepth) leaf.split = bestSplit(m, leaf, features, p);
    return leaf;
  };
  const open: Leaf[] = [makeLeaf(rows, 0, histogram(m, g, h, rows, features))];
  const done: Leaf[] = [];
  let leaves = 1;
  while (leaves < p.maxLeaves) {
    let best = -1;
    open.forEach((leaf, i) => {
      if (leaf.split && leaf.split.gain > 1e-12 && (best < 0 || leaf.split.gain > open[best].split!.gain)) best = i;
    });
    if (best < 0) break;
    const leaf = open.splice(best, 1)[0];
    const split = leaf.split!;
    const goesLeft = splitRule(m, split);
    const leftRows: number[] = [];
    const rightRows: number[] = [];
    for (const r of leaf.rows) (goesLeft(r) ? leftRows : rightRows).push(r);
    const small = leftRows.length <= rightRows.length ? Int32Array.from(leftRows) : Int32Array.from(rightRows);
    const smallHist = histogram(m, g, h, small, features);
    const largeHist = leaf.hist.map((v, i) => v - smallHist[i]);
    const [leftHist, rightHist] = leftRows.length <= rightRows.length ? [smallHist, largeHist] : [largeHist, smallHist];
    const node = nodes[leaf.node];
    node.feature = split.feature;
    node.threshold = split.threshold;
    node.leftSet = split.leftSet;
    gains[split.feature] += split.gain;
    const left = makeLeaf(Int32Array.from(leftRows), leaf.depth + 1, leftHist);
    node.left = left.node;
    const right = makeLeaf(Int32Array.from(rightRows), leaf.depth + 1, rightHist);
    node.right = right.node;
    open.push(left, right);
    leaves++;
  }
  for (const leaf of [...open, ...done]) nodes[leaf.node].value = (-leaf.G / (leaf.H + p.lambda)) * p.learningRate;
  return { nodes, gains };
}

/** The score a tree adds for each row of a binned matrix. */
export function treeScore(nodes: TreeNode[], bins: BinColumn[], row: number): number {
  let i = 0;
  for (;;) {
    const n = nodes[i];
    if (n.left < 0) return n.value;
    const b = bins[n.feature][row];
    i = (n.leftSet ? n.leftSet[b] === 1 : b <= n.threshold) ? n.left : n.right;
  }
}

function splitRule(m: BinnedMatrix, s: Split): (row: number) => boolean {
  const column = m.bins[s.feature];
  if (s.leftSet) {
    const set = s.leftSet;
    return (r) => set[column[r]] === 1;
  }
  return (r) => column[r] <= s.threshold;
}

function histogram(m: BinnedMatrix, g: Float64Array, h: Float64Array, rows: Int32Array, features: number[]): Float64Array {
  const hist = new Float64Array(m.totalBins * 2);
  for (const f of features) {
    const column = m.bins[f];
    const base = m.offsets[f] * 2;
    for (const r of rows) {
      const at = base + column[r] * 2;
      hist[at] += g[r];
      hist[at + 1] += h[r];
    }
  }
  return hist;
}

/**
 * A candidate beats the best so far only by more than rounding: sums taken in another order (the
 * exported script's numpy) must not flip a near-tie, so the first of two equal gains always wins.
 */
function better(gain: number, best: Split | null): boolean {
  return !best || gain > best.gain + 1e-9 * Math.max(1, Math.abs(best.gain));
}

function bestSplit(m: BinnedMatrix, leaf: Leaf, features: number[], p: TreeParams): Split | null {
  const { G, H, hist } = leaf;
  const parent = (G * G) / (H + p.lambda);
  let best: Split | null = null;
  for (const f of features) {
    const feature = m.features[f];
    const base = m.offsets[f] * 2;
    if (feature.kind === 'numeric') {
      let GL = 0;
      let HL = 0;
      for (let b = 0; b < feature.bins - 1; b++) {
        GL += hist[base + b * 2];
        HL += hist[base + b * 2 + 1];
        const GR = G - GL;
        const HR = H - HL;
        if (HL < p.minChildWeight || HR < p.minChildWeight) continue;
        const gain = (GL * GL) / (HL + p.lambda) + (GR * GR) / (HR + p.lambda) - parent;
        if (better(gain, best)) best = { gain, feature: f, threshold: b, leftSet: null };
      }
    } else {
      // Categories ordered by their gradient ratio; the best split is a prefix of that order (Fisher 1958).
      // Only categories with enough of the node's rows take part (their count estimated from the
      // hessian, the node's mean hessian per row): a user with five impressions otherwise gets a
      // split of its own that fits noise, most of all on a rare head.
      const used: number[] = [];
      // Rows of equal hessian make a category of exactly minCategoryRows rows sit on the floor: a hair
      // below it, so rounding in the sums never decides (the exported script compares the same way).
      const floor = ((p.minCategoryRows * H) / Math.max(1, leaf.rows.length)) * (1 - 1e-9);
      for (let b = 0; b < feature.bins; b++) if (hist[base + b * 2 + 1] > 0 && hist[base + b * 2 + 1] >= floor) used.push(b);
      if (used.length < 2) continue;
      const ratio = (b: number) => hist[base + b * 2] / (hist[base + b * 2 + 1] + CATEGORY_L2);
      used.sort((a, b) => ratio(a) - ratio(b));
      // A split sends at most MAX_CATEGORY_SPLIT categories one way, taken from either end of the order
      // (XGBoost's max_cat_threshold, LightGBM's max_cat_threshold): a prefix of thousands of ids fits noise.
      const limit = Math.min(MAX_CATEGORY_SPLIT, used.length - 1);
      for (const fromEnd of [false, true]) {
        let GS = 0;
        let HS = 0;
        for (let k = 0; k < limit; k++) {
          const b = used[fromEnd ? used.length - 1 - k : k];
          GS += hist[base + b * 2];
          HS += hist[base + b * 2 + 1];
          const GO = G - GS;
          const HO = H - HS;
          if (HS < p.minChildWeight || HO < p.minChildWeight) continue;
          const gain = (GS * GS) / (HS + p.lambda + CATEGORY_L2) + (GO * GO) / (HO + p.lambda + CATEGORY_L2) - parent;
          if (better(gain, best)) {
            const leftSet = new Uint8Array(feature.bins);
            for (let j = 0; j <= k; j++) leftSet[used[fromEnd ? used.length - 1 - j : j]] = 1;
            best = { gain, feature: f, threshold: -1, leftSet };
          }
        }
      }
    }
  }
  return best;
}
