'use client';
import { countRender } from './renderCount';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { downsample } from './downsample';

const COLORS = ['#2f5bd3', '#d9480f', '#1b7f3b', '#9a6700', '#7b2cbf', '#0b7285', '#c2255c', '#5c940d'];

/** Validation loss over steps of several runs on one axis. */
export function RunsLossChart({ runs }: { runs: { id: number; points: { step: number; loss: number }[] }[] }) {
  countRender('RunsLossChart');
  return (
    <div role="img" aria-label={`Validation loss of runs ${runs.map((r) => r.id).join(', ')} over steps`} data-testid="runs-loss-chart" data-runs={runs.length}>
      <ResponsiveContainer width="100%" height={220}>
        <LineChart margin={{ top: 6, right: 12, bottom: 4, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="step" type="number" domain={['dataMin', 'dataMax']} allowDuplicatedCategory={false} fontSize={11} />
          <YAxis fontSize={11} width={48} domain={['auto', 'auto']} tickFormatter={(v: number) => v.toFixed(3)} />
          <Tooltip formatter={(v) => (typeof v === 'number' ? v.toFixed(4) : String(v))} />
          <Legend wrapperStyle={{ fontSize: 11 }} />
          {runs.map((r, i) => (
            <Line key={r.id} data={downsample(r.points, 200, ['loss'])} dataKey="loss" name={`run ${r.id}`} stroke={COLORS[i % COLORS.length]} dot={false} isAnimationActive={false} />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
