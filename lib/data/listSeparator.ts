import type { StringColumn } from './table';

const SEPARATORS = ['|', ';', ',', ' '] as const;
/** An id token: digits, a hash, a short code (`t12`, `a1b2c3`). */
const ID_TOKEN = /^[\w.-]{1,40}$/;
const SAMPLE_VALUES = 500;

/**
 * The separator of a column of lists (tags, genres, a history of ids), or null for a column of
 * single values. Spaces are in many category names ("Married-civilian spouse present"), so a
 * separator is taken from how tokens are reused, not from their spelling: in a list the same token
 * turns up in several values, at different places ("Comedy" in "Comedy Drama" and "Action Comedy"),
 * and the values combine fewer tokens than there are values. A phrase's words keep their places and
 * outnumber the phrases. Lists of id-like tokens (numbers, hashes) qualify once any token recurs.
 */
export function listSeparator(col: StringColumn, declaredList = false): string | null {
  const sample = col.dictionary.slice(0, SAMPLE_VALUES).map((v) => v.trim()).filter((v) => v.length > 0);
  if (sample.length === 0) return null;
  // The atomic-file convention separates a sequence's tokens by spaces (titles may hold commas).
  if (declaredList && sample.some((v) => v.includes(' '))) return ' ';
  for (const sep of SEPARATORS) {
    const withSep = sample.filter((v) => v.includes(sep)).length;
    if (withSep === 0 || (!declaredList && withSep < sample.length * 0.3)) continue;
    if (declaredList) return sep;
    const reuse = tokenReuse(sample, sep);
    if (reuse.recurring === 0) continue;
    if (reuse.idLike) return sep;
    if (reuse.recurring >= 2 && reuse.moving >= reuse.recurring * 0.3 && reuse.tokens <= sample.length) return sep;
  }
  return declaredList ? ' ' : null;
}

/** How the tokens of `values` split by `sep` recur across values and move between positions. */
function tokenReuse(values: string[], sep: string): { tokens: number; recurring: number; moving: number; idLike: boolean } {
  const seen = new Map<string, { values: number; positions: Set<number> }>();
  let idLike = true;
  for (const value of values) {
    const tokens = value.split(sep).map((t) => t.trim()).filter((t) => t.length > 0);
    const inValue = new Set<string>();
    tokens.forEach((token, position) => {
      if (idLike && !(ID_TOKEN.test(token) && /\d/.test(token))) idLike = false;
      const entry = seen.get(token) ?? { values: 0, positions: new Set<number>() };
      if (!inValue.has(token)) entry.values++;
      entry.positions.add(position);
      inValue.add(token);
      seen.set(token, entry);
    });
  }
  let recurring = 0;
  let moving = 0;
  for (const { values: count, positions } of seen.values()) {
    if (count < 2) continue;
    recurring++;
    if (positions.size >= 2) moving++;
  }
  return { tokens: seen.size, recurring, moving, idLike };
}
