'use client';
import { useEffect, useMemo, useState } from 'react';
import { binaryValues, getColumn, groupKeys } from '@/lib/data/table';
import type { HeadReport } from '@/lib/metrics/report';
import { computeReports, type ReportInput } from '@/lib/metrics/reportsClient';
import { runProbabilities, type ProbabilityMode } from '@/lib/store/runProbabilities';
import type { RunView } from '@/lib/store/runSlice';

export type EvaluationSplit = 'validation' | 'train';

export type HeadReports = { task: string; keepRate: number; report: HeadReport }[];

/** Reports already asked for, per run and setting: the Evaluate cell and the run comparison share them. */
const asked = new WeakMap<RunView, Map<string, Promise<HeadReports>>>();

/** The heads' inputs: predictions of the chosen split, labels, user groups and (synthetic data) the true probabilities. */
function reportInputs(run: RunView, mode: ProbabilityMode, split: EvaluationSplit): ReportInput[] {
  const all = run.predictions!;
  const p = split === 'train' ? { ...all, ...all.train } : all;
  const shown = runProbabilities(run, mode);
  const probabilities = split === 'train' ? shown.train : shown.validation;
  const userCol = run.spec.userColumn ? getColumn(run.table, run.spec.userColumn) : null;
  const keys = userCol ? groupKeys(userCol) : null;
  const groups = keys ? Float64Array.from(p.rows, (r) => keys[r]) : null;
  return p.tasks.map((task, t) => {
    const y = binaryValues(getColumn(run.table, task));
    const truthColumn = run.table.truth?.[task];
    return {
      scores: probabilities[t],
      labels: Uint8Array.from(p.rows, (r) => y[r]),
      groups,
      truth: truthColumn ? Float32Array.from(p.rows, (r) => truthColumn[r]) : null,
    };
  });
}

function reportsOf(run: RunView, mode: ProbabilityMode, split: EvaluationSplit): Promise<HeadReports> {
  const key = `${mode.skipRecalibration}/${mode.posthoc}/${split}`;
  const forRun = asked.get(run) ?? new Map<string, Promise<HeadReports>>();
  asked.set(run, forRun);
  let reports = forRun.get(key);
  if (!reports) {
    const tasks = run.predictions!.tasks;
    reports = computeReports(reportInputs(run, mode, split)).then(
      (heads) => heads.map((report, t) => ({ task: tasks[t], keepRate: run.spec.sampling.keepRates[tasks[t]] ?? 1, report })),
      (err: unknown) => {
        forRun.delete(key); // a failed request is asked again next time
        throw err;
      },
    );
    forRun.set(key, reports);
  }
  return reports;
}

/**
 * One report per head of a finished run, on the probabilities every cell shows (lib/store/runProbabilities.ts:
 * recalibrated or, to show what breaks, raw; optionally repaired post hoc), for the validation rows or a
 * sample of the training side (before negative sampling). Computed in a worker: `pending` until they
 * arrive (null reports), an error message if that failed.
 */
export function useReports(run: RunView | null, mode: ProbabilityMode, split: EvaluationSplit = 'validation'): HeadReports | null {
  return useReportState(run, mode, split).reports;
}

export function useReportState(run: RunView | null, mode: ProbabilityMode, split: EvaluationSplit = 'validation'): { reports: HeadReports | null; pending: boolean; error: string | null } {
  const usable = run?.predictions ? run : null;
  const { skipRecalibration, posthoc } = mode;
  const request = useMemo(() => (usable ? reportsOf(usable, { skipRecalibration, posthoc }, split) : null), [usable, skipRecalibration, posthoc, split]);
  const [done, setDone] = useState<{ request: Promise<HeadReports>; reports: HeadReports | null; error: string | null } | null>(null);
  useEffect(() => {
    if (!request) return;
    let current = true;
    request.then(
      (reports) => current && setDone({ request, reports, error: null }),
      (err: unknown) => current && setDone({ request, reports: null, error: err instanceof Error ? err.message : String(err) }),
    );
    return () => {
      current = false;
    };
  }, [request]);
  const settled = done && done.request === request ? done : null;
  return { reports: settled?.reports ?? null, pending: request !== null && settled === null, error: settled?.error ?? null };
}
