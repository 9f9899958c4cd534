'use client';
import { useAppStore } from '@/lib/store';
import type { RankingLoss } from '@/lib/formulate/spec';
import { SelectField } from '../../ui/SelectField';

const NONE = '(none)';

/** Independent heads, or a funnel chain such as click → add to cart → buy (ESMM). */
export function FormulationControls() {
  const targets = useAppStore((s) => s.targets);
  const hasUser = useAppStore((s) => s.userColumn !== null);
  const profiles = useAppStore((s) => s.profiles);
  const timeColumns = profiles.filter((p) => p.role === 'timestamp').map((p) => p.name);
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
      <label className="row" style={{ gap: 6 }}>
        <input type="radio" name="formulation" checked={formulation.kind === 'ranking'} disabled={!hasUser || targets.length === 0} onChange={() => setFormulation({ kind: 'ranking', action: targets[0], loss: 'bpr', window: null })} />
        learning to rank one action within each user&rsquo;s impressions{!hasUser && ' (needs a user id column)'}
      </label>
      {formulation.kind === 'ranking' && (
        <div className="row">
          <SelectField label="Ranked action" value={targets.includes(formulation.action) ? formulation.action : targets[0]} options={targets} onChange={(action) => setFormulation({ ...formulation, action })} />
          <SelectField<RankingLoss>
            label="Ranking loss"
            value={formulation.loss}
            onChange={(loss) => setFormulation({ ...formulation, loss })}
            options={[
              { value: 'bpr', label: 'BPR: −log σ(s_pos − s_neg)' },
              { value: 'ranknet', label: 'RankNet (ties pulled together)' },
              { value: 'listwise', label: 'listwise softmax' },
            ]}
          />
          <SelectField
            label="Groups"
            value={formulation.window ? String(formulation.window.seconds) : 'user'}
            onChange={(v) => setFormulation({ ...formulation, window: v === 'user' || !timeColumns[0] ? null : { column: timeColumns[0], seconds: Number(v) } })}
            options={[{ value: 'user', label: 'all of a user’s impressions' }, ...(timeColumns[0] ? [{ value: '3600', label: `user + hour (${timeColumns[0]})` }, { value: '86400', label: `user + day (${timeColumns[0]})` }] : [])]}
          />
          <p className="muted" style={{ flexBasis: '100%' }} data-testid="ranking-note">
            A ranking loss learns which of two impressions a person prefers, not how likely an action is: its scores are not probabilities.
            Metrics and the value model use a calibration map (Platt scaling) fitted on validation rows, cross-fitted so no row is scored by a
            map fitted on itself. The other targets stay pointwise heads. Compare with a pointwise run on the same validation metrics.
          </p>
        </div>
      )}
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
