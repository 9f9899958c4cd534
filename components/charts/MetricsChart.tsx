'use client';
import { memo } from 'react';
import { countRender } from './renderCount';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { TaskEvaluation } from '@/lib/train/evaluate';
import { downsample } from './downsample';

const MAX_POINTS = 200;

/** Validation AUC, normalized entropy and calibration ratio of one head at every evaluation.
 * Memoised: progress-only updates (every few hundred ms) do not redraw it.
 */
export const MetricsChart = memo(function MetricsChart({ evaluations, label }: { evaluations: TaskEvaluation[]; label: string }) {
  countRender('MetricsChart');
  const points = downsample(
    evaluations.map((e) => ({ step: e.step, auc: e.auc, ne: e.normalizedEntropy, ratio: e.calibrationRatio })).filter((p) => Number.isFinite(p.auc) && Number.isFinite(p.ne) && Number.isFinite(p.ratio)),
    MAX_POINTS,
    ['auc', 'ne', 'ratio'],
  );
  return (
    <div role="img" aria-label={label} data-testid="metrics-chart" data-points={points.length}>
      <ResponsiveContainer width="100%" height={170}>
        <LineChart data={points} margin={{ top: 6, right: 12, bottom: 4, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="step" type="number" domain={['dataMin', 'dataMax']} fontSize={11} />
          <YAxis fontSize={11} width={40} domain={['auto', 'auto']} tickFormatter={(v: number) => v.toFixed(2)} />
          <Tooltip formatter={(v) => (typeof v === 'number' ? v.toFixed(4) : String(v))} />
          <Legend wrapperStyle={{ fontSize: 11 }} />
          <Line dataKey="auc" name="AUC" stroke="#1b7f3b" dot={false} isAnimationActive={false} />
          <Line dataKey="ne" name="normalized entropy" stroke="#7b2cbf" dot={false} isAnimationActive={false} />
          <Line dataKey="ratio" name="calibration ratio" stroke="#9a6700" dot={false} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
});
