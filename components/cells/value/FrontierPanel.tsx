'use client';
import { useMemo, useState } from 'react';
import { CartesianGrid, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis, ZAxis } from 'recharts';
import { useAppStore } from '@/lib/store';
import { frontierSweep, sweepValues, type FrontierPoint } from '@/lib/value/frontier';
import { NEGATIVE_ACTION } from '@/lib/value/presets';
import { NumberField } from '../../ui/NumberField';
import { SelectField } from '../../ui/SelectField';
import type { ValueModelView } from './useValueModel';

const pct = (v: number) => `${(v * 100).toFixed(2)}%`;

/**
 * Sweep one weight, re-rank every slate at each value, and plot two actions' top-K rates against
 * each other; the current weights are marked. A point (or its row in the table) sets the weight.
 */
export function FrontierPanel({ view, k }: { view: ValueModelView; k: number }) {
  const [open, setOpen] = useState(false);
  return (
    <details data-testid="frontier-panel" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Trade-off frontier</summary>
      {open && <Frontier view={view} k={k} />}
    </details>
  );
}

/** The sweep itself: 21 full re-ranks, so it only runs while the panel is open. */
function Frontier({ view, k }: { view: ValueModelView; k: number }) {
  const weights = useAppStore((s) => s.weights);
  const setWeight = useAppStore((s) => s.setWeight);
  const settings = useAppStore((s) => s.frontier);
  const setFrontier = useAppStore((s) => s.setFrontier);
  const tasks = view.tasks;
  const negative = tasks.find((t) => NEGATIVE_ACTION.test(t)) ?? tasks[tasks.length - 1];
  const swept = settings.swept && tasks.includes(settings.swept) ? settings.swept : negative;
  const x = settings.x && tasks.includes(settings.x) ? settings.x : tasks[view.clickTask];
  const y = settings.y && tasks.includes(settings.y) ? settings.y : swept;
  const weightKey = tasks.map((t) => weights[t] ?? 0).join(',');
  const points = useMemo(() => {
    const w = weightKey.split(',').map(Number);
    const direction = (t: string) => ((w[tasks.indexOf(t)] ?? 0) < 0 || NEGATIVE_ACTION.test(t) ? -1 : 1) as 1 | -1;
    const values = sweepValues(settings.from, settings.to, settings.steps);
    return frontierSweep(view.index, view.probabilities, view.labels, w, tasks.indexOf(swept), values, k, { x: tasks.indexOf(x), y: tasks.indexOf(y), xDirection: direction(x), yDirection: direction(y) });
  }, [view.index, view.probabilities, view.labels, weightKey, tasks, swept, x, y, settings.from, settings.to, settings.steps, k]);
  const current = { x: view.outcome.topKRate[tasks.indexOf(x)], y: view.outcome.topKRate[tasks.indexOf(y)] };
  const xi = tasks.indexOf(x);
  const yi = tasks.indexOf(y);
  const pickPoint = (payload: { weight?: number } | undefined) => {
    if (payload?.weight !== undefined) setWeight(swept, payload.weight);
  };
  const chartPoints = points.map((p) => ({ x: p.topKRate[xi], y: p.topKRate[yi], weight: p.weight }));
  return (
    <>
      <div className="row">
        <SelectField label="Sweep the weight of" value={swept} options={tasks} onChange={(v) => setFrontier({ swept: v })} />
        <NumberField label="from" value={settings.from} min={-1000} max={1000} step={1} onChange={(v) => setFrontier({ from: v })} />
        <NumberField label="to" value={settings.to} min={-1000} max={1000} step={1} onChange={(v) => setFrontier({ to: v })} />
        <NumberField label="points" value={settings.steps} min={2} max={60} step={1} onChange={(v) => setFrontier({ steps: Math.round(v) })} />
        <SelectField label="x axis: top-K rate of" value={x} options={tasks} onChange={(v) => setFrontier({ x: v })} />
        <SelectField label="y axis: top-K rate of" value={y} options={tasks} onChange={(v) => setFrontier({ y: v })} />
      </div>
      <div role="img" aria-label={`Top ${k} rate of ${x} against ${y} as the weight of ${swept} goes from ${settings.from} to ${settings.to}`} data-testid="frontier-chart" data-points={points.length}>
        <ResponsiveContainer width="100%" height={240}>
          <ScatterChart margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="x" type="number" name={`${x} in top ${k}`} domain={['auto', 'auto']} tickFormatter={pct} fontSize={11} />
            <YAxis dataKey="y" type="number" name={`${y} in top ${k}`} domain={['auto', 'auto']} tickFormatter={pct} fontSize={11} width={56} />
            <ZAxis range={[40, 40]} />
            <Tooltip formatter={(v) => (typeof v === 'number' ? pct(v) : String(v))} />
            <Scatter data={chartPoints} fill="#2f5bd3" line isAnimationActive={false} name={`weight of ${swept}`} onClick={(item) => pickPoint(item.payload as { weight?: number } | undefined)} cursor="pointer" />
            <Scatter data={[current]} fill="#d9480f" shape="star" isAnimationActive={false} name="current weights" />
          </ScatterChart>
        </ResponsiveContainer>
      </div>
      <FrontierTable points={points} swept={swept} x={xi} y={yi} names={[x, y]} current={weights[swept] ?? 0} onPick={(w) => setWeight(swept, w)} />
    </>
  );
}

/** The frontier as a table: the chart's text alternative and its keyboard route to setting a weight. */
function FrontierTable({ points, swept, x, y, names, current, onPick }: { points: FrontierPoint[]; swept: string; x: number; y: number; names: [string, string]; current: number; onPick(w: number): void }) {
  return (
    <div className="scroll-x" style={{ maxHeight: 240 }}>
      <table className="grid" aria-label={`Frontier points: weight of ${swept} and top-K rates`} data-testid="frontier-table">
        <thead>
          <tr>
            <th className="num">weight of {swept}</th>
            <th className="num">{names[0]}</th>
            <th className="num">{names[1]}</th>
            <th>efficient</th>
            <th>use</th>
          </tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr key={p.weight} aria-current={p.weight === current ? 'true' : undefined}>
              <td className="num">{p.weight}</td>
              <td className="num">{pct(p.topKRate[x])}</td>
              <td className="num">{pct(p.topKRate[y])}</td>
              <td>{p.efficient ? 'yes' : 'dominated'}</td>
              <td>
                <button className="secondary" onClick={() => onPick(p.weight)} aria-label={`Set the weight of ${swept} to ${p.weight}`}>
                  Use
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
