'use client';
import { memo, useMemo } from 'react';
import type { TaskEvaluation } from '@/lib/train/evaluate';
import { countRender } from './renderCount';
import { downsample } from './downsample';
import { Plot, type PlotSeries } from './plot/Plot';

const MAX_POINTS = 200;

/** Validation AUC, normalized entropy and calibration ratio of one head at every evaluation.
 * Drawn by the light SVG plot (it redraws while a run streams); memoised.
 */
export const MetricsChart = memo(function MetricsChart({ evaluations, label }: { evaluations: TaskEvaluation[]; label: string }) {
  countRender('MetricsChart');
  const points = useMemo(
    () =>
      downsample(
        evaluations.map((e) => ({ step: e.step, auc: e.auc, ne: e.normalizedEntropy, ratio: e.calibrationRatio })).filter((p) => Number.isFinite(p.auc) && Number.isFinite(p.ne) && Number.isFinite(p.ratio)),
        MAX_POINTS,
        ['auc', 'ne', 'ratio'],
      ),
    [evaluations],
  );
  const series = useMemo(
    (): PlotSeries[] => [
      { name: 'AUC', color: '#1b7f3b', points: points.map((p) => ({ x: p.step, y: p.auc })) },
      { name: 'normalized entropy', color: '#7b2cbf', points: points.map((p) => ({ x: p.step, y: p.ne })) },
      { name: 'calibration ratio', color: '#9a6700', points: points.map((p) => ({ x: p.step, y: p.ratio })) },
    ],
    [points],
  );
  return (
    <div role="img" aria-label={label} data-testid="metrics-chart" data-points={points.length}>
      <Plot series={series} height={170} xName="step" formatY={(v) => v.toFixed(2)} />
    </div>
  );
});
