'use client';
import { useState } from 'react';
import { useAppStore } from '@/lib/store';
import { PRESETS, mapPreset, weightsFromMapping, type MappingRow, type PresetId } from '@/lib/value/presets';
import { SelectField } from '../../ui/SelectField';

/** Choose a preset, see (and edit) how its kinds of action map onto this dataset's actions, apply it. */
export function PresetPanel({ tasks }: { tasks: string[] }) {
  const setWeights = useAppStore((s) => s.setWeights);
  const [presetId, setPresetId] = useState<PresetId>('guide-example');
  const preset = PRESETS.find((p) => p.id === presetId)!;
  const [mapping, setMapping] = useState<{ id: PresetId; tasks: string[]; rows: MappingRow[] }>(() => ({ id: presetId, tasks, rows: mapPreset(preset, tasks) }));
  // A new preset or a new set of actions starts from the automatic mapping ("previous props in state").
  if (mapping.id !== presetId || mapping.tasks !== tasks) setMapping({ id: presetId, tasks, rows: mapPreset(preset, tasks) });
  const rows = mapping.rows;
  const edit = (i: number, patch: Partial<MappingRow>) => setMapping({ ...mapping, rows: rows.map((r, j) => (j === i ? { ...r, ...patch } : r)) });
  return (
    <details className="preset-panel" data-testid="preset-panel">
      <summary>Presets</summary>
      <div className="row">
        <SelectField<PresetId> label="Preset" value={presetId} onChange={setPresetId} options={PRESETS.map((p) => ({ value: p.id, label: p.label }))} />
        <span className="muted">from {preset.source}</span>
      </div>
      <table className="grid" aria-label={`How the ${preset.label} preset maps onto this dataset's actions`} data-testid="preset-mapping">
        <thead>
          <tr>
            <th>kind of action</th>
            <th className="num">weight</th>
            <th>action in this data</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={`${row.concept}-${i}`}>
              <td>{row.concept}</td>
              <td className="num">
                <input
                  type="number"
                  step="any"
                  aria-label={`preset weight for ${row.concept}`}
                  value={row.weight}
                  onChange={(e) => Number.isFinite(Number(e.target.value)) && e.target.value.trim() !== '' && edit(i, { weight: Number(e.target.value) })}
                />
              </td>
              <td>
                <select aria-label={`action for ${row.concept}`} value={row.action ?? ''} onChange={(e) => edit(i, { action: e.target.value || null })}>
                  <option value="">(none: left out)</option>
                  {tasks.map((t) => (
                    <option key={t} value={t}>
                      {t}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">Kinds of action mapped to the same action add up; actions nothing maps to get weight 0.</p>
      <button onClick={() => setWeights(weightsFromMapping(rows, tasks))}>Apply preset</button>
    </details>
  );
}
