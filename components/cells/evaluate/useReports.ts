'use client';
import { useMemo } from 'react';
import { binaryValues, getColumn, groupKeys } from '@/lib/data/table';
import { headReport, type HeadReport } from '@/lib/metrics/report';
import type { RunView } from '@/lib/store/runSlice';

export type EvaluationSplit = 'validation' | 'train';

/**
 * One report per head of a finished run, on recalibrated (or, to show what breaks, raw) predictions,
 * for the validation rows or a sample of the training side (before negative sampling).
 */
export function useReports(run: RunView | null, skipRecalibration: boolean, split: EvaluationSplit = 'validation'): { task: string; keepRate: number; report: HeadReport }[] | null {
  return useMemo(() => {
    const all = run?.predictions;
    if (!run || !all) return null;
    const p = split === 'train' ? { ...all, ...all.train } : all;
    const userCol = run.spec.userColumn ? getColumn(run.table, run.spec.userColumn) : null;
    const keys = userCol ? groupKeys(userCol) : null;
    const groups = keys ? Float64Array.from(p.rows, (r) => keys[r]) : null;
    return p.tasks.map((task, t) => {
      const y = binaryValues(getColumn(run.table, task));
      const labels = Uint8Array.from(p.rows, (r) => y[r]);
      const truthColumn = run.table.truth?.[task];
      const truth = truthColumn ? Float32Array.from(p.rows, (r) => truthColumn[r]) : null;
      return { task, keepRate: run.spec.sampling.keepRates[task] ?? 1, report: headReport(skipRecalibration ? p.raw[t] : p.calibrated[t], labels, groups, truth) };
    });
  }, [run, skipRecalibration, split]);
}
