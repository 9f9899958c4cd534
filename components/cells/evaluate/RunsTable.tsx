'use client';
import { useMemo, useState } from 'react';
import { sameDataset } from '@/lib/data/table';
import { useAppStore } from '@/lib/store';
import type { RunView } from '@/lib/store/runSlice';
import { SWEEPABLE, type SweepParameter } from '@/lib/train/sweep';
import { ParameterScatter, RunsLossChart } from '../../charts/lazy';
import { SelectField } from '../../ui/SelectField';
import { Term } from '../../ui/Term';

type Metric = 'valLoss' | 'auc' | 'normalizedEntropy' | 'calibrationRatio';
const METRICS: { key: Metric; label: string; better: (a: number, b: number) => boolean }[] = [
  { key: 'valLoss', label: 'val. log loss', better: (a, b) => a < b },
  { key: 'auc', label: 'AUC', better: (a, b) => a > b },
  { key: 'normalizedEntropy', label: 'NE', better: (a, b) => a < b },
  { key: 'calibrationRatio', label: 'calib. ratio', better: (a, b) => Math.abs(a - 1) < Math.abs(b - 1) },
];

/** A task's metric as the run ended: the evaluation of the weights it kept (the Evaluate cell's numbers). */
export function finalMetric(run: RunView, task: string, metric: Metric): number {
  const round = run.final ?? run.evaluations[run.evaluations.length - 1] ?? [];
  return round.find((e) => e.task === task)?.[metric] ?? NaN;
}

/** Every finished run: parameters, metrics per task (best per column highlighted), time, backend; overlay and scatter. */
export function RunsTable() {
  const history = useAppStore((s) => s.history);
  const current = useAppStore((s) => s.run);
  // Only runs of the current run's dataset: metrics on other rows are not comparable.
  const finished = useMemo(() => history.filter((r) => r.predictions).slice().reverse(), [history]);
  const runs = useMemo(() => (current ? finished.filter((r) => sameDataset(r.table, current.table)) : finished), [finished, current]);
  const hidden = finished.length - runs.length;
  const tasks = [...new Set(runs.flatMap((r) => r.spec.targets))];
  const [task, setTask] = useState<string>('');
  const shownTask = tasks.includes(task) ? task : (tasks[0] ?? '');
  const [selected, setSelected] = useState<number[]>([]);
  const [parameter, setParameter] = useState<SweepParameter>('learningRate');
  const [metric, setMetric] = useState<Metric>('valLoss');
  const hiddenNote = hidden > 0 ? ` ${hidden} run${hidden > 1 ? 's' : ''} of another dataset ${hidden > 1 ? 'are' : 'is'} not listed.` : '';
  if (runs.length < 2) return <p className="muted">Train two or more runs (or a sweep) to see them side by side here.{hiddenNote}</p>;
  const best = Object.fromEntries(
    METRICS.map((m) => {
      let winner: number | null = null;
      let value = NaN;
      for (const r of runs) {
        const v = finalMetric(r, shownTask, m.key);
        if (Number.isFinite(v) && (winner === null || m.better(v, value))) {
          winner = r.runId;
          value = v;
        }
      }
      return [m.key, winner];
    }),
  ) as Record<Metric, number | null>;
  const overlay = runs.filter((r) => selected.includes(r.runId));
  return (
    <section data-testid="runs-table" aria-label="Runs">
      <h3>Runs</h3>
      {hiddenNote && <p className="muted">{hiddenNote.trim()}</p>}
      <SelectField label="Metrics of action" value={shownTask} options={tasks} onChange={setTask} />
      <div className="scroll-x">
        <table className="grid" aria-label={`Runs and their metrics for ${shownTask}`}>
          <thead>
            <tr>
              <th>overlay</th>
              <th>run</th>
              <th>model</th>
              <th className="num">learning rate</th>
              <th className="num">batch</th>
              <th className="num">epochs</th>
              <th className="num">L2</th>
              {METRICS.map((m) => (
                <th key={m.key} className="num">
                  {m.key === 'normalizedEntropy' ? <Term term="NE" /> : m.key === 'auc' ? <Term term="AUC" /> : m.label}
                </th>
              ))}
              <th className="num">time</th>
              <th>backend</th>
            </tr>
          </thead>
          <tbody>
            {runs.map((r) => (
              <tr key={r.runId} data-run={r.runId}>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`Overlay the loss curve of run ${r.runId}`}
                    checked={selected.includes(r.runId)}
                    onChange={(e) => setSelected((s) => (e.target.checked ? [...s, r.runId] : s.filter((id) => id !== r.runId)))}
                  />
                </td>
                <td>
                  {r.runId}
                  {r.sweep && <span className="muted"> (sweep {r.sweep.index + 1}/{r.sweep.total})</span>}
                </td>
                <td>{r.config.modelKind}</td>
                <td className="num">{r.config.learningRate}</td>
                <td className="num">{r.config.batchSize}</td>
                <td className="num">{r.config.epochs}</td>
                <td className="num">{r.config.l2}</td>
                {METRICS.map((m) => {
                  const v = finalMetric(r, shownTask, m.key);
                  const isBest = best[m.key] === r.runId;
                  return (
                    <td key={m.key} className={`num ${isBest ? 'up' : ''}`} data-best={isBest || undefined} style={isBest ? { fontWeight: 700 } : undefined}>
                      {Number.isFinite(v) ? v.toFixed(4) : '—'}
                      {isBest && ' ★'}
                    </td>
                  );
                })}
                <td className="num">{r.finishedAt ? `${((r.finishedAt - r.startedAt) / 1000).toFixed(1)} s` : '—'}</td>
                <td>{r.backend?.name ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted">★ best run per metric for {shownTask} (lowest loss and NE, highest AUC, calibration ratio nearest 1).</p>
      {overlay.length > 0 && (
        <div className="chart-card">
          <h3>Validation loss of the selected runs ({shownTask})</h3>
          <RunsLossChart runs={overlay.map((r) => ({ id: r.runId, points: r.evaluations.flatMap((round) => round.filter((e) => e.task === shownTask).map((e) => ({ step: e.step, loss: e.valLoss }))) }))} />
        </div>
      )}
      <div className="row" style={{ marginTop: 8 }}>
        <SelectField<SweepParameter> label="Scatter: parameter" value={parameter} onChange={setParameter} options={(Object.keys(SWEEPABLE) as SweepParameter[]).map((k) => ({ value: k, label: SWEEPABLE[k].label }))} />
        <SelectField<Metric> label="Scatter: metric" value={metric} onChange={setMetric} options={METRICS.map((m) => ({ value: m.key, label: m.label }))} />
      </div>
      <ParameterScatter
        label={`${SWEEPABLE[parameter].label} against ${METRICS.find((m) => m.key === metric)!.label} of ${shownTask}`}
        points={runs.map((r) => ({ id: r.runId, x: SWEEPABLE[parameter].get(r.config), y: finalMetric(r, shownTask, metric) })).filter((p) => Number.isFinite(p.y))}
      />
    </section>
  );
}
