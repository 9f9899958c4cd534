import type { HeadReport } from './report';

/** Metrics compared between two runs, with which direction is better. */
export const COMPARED_METRICS: { key: keyof HeadReport; label: string; higherIsBetter: boolean }[] = [
  { key: 'auc', label: 'AUC', higherIsBetter: true },
  { key: 'gauc', label: 'GAUC', higherIsBetter: true },
  { key: 'logLoss', label: 'log loss', higherIsBetter: false },
  { key: 'normalizedEntropy', label: 'normalized entropy', higherIsBetter: false },
  { key: 'eceQuantile', label: 'ECE (quantile)', higherIsBetter: false },
  { key: 'averagePrecision', label: 'average precision', higherIsBetter: true },
  { key: 'ndcgAt10', label: 'NDCG@10', higherIsBetter: true },
];

export interface MetricDifference {
  label: string;
  a: number | null;
  b: number | null;
  difference: number | null;
  /** +1 when B is better, −1 when worse, 0 when equal or unknown. */
  verdict: -1 | 0 | 1;
}

/** B against A for one action. The calibration ratio is compared by its distance from 1. */
export function compareReports(a: HeadReport, b: HeadReport): MetricDifference[] {
  const rows: MetricDifference[] = COMPARED_METRICS.map(({ key, label, higherIsBetter }) => {
    const va = a[key] as number | null;
    const vb = b[key] as number | null;
    const ok = va !== null && vb !== null && Number.isFinite(va) && Number.isFinite(vb);
    const difference = ok ? vb! - va! : null;
    const verdict = difference === null || difference === 0 ? 0 : (difference > 0) === higherIsBetter ? 1 : -1;
    return { label, a: va, b: vb, difference, verdict };
  });
  const da = Math.abs(a.calibrationRatio - 1);
  const db = Math.abs(b.calibrationRatio - 1);
  rows.push({ label: 'calibration ratio', a: a.calibrationRatio, b: b.calibrationRatio, difference: b.calibrationRatio - a.calibrationRatio, verdict: db < da ? 1 : db > da ? -1 : 0 });
  return rows;
}

/** True when two runs were judged on exactly the same validation rows. */
export function sameRows(a: Int32Array, b: Int32Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
