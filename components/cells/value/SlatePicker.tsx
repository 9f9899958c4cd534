'use client';
import { useMemo } from 'react';
import { cellText, getColumn } from '@/lib/data/table';
import { useAppStore } from '@/lib/store';
import type { RunView } from '@/lib/store/runSlice';
import { SelectField } from '../../ui/SelectField';
import { SlateTable } from './SlateTable';
import type { ValueModelView } from './useValueModel';

const LISTED_USERS = 100;

/** Choose a user and see their validation slate ordered by the value score. */
export function SlatePicker({ run, view }: { run: RunView; view: ValueModelView }) {
  const selected = useAppStore((s) => s.selectedUser);
  const select = useAppStore((s) => s.selectUser);
  const biggest = useMemo(() => [...view.slates].sort((a, b) => b.rows.length - a.rows.length).slice(0, LISTED_USERS), [view.slates]);
  const slate = view.slates.find((s) => s.key === selected) ?? biggest[0];
  // Slate keys are numbers (dictionary codes for text ids): show the id as written in the data.
  const userCol = run.spec.userColumn ? getColumn(run.table, run.spec.userColumn) : null;
  const userName = (s: (typeof view.slates)[number]) => (userCol ? cellText(userCol, run.predictions!.rows[s.rows[0]]) : String(s.key));
  if (!slate) return null;
  return (
    <div>
      <SelectField
        label={run.spec.userColumn ? `Slate of ${run.spec.userColumn}` : 'Slate (no user column: all validation rows)'}
        value={String(slate.key)}
        onChange={(v) => select(Number(v))}
        options={biggest.map((s) => ({ value: String(s.key), label: `${userName(s)} (${s.rows.length} impressions)` }))}
      />
      <SlateTable run={run} slate={slate} scores={view.scores} labels={view.labels} probabilities={view.probabilities} />
    </div>
  );
}
