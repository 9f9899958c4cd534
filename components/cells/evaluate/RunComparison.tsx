'use client';
import { useState } from 'react';
import { sameDataset } from '@/lib/data/table';
import { compareReports, sameRows } from '@/lib/metrics/compare';
import { useAppStore } from '@/lib/store';
import type { RunView } from '@/lib/store/runSlice';
import { SelectField } from '../../ui/SelectField';
import { useProbabilityMode } from './useProbabilityMode';
import { useReports } from './useReports';

const fmt = (v: number | null) => (v === null || !Number.isFinite(v) ? '—' : v.toFixed(4));

/** A short description of a run: what it predicted and how. */
export function describeRun(run: RunView): string {
  const f = run.spec.formulation;
  const how = f.kind === 'funnel' ? `funnel ${f.chain.join('→')}` : f.kind === 'ranking' ? `${f.loss} ranking of ${f.action}` : 'pointwise';
  const rates = run.spec.targets.map((t) => `${t} w=${run.spec.sampling.keepRates[t] ?? 1}`).join(', ');
  return `run ${run.runId}: ${how}; ${rates}`;
}

/** The current run against an earlier one, action by action, on the same validation rows. */
export function RunComparison({ current }: { current: RunView }) {
  const history = useAppStore((s) => s.history);
  const mode = useProbabilityMode();
  // Runs of another dataset were judged on other rows, whatever their row numbers say: never compared.
  const finished = history.filter((r) => r.runId !== current.runId && r.predictions);
  const others = finished.filter((r) => sameDataset(r.table, current.table));
  const elsewhere = finished.length - others.length;
  const [chosen, setChosen] = useState<number | null>(null);
  const other = others.find((r) => r.runId === chosen) ?? others[0] ?? null;
  const a = useReports(other, mode);
  const b = useReports(current, mode);
  const otherDatasets = elsewhere > 0 ? ` ${elsewhere} earlier run${elsewhere > 1 ? 's were' : ' was'} trained on another dataset and ${elsewhere > 1 ? 'are' : 'is'} not compared.` : '';
  if (!other) return <p className="muted" data-testid="run-comparison-empty">Train another run (another formulation, keep rate or model) to compare it with this one here.{otherDatasets}</p>;
  if (!a || !b) return <p className="muted" role="status">Computing both runs&rsquo; evaluations…</p>;
  const shared = b.filter((r) => a.some((x) => x.task === r.task));
  const like = sameRows(other.predictions!.rows, current.predictions!.rows);
  return (
    <div data-testid="run-comparison">
      <SelectField label="Compare this run with" value={String(other.runId)} options={others.map((r) => ({ value: String(r.runId), label: describeRun(r) }))} onChange={(v) => setChosen(Number(v))} />
      <p className={like ? 'muted' : 'down'}>
        {like ? 'Both runs were judged on the same validation rows.' : 'The runs were judged on different validation rows (another split or seed): differences mix the model with the data.'}{' '}
        A = {describeRun(other)}; B = {describeRun(current)}.{otherDatasets}
      </p>
      {shared.length === 0 && <p className="muted">The runs share no target action.</p>}
      <div className="charts">
        {shared.map(({ task, report }) => (
          <table key={task} className="grid" aria-label={`Run comparison for ${task}`} data-task={task}>
            <caption style={{ textAlign: 'left' }}>
              <strong>{task}</strong>
            </caption>
            <thead>
              <tr>
                <th>metric</th>
                <th className="num">A</th>
                <th className="num">B</th>
                <th className="num">B − A</th>
              </tr>
            </thead>
            <tbody>
              {compareReports(a.find((x) => x.task === task)!.report, report).map((row) => (
                <tr key={row.label}>
                  <td>{row.label}</td>
                  <td className="num">{fmt(row.a)}</td>
                  <td className="num">{fmt(row.b)}</td>
                  <td className={`num ${row.verdict > 0 ? 'up' : row.verdict < 0 ? 'down' : ''}`} data-verdict={row.verdict}>
                    {row.difference === null ? '—' : `${row.difference > 0 ? '+' : ''}${row.difference.toFixed(4)}`} {row.verdict > 0 ? '▲ better' : row.verdict < 0 ? '▼ worse' : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      </div>
    </div>
  );
}
