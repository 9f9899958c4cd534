'use client';
import { useDeferredValue, useState } from 'react';
import { useAppStore } from '@/lib/store';
import { CellFrame } from '../../notebook/CellFrame';
import { HeadPanel } from './HeadPanel';
import { RunComparison } from './RunComparison';
import { ModelDiagnostics } from './ModelDiagnostics';
import { RunsTable } from './RunsTable';
import type { Posthoc } from '@/lib/metrics/posthoc';
import { describeProbabilities } from '@/lib/store/runProbabilities';
import { CalibrationRepair } from './CalibrationRepair';
import { useProbabilityMode } from './useProbabilityMode';
import { warningsFor } from './warningsFor';
import { useReports, useReportState, type EvaluationSplit } from './useReports';
import { SelectField } from '../../ui/SelectField';

/** Evaluate cell: every metric per head on validation rows, an optional post-hoc calibration repair, runs compared. */
export function EvaluateCell() {
  // Only a run with predictions: the whole run would re-render this cell at every training event.
  // Deferred, like the Value cell's: its report inputs are gathered in a render after the run's end.
  const run = useDeferredValue(useAppStore((s) => (s.run?.predictions ? s.run : null)));
  const mode = useProbabilityMode();
  const setPosthoc = useAppStore((s) => s.setPosthoc);
  const [split, setSplit] = useState<EvaluationSplit>('validation');
  const { reports, pending, error } = useReportState(run, mode, split);
  // Without the post-hoc map, to show what the repair changed beside it.
  const before = useReports(mode.posthoc === 'none' ? null : run, { ...mode, posthoc: 'none' }, split);
  return (
    <CellFrame id="evaluate" title="6 · Evaluate">
      <p className="explain">
        Metrics on the untouched validation rows, or on the training side to see overfitting (a large gap between the two). AUC only looks at the order, so it cannot see miscalibration; log loss, normalized entropy,
        the calibration ratio and the reliability diagram can. Turning the sampling correction off (Sampling cell) shows what a downsampled head&rsquo;s raw output does:
        it over-predicts by about 1/w, and in the value model every weight is silently multiplied by about 1/w.
      </p>
      <SelectField<EvaluationSplit>
        label="Split"
        value={split}
        onChange={setSplit}
        options={[
          { value: 'validation', label: 'validation rows' },
          { value: 'train', label: 'training side (up to 20,000 rows, before negative sampling)' },
        ]}
      />
      <div className="row">
        <SelectField<Posthoc>
          label="Post-hoc calibration"
          value={mode.posthoc}
          onChange={setPosthoc}
          options={[
            { value: 'none', label: 'none: the head’s own (recalibrated) probabilities' },
            { value: 'platt', label: 'Platt scaling, fitted on validation rows (cross-fitted)' },
            { value: 'isotonic', label: 'isotonic regression, fitted on validation rows (cross-fitted)' },
          ]}
        />
        <p className="muted" style={{ flex: 1 }} data-testid="probability-mode">
          Shown everywhere (here, the comparison, the Value cell, scored files): {describeProbabilities(mode)}. The sampling correction is switched in the Sampling cell;
          a post-hoc map repairs what training left miscalibrated, which is something else.
        </p>
      </div>
      {error && (
        <p className="alert" role="alert">
          The evaluation could not be computed: {error}. Change the split or the recalibration setting to try again.
        </p>
      )}
      {!reports ? (
        <p className="muted" role="status" data-testid="evaluate-status">
          {pending ? 'Computing the evaluation of every head…' : error ? '' : 'Train a model to evaluate it here.'}
        </p>
      ) : (
        <>
          <div className="charts" style={{ marginTop: 10 }}>
            {reports.map((r) => (
              <HeadPanel key={r.task} task={r.task} keepRate={r.keepRate} report={r.report} raw={mode.skipRecalibration} warnings={split === 'validation' ? warningsFor(run!, r.task, r.report) : []} />
            ))}
          </div>
          {before && <CalibrationRepair before={before} after={reports} kind={mode.posthoc} />}
          <ModelDiagnostics run={run!} />
          <RunsTable />
          <details open>
            <summary>Compare with an earlier run</summary>
            <RunComparison current={run!} />
          </details>
        </>
      )}
    </CellFrame>
  );
}
