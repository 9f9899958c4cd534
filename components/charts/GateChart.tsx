'use client';
import { countRender } from './renderCount';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

const COLORS = ['#2f5bd3', '#d9480f', '#1b7f3b', '#9a6700', '#7b2cbf', '#0b7285', '#c2255c', '#5c940d'];

/** MMoE: per task, a stacked bar of its mean gate weight on each expert (they add up to 1). */
export function GateChart({ tasks, gates }: { tasks: string[]; gates: number[][] }) {
  countRender('GateChart');
  const experts = gates[0]?.length ?? 0;
  const data = tasks.map((task, t) => Object.fromEntries([['task', task], ...gates[t].map((g, e) => [`expert ${e + 1}`, g])]));
  return (
    <div role="img" aria-label={`Mean gate weight of each of ${experts} experts per task: ${tasks.map((t, i) => `${t} ${gates[i].map((g) => g.toFixed(2)).join('/')}`).join('; ')}`} data-testid="gate-chart">
      <ResponsiveContainer width="100%" height={60 + 36 * tasks.length}>
        <BarChart data={data} layout="vertical" margin={{ top: 4, right: 12, bottom: 4, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis type="number" domain={[0, 1]} fontSize={11} />
          <YAxis type="category" dataKey="task" fontSize={11} width={90} />
          <Tooltip formatter={(v) => (typeof v === 'number' ? v.toFixed(3) : String(v))} />
          <Legend wrapperStyle={{ fontSize: 11 }} />
          {Array.from({ length: experts }, (_, e) => (
            <Bar key={e} dataKey={`expert ${e + 1}`} stackId="gates" fill={COLORS[e % COLORS.length]} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
