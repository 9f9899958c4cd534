/**
 * Id vocabularies. Slot 0 means missing, slot 1 means out of vocabulary (seen fewer than minCount
 * times in training, or never); values seen often enough get slots 2…. Above maxVocabulary the
 * values are hashed into buckets 1…size−1 instead.
 */
export interface IdVocabulary {
  mode: 'vocabulary' | 'hash';
  /** Start of this feature's rows in the shared embedding table. */
  offset: number;
  size: number;
  /** Vocabulary mode: slot i+2 ↔ values[i]. */
  values: string[];
  minCount: number;
}

export const MISSING_SLOT = 0;
export const OOV_SLOT = 1;

/** Fit a vocabulary from training counts. */
export function fitVocabulary(counts: Map<string, number>, minCount: number, maxVocabulary: number, offset: number): IdVocabulary {
  const kept = [...counts.entries()].filter(([, n]) => n >= minCount);
  if (kept.length + 2 <= maxVocabulary) {
    // Most frequent first, so slot numbers are stable and meaningful to read.
    kept.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    return { mode: 'vocabulary', offset, size: kept.length + 2, values: kept.map(([v]) => v), minCount };
  }
  return hashedVocabulary(minCount, maxVocabulary, offset);
}

/** Too many distinct values for slots of their own: hash them into `size` buckets. */
export function hashedVocabulary(minCount: number, size: number, offset: number): IdVocabulary {
  return { mode: 'hash', offset, size, values: [], minCount };
}

/** A lookup function from value text to the global embedding row. */
export function vocabularyLookup(v: IdVocabulary): (key: string | null) => number {
  if (v.mode === 'hash') return (key) => v.offset + (key === null ? MISSING_SLOT : 1 + (hashString(key) % (v.size - 1)));
  const index = new Map(v.values.map((value, i) => [value, i + 2]));
  return (key) => v.offset + (key === null ? MISSING_SLOT : (index.get(key) ?? OOV_SLOT));
}

/** FNV-1a: stable across runs and machines, so a hashed id always lands in the same bucket. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
