import { denseCodes } from '../data/denseCodes';
import { getColumn, groupKeys, missingMask, type Table } from '../data/table';
import type { FeatureSpec } from '../formulate/spec';
import { auc } from '../metrics/auc';

/** A feature that predicts a target alone almost perfectly: the label in disguise until shown otherwise. */
export interface LeakFinding {
  column: string;
  target: string;
  /** The feature's AUC alone for the target on training rows (the better of its two directions). */
  auc: number;
  /** True when the person chose to keep it (spec.allowedLeaks): reported, not excluded. */
  kept: boolean;
}

/** At or above this single-feature AUC a feature is excluded unless the person keeps it. */
export const LEAK_AUC = 0.99;
/** Rows the scan reads: enough to tell 0.99 from 0.9, cheap enough to run before every training. */
const SCAN_ROWS = 20_000;
/** A verdict needs this many positives and negatives among the scanned rows. */
const MIN_CLASS_ROWS = 10;

/**
 * Each feature's AUC alone for each target, on (an even sample of) the training rows: a number by
 * its value, a category or id by its positive rate in the other half of the rows (cross-fitted, so
 * an id seen once cannot score its own row). Id lists are not scanned. Features at LEAK_AUC or above
 * are returned; the caller drops those not kept.
 */
export function scanLeaks(table: Table, features: FeatureSpec[], targets: string[], labels: Uint8Array[], known: Uint8Array[], rows: Int32Array, kept: ReadonlySet<string>): LeakFinding[] {
  const stride = Math.max(1, Math.ceil(rows.length / SCAN_ROWS));
  const sample = rows.filter((_, i) => i % stride === 0);
  const findings: LeakFinding[] = [];
  for (const f of features) {
    if (f.encoding === 'bag') continue;
    const scoreFor = scorer(table, f, sample);
    targets.forEach((target, t) => {
      const at = Int32Array.from(sample.keys()).filter((i) => known[t][sample[i]] === 1);
      const y = Uint8Array.from(at, (i) => labels[t][sample[i]]);
      const positives = y.reduce((s, v) => s + v, 0);
      if (positives < MIN_CLASS_ROWS || y.length - positives < MIN_CLASS_ROWS) return;
      const a = auc(scoreFor(y, at), y);
      const best = Math.max(a, 1 - a);
      if (best >= LEAK_AUC) findings.push({ column: f.column, target, auc: best, kept: kept.has(f.column) });
    });
  }
  return findings;
}

/** How one feature scores the sampled rows `at` (indices into the sample) for labels `y`. */
function scorer(table: Table, f: FeatureSpec, sample: Int32Array): (y: Uint8Array, at: Int32Array) => Float64Array {
  const col = getColumn(table, f.column);
  const missing = missingMask(col);
  if (f.encoding !== 'embedding' && col.kind === 'number') {
    // Missing cells sort below every value: a column that is missing exactly where the label is 0 is a leak too.
    const values = Float64Array.from(sample, (r) => (missing[r] ? -Infinity : col.values[r]));
    return (_, at) => Float64Array.from(at, (i) => values[i]);
  }
  const keys = groupKeys(col);
  const { codes, count } = denseCodes(Float64Array.from(sample, (r) => (missing[r] ? NaN : keys[r])));
  return (y, at) => crossFittedRates(codes, count, y, at);
}

/** Each row's category scored by the positive rate of that category in the other fold (the base rate when unseen there). */
function crossFittedRates(codes: Int32Array, count: number, y: Uint8Array, at: Int32Array): Float64Array {
  const folds = [0, 1].map(() => ({ positives: new Float64Array(count), rows: new Float64Array(count), totalPositives: 0, total: 0 }));
  at.forEach((i, k) => {
    const fold = folds[k & 1];
    fold.positives[codes[i]] += y[k];
    fold.rows[codes[i]]++;
    fold.totalPositives += y[k];
    fold.total++;
  });
  return Float64Array.from(at, (i, k) => {
    const other = folds[(k & 1) ^ 1];
    const c = codes[i];
    return other.rows[c] > 0 ? other.positives[c] / other.rows[c] : other.totalPositives / Math.max(1, other.total);
  });
}
