'use client';
import { countRender } from './renderCount';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

/** A ROC or precision–recall curve (points already downsampled to the chart's width). */
export function CurveChart({ points, xLabel, yLabel, label, diagonal = false }: { points: { x: number; y: number }[]; xLabel: string; yLabel: string; label: string; diagonal?: boolean }) {
  countRender('CurveChart');
  return (
    <div role="img" aria-label={label} data-testid={`curve-${xLabel}`}>
      <ResponsiveContainer width="100%" height={180}>
        <LineChart margin={{ top: 6, right: 12, bottom: 16, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="x" type="number" domain={[0, 1]} fontSize={11} tickFormatter={(v: number) => v.toFixed(1)} label={{ value: xLabel, position: 'insideBottom', offset: -8, fontSize: 11 }} />
          <YAxis dataKey="y" type="number" domain={[0, 1]} fontSize={11} width={36} tickFormatter={(v: number) => v.toFixed(1)} label={{ value: yLabel, angle: -90, position: 'insideLeft', fontSize: 11 }} />
          <Tooltip formatter={(v) => (typeof v === 'number' ? v.toFixed(3) : String(v))} />
          {diagonal && <Line data={[{ x: 0, y: 0 }, { x: 1, y: 1 }]} dataKey="y" stroke="#9aa3b5" strokeDasharray="4 4" dot={false} isAnimationActive={false} />}
          <Line data={points} dataKey="y" stroke="#2f5bd3" dot={false} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
