/**
 * Re-ranking every held-out slate at once, fast enough to follow a slider (the target is 16 ms for
 * 100k impressions, measured by `npm run bench`). Slates are kept as one grouped index array with
 * offsets (no array per slate), and only the top K of each slate is found and ordered: a K-long
 * insertion buffer per slate, O(m) for a slate of m impressions when K is small.
 */

/** All slates in one layout: the impressions of slate s are order[starts[s] .. starts[s + 1]). */
export interface SlateIndex {
  order: Int32Array;
  starts: Int32Array;
  /** The grouping key of each slate (user, or user and time window), in first-seen order. */
  keys: (number | string)[];
}

/** Group impressions by key, keeping first-seen order of slates and original order within each. */
export function buildSlateIndex(keys: ArrayLike<number | string>): SlateIndex {
  const slateOf = new Map<number | string, number>();
  const slateOfRow = new Int32Array(keys.length);
  const counts: number[] = [];
  for (let i = 0; i < keys.length; i++) {
    let s = slateOf.get(keys[i]);
    if (s === undefined) {
      s = counts.length;
      slateOf.set(keys[i], s);
      counts.push(0);
    }
    slateOfRow[i] = s;
    counts[s]++;
  }
  const starts = new Int32Array(counts.length + 1);
  for (let s = 0; s < counts.length; s++) starts[s + 1] = starts[s] + counts[s];
  const fill = starts.slice(0, counts.length);
  const order = new Int32Array(keys.length);
  for (let i = 0; i < keys.length; i++) order[fill[slateOfRow[i]]++] = i;
  return { order, starts, keys: [...slateOf.keys()] };
}

/** The top K of every slate, best first: top[topStarts[s] .. topStarts[s + 1]) for slate s. */
export interface TopLists {
  top: Int32Array;
  topStarts: Int32Array;
  k: number;
}

/** Rank every slate by descending score (ties: earlier impression first) and keep its top K. */
export function topKPerSlate(index: SlateIndex, scores: ArrayLike<number>, k: number): TopLists {
  const slates = index.starts.length - 1;
  const topStarts = new Int32Array(slates + 1);
  for (let s = 0; s < slates; s++) topStarts[s + 1] = topStarts[s] + Math.min(k, index.starts[s + 1] - index.starts[s]);
  const top = new Int32Array(topStarts[slates]);
  for (let s = 0; s < slates; s++) {
    const base = topStarts[s];
    const limit = topStarts[s + 1] - base;
    let filled = 0;
    for (let j = index.starts[s]; j < index.starts[s + 1]; j++) {
      const i = index.order[j];
      const v = scores[i];
      // Strictly greater: an equal score never displaces an earlier impression.
      if (filled === limit && !(v > scores[top[base + limit - 1]])) continue;
      let r = filled < limit ? filled++ : limit - 1;
      while (r > 0 && v > scores[top[base + r - 1]]) {
        top[base + r] = top[base + r - 1];
        r--;
      }
      top[base + r] = i;
    }
  }
  return { top, topStarts, k };
}

/** Every impression of one slate in rank order (for the sample slate table). */
export function rankOneSlate(index: SlateIndex, slate: number, scores: ArrayLike<number>): Int32Array {
  const rows = index.order.slice(index.starts[slate], index.starts[slate + 1]);
  return rows.sort((a, b) => scores[b] - scores[a] || a - b);
}

/** Share of top-K impressions two rankings have in common (1 = the same sets, order aside). */
export function topListOverlap(a: TopLists, b: TopLists): number {
  let common = 0;
  const slates = a.topStarts.length - 1;
  for (let s = 0; s < slates; s++) {
    const inA = new Set(a.top.subarray(a.topStarts[s], a.topStarts[s + 1]));
    for (let j = b.topStarts[s]; j < b.topStarts[s + 1]; j++) if (inA.has(b.top[j])) common++;
  }
  return a.top.length ? common / a.top.length : 1;
}

/** Per slate, whether its top-K set differs between two rankings. */
export function changedSlates(a: TopLists, b: TopLists): Uint8Array {
  const slates = a.topStarts.length - 1;
  const changed = new Uint8Array(slates);
  for (let s = 0; s < slates; s++) {
    const inA = new Set(a.top.subarray(a.topStarts[s], a.topStarts[s + 1]));
    for (let j = b.topStarts[s]; j < b.topStarts[s + 1]; j++) if (!inA.has(b.top[j])) changed[s] = 1;
  }
  return changed;
}
