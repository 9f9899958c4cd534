'use client';
import { useState } from 'react';
import { useAppStore } from '@/lib/store';
import { NumberField } from '../../ui/NumberField';
import { RunControls } from './RunControls';
import { SweepPanel } from './SweepPanel';
import { CellFrame } from '../../notebook/CellFrame';
import { PreparedNotices } from './PreparedNotices';
import { RunProgress } from './RunProgress';
import { BackendBadge } from './BackendBadge';
import { countRender } from '../../charts/renderCount';
import { TaskPanel } from './TaskPanel';
import { SelectField } from '../../ui/SelectField';
import type { BackendChoice } from '@/lib/train/config';

/** Train cell: start/stop, backend, progress, and live charts per head. */
export function TrainCell() {
  const run = useAppStore((s) => s.run);
  const blockers = useAppStore((s) => s.runBlockers);
  const start = useAppStore((s) => s.startRun);
  const stop = useAppStore((s) => s.stopRun);
  const backend = useAppStore((s) => s.config.backend);
  const setConfig = useAppStore((s) => s.setConfig);
  const [smoothing, setSmoothing] = useState(0.6);
  const [logScale, setLogScale] = useState(false);
  countRender('TrainCell');
  const running = run?.status === 'running';
  const resumeInterrupted = useAppStore((s) => s.resumeInterrupted);
  // A finished run shows the evaluation of the weights it kept (each head at its best), not the last round.
  const restored = run && run.status !== 'running' ? run.final : undefined;
  const latest = restored ?? run?.evaluations[run.evaluations.length - 1] ?? [];
  return (
    <CellFrame id="train" title="5 · Train">
      <p className="explain">
        Training runs in a background worker on your GPU through WebGPU (else WebGL, else the CPU). Train loss is shown recalibrated and
        re-weighted by 1/w on sampled negatives, so it is comparable with the validation loss, which is measured on untouched validation rows.
      </p>
      <div className="row">
        <SelectField<BackendChoice>
          label="Backend"
          value={backend}
          onChange={(choice) => setConfig({ backend: choice })}
          options={[
            { value: 'auto', label: 'auto: the GPU; on a software GPU the fastest in a 1 s benchmark' },
            { value: 'webgpu', label: 'WebGPU' },
            { value: 'webgl', label: 'WebGL' },
            { value: 'wasm', label: 'WebAssembly (SIMD, threads)' },
            { value: 'cpu', label: 'CPU (JavaScript)' },
          ]}
        />
        <button onClick={() => start()} disabled={running}>
          Train
        </button>
        <RunControls />
        <button className="secondary" onClick={stop} disabled={!running}>
          Stop
        </button>
        {run?.backend && <BackendBadge backend={run.backend} />}
      </div>
      <SweepPanel />
      {blockers.length > 0 && (
        <div className="alert" role="alert">
          Cannot train yet: {blockers.join('; ')}.
        </div>
      )}
      {run && <RunProgress run={run} />}
      {run && <PreparedNotices run={run} />}
      {run?.status === 'interrupted' && (
        <div className="alert warn" role="alert" data-testid="interrupted-run">
          This run was interrupted at step {run.checkpointStep ?? 0} when the page closed; its curves so far are kept.{' '}
          <button onClick={resumeInterrupted}>Resume from step {run.checkpointStep ?? 0}</button>
        </div>
      )}
      {run?.notice && (
        <div className="alert warn" role="status" data-testid="run-notice">
          {run.notice}
        </div>
      )}
      {run && (
        <div className="row" style={{ marginTop: 8 }}>
          <NumberField label="Smoothing (EMA)" value={smoothing} min={0} max={0.99} step={0.05} onChange={setSmoothing} />
          <label className="row" style={{ gap: 6 }}>
            <input type="checkbox" checked={logScale} onChange={(e) => setLogScale(e.target.checked)} />
            Log-scale loss axis
          </label>
        </div>
      )}
      {run?.recoveries && run.recoveries.length > 0 && (
        <div className="alert warn" role="status" data-testid="run-recoveries">
          <ul>
            {run.recoveries.map((message, i) => (
              <li key={i}>{message}</li>
            ))}
          </ul>
        </div>
      )}
      {run?.error && (
        <div className="alert" role="alert" data-testid="train-error">
          <strong>{run.error.message}</strong>
          <p className="hint">{run.error.hint}</p>
        </div>
      )}
      {run && (
        <div className="charts">
          {run.spec.targets.map((task, index) => (
            <TaskPanel key={task} task={task} index={index} run={run} evaluation={latest.find((e) => e.task === task)} smoothing={smoothing} logScale={logScale} />
          ))}
        </div>
      )}
    </CellFrame>
  );
}
