/**
 * Per-user normalisation of an action's probability by that user's base rate (the modeling guide:
 * many users never "like" anything, so p(like) is near zero for all their items and its term ranks
 * their slate by noise). The base rate comes from the training split only, never from the slates
 * being ranked, and is smoothed toward the overall rate so a user with few impressions is not
 * blown up: r_u = (positives + α·g) / (impressions + α), normalised q' = q · g / r_u, which keeps
 * q' on the probability scale (a typical user's q' ≈ q), so the weights mean the same thing.
 */
export const SMOOTHING_IMPRESSIONS = 5;

export interface UserHistory {
  impressions: number;
  positives: number;
}

/** Per user, training impressions and positives of one action, and the overall rate g. */
export function userBaseRates(users: ArrayLike<number | string>, labels: Uint8Array): { perUser: Map<number | string, UserHistory>; overall: number } {
  const perUser = new Map<number | string, UserHistory>();
  let positives = 0;
  for (let i = 0; i < users.length; i++) {
    let h = perUser.get(users[i]);
    if (!h) perUser.set(users[i], (h = { impressions: 0, positives: 0 }));
    h.impressions++;
    h.positives += labels[i];
    positives += labels[i];
  }
  return { perUser, overall: users.length ? positives / users.length : 0 };
}

export interface NormalisationEffect {
  normalised: Float32Array;
  /** Users in the ranked slates with training rows but no positive of this action. */
  neverActed: number;
  /** Users in the ranked slates with no training rows at all (left as they were). */
  unseen: number;
  users: number;
  /** The median factor g / r_u applied to never-acting users' probabilities. */
  medianNeverActedFactor: number;
  /** Per ranked impression: 1 when its user never took the action in training. */
  neverActedRow: Uint8Array;
}

export function normaliseByUser(q: Float32Array, rowUsers: ArrayLike<number | string>, base: ReturnType<typeof userBaseRates>): NormalisationEffect {
  const g = base.overall;
  const normalised = new Float32Array(q.length);
  const neverActedRow = new Uint8Array(q.length);
  const seen = new Map<number | string, 'never' | 'acted' | 'unseen'>();
  const neverFactors: number[] = [];
  for (let i = 0; i < q.length; i++) {
    const h = base.perUser.get(rowUsers[i]);
    if (!h || g <= 0) {
      normalised[i] = q[i];
      if (!seen.has(rowUsers[i])) seen.set(rowUsers[i], 'unseen');
      continue;
    }
    const rate = (h.positives + SMOOTHING_IMPRESSIONS * g) / (h.impressions + SMOOTHING_IMPRESSIONS);
    const factor = g / rate;
    normalised[i] = q[i] * factor;
    if (h.positives === 0) neverActedRow[i] = 1;
    if (!seen.has(rowUsers[i])) {
      seen.set(rowUsers[i], h.positives === 0 ? 'never' : 'acted');
      if (h.positives === 0) neverFactors.push(factor);
    }
  }
  neverFactors.sort((a, b) => a - b);
  const kinds = [...seen.values()];
  return {
    normalised,
    neverActed: kinds.filter((k) => k === 'never').length,
    unseen: kinds.filter((k) => k === 'unseen').length,
    users: seen.size,
    medianNeverActedFactor: neverFactors.length ? neverFactors[Math.floor(neverFactors.length / 2)] : NaN,
    neverActedRow,
  };
}
