'use client';
import { FEATURE_ROLES } from '@/lib/data/roles';
import { useAppStore } from '@/lib/store';
import { CellFrame } from '../../notebook/CellFrame';
import { NumberField } from '../../ui/NumberField';

/** Model cell: logistic regression over the automatic encoding, and its hyper-parameters. */
export function ModelCell() {
  const config = useAppStore((s) => s.config);
  const setConfig = useAppStore((s) => s.setConfig);
  const profiles = useAppStore((s) => s.profiles);
  const features = useAppStore((s) => s.features);
  const targets = useAppStore((s) => s.targets);
  const toggleFeature = useAppStore((s) => s.toggleFeature);
  const candidates = profiles.filter((p) => FEATURE_ROLES.has(p.role) || p.role === 'engagement');
  return (
    <CellFrame id="model" title="4 · Model">
      <p className="explain">
        Logistic regression with one head per target. Numbers are standardised with training statistics; ids and categories get one learned
        weight per value and head (a vocabulary, or hashed buckets when there are more than {config.maxVocabulary.toLocaleString()} values).
        Engagement signals such as watch time are outcomes of the impression, so they are off by default: using them would leak the label.
      </p>
      <fieldset className="row" style={{ border: 'none', padding: 0 }}>
        <legend className="muted">Feature columns ({features.length} used)</legend>
        {candidates.map((p) => {
          const isTarget = targets.includes(p.name);
          return (
            <label key={p.name} className="row" style={{ gap: 6 }}>
              <input type="checkbox" disabled={isTarget} checked={!isTarget && features.some((f) => f.column === p.name)} onChange={(e) => toggleFeature(p.name, e.target.checked)} />
              {p.name} <span className="muted">({p.role === 'numeric' || p.role === 'engagement' ? 'standardised' : 'embedding'})</span>
            </label>
          );
        })}
      </fieldset>
      <div className="row" style={{ marginTop: 10 }}>
        <NumberField label="Learning rate (Adam)" value={config.learningRate} min={1e-5} max={10} step={0.005} onChange={(learningRate) => setConfig({ learningRate })} />
        <NumberField label="Batch size" value={config.batchSize} min={16} max={65536} step={256} onChange={(batchSize) => setConfig({ batchSize: Math.round(batchSize) })} />
        <NumberField label="Epochs" value={config.epochs} min={1} max={200} step={1} onChange={(epochs) => setConfig({ epochs: Math.round(epochs) })} />
        <NumberField label="L2 penalty" value={config.l2} min={0} max={1} step={0.00001} onChange={(l2) => setConfig({ l2 })} />
      </div>
    </CellFrame>
  );
}
