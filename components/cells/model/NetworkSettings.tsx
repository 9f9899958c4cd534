'use client';
import { useId, useState } from 'react';
import { TrainConfigSchema } from '@/lib/train/config';
import { useAppStore } from '@/lib/store';
import { NumberField } from '../../ui/NumberField';
import { SelectField } from '../../ui/SelectField';

/** Hidden layers and embedding size of any neural model; optionally one network or one per action. */
export function NetworkSettings({ withSharing, layersLabel = 'Hidden layers (sizes, comma separated)' }: { withSharing: boolean; layersLabel?: string }) {
  const config = useAppStore((s) => s.config);
  const setConfig = useAppStore((s) => s.setConfig);
  const id = useId();
  const [layersText, setLayersText] = useState(config.hiddenLayers.join(', '));
  const [problem, setProblem] = useState<string | null>(null);
  const applyLayers = (text: string) => {
    setLayersText(text);
    const sizes = text.split(',').map((t) => Number(t.trim()));
    const parsed = TrainConfigSchema.shape.hiddenLayers.safeParse(sizes.some((n) => Number.isNaN(n)) ? [0] : sizes);
    if (parsed.success) {
      setProblem(null);
      setConfig({ hiddenLayers: parsed.data });
    } else setProblem(`${parsed.error.issues[0].message}, got "${text}"`);
  };
  return (
    <div className="row" data-testid="network-settings">
      <div className="field">
        <label htmlFor={id}>{layersLabel}</label>
        <input id={id} value={layersText} onChange={(e) => applyLayers(e.target.value)} aria-invalid={problem !== null} aria-describedby={problem ? `${id}-problem` : undefined} style={{ width: 160 }} />
        {problem && (
          <span id={`${id}-problem`} className="down" role="alert">
            {problem}
          </span>
        )}
      </div>
      <NumberField label="Embedding size" value={config.embeddingDim} min={1} max={64} step={1} onChange={(v) => setConfig({ embeddingDim: Math.round(v) })} />
      {withSharing && (
        <SelectField<'shared-bottom' | 'separate'>
          label="Heads"
          value={config.sharing}
          onChange={(sharing) => setConfig({ sharing })}
          options={[
            { value: 'shared-bottom', label: 'one multi-task network, a head per action (shared bottom)' },
            { value: 'separate', label: 'one separate network per action' },
          ]}
        />
      )}
    </div>
  );
}
