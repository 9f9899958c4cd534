import type { SamplingSummary } from './sample';

/** What a head's rows allow: training at all, and judging its AUC and calibration on validation rows. */
export interface HeadCheck {
  task: string;
  /** 'refuse': nothing to learn (the run cannot start); 'warn': it trains, but its numbers cannot be trusted. */
  level: 'refuse' | 'warn';
  /** What is wrong, then what to do about it. */
  text: string;
  fix: string;
  /** False when validation has no positive or no negative: early stopping and the best checkpoint ignore the head. */
  judgeable: boolean;
}

/** Fewer validation positives than this and a head's AUC and calibration ratio are noise. */
export const MIN_VALIDATION_POSITIVES = 10;
/** Fewer training positives than this and a head can only memorise them. */
export const MIN_TRAINING_POSITIVES = 10;

/** Every head's rows after the split and sampling, checked against the floors above. */
export function headChecks(summary: SamplingSummary): HeadCheck[] {
  const out: HeadCheck[] = [];
  for (const t of summary.perTask) {
    const v = t.validation;
    const judgeable = v.positives > 0 && v.negatives > 0;
    const seen = t.after.positives + t.after.negatives;
    if (t.after.positives === 0 || t.after.negatives === 0) {
      out.push({ task: t.task, level: 'refuse', judgeable, text: `"${t.task}" has ${t.after.positives === 0 ? 'no positive' : 'no negative'} among its ${seen.toLocaleString('en-US')} training rows, so there is nothing to learn.`, fix: 'Use more rows (share of rows used), another seed or split, or another target.' });
      continue;
    }
    if (!judgeable) {
      out.push({ task: t.task, level: 'warn', judgeable, text: `"${t.task}" has ${v.positives === 0 ? 'no positive' : 'no negative'} among its ${(v.positives + v.negatives).toLocaleString('en-US')} validation rows: its AUC and calibration cannot be judged, and early stopping and the best checkpoint ignore it.`, fix: 'Raise the validation share, use more rows, or drop this target.' });
    } else if (v.positives < MIN_VALIDATION_POSITIVES) {
      out.push({ task: t.task, level: 'warn', judgeable, text: `"${t.task}" has only ${v.positives} positive${v.positives === 1 ? '' : 's'} among its validation rows: AUC and calibration of this head cannot be judged (at least ${MIN_VALIDATION_POSITIVES} are needed).`, fix: 'Raise the validation share or use more rows.' });
    }
    if (t.after.positives < MIN_TRAINING_POSITIVES) out.push({ task: t.task, level: 'warn', judgeable, text: `"${t.task}" has only ${t.after.positives} positive${t.after.positives === 1 ? '' : 's'} to learn from: the head can memorise them but hardly generalise.`, fix: 'Use more rows, or a more frequent action.' });
  }
  return out;
}

/** Per head, whether its validation rows can judge it (both classes present). */
export function judgeableHeads(summary: SamplingSummary): boolean[] {
  return summary.perTask.map((t) => t.validation.positives > 0 && t.validation.negatives > 0);
}
