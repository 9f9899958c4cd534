'use client';
import { useMemo, useRef } from 'react';
import type { TaskEvaluation } from '@/lib/train/evaluate';
import type { RunView } from '@/lib/store/runSlice';
import type { LossSeries } from '../../charts/LossChart';
import { LossChart, MetricsChart, ReliabilityChart } from '../../charts/lazy';
import { LIVE_CHART_INTERVAL_MS, useLiveSnapshot, useOnScreen } from '../../charts/useLiveSnapshot';
import { Term } from '../../ui/Term';

/** The first and latest training losses as numbers: the chart's text alternative. */
function LossValues({ task, run }: { task: string; run: RunView }) {
  const points = run.losses.filter((p) => p.task === task);
  if (points.length === 0) return null;
  const shown = points.length <= 10 ? points : [...points.slice(0, 5), ...points.slice(-5)];
  return (
    <details>
      <summary>Loss values</summary>
      <table className="grid" aria-label={`Training loss values for ${task}`} data-testid={`loss-values-${task}`}>
        <thead>
          <tr>
            <th className="num">step</th>
            <th className="num">sampled-space loss</th>
            <th className="num">recalibrated train loss</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((p) => (
            <tr key={p.step}>
              <td className="num">{p.step}</td>
              <td className="num">{p.sampled.toFixed(6)}</td>
              <td className="num">{p.train.toFixed(6)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

const fmt = (v: number | undefined, digits = 4) => (v === undefined || !Number.isFinite(v) ? '—' : v.toFixed(digits));

/** One head: its loss curves, reliability diagram and current validation metrics. */
export function TaskPanel({ task, index, run, evaluation, smoothing, logScale }: { task: string; index: number; run: RunView; evaluation: TaskEvaluation | undefined; smoothing: number; logScale: boolean }) {
  const series: LossSeries = useMemo(
    () => ({
      train: run.losses.filter((p) => p.task === task).map((p) => ({ step: p.step, loss: p.train })),
      validation: run.evaluations.flatMap((round) => round.filter((e) => e.task === task).map((e) => ({ step: e.step, loss: e.valLoss }))),
    }),
    [run.losses, run.evaluations, task],
  );
  const history = useMemo(() => run.evaluations.flatMap((round) => round.filter((e) => e.task === task)), [run.evaluations, task]);
  // While the run streams, the charts redraw once a second, each chart of each head at its own phase
  // (one recharts redraw per task), and only on screen.
  const panel = useRef<HTMLDivElement>(null);
  const live = run.status === 'running';
  const visible = useOnScreen(panel);
  const slot = LIVE_CHART_INTERVAL_MS / (3 * Math.max(1, run.spec.targets.length));
  const chartSeries = useLiveSnapshot(series, live, 3 * index * slot, visible);
  const chartHistory = useLiveSnapshot(history, live, (3 * index + 1) * slot, visible);
  const chartBins = useLiveSnapshot(evaluation?.reliability, live, (3 * index + 2) * slot, visible);
  const keepRate = run.spec.sampling.keepRates[task] ?? 1;
  const ranked = run.spec.formulation.kind === 'ranking' && run.spec.formulation.action === task ? run.spec.formulation.loss : null;
  return (
    <div className="chart-card" ref={panel} data-testid={`task-panel-${task}`}>
      <h3>
        {task} <span className="muted"><Term term="keep rate" /> {keepRate}</span>
        {ranked && <span className="muted"> · ranked with {ranked}: train curve is the ranking loss; probabilities via a Platt map</span>}
      </h3>
      <LossChart series={chartSeries} smoothing={smoothing} logScale={logScale} label={`Train and validation log loss for ${task}`} />
      <LossValues task={task} run={run} />
      {evaluation && (
        <>
          <MetricsChart evaluations={chartHistory} label={`Validation AUC, normalized entropy and calibration ratio of ${task} over steps`} />
          {chartBins && <ReliabilityChart bins={chartBins} label={`Reliability diagram for ${task}: mean recalibrated prediction against observed rate`} />}
          <table className="grid" aria-label={`Validation metrics for ${task}`}>
            <tbody>
              <tr>
                <td>calibration ratio Σp/Σy</td>
                <td className="num" data-testid={`calibration-ratio-${task}`}>
                  {fmt(evaluation.calibrationRatio, 3)}
                </td>
              </tr>
              <tr>
                <td>validation log loss</td>
                <td className="num">{fmt(evaluation.valLoss)}</td>
              </tr>
              <tr>
                <td>
                  <Term term="NE">normalized entropy</Term>
                </td>
                <td className="num">{fmt(evaluation.normalizedEntropy)}</td>
              </tr>
              <tr>
                <td>AUC</td>
                <td className="num">{fmt(evaluation.auc)}</td>
              </tr>
              <tr>
                <td>
                  <Term term="ECE">ECE (10 quantile bins)</Term>
                </td>
                <td className="num">{fmt(evaluation.ece)}</td>
              </tr>
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
