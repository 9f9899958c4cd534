'use client';
import { useMemo } from 'react';
import { cellText, getColumn } from '@/lib/data/table';
import { useAppStore } from '@/lib/store';
import type { RunView } from '@/lib/store/runSlice';
import { SelectField } from '../../ui/SelectField';
import { SlateTable } from './SlateTable';
import type { ValueModelView } from './useValueModel';

const LISTED_SLATES = 100;

/** Choose a slate (a user, or a user in one hour/day) and see it ordered by the value score. */
export function SlatePicker({ run, view }: { run: RunView; view: ValueModelView }) {
  const selected = useAppStore((s) => s.selectedUser);
  const select = useAppStore((s) => s.selectUser);
  const { index } = view;
  const size = (s: number) => index.starts[s + 1] - index.starts[s];
  const biggest = useMemo(() => {
    const count = (s: number) => index.starts[s + 1] - index.starts[s];
    return Array.from(index.keys, (_, s) => s)
      .sort((a, b) => count(b) - count(a) || a - b)
      .slice(0, LISTED_SLATES);
  }, [index]);
  const chosen = index.keys.findIndex((k) => k === selected);
  const slate = chosen >= 0 ? chosen : biggest[0];
  // Slate keys are dictionary codes for text ids: show the user as written in the data.
  const userCol = run.spec.userColumn ? getColumn(run.table, run.spec.userColumn) : null;
  const slateName = (s: number) => {
    const row = run.predictions!.rows[index.order[index.starts[s]]];
    const user = userCol ? cellText(userCol, row) : 'all rows';
    const key = String(index.keys[s]);
    const window = key.includes('@') ? ` · window ${key.split('@')[1]}` : '';
    return `${user}${window} (${size(s)} impressions)`;
  };
  if (slate === undefined) return null;
  return (
    <div>
      <SelectField
        label={run.spec.userColumn ? `Sample slate of ${run.spec.userColumn}` : 'Sample slate (no user column: all validation rows)'}
        value={String(slate)}
        onChange={(v) => select(index.keys[Number(v)])}
        options={biggest.map((s) => ({ value: String(s), label: slateName(s) }))}
      />
      <SlateTable run={run} view={view} slate={slate} />
    </div>
  );
}
