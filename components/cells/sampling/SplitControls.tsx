'use client';
import type { SplitSpec } from '@/lib/formulate/spec';
import { useAppStore } from '@/lib/store';
import { SelectField } from '../../ui/SelectField';

/** How validation rows are chosen, with a warning when a time-ordered log is split at random. */
export function SplitControls() {
  const split = useAppStore((s) => s.sampling.split);
  const profiles = useAppStore((s) => s.profiles);
  const setSampling = useAppStore((s) => s.setSampling);
  const timeColumns = profiles.filter((p) => p.role === 'timestamp').map((p) => p.name);
  const userColumns = profiles.filter((p) => p.role === 'user-id').map((p) => p.name);
  const kinds = [
    { value: 'random' as const, label: 'random rows' },
    ...(timeColumns.length ? [{ value: 'time' as const, label: 'by time (latest rows held out)' }] : []),
    ...(userColumns.length ? [{ value: 'user' as const, label: 'by user (held-out users)' }] : []),
  ];
  const setKind = (kind: SplitSpec['kind']) =>
    setSampling({ split: kind === 'random' ? { kind } : { kind, column: (kind === 'time' ? timeColumns : userColumns)[0] } });
  return (
    <>
      <SelectField<SplitSpec['kind']> label="Validation split" value={split.kind} options={kinds} onChange={setKind} />
      {split.kind !== 'random' && (
        <SelectField label={split.kind === 'time' ? 'Time column' : 'User column'} value={split.column} options={split.kind === 'time' ? timeColumns : userColumns} onChange={(column) => setSampling({ split: { kind: split.kind, column } })} />
      )}
      {split.kind === 'random' && timeColumns.length > 0 && (
        <p className="muted" role="note" data-testid="split-warning" style={{ flexBasis: '100%' }}>
          ⚠ This log has a time column ({timeColumns[0]}). A random split lets the model learn from impressions that happen after the ones it is judged on; production models only ever see the past. Consider splitting by time.
        </p>
      )}
    </>
  );
}
