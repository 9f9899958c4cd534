'use client';
import { valueCapturedShare, type RankingOutcome } from '@/lib/value/outcomes';

const pct = (v: number) => (Number.isFinite(v) ? `${(v * 100).toFixed(2)}%` : '—');
const num = (v: number, digits = 3) => (Number.isFinite(v) ? v.toFixed(digits) : '—');

/**
 * Per action: observed rate in the top K under this formula, under click-only ranking and over all
 * impressions, and NDCG@K; then the value the top K captures against the best possible order.
 */
export function OutcomeTable({ tasks, outcome, clickOnly, clickTask, k, slates }: { tasks: string[]; outcome: RankingOutcome; clickOnly: RankingOutcome; clickTask: number; k: number; slates: number }) {
  const share = valueCapturedShare(outcome);
  const clickShare = valueCapturedShare(clickOnly);
  return (
    <div>
      <table className="grid" data-testid="topk-table" aria-label={`Observed action rates in the top ${k} per slate`}>
        <caption className="muted" style={{ textAlign: 'left' }}>
          Observed outcomes over {slates.toLocaleString('en-US')} held-out slates ({outcome.impressionsInTopK.toLocaleString('en-US')} impressions in the top {k})
        </caption>
        <thead>
          <tr>
            <th>action</th>
            <th className="num">top {k}, this formula</th>
            <th className="num">top {k}, click-only</th>
            <th className="num">all impressions</th>
            <th className="num">lift</th>
            <th className="num">NDCG@{k}</th>
            <th className="num">NDCG@{k}, click-only</th>
          </tr>
        </thead>
        <tbody>
          {tasks.map((t, a) => {
            const lift = outcome.allRate[a] > 0 ? outcome.topKRate[a] / outcome.allRate[a] : NaN;
            return (
              <tr key={t} data-action={t}>
                <td>{t}</td>
                <td className="num">{pct(outcome.topKRate[a])}</td>
                <td className="num">{pct(clickOnly.topKRate[a])}</td>
                <td className="num">{pct(outcome.allRate[a])}</td>
                <td className={`num ${lift >= 1 ? 'up' : 'down'}`}>{Number.isFinite(lift) ? `${lift.toFixed(2)}×` : '—'}</td>
                <td className="num">{num(outcome.ndcg[a])}</td>
                <td className="num">{num(clickOnly.ndcg[a])}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p data-testid="value-captured">
        Value captured in the top {k}: <strong>{pct(share)}</strong> of the best possible order (Σ w·y = {num(outcome.valueInTopK, 1)} of {num(outcome.valueBest, 1)}; a
        random order gets {num(outcome.valueRandom, 1)}); ranking by p({tasks[clickTask]}) alone captures {pct(clickShare)}.
      </p>
    </div>
  );
}
