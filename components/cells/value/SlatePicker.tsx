'use client';
import { useMemo } from 'react';
import { useAppStore } from '@/lib/store';
import type { RunView } from '@/lib/store/runSlice';
import { SlateTable } from './SlateTable';
import type { ValueModelView } from './useValueModel';

const LISTED_USERS = 100;

/** Choose a user and see their validation slate ordered by the value score. */
export function SlatePicker({ run, view }: { run: RunView; view: ValueModelView }) {
  const selected = useAppStore((s) => s.selectedUser);
  const select = useAppStore((s) => s.selectUser);
  const biggest = useMemo(() => [...view.slates].sort((a, b) => b.rows.length - a.rows.length).slice(0, LISTED_USERS), [view.slates]);
  const slate = view.slates.find((s) => s.key === selected) ?? biggest[0];
  if (!slate) return null;
  return (
    <div>
      <label className="field" style={{ maxWidth: 360 }}>
        <span>{run.spec.userColumn ? `Slate of ${run.spec.userColumn}` : 'Slate (no user column: all validation rows)'}</span>
        <select value={slate.key} onChange={(e) => select(Number(e.target.value))} data-testid="user-select">
          {biggest.map((s) => (
            <option key={s.key} value={s.key}>
              {s.key} ({s.rows.length} impressions)
            </option>
          ))}
        </select>
      </label>
      <SlateTable run={run} slate={slate} scores={view.scores} labels={view.labels} probabilities={view.probabilities} />
    </div>
  );
}
