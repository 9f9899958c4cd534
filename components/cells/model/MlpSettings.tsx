'use client';
import { useState } from 'react';
import { TrainConfigSchema } from '@/lib/train/config';
import { useAppStore } from '@/lib/store';
import { NumberField } from '../../ui/NumberField';
import { SelectField } from '../../ui/SelectField';

/** Hidden layers, embedding size, and one multi-task network or one network per action. */
export function MlpSettings() {
  const config = useAppStore((s) => s.config);
  const setConfig = useAppStore((s) => s.setConfig);
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
    <div className="row" data-testid="mlp-settings">
      <div className="field">
        <label htmlFor="hidden-layers">Hidden layers (sizes, comma separated)</label>
        <input id="hidden-layers" value={layersText} onChange={(e) => applyLayers(e.target.value)} aria-invalid={problem !== null} style={{ width: 160 }} />
        {problem && (
          <span className="down" role="alert">
            {problem}
          </span>
        )}
      </div>
      <NumberField label="Embedding size" value={config.embeddingDim} min={1} max={64} step={1} onChange={(v) => setConfig({ embeddingDim: Math.round(v) })} />
      <SelectField<'shared-bottom' | 'separate'>
        label="Heads"
        value={config.sharing}
        onChange={(sharing) => setConfig({ sharing })}
        options={[
          { value: 'shared-bottom', label: 'one multi-task network, a head per action (shared bottom)' },
          { value: 'separate', label: 'one separate network per action' },
        ]}
      />
    </div>
  );
}
