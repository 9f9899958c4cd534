'use client';
import { useAppStore } from '@/lib/store';
import type { ModelKind } from '@/lib/train/config';
import { CellFrame } from '../../notebook/CellFrame';
import { SelectField } from '../../ui/SelectField';
import { FeatureList } from './FeatureList';
import { KindSettings } from './KindSettings';
import { KIND_ORDER, MODEL_GUIDE } from './modelGuide';
import { TrainingSettings } from './TrainingSettings';

/** Model cell: the model family, its settings, and how each column is encoded. */
export function ModelCell() {
  const config = useAppStore((s) => s.config);
  const setConfig = useAppStore((s) => s.setConfig);
  const lastRunKind = useAppStore((s) => s.run?.config.modelKind);
  const lastRunParameters = useAppStore((s) => s.run?.parameterCount);
  const guide = MODEL_GUIDE[config.modelKind];
  return (
    <CellFrame id="model" title="4 · Model">
      <p className="explain">
        Features and algorithm must fit each other. Numbers are standardised with training statistics (with a missing flag when training has gaps); ids and categories get a learned weight or
        embedding per value, from a vocabulary with a minimum count and an out-of-vocabulary slot, or hashed buckets above {config.maxVocabulary.toLocaleString()} values; id lists become the mean
        of their ids&rsquo; embeddings; timestamps give hour and weekday. Engagement signals such as watch time are outcomes of the impression, so they are off by default: using them would leak the label.
      </p>
      <SelectField<ModelKind> label="Model" value={config.modelKind} onChange={(modelKind) => setConfig({ modelKind })} options={KIND_ORDER.map((k) => ({ value: k, label: MODEL_GUIDE[k].label }))} />
      <p className="muted" data-testid="model-summary">
        {guide.summary}
        {lastRunParameters !== undefined && lastRunKind === config.modelKind && ` Last run of this kind: ${lastRunParameters.toLocaleString()} ${config.modelKind === 'gbdt' ? 'tree nodes' : 'parameters'}.`}
      </p>
      <KindSettings />
      <FeatureList />
      <TrainingSettings />
    </CellFrame>
  );
}
