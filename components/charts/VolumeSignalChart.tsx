'use client';
import { countRender } from './renderCount';
import { CartesianGrid, LabelList, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from 'recharts';

export interface VolumePoint {
  action: string;
  positives: number;
  rate: number;
}

/** One point per action: how many positives (volume) against how rare it is (a proxy for how strong a signal). */
export function VolumeSignalChart({ points }: { points: VolumePoint[] }) {
  countRender('VolumeSignalChart');
  const data = points.filter((p) => p.positives > 0).map((p) => ({ ...p, ratePct: p.rate * 100 }));
  return (
    <div role="img" aria-label="Volume against rate per action: heavy actions are rare, light ones plentiful" data-testid="volume-signal-chart">
      <ResponsiveContainer width="100%" height={220}>
        <ScatterChart margin={{ top: 10, right: 30, bottom: 20, left: 10 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="positives" type="number" scale="log" domain={['auto', 'auto']} name="positives" fontSize={11} label={{ value: 'positives (log)', position: 'insideBottom', offset: -10, fontSize: 11 }} />
          <YAxis dataKey="ratePct" type="number" scale="log" domain={['auto', 'auto']} name="rate %" fontSize={11} width={50} tickFormatter={(v: number) => `${v}%`} />
          <Tooltip formatter={(v) => (typeof v === 'number' ? v.toLocaleString(undefined, { maximumSignificantDigits: 3 }) : String(v))} />
          <Scatter data={data} fill="#2f5bd3" isAnimationActive={false}>
            <LabelList dataKey="action" position="right" fontSize={11} />
          </Scatter>
        </ScatterChart>
      </ResponsiveContainer>
    </div>
  );
}
