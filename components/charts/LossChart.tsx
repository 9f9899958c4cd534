'use client';
import { memo } from 'react';
import { countRender } from './renderCount';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { downsample } from './downsample';
import { emaSmooth } from './smoothing';

export interface LossSeries {
  train: { step: number; loss: number }[];
  validation: { step: number; loss: number }[];
}

const MAX_POINTS = 300;

/**
 * Train loss per step (raw, faint, and EMA-smoothed) and validation loss per evaluation, on one
 * step axis, linear or log scale. No animation: points stream in.
 * Memoised: progress-only updates (every few hundred ms) do not redraw it.
 */
export const LossChart = memo(function LossChart({ series, label, smoothing = 0, logScale = false }: { series: LossSeries; label: string; smoothing?: number; logScale?: boolean }) {
  countRender('LossChart');
  const smoothed = emaSmooth(
    series.train.map((p) => p.loss),
    smoothing,
  );
  const train = downsample(
    series.train.map((p, i) => ({ step: p.step, loss: p.loss, smooth: smoothed[i] })),
    MAX_POINTS,
    ['loss', 'smooth'],
  );
  // A log axis cannot show 0 or negative values; losses are positive, but guard anyway.
  const positive = (points: { loss: number }[]) => (logScale ? points.filter((p) => p.loss > 0) : points);
  return (
    <div role="img" aria-label={label} data-testid="loss-chart" data-points={series.train.length} data-scale={logScale ? 'log' : 'linear'}>
      <ResponsiveContainer width="100%" height={200}>
        <LineChart margin={{ top: 6, right: 12, bottom: 4, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="step" type="number" domain={['dataMin', 'dataMax']} allowDuplicatedCategory={false} fontSize={11} />
          <YAxis fontSize={11} width={48} scale={logScale ? 'log' : 'auto'} domain={['auto', 'auto']} allowDataOverflow={logScale} tickFormatter={(v: number) => v.toFixed(3)} />
          <Tooltip formatter={(v) => (typeof v === 'number' ? v.toFixed(4) : String(v))} />
          <Legend wrapperStyle={{ fontSize: 11 }} />
          {smoothing > 0 && <Line data={positive(train)} dataKey="loss" name="train (raw)" stroke="#a9bbee" dot={false} isAnimationActive={false} />}
          <Line data={positive(train)} dataKey={smoothing > 0 ? 'smooth' : 'loss'} name={smoothing > 0 ? `train (EMA ${smoothing})` : 'train (recalibrated)'} stroke="#2f5bd3" dot={false} isAnimationActive={false} />
          <Line data={positive(series.validation)} dataKey="loss" name="validation" stroke="#d9480f" dot isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
});
