import { getColumn, groupKeys, type Table } from '../data/table';
import type { ProblemSpec } from '../formulate/spec';
import { mulberry32 } from '../sampling/random';
import { timeValues } from '../sampling/split';

/** Rows per ranking list: small enough for software GPUs, big enough to hold several pairs. */
export const LIST_SIZE = 8;

/** The group key of every table row for learning to rank: the user, or the user and a time window. */
export function rankingGroups(table: Table, spec: ProblemSpec): Float64Array | null {
  const f = spec.formulation;
  if (f.kind !== 'ranking' || !spec.userColumn) return null;
  const users = groupKeys(getColumn(table, spec.userColumn));
  if (!f.window) return users;
  const times = timeValues(getColumn(table, f.window.column));
  // Epoch milliseconds are converted to seconds; YYYYMMDD dates count as days.
  return Float64Array.from(users, (u, i) => {
    const t = times[i];
    const seconds = t > 1e11 ? t / 1000 : t;
    return u * 1e6 + (Number.isNaN(seconds) ? -1 : Math.floor(seconds / f.window!.seconds) % 1e6);
  });
}

/**
 * Fixed-size lists of training positions drawn within groups, reshuffled each epoch: [lists × LIST_SIZE].
 * A list needs a positive (and, for pairwise losses, a negative) or it teaches nothing. Short groups
 * are padded by repeating their rows; `valid` marks the real entries.
 */
export function buildLists(groups: ArrayLike<number>, labels: ArrayLike<number>, needNegative: boolean, seed: number): { positions: Int32Array; valid: Float32Array; count: number } {
  const byGroup = new Map<number, number[]>();
  for (let i = 0; i < groups.length; i++) {
    const g = byGroup.get(groups[i]);
    if (g) g.push(i);
    else byGroup.set(groups[i], [i]);
  }
  const rand = mulberry32(seed);
  const positions: number[] = [];
  const valid: number[] = [];
  for (const rows of byGroup.values()) {
    for (let i = rows.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [rows[i], rows[j]] = [rows[j], rows[i]];
    }
    for (let start = 0; start < rows.length; start += LIST_SIZE) {
      const list = rows.slice(start, start + LIST_SIZE);
      const positives = list.filter((r) => labels[r]).length;
      if (positives === 0 || (needNegative && positives === list.length)) continue;
      for (let k = 0; k < LIST_SIZE; k++) {
        positions.push(list[k % list.length]);
        valid.push(k < list.length ? 1 : 0);
      }
    }
  }
  return { positions: Int32Array.from(positions), valid: Float32Array.from(valid), count: positions.length / LIST_SIZE };
}
