'use client';
import type { RunView } from '@/lib/store/runSlice';

/** Progress bar with ETA and the run's size. */
export function RunProgress({ run }: { run: RunView }) {
  const p = run.progress;
  const fraction = p ? p.step / p.totalSteps : 0;
  const rowsLeft = p ? (p.totalSteps - p.step) * run.config.batchSize : 0;
  const eta = p && p.rowsPerSecond > 0 ? rowsLeft / p.rowsPerSecond : null;
  return (
    <div className="row" style={{ marginTop: 10 }} data-testid="run-progress" data-status={run.status} data-step-rows-per-second={p?.stepRowsPerSecond !== undefined ? Math.round(p.stepRowsPerSecond) : undefined}>
      <progress value={fraction} max={1} aria-label="Training progress" />
      <span>
        {run.status === 'running' ? (p ? `step ${p.step} / ${p.totalSteps}, epoch ${p.epoch}` : 'preparing data and backend…') : `run ${run.status}`}
        {p && run.status === 'running' && eta !== null && ` · about ${Math.ceil(eta)} s left`}
        {p && ` · ${Math.round(p.rowsPerSecond).toLocaleString()} rows/s`}
        {p?.stepRowsPerSecond !== undefined && ` (${Math.round(p.stepRowsPerSecond).toLocaleString()} in optimiser steps, evaluations left out)`}
        {run.paused && run.status === 'running' && ' · paused'}
        {run.sweep && ` · sweep run ${run.sweep.index + 1} of ${run.sweep.total} (${Object.entries(run.sweep.values).map(([k, v]) => `${k} ${v}`).join(', ')})`}
        {p?.learningRate !== undefined && ` · learning rate ${p.learningRate.toPrecision(3)}`}
        {run.checkpointStep !== undefined && run.status === 'running' && ` · resumable from step ${run.checkpointStep}`}
        {p?.memoryBytes !== undefined && ` · ${(p.memoryBytes / 2 ** 20).toFixed(1)} MB in ${p.tensors?.toLocaleString()} tensors`}
      </span>
      {run.prepared && (
        <span className="muted">
          {run.prepared.trainRows.toLocaleString()} training rows (after sampling), {run.prepared.validationRows.toLocaleString()} validation rows,{' '}
          {run.prepared.features} model inputs, {run.prepared.vocabularySize.toLocaleString()} id slots
          {run.parameterCount !== undefined && `, ${run.parameterCount.toLocaleString()} parameters`}
        </span>
      )}
    </div>
  );
}
