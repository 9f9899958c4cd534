import { headWarnings, type HeadWarning } from '@/lib/metrics/headWarnings';
import type { HeadReport } from '@/lib/metrics/report';
import type { RunView } from '@/lib/store/runSlice';

/** The warnings one head of a finished run calls for, from the figures shown and the run's own record. */
export function warningsFor(run: RunView, task: string, report: HeadReport): HeadWarning[] {
  const t = run.spec.targets.indexOf(task);
  const perTask = run.prepared?.summary?.perTask[t];
  const exactFit = run.config.modelKind === 'logistic-regression' && run.config.solver === 'lbfgs' && run.spec.formulation.kind === 'pointwise';
  return headWarnings({
    task,
    report,
    lossHistory: run.evaluations.map((round) => round.find((e) => e.task === task)?.valLoss ?? NaN),
    restored: run.config.restoreBest && (run.bestSteps?.[t] ?? run.bestStep) !== run.progress?.step,
    exactFit,
    trainedRows: perTask ? perTask.after.positives + perTask.after.negatives : null,
    trainedPositives: perTask?.after.positives ?? null,
    headParameters: run.headParameters?.[t] ?? null,
    keepRate: run.spec.sampling.keepRates[task] ?? 1,
  });
}
