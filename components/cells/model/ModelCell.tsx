'use client';
import { useAppStore } from '@/lib/store';
import { CellFrame } from '../../notebook/CellFrame';
import { NumberField } from '../../ui/NumberField';
import { FeatureList } from './FeatureList';

/** Model cell: logistic regression over the automatic encoding, and its hyper-parameters. */
export function ModelCell() {
  const config = useAppStore((s) => s.config);
  const setConfig = useAppStore((s) => s.setConfig);
  return (
    <CellFrame id="model" title="4 · Model">
      <p className="explain">
        Logistic regression with one head per target. Numbers are standardised with training statistics (with a missing flag when training
        has gaps); ids and categories get one learned weight per value and head (a vocabulary with a minimum count and an out-of-vocabulary
        slot, or hashed buckets above {config.maxVocabulary.toLocaleString()} values); id lists become the mean of their ids&rsquo; weights;
        timestamps give hour and weekday. Engagement signals such as watch time are outcomes of the impression, so they are off by default:
        using them would leak the label.
      </p>
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
