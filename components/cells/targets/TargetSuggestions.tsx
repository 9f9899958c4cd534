'use client';
import { useMemo, useState } from 'react';
import { describeDerived } from '@/lib/formulate/derived';
import { targetSuggestions, whyNoActions } from '@/lib/formulate/suggest';
import { useAppStore } from '@/lib/store';

/**
 * Labels to build from the outcomes the file holds (a rating, a two-valued text column, a watch
 * time), one click each. When the file has no 0/1 action this is where the Targets cell starts, with
 * the reason none could be used as it is.
 */
export function TargetSuggestions() {
  const table = useAppStore((s) => s.table);
  const profiles = useAppStore((s) => s.profiles);
  const addDerived = useAppStore((s) => s.addDerived);
  const [error, setError] = useState<string | null>(null);
  const suggestions = useMemo(() => (table ? targetSuggestions(table, profiles) : []), [table, profiles]);
  const noActions = !profiles.some((p) => p.role === 'action');
  if (!table || (suggestions.length === 0 && !noActions)) return null;
  return (
    <div className={noActions ? 'alert suggestions' : 'suggestions'} data-testid="target-suggestions" role={noActions ? 'alert' : undefined}>
      {noActions && (
        <p>
          <strong>This file has no action column to predict yet.</strong> {whyNoActions(table, profiles)} Build a label from a column that holds an
          outcome: {suggestions.length > 0 ? 'one of these, or any comparison below.' : 'choose a column and a comparison below.'}
        </p>
      )}
      {!noActions && <p className="muted">Labels you could also build from outcome columns:</p>}
      <div className="row" style={{ gap: 8 }}>
        {suggestions.map((s) => (
          <button key={s.action.name} className="secondary" title={s.why} onClick={() => setError(addDerived(s.action))} aria-label={`Build the label ${s.action.name} = ${describeDerived(s.action)} (${s.why})`}>
            {s.action.name} = {describeDerived(s.action)}
          </button>
        ))}
      </div>
      {error && (
        <p className="down" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
