'use client';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { downsample } from './downsample';

export interface LossSeries {
  train: { step: number; loss: number }[];
  validation: { step: number; loss: number }[];
}

const MAX_POINTS = 300;

/** Train loss per step and validation loss per evaluation, on one step axis. No animation: points stream in. */
export function LossChart({ series, label }: { series: LossSeries; label: string }) {
  const train = downsample(series.train, MAX_POINTS, ['loss']);
  return (
    <div role="img" aria-label={label} data-testid="loss-chart" data-points={series.train.length}>
      <ResponsiveContainer width="100%" height={200}>
        <LineChart margin={{ top: 6, right: 12, bottom: 4, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="step" type="number" domain={['dataMin', 'dataMax']} allowDuplicatedCategory={false} fontSize={11} />
          <YAxis fontSize={11} width={48} domain={['auto', 'auto']} tickFormatter={(v: number) => v.toFixed(3)} />
          <Tooltip formatter={(v) => (typeof v === 'number' ? v.toFixed(4) : String(v))} />
          <Legend wrapperStyle={{ fontSize: 11 }} />
          <Line data={train} dataKey="loss" name="train (recalibrated)" stroke="#2f5bd3" dot={false} isAnimationActive={false} />
          <Line data={series.validation} dataKey="loss" name="validation" stroke="#d9480f" dot isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
