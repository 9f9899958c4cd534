import type { HeadReport } from './report';

/** Something wrong with one head's figures, said where the figure is shown: what, why, and one fix. */
export interface HeadWarning {
  task: string;
  kind: 'calibration' | 'entropy' | 'auc' | 'overfit' | 'starved';
  figure: string;
  cause: string;
  fix: string;
}

export interface HeadWarningInput {
  task: string;
  report: Pick<HeadReport, 'positives' | 'rows' | 'auc' | 'normalizedEntropy' | 'calibrationRatio' | 'calibrationInterval'>;
  /** The head's validation loss at each evaluation round, oldest first. */
  lossHistory: number[];
  /** The head was put back to its best step at the end. */
  restored: boolean;
  /** Fitted to the optimum (the exact logistic regression): no steps to restore, the penalty decides. */
  exactFit?: boolean;
  /** Training rows the head saw after sampling, and its positives among them. */
  trainedRows: number | null;
  trainedPositives: number | null;
  /** The head's own parameters (not the layers it shares); null for trees. */
  headParameters: number | null;
  keepRate: number;
}

/** Calibration is judged on at least this many validation positives (fewer: the ratio is noise). */
export const CALIBRATION_MIN_POSITIVES = 300;
const RATIO_BAND: [number, number] = [0.9, 1.1];
const WEAK_AUC = 0.55;
/** Rows per own parameter below which a sampled head is starved. */
const ROWS_PER_PARAMETER = 10;

/**
 * Every warning one head's figures call for, computed from them, never assumed: a calibration ratio
 * outside 0.9–1.1 and outside what a calibrated head shows on these rows (on enough positives), a
 * normalized entropy of 1 or more, an AUC barely above chance, a validation loss that rose for most
 * of the run, and a downsampled head with fewer rows than about ten per parameter of its own.
 */
export function headWarnings(h: HeadWarningInput): HeadWarning[] {
  const out: HeadWarning[] = [];
  const { report: r, task } = h;
  const warn = (kind: HeadWarning['kind'], figure: string, cause: string, fix: string) => out.push({ task, kind, figure, cause, fix });
  const [lo, hi] = r.calibrationInterval;
  if (r.positives >= CALIBRATION_MIN_POSITIVES && (r.calibrationRatio < RATIO_BAND[0] || r.calibrationRatio > RATIO_BAND[1]) && (r.calibrationRatio < lo || r.calibrationRatio > hi)) {
    warn(
      'calibration',
      `calibration ratio ${r.calibrationRatio.toFixed(3)} (a calibrated head gives ${lo.toFixed(3)}–${hi.toFixed(3)} on these ${r.positives.toLocaleString('en-US')} positives)`,
      `it predicts ${r.calibrationRatio > 1 ? 'more' : 'fewer'} positives than happen${h.keepRate < 1 ? '; a head trained on few kept negatives, or restored past its best, is often off' : '; often a head overfit to its rows, or one the shared layers do not serve'}`,
      'repair it with post-hoc calibration (Evaluate cell) to see the difference, and look for the cause: more rows, a higher keep rate, a stronger L2 or an earlier stop',
    );
  }
  if (r.positives >= 10 && r.normalizedEntropy >= 1) {
    warn('entropy', `normalized entropy ${r.normalizedEntropy.toFixed(3)}`, 'its log loss is worse than predicting the base rate on every row', 'restore the best checkpoint, raise L2, or train the head on its own (separate networks)');
  }
  if (r.positives >= 10 && r.rows - r.positives >= 10 && r.auc < WEAK_AUC) {
    warn('auc', `AUC ${r.auc.toFixed(3)}`, 'barely better than chance: the features say little about this action, or it has too few positives to learn from', 'add features known before the impression, or predict a more frequent action');
  }
  const losses = h.lossHistory.filter(Number.isFinite);
  if (losses.length >= 4) {
    const best = losses.indexOf(Math.min(...losses));
    const last = losses[losses.length - 1];
    if (best <= (losses.length - 1) * 0.4 && last > losses[best] * 1.02) {
      warn('overfit', `validation loss rose for most of the run (best at evaluation ${best + 1} of ${losses.length}, ${losses[best].toFixed(4)}; last ${last.toFixed(4)})`, 'the head overfits its training rows', h.exactFit ? 'raise the L2 penalty: the exact fit goes all the way to the training optimum' : h.restored ? 'its best weights were restored; early stopping would save the rest of the run' : 'turn on restoring the best checkpoint, or early stopping, or lower the learning rate');
    }
  }
  if (h.keepRate < 1 && h.trainedRows !== null && h.headParameters && h.trainedRows < ROWS_PER_PARAMETER * h.headParameters) {
    warn(
      'starved',
      `${h.trainedRows.toLocaleString('en-US')} training rows (${(h.trainedPositives ?? 0).toLocaleString('en-US')} positives) for ${Math.round(h.headParameters).toLocaleString('en-US')} parameters of its own`,
      'the keep rate left fewer than ten rows per weight this head fits alone (a starved head)',
      'raise its keep rate or the share of rows used, or give ids a higher minimum count',
    );
  }
  return out;
}
