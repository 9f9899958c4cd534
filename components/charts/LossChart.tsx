'use client';
import { memo, useMemo } from 'react';
import { countRender } from './renderCount';
import { downsample } from './downsample';
import { Plot, type PlotSeries } from './plot/Plot';
import { emaSmooth } from './smoothing';

export interface LossSeries {
  train: { step: number; loss: number }[];
  validation: { step: number; loss: number }[];
}

const MAX_POINTS = 300;

/**
 * Train loss per step (raw, faint, and EMA-smoothed) and validation loss per evaluation, on one
 * step axis, linear or log scale. Drawn by the light SVG plot: it redraws every second while a run
 * streams. Memoised: progress-only updates do not redraw it.
 */
export const LossChart = memo(function LossChart({ series, label, smoothing = 0, logScale = false }: { series: LossSeries; label: string; smoothing?: number; logScale?: boolean }) {
  countRender('LossChart');
  const plotted = useMemo((): PlotSeries[] => {
    const smoothed = emaSmooth(
      series.train.map((p) => p.loss),
      smoothing,
    );
    const train = downsample(
      series.train.map((p, i) => ({ step: p.step, loss: p.loss, smooth: smoothed[i] })),
      MAX_POINTS,
      ['loss', 'smooth'],
    );
    const lines: PlotSeries[] = [];
    if (smoothing > 0) lines.push({ name: 'train (raw)', color: '#a9bbee', points: train.map((p) => ({ x: p.step, y: p.loss })), faint: true });
    lines.push({ name: smoothing > 0 ? `train (EMA ${smoothing})` : 'train (recalibrated)', color: '#2f5bd3', points: train.map((p) => ({ x: p.step, y: smoothing > 0 ? p.smooth : p.loss })) });
    lines.push({ name: 'validation', color: '#d9480f', points: series.validation.map((p) => ({ x: p.step, y: p.loss })), dots: true });
    return lines;
  }, [series, smoothing]);
  return (
    <div role="img" aria-label={label} data-testid="loss-chart" data-points={series.train.length} data-scale={logScale ? 'log' : 'linear'}>
      <Plot series={plotted} height={200} logY={logScale} xName="step" formatY={logScale ? undefined : (v) => v.toFixed(3)} />
    </div>
  );
});
