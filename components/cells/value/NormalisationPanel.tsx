'use client';
import { useAppStore } from '@/lib/store';
import type { ValueModelView } from './useValueModel';

const pct = (v: number) => (Number.isFinite(v) ? `${(v * 100).toFixed(1)}%` : '—');

/**
 * Per action, divide p by the user's (smoothed, training-split) base rate of that action. Shows how
 * many users never took it, how much their p is scaled, and how many top-K slates change.
 */
export function NormalisationPanel({ view, hasUsers }: { view: ValueModelView; hasUsers: boolean }) {
  const normalised = useAppStore((s) => s.normalised);
  const setNormalised = useAppStore((s) => s.setNormalised);
  if (!hasUsers) return <p className="muted">Per-user normalisation needs a user column: give one column the role user-id in the Data cell (or pick it in the Model cell), then train again.</p>;
  return (
    <details data-testid="normalisation-panel">
      <summary>Per-user normalisation by base rate</summary>
      <p className="explain">
        Many users never take some actions (they never &ldquo;like&rdquo;, not because they dislike everything). Their p(like) is near zero for every item, so
        the like term ranks their slate by noise. Normalising divides p by the user&rsquo;s own like rate in the training rows (smoothed with 5 impressions at
        the overall rate, times the overall rate so the weights keep their meaning) — which <em>amplifies</em> that noise for users who never acted. See both.
      </p>
      {view.tasks.map((t) => {
        const effect = view.normalisation[t];
        return (
          <div key={t} className="row" data-testid={`normalise-${t}`}>
            <label className="row" style={{ gap: 6 }}>
              <input type="checkbox" checked={Boolean(normalised[t])} onChange={(e) => setNormalised(t, e.target.checked)} />
              normalise p({t}) per user
            </label>
            {effect && (
              <span className="muted" data-testid={`normalise-effect-${t}`}>
                {effect.neverActed.toLocaleString('en-US')} of {effect.users.toLocaleString('en-US')} users never took {t} in training (their p is multiplied by about{' '}
                {Number.isFinite(effect.medianNeverActedFactor) ? effect.medianNeverActedFactor.toFixed(1) : '—'}×); {effect.unseen.toLocaleString('en-US')} had no training rows and are left
                as they were. The top K changed in {pct(effect.changedShare)} of slates, {pct(effect.neverActedChangedShare)} of those who never acted.
              </span>
            )}
          </div>
        );
      })}
    </details>
  );
}
