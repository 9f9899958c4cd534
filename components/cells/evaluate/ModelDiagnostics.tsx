'use client';
import type { RunView } from '@/lib/store/runSlice';
import { GateChart, ImportanceChart } from '../../charts/lazy';

const pct = (v: number) => (Number.isFinite(v) ? `${(v * 100).toFixed(1)}%` : '—');

/** What the model kind shows beyond its predictions: gates, recall@k, feature importance, tower split. */
export function ModelDiagnostics({ run }: { run: RunView }) {
  const d = run.diagnostics;
  const towers = run.prepared?.towerColumns;
  const ignored = run.prepared?.ignoredFeatures ?? [];
  if (!d && !towers && ignored.length === 0) return null;
  return (
    <section data-testid="model-diagnostics" aria-label="Model diagnostics">
      <h3>Inside the model</h3>
      {ignored.length > 0 && <p className="muted">Left out (trees cannot read id lists): {ignored.join(', ')}.</p>}
      {towers && (
        <p className="muted" data-testid="tower-columns">
          Query tower: {towers.query.join(', ')} · item tower: {towers.item.join(', ')}
        </p>
      )}
      {d?.gates && (
        <div className="chart-card">
          <h3>MMoE gates: how much each action leans on each expert (validation mean)</h3>
          <GateChart tasks={run.spec.targets} gates={d.gates} />
        </div>
      )}
      {d?.retrieval && (
        <table className="grid" aria-label="Retrieval recall at k over the item set" data-testid="retrieval-table">
          <thead>
            <tr>
              <th>action</th>
              <th className="num">recall@k, model</th>
              <th className="num">recall@k, most popular</th>
              <th className="num">k</th>
              <th className="num">validation positives scored</th>
              <th className="num">items in the set</th>
            </tr>
          </thead>
          <tbody>
            {d.retrieval.map((r) => (
              <tr key={r.task}>
                <td>{r.task}</td>
                <td className="num">{pct(r.recall)}</td>
                <td className="num">{pct(r.popularityRecall)}</td>
                <td className="num">{r.k}</td>
                <td className="num">{r.queries.toLocaleString()}</td>
                <td className="num">{r.items.toLocaleString()}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {d?.trees && (
        <p className="muted" data-testid="trees-kept">
          Trees kept at the best validation round: {d.trees.map((t) => `${t.task} ${t.kept} of ${t.grown}`).join(', ')}.
        </p>
      )}
      {d?.importance && (
        <div className="charts">
          {d.importance.map((imp) => (
            <div className="chart-card" key={imp.task}>
              <h3>Feature importance for {imp.task} (share of split gain)</h3>
              <ImportanceChart task={imp.task} features={imp.features} />
            </div>
          ))}
        </div>
      )}
    </section>
  );
}
