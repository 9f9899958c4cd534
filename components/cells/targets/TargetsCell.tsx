'use client';
import { useAppStore } from '@/lib/store';
import { CellFrame } from '../../notebook/CellFrame';
import { DerivedActionForm } from './DerivedActionForm';
import { DerivedList } from './DerivedList';
import { FormulationControls } from './FormulationControls';
import { TargetSuggestions } from './TargetSuggestions';

/** Targets cell: which actions get a model head. */
export function TargetsCell() {
  const profiles = useAppStore((s) => s.profiles);
  const targets = useAppStore((s) => s.targets);
  const toggle = useAppStore((s) => s.toggleTarget);
  const actions = profiles.filter((p) => p.role === 'action');
  return (
    <CellFrame id="targets" title="2 · Targets">
      <p className="explain">
        Each chosen action gets its own prediction head. Heavy actions (follow, comment) carry strong signal but are rare; light ones (click,
        long view) are plentiful but noisy. Choose several and blend them in the value model below.
      </p>
      <TargetSuggestions />
      {actions.length > 0 && (
        <fieldset className="row" style={{ border: 'none', padding: 0 }}>
          <legend className="muted">Actions to predict ({targets.length} chosen)</legend>
          {actions.map((p) => (
            <label key={p.name} className="row" style={{ gap: 6 }}>
              <input type="checkbox" checked={targets.includes(p.name)} onChange={(e) => toggle(p.name, e.target.checked)} />
              {p.name} <span className="muted">({((p.positiveRate ?? 0) * 100).toFixed(2)}%)</span>
            </label>
          ))}
        </fieldset>
      )}
      <FormulationControls />
      <DerivedList />
      <DerivedActionForm />
      {targets.length === 0 && actions.length > 0 && (
        <p className="alert" role="alert">
          Choose at least one action to train.
        </p>
      )}
    </CellFrame>
  );
}
