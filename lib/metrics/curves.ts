import { sortByScore } from './sorted';

/** A point of a ROC or precision–recall curve. */
export interface CurvePoint {
  x: number;
  y: number;
  threshold: number;
}

/** Cumulative true and false positives at each distinct threshold, from the highest score down. */
function sweep(scores: ArrayLike<number>, y: ArrayLike<number>): { tp: number[]; fp: number[]; thresholds: number[]; positives: number; negatives: number } {
  const { values, labels } = sortByScore(scores, y);
  const tp: number[] = [];
  const fp: number[] = [];
  const thresholds: number[] = [];
  let t = 0;
  let f = 0;
  for (let k = values.length - 1; k >= 0; k--) {
    if (labels[k]) t++;
    else f++;
    // Emit only where the score changes, so tied scores form one point (as sklearn does).
    if (k === 0 || values[k - 1] !== values[k]) {
      tp.push(t);
      fp.push(f);
      thresholds.push(values[k]);
    }
  }
  return { tp, fp, thresholds, positives: t, negatives: f };
}

/** ROC curve from (0, 0) to (1, 1): false positive rate → true positive rate. */
export function rocCurve(scores: ArrayLike<number>, y: ArrayLike<number>): CurvePoint[] {
  const s = sweep(scores, y);
  if (s.positives === 0 || s.negatives === 0) return [];
  return [{ x: 0, y: 0, threshold: Infinity }, ...s.tp.map((tp, i) => ({ x: s.fp[i] / s.negatives, y: tp / s.positives, threshold: s.thresholds[i] }))];
}

/** Precision–recall curve: recall → precision at each distinct threshold, from the highest score down. */
export function precisionRecallCurve(scores: ArrayLike<number>, y: ArrayLike<number>): CurvePoint[] {
  const s = sweep(scores, y);
  if (s.positives === 0) return [];
  return s.tp.map((tp, i) => ({ x: tp / s.positives, y: tp / (tp + s.fp[i]), threshold: s.thresholds[i] }));
}

/** Average precision: Σ (R_n − R_{n−1}) · P_n (the step-wise area, sklearn's definition). */
export function averagePrecision(scores: ArrayLike<number>, y: ArrayLike<number>): number {
  const pr = precisionRecallCurve(scores, y);
  let ap = 0;
  let previousRecall = 0;
  for (const p of pr) {
    ap += (p.x - previousRecall) * p.y;
    previousRecall = p.x;
  }
  return pr.length ? ap : NaN;
}

/** Keep at most `max` points of a curve, always the first and the last: enough for a chart its width. */
export function downsampleCurve(points: CurvePoint[], max: number): CurvePoint[] {
  if (points.length <= max) return points;
  const step = (points.length - 1) / (max - 1);
  return Array.from({ length: max }, (_, i) => points[Math.round(i * step)]);
}
