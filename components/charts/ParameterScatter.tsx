'use client';
import { countRender } from './renderCount';
import { CartesianGrid, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from 'recharts';

/** One point per run: a parameter against a metric. */
export function ParameterScatter({ points, label }: { points: { id: number; x: number; y: number }[]; label: string }) {
  countRender('ParameterScatter');
  return (
    <div role="img" aria-label={`${label}: ${points.map((p) => `run ${p.id} (${p.x}, ${p.y.toFixed(4)})`).join('; ')}`} data-testid="parameter-scatter" data-points={points.length}>
      <ResponsiveContainer width="100%" height={200}>
        <ScatterChart margin={{ top: 6, right: 12, bottom: 4, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="x" type="number" domain={['auto', 'auto']} fontSize={11} name="parameter" />
          <YAxis dataKey="y" type="number" domain={['auto', 'auto']} fontSize={11} width={48} tickFormatter={(v: number) => v.toFixed(3)} name="metric" />
          <Tooltip formatter={(v) => (typeof v === 'number' ? v.toPrecision(4) : String(v))} />
          <Scatter data={points} fill="#2f5bd3" isAnimationActive={false} />
        </ScatterChart>
      </ResponsiveContainer>
    </div>
  );
}
