'use client';
import { countRender } from './renderCount';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

/** GBDT: the features with the largest total split gain, as a share of all gain. */
export function ImportanceChart({ task, features, top = 12 }: { task: string; features: { feature: string; gain: number }[]; top?: number }) {
  countRender('ImportanceChart');
  const total = features.reduce((s, f) => s + f.gain, 0) || 1;
  const data = features.slice(0, top).map((f) => ({ feature: f.feature, share: f.gain / total }));
  return (
    <div role="img" aria-label={`Feature importance for ${task} (share of split gain): ${data.map((d) => `${d.feature} ${(d.share * 100).toFixed(1)}%`).join(', ')}`} data-testid={`importance-chart-${task}`}>
      <ResponsiveContainer width="100%" height={40 + 22 * data.length}>
        <BarChart data={data} layout="vertical" margin={{ top: 4, right: 12, bottom: 4, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis type="number" fontSize={11} tickFormatter={(v: number) => `${Math.round(v * 100)}%`} />
          <YAxis type="category" dataKey="feature" fontSize={11} width={120} />
          <Tooltip formatter={(v) => (typeof v === 'number' ? `${(v * 100).toFixed(1)}%` : String(v))} />
          <Bar dataKey="share" fill="#2f5bd3" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
