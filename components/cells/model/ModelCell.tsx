'use client';
import { useAppStore } from '@/lib/store';
import { CellFrame } from '../../notebook/CellFrame';
import { NumberField } from '../../ui/NumberField';
import { FeatureList } from './FeatureList';
import { MlpSettings } from './MlpSettings';
import { SelectField } from '../../ui/SelectField';
import type { ModelKind } from '@/lib/train/config';

/** Model cell: logistic regression over the automatic encoding, and its hyper-parameters. */
export function ModelCell() {
  const config = useAppStore((s) => s.config);
  const setConfig = useAppStore((s) => s.setConfig);
  return (
    <CellFrame id="model" title="4 · Model">
      <p className="explain">
        Logistic regression (one head per target, heads share nothing) or an MLP over embeddings, either one multi-task network with a
        head per action — rare actions borrow what frequent ones learned — or one separate network per action. Numbers are standardised with training statistics (with a missing flag when training
        has gaps); ids and categories get a learned weight (logistic regression) or embedding (MLP) per value, from a vocabulary with a
        minimum count and an out-of-vocabulary slot, or hashed buckets above {config.maxVocabulary.toLocaleString()} values; id lists
        become the mean of their ids&rsquo; weights or embeddings;
        timestamps give hour and weekday. Engagement signals such as watch time are outcomes of the impression, so they are off by default:
        using them would leak the label.
      </p>
      <SelectField<ModelKind>
        label="Model"
        value={config.modelKind}
        onChange={(modelKind) => setConfig({ modelKind })}
        options={[
          { value: 'logistic-regression', label: 'logistic regression (one weight per feature value and head)' },
          { value: 'mlp', label: 'MLP over embeddings (ReLU layers)' },
        ]}
      />
      {config.modelKind === 'mlp' && <MlpSettings />}
      <FeatureList />
      <div className="row" style={{ marginTop: 10 }}>
        <NumberField label="Learning rate (Adam)" value={config.learningRate} min={1e-5} max={10} step={0.005} onChange={(learningRate) => setConfig({ learningRate })} />
        <NumberField label="Batch size" value={config.batchSize} min={16} max={65536} step={256} onChange={(batchSize) => setConfig({ batchSize: Math.round(batchSize) })} />
        <NumberField label="Epochs" value={config.epochs} min={1} max={200} step={1} onChange={(epochs) => setConfig({ epochs: Math.round(epochs) })} />
        <NumberField label="L2 penalty" value={config.l2} min={0} max={1} step={0.00001} onChange={(l2) => setConfig({ l2 })} />
      </div>
    </CellFrame>
  );
}
