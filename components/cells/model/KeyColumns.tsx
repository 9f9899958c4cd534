'use client';
import { useAppStore } from '@/lib/store';
import { SelectField } from '../../ui/SelectField';

const NONE = '(none)';

/** The user, item and time columns a model kind needs, preset from the column roles. */
export function KeyColumns({ user, item, time }: { user?: boolean; item?: boolean; time?: boolean }) {
  const profiles = useAppStore((s) => s.profiles);
  const userColumn = useAppStore((s) => s.userColumn);
  const itemColumn = useAppStore((s) => s.itemColumn);
  const timeColumn = useAppStore((s) => s.timeColumn);
  const setKeyColumns = useAppStore((s) => s.setKeyColumns);
  const names = [NONE, ...profiles.map((p) => p.name)];
  const pick = (v: string) => (v === NONE ? null : v);
  return (
    <div className="row">
      {user && <SelectField label="User column" value={userColumn ?? NONE} options={names} onChange={(v) => setKeyColumns({ userColumn: pick(v) })} />}
      {item && <SelectField label="Item column" value={itemColumn ?? NONE} options={names} onChange={(v) => setKeyColumns({ itemColumn: pick(v) })} />}
      {time && <SelectField label="Time column" value={timeColumn ?? NONE} options={names} onChange={(v) => setKeyColumns({ timeColumn: pick(v) })} />}
    </div>
  );
}
