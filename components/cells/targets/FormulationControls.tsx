'use client';
import { useAppStore } from '@/lib/store';
import { SelectField } from '../../ui/SelectField';

const NONE = '(none)';

/** Independent heads, or a funnel chain such as click → add to cart → buy (ESMM). */
export function FormulationControls() {
  const targets = useAppStore((s) => s.targets);
  const formulation = useAppStore((s) => s.formulation);
  const setFormulation = useAppStore((s) => s.setFormulation);
  const chain = formulation.kind === 'funnel' ? formulation.chain.filter((t) => targets.includes(t)) : [];
  const setStep = (index: number, task: string) => {
    const next = [...chain.slice(0, index), ...(task === NONE ? [] : [task])].filter((t, i, all) => all.indexOf(t) === i);
    setFormulation({ kind: 'funnel', chain: next });
  };
  return (
    <fieldset className="derived" data-testid="formulation">
      <legend>Formulation</legend>
      <label className="row" style={{ gap: 6 }}>
        <input type="radio" name="formulation" checked={formulation.kind === 'pointwise'} onChange={() => setFormulation({ kind: 'pointwise' })} />
        one binary head per action (pointwise log loss)
      </label>
      <label className="row" style={{ gap: 6 }}>
        <input type="radio" name="formulation" checked={formulation.kind === 'funnel'} disabled={targets.length < 2} onChange={() => setFormulation({ kind: 'funnel', chain: targets.slice(0, 2) })} />
        a funnel (ESMM): each step predicts p(step | previous step), supervised on all impressions through p(click ∧ cart) = p(click) · p(cart | click)
      </label>
      {formulation.kind === 'funnel' && (
        <div className="row">
          {[...chain, NONE].slice(0, targets.length).map((step, i) => (
            <SelectField key={i} label={`Step ${i + 1}`} value={step} options={[NONE, ...targets.filter((t) => t === step || !chain.includes(t))]} onChange={(t) => setStep(i, t)} />
          ))}
          <p className="muted" style={{ flexBasis: '100%' }}>
            Training the later steps only on rows where the earlier step happened would learn from a biased sample (selection bias) with very
            few positives; the funnel learns every step from all impressions. Funnel steps keep all their rows (no negative sampling).
            {chain.length < 2 && ' Choose at least two steps.'}
          </p>
        </div>
      )}
    </fieldset>
  );
}
