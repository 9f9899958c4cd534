'use client';
import { useMemo } from 'react';
import { actionStats, cooccurrence } from '@/lib/profile/actions';
import { useAppStore } from '@/lib/store';
import { VolumeSignalChart } from '../../charts/lazy';

const pct = (v: number | null) => (v === null || Number.isNaN(v) ? '—' : `${(v * 100).toFixed(1)}%`);

/** Per action: volume, spread over users, who never acts, and how actions co-occur. */
export function ActionProfile() {
  const table = useAppStore((s) => s.table);
  const profiles = useAppStore((s) => s.profiles);
  const userColumn = useAppStore((s) => s.userColumn);
  const actions = useMemo(() => profiles.filter((p) => p.role === 'action').map((p) => p.name), [profiles]);
  const stats = useMemo(() => (table ? actionStats(table, actions, userColumn) : []), [table, actions, userColumn]);
  const matrix = useMemo(() => (table ? cooccurrence(table, actions) : []), [table, actions]);
  if (!table || actions.length === 0) return null;
  return (
    <details>
      <summary>Action profile: volume, users who never act, co-occurrence</summary>
      <p className="explain">
        Heavy actions (follow, comment) are strong but rare; light ones (click) are plentiful but noisy. An action many users never take scores
        those users near zero everywhere, so a ranking built on it alone shows them noise.
      </p>
      <div className="row" style={{ alignItems: 'flex-start' }}>
        <table className="grid" data-testid="action-stats" style={{ maxWidth: 560 }} aria-label="Per-action statistics">
          <thead>
            <tr>
              <th>action</th>
              <th className="num">positives</th>
              <th className="num">rate</th>
              <th className="num">per user</th>
              <th className="num">users never acting</th>
            </tr>
          </thead>
          <tbody>
            {stats.map((s) => (
              <tr key={s.action} data-action={s.action}>
                <td>{s.action}</td>
                <td className="num">{s.positives.toLocaleString()}</td>
                <td className="num">{pct(s.rate)}</td>
                <td className="num">{s.positivesPerUser === null ? '—' : s.positivesPerUser.toFixed(2)}</td>
                <td className="num">{pct(s.usersNeverActing)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div style={{ flex: 1, minWidth: 300 }}>
          <VolumeSignalChart points={stats} />
        </div>
      </div>
      <div className="scroll-x">
        <table className="grid" data-testid="cooccurrence" aria-label="Share of impressions with the row action that also have the column action">
          <caption className="muted" style={{ textAlign: 'left' }}>
            P(column action | row action): of the impressions with the row&rsquo;s action, the share that also have the column&rsquo;s.
          </caption>
          <thead>
            <tr>
              <th>given ↓ / also →</th>
              {actions.map((a) => (
                <th key={a} className="num">
                  {a}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {actions.map((a, i) => (
              <tr key={a}>
                <th>{a}</th>
                {matrix[i].map((v, j) => (
                  <td key={j} className="num" style={{ background: Number.isNaN(v) || i === j ? undefined : `rgba(47, 91, 211, ${v * 0.6})` }}>
                    {i === j ? '' : pct(v)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
