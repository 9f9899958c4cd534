'use client';
import { useAppStore } from '@/lib/store';
import { taskLossWeight } from '@/lib/train/config';
import { NumberField } from '../../ui/NumberField';
import { SelectField } from '../../ui/SelectField';
import type { TrainConfig } from '@/lib/train/config';

/** Optimiser settings and per-action loss weights of the neural models. */
export function TrainingSettings() {
  const config = useAppStore((s) => s.config);
  const setConfig = useAppStore((s) => s.setConfig);
  const targets = useAppStore((s) => s.targets);
  if (config.modelKind === 'gbdt') return null;
  const exact = config.modelKind === 'logistic-regression' && config.solver === 'lbfgs';
  return (
    <>
      {config.modelKind === 'logistic-regression' && (
        <div className="row" style={{ marginTop: 10 }} data-testid="solver-settings">
          <SelectField<NonNullable<TrainConfig['solver']>>
            label="Solver"
            value={config.solver ?? 'adam'}
            onChange={(solver) => setConfig({ solver })}
            options={[
              { value: 'lbfgs', label: 'exact: L-BFGS over all training rows (as scikit-learn)' },
              { value: 'adam', label: 'Adam steps on batches (on the chosen backend, per-step curves)' },
            ]}
          />
          <p className="muted" style={{ flexBasis: '100%' }}>
            {exact
              ? 'Each head’s regularised log loss is minimised to its optimum, in tens of iterations on the CPU: the same fit scikit-learn’s LogisticRegression makes (C = 1 / (2 · L2 · training rows)). Learning rate, batch, epochs and the schedule do not apply; a funnel or learning to rank trains with Adam.'
              : 'Adam at a constant rate for a few epochs stops short of the optimum (AUC and calibration a little off); cosine decay and about 10 epochs get close. Per-step curves show what stochastic training does.'}
          </p>
        </div>
      )}
      <div className="row" style={{ marginTop: 10 }} hidden={exact}>
        <NumberField label="Learning rate (Adam)" value={config.learningRate} min={1e-5} max={10} step={0.005} onChange={(learningRate) => setConfig({ learningRate })} />
        <NumberField label="Batch size" value={config.batchSize} min={16} max={65536} step={256} onChange={(batchSize) => setConfig({ batchSize: Math.round(batchSize) })} />
        <NumberField label="Epochs" value={config.epochs} min={1} max={200} step={1} onChange={(epochs) => setConfig({ epochs: Math.round(epochs) })} />
        <NumberField label="L2 penalty" value={config.l2} min={0} max={1} step={0.00001} onChange={(l2) => setConfig({ l2 })} />
      </div>
      {exact && (
        <div className="row" style={{ marginTop: 10 }}>
          <NumberField label="L2 penalty" value={config.l2} min={0} max={1} step={0.00001} onChange={(l2) => setConfig({ l2 })} />
        </div>
      )}
      <div className="row" style={{ marginTop: 10 }} data-testid="schedule-settings" hidden={exact}>
        <NumberField label="Warm-up steps" value={config.warmupSteps} min={0} max={100000} step={10} onChange={(v) => setConfig({ warmupSteps: Math.round(v) })} />
        <SelectField<TrainConfig['decay']>
          label="Learning-rate decay"
          value={config.decay}
          onChange={(decay) => setConfig({ decay })}
          options={[
            { value: 'none', label: 'none (constant after warm-up)' },
            { value: 'cosine', label: 'cosine, to 5% at the last step' },
            { value: 'linear', label: 'linear, to 5% at the last step' },
          ]}
        />
        <NumberField label="Early stopping patience (evaluations, 0 = off)" value={config.earlyStoppingPatience} min={0} max={100} step={1} onChange={(v) => setConfig({ earlyStoppingPatience: Math.round(v) })} />
        <label className="row" style={{ gap: 6 }}>
          <input type="checkbox" checked={config.restoreBest} onChange={(e) => setConfig({ restoreBest: e.target.checked })} />
          Restore the best checkpoint (lowest validation loss) at the end
        </label>
      </div>
      {targets.length > 1 && (
        <fieldset className="derived" data-testid="task-loss-weights">
          <legend>Loss weight per action</legend>
          <p className="muted">The optimiser minimises Σ weight × loss of each head. Raise a rare action&rsquo;s weight so the shared layers serve it too; 0 leaves its head untrained.</p>
          <div className="row">
            {targets.map((t) => (
              <NumberField key={t} label={`Loss weight: ${t}`} value={taskLossWeight(config, t)} min={0} max={100} step={0.5} onChange={(w) => setConfig({ taskLossWeights: { ...config.taskLossWeights, [t]: w } })} />
            ))}
          </div>
        </fieldset>
      )}
    </>
  );
}
