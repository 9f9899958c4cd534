'use client';
import { memo } from 'react';
import { countRender } from './renderCount';
import { CartesianGrid, ComposedChart, Line, ResponsiveContainer, Scatter, Tooltip, XAxis, YAxis } from 'recharts';

export interface ReliabilityPoint {
  meanPredicted: number;
  observedRate: number;
  count: number;
}

/** Reliability diagram: mean recalibrated prediction vs observed rate per quantile bin; the diagonal is perfect calibration.
 * Memoised: progress-only updates (every few hundred ms) do not redraw it.
 */
export const ReliabilityChart = memo(function ReliabilityChart({ bins, label }: { bins: ReliabilityPoint[]; label: string }) {
  countRender('ReliabilityChart');
  const top = Math.min(1, Math.max(0.01, ...bins.map((b) => Math.max(b.meanPredicted, b.observedRate))) * 1.1);
  const diagonal = [
    { meanPredicted: 0, diagonal: 0 },
    { meanPredicted: top, diagonal: top },
  ];
  return (
    <div role="img" aria-label={label} data-testid="reliability-chart" data-bins={bins.length}>
      <ResponsiveContainer width="100%" height={200}>
        <ComposedChart margin={{ top: 6, right: 12, bottom: 4, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="meanPredicted" type="number" domain={[0, top]} fontSize={11} tickFormatter={formatTick} name="mean predicted" />
          <YAxis dataKey="observedRate" type="number" domain={[0, top]} fontSize={11} width={40} tickFormatter={formatTick} name="observed" />
          <Tooltip formatter={(v) => (typeof v === 'number' ? v.toFixed(4) : String(v))} />
          <Line data={diagonal} dataKey="diagonal" stroke="#9aa3b5" strokeDasharray="4 4" dot={false} isAnimationActive={false} legendType="none" />
          <Scatter data={bins} dataKey="observedRate" fill="#d9480f" isAnimationActive={false} name="bins" />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
});

/** Two significant digits, so small probabilities (0.004, 0.012) stay distinct on the axis. */
function formatTick(v: number): string {
  return v === 0 ? '0' : String(Number(v.toPrecision(2)));
}
