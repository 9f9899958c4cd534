'use client';
import { describeDerived } from '@/lib/formulate/derived';
import { useAppStore } from '@/lib/store';

/** The derived actions of this notebook, each removable. */
export function DerivedList() {
  const derived = useAppStore((s) => s.derived);
  const remove = useAppStore((s) => s.removeDerived);
  if (derived.length === 0) return null;
  return (
    <ul data-testid="derived-list">
      {derived.map((d) => (
        <li key={d.name}>
          <strong>{d.name}</strong> = {describeDerived(d)}{' '}
          <button className="secondary" aria-label={`Remove derived action ${d.name}`} onClick={() => remove(d.name)}>
            Remove
          </button>
        </li>
      ))}
    </ul>
  );
}
