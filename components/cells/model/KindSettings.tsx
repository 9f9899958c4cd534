'use client';
import { useAppStore } from '@/lib/store';
import type { TrainConfig } from '@/lib/train/config';
import { NumberField } from '../../ui/NumberField';
import { SelectField } from '../../ui/SelectField';
import { CrossesEditor } from './CrossesEditor';
import { GbdtSettings } from './GbdtSettings';
import { KeyColumns } from './KeyColumns';
import { NetworkSettings } from './NetworkSettings';

const ALL = '(every earlier impression)';

/** The settings of the chosen model kind, and the columns it needs. */
export function KindSettings() {
  const config = useAppStore((s) => s.config);
  const setConfig = useAppStore((s) => s.setConfig);
  const targets = useAppStore((s) => s.targets);
  const profiles = useAppStore((s) => s.profiles);
  const actions = profiles.filter((p) => p.role === 'action').map((p) => p.name);
  switch (config.modelKind) {
    case 'logistic-regression':
      return <CrossesEditor />;
    case 'gbdt':
      return <GbdtSettings />;
    case 'mlp':
      return <NetworkSettings withSharing />;
    case 'wide-deep':
      return (
        <>
          <NetworkSettings withSharing={false} layersLabel="Deep part: hidden layers (comma separated)" />
          <CrossesEditor />
        </>
      );
    case 'mmoe':
      return (
        <div className="row">
          <NetworkSettings withSharing={false} layersLabel="Each expert: hidden layers (comma separated)" />
          <NumberField label="Experts" value={config.experts} min={1} max={16} step={1} onChange={(v) => setConfig({ experts: Math.round(v) })} />
        </div>
      );
    case 'two-tower':
      return (
        <>
          <NetworkSettings withSharing={false} layersLabel="Each tower: hidden layers (comma separated)" />
          <div className="row">
            <SelectField<TrainConfig['towerMode']>
              label="Training objective"
              value={config.towerMode}
              onChange={(towerMode) => setConfig({ towerMode })}
              options={[
                { value: 'ranking', label: 'ranking: binary cross-entropy on every impression' },
                { value: 'retrieval', label: 'retrieval: in-batch softmax over positives with logQ correction' },
              ]}
            />
            <NumberField label="k of recall@k" value={config.retrievalK} min={1} max={1000} step={5} onChange={(v) => setConfig({ retrievalK: Math.round(v) })} />
          </div>
          <KeyColumns item />
          <p className="muted">
            Columns whose value never changes within an item (its category, its length) go to the item tower; the rest to the query tower. The split used is listed after training.
            {config.towerMode === 'retrieval' && ' Retrieval scores are no probabilities: each head gets a Platt map fitted on validation rows (cross-fitted) before it is shown or blended.'}
          </p>
        </>
      );
    case 'sequence':
      return (
        <>
          <NetworkSettings withSharing={false} />
          <div className="row">
            <NumberField label="History length" value={config.historyLength} min={1} max={100} step={1} onChange={(v) => setConfig({ historyLength: Math.round(v) })} />
            <SelectField<TrainConfig['historyPooling']>
              label="Pooling"
              value={config.historyPooling}
              onChange={(historyPooling) => setConfig({ historyPooling })}
              options={[
                { value: 'attention', label: 'attention against the candidate item (DIN)' },
                { value: 'mean', label: 'mean of the previous items' },
              ]}
            />
            <SelectField label="History made of" value={config.historyAction ?? ALL} options={[ALL, ...new Set([...targets, ...actions])]} onChange={(v) => setConfig({ historyAction: v === ALL ? null : v })} />
          </div>
          <KeyColumns user item time />
        </>
      );
    case 'lightgcn':
      return (
        <>
          {config.graphScoring === 'mlp' && <NetworkSettings withSharing={false} />}
          {config.graphScoring === 'dot' && <NumberField label="Embedding size" value={config.embeddingDim} min={1} max={64} step={1} onChange={(v) => setConfig({ embeddingDim: Math.round(v) })} />}
          <div className="row">
            <NumberField label="Propagation layers" value={config.graphLayers} min={1} max={3} step={1} onChange={(v) => setConfig({ graphLayers: Math.round(v) })} />
            <SelectField<TrainConfig['graphScoring']>
              label="Scoring"
              value={config.graphScoring}
              onChange={(graphScoring) => setConfig({ graphScoring })}
              options={[
                { value: 'dot', label: 'dot product of user and item (collaborative filtering)' },
                { value: 'mlp', label: 'graph embeddings fed into the MLP with every feature' },
              ]}
            />
            <SelectField label="Edges from positives of" value={config.graphAction ?? targets[0] ?? ''} options={targets.length ? targets : ['']} onChange={(v) => setConfig({ graphAction: v })} />
          </div>
          <KeyColumns user item />
        </>
      );
  }
}
