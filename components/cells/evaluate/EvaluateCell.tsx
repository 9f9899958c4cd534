'use client';
import { useDeferredValue, useState } from 'react';
import { useAppStore } from '@/lib/store';
import { CellFrame } from '../../notebook/CellFrame';
import { HeadPanel } from './HeadPanel';
import { RunComparison } from './RunComparison';
import { ModelDiagnostics } from './ModelDiagnostics';
import { RunsTable } from './RunsTable';
import { useReportState, type EvaluationSplit } from './useReports';
import { SelectField } from '../../ui/SelectField';

/** Evaluate cell: every metric per head on validation rows, and what skipping recalibration breaks. */
export function EvaluateCell() {
  // Only a run with predictions: the whole run would re-render this cell at every training event.
  // Deferred, like the Value cell's: its report inputs are gathered in a render after the run's end.
  const run = useDeferredValue(useAppStore((s) => (s.run?.predictions ? s.run : null)));
  const skip = useAppStore((s) => s.skipRecalibration);
  const setSkip = useAppStore((s) => s.setSkipRecalibration);
  const [split, setSplit] = useState<EvaluationSplit>('validation');
  const { reports, pending, error } = useReportState(run, skip, split);
  return (
    <CellFrame id="evaluate" title="6 · Evaluate">
      <p className="explain">
        Metrics on the untouched validation rows, or on the training side to see overfitting (a large gap between the two). AUC only looks at the order, so it cannot see miscalibration; log loss, normalized entropy,
        the calibration ratio and the reliability diagram can. Turn recalibration off to see what a downsampled head&rsquo;s raw output does:
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
      <label className="row" style={{ gap: 6 }}>
        <input type="checkbox" checked={skip} onChange={(e) => setSkip(e.target.checked)} />
        Skip recalibration (use the raw, sampled-space outputs here and in the value model — to show what breaks)
      </label>
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
              <HeadPanel key={r.task} task={r.task} keepRate={r.keepRate} report={r.report} raw={skip} />
            ))}
          </div>
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
