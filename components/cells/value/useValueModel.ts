'use client';
import { useMemo } from 'react';
import { binaryValues, getColumn, groupKeys } from '@/lib/data/table';
import type { RunView } from '@/lib/store/runSlice';
import { buildSlates, topKOutcome, valueScores, type Slate, type TopKOutcome } from '@/lib/value/value';

export interface ValueModelView {
  tasks: string[];
  /** Per action, the probabilities in use: recalibrated, or raw when recalibration is skipped. */
  probabilities: Float32Array[];
  slates: Slate[];
  labels: Uint8Array[];
  scores: Float64Array;
  outcome: TopKOutcome;
}

/**
 * Everything the value cell shows, from the run's cached calibrated predictions. Slates and
 * labels depend only on the run; scores and the outcome are recomputed when a weight moves.
 */
export function useValueModel(run: RunView | null, weights: Record<string, number>, topK: number, skipRecalibration = false): ValueModelView | null {
  const base = useMemo(() => {
    const p = run?.predictions;
    if (!run || !p) return null;
    const userCol = run.spec.userColumn ? getColumn(run.table, run.spec.userColumn) : null;
    const keys = userCol ? groupKeys(userCol) : null;
    const slates = buildSlates(Float64Array.from(p.rows, (r) => (keys ? keys[r] : 0)));
    const labels = p.tasks.map((t) => {
      const y = binaryValues(getColumn(run.table, t));
      return Uint8Array.from(p.rows, (r) => y[r]);
    });
    // The raw outputs stand in only when the person asked to see what skipping recalibration breaks.
    return { tasks: p.tasks, calibrated: skipRecalibration ? p.raw : p.calibrated, slates, labels };
  }, [run, skipRecalibration]);
  const weightList = base ? base.tasks.map((t) => weights[t] ?? 0) : [];
  const weightKey = weightList.join(',');
  const scores = useMemo(() => (base ? valueScores(base.calibrated, weightKey.split(',').map(Number)) : null), [base, weightKey]);
  const outcome = useMemo(() => (base && scores ? topKOutcome(base.slates, scores, base.labels, topK) : null), [base, scores, topK]);
  if (!base || !scores || !outcome) return null;
  return { tasks: base.tasks, probabilities: base.calibrated, slates: base.slates, labels: base.labels, scores, outcome };
}
