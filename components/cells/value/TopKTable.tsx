'use client';
import type { TopKOutcome } from '@/lib/value/value';

/** Observed rate of each action in the top K of every user's slate against all their impressions. */
export function TopKTable({ tasks, outcome, k, slates }: { tasks: string[]; outcome: TopKOutcome; k: number; slates: number }) {
  return (
    <table className="grid" data-testid="topk-table" aria-label={`Observed action rates in the top ${k} per user`} style={{ maxWidth: 560, margin: '10px 0' }}>
      <caption className="muted" style={{ textAlign: 'left' }}>
        Observed rates over {slates} users&rsquo; validation slates ({outcome.impressionsInTopK.toLocaleString()} impressions in the top {k})
      </caption>
      <thead>
        <tr>
          <th>action</th>
          <th className="num">top {k}</th>
          <th className="num">all impressions</th>
          <th className="num">lift</th>
        </tr>
      </thead>
      <tbody>
        {tasks.map((t, a) => {
          const lift = outcome.all[a] > 0 ? outcome.topK[a] / outcome.all[a] : NaN;
          return (
            <tr key={t}>
              <td>{t}</td>
              <td className="num">{(outcome.topK[a] * 100).toFixed(2)}%</td>
              <td className="num">{(outcome.all[a] * 100).toFixed(2)}%</td>
              <td className={`num ${lift >= 1 ? 'up' : 'down'}`}>{Number.isFinite(lift) ? `${lift.toFixed(2)}×` : '—'}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
