'use client';
import { useState } from 'react';
import { useAppStore } from '@/lib/store';
import { parseSweepValues, SWEEPABLE, type SweepParameter } from '@/lib/train/sweep';
import { NumberField } from '../../ui/NumberField';
import { SelectField } from '../../ui/SelectField';

const NAMES = Object.keys(SWEEPABLE) as SweepParameter[];

/** A grid or random sweep over chosen parameters of the current settings, run one after another. */
export function SweepPanel() {
  const sweep = useAppStore((s) => s.sweep);
  const sweepError = useAppStore((s) => s.sweepError);
  const running = useAppStore((s) => s.run?.status === 'running');
  const startSweep = useAppStore((s) => s.startSweep);
  const cancelSweep = useAppStore((s) => s.cancelSweep);
  const [chosen, setChosen] = useState<Partial<Record<SweepParameter, string>>>({ learningRate: '0.01, 0.05, 0.2' });
  const [mode, setMode] = useState<'grid' | 'random'>('grid');
  const [adding, setAdding] = useState<SweepParameter>('batchSize');
  const [budget, setBudget] = useState(6);
  const parsed = Object.entries(chosen).map(([name, text]) => ({ name: name as SweepParameter, values: parseSweepValues(name as SweepParameter, text ?? '') }));
  const problem = parsed.length === 0 ? 'choose at least one parameter' : (parsed.find((p) => typeof p.values === 'string')?.values as string | undefined) ?? null;
  const size = parsed.reduce((n, p) => n * (Array.isArray(p.values) ? p.values.length : 0), 1);
  return (
    <details data-testid="sweep-panel">
      <summary>Sweep parameters</summary>
      <p className="muted">Each run uses the current settings with the swept values changed; runs go one after another and land in the runs table of the Evaluate cell.</p>
      <div className="row">
        <SelectField<SweepParameter> label="Parameter to sweep" value={adding} onChange={setAdding} options={NAMES.map((n) => ({ value: n, label: SWEEPABLE[n].label }))} />
        <button className="secondary" disabled={chosen[adding] !== undefined} onClick={() => setChosen((c) => ({ ...c, [adding]: '' }))}>
          Add parameter
        </button>
      </div>
      <div className="row" style={{ marginTop: 8 }}>
        {Object.keys(chosen).map((name) => (
          <div className="field" key={name}>
            <label htmlFor={`sweep-${name}`}>Values of {SWEEPABLE[name as SweepParameter].label} (comma separated)</label>
            <div className="row" style={{ gap: 6 }}>
              <input id={`sweep-${name}`} value={chosen[name as SweepParameter]} onChange={(e) => setChosen((c) => ({ ...c, [name]: e.target.value }))} />
              <button className="secondary" aria-label={`Stop sweeping ${SWEEPABLE[name as SweepParameter].label}`} onClick={() => setChosen((c) => Object.fromEntries(Object.entries(c).filter(([k]) => k !== name)))}>
                Remove
              </button>
            </div>
          </div>
        ))}
        <SelectField<'grid' | 'random'>
          label="Sweep mode"
          value={mode}
          onChange={setMode}
          options={[
            { value: 'grid', label: 'grid (every combination, in order)' },
            { value: 'random', label: 'random (distinct combinations)' },
          ]}
        />
        <NumberField label="Run budget" value={budget} min={1} max={24} step={1} onChange={(v) => setBudget(Math.round(v))} />
      </div>
      <div className="row" style={{ marginTop: 8 }}>
        <button disabled={running || sweep !== null || problem !== null} onClick={() => startSweep({ mode, budget, seed: 1, parameters: parsed.map((p) => ({ name: p.name, values: p.values as number[] })) })}>
          Run sweep ({Math.min(budget, size)} of {size} combinations)
        </button>
        <button className="secondary" disabled={sweep === null} onClick={cancelSweep}>
          Cancel sweep after this run
        </button>
        {sweep && (
          <span data-testid="sweep-progress">
            sweep run {sweep.next} of {sweep.points.length}
          </span>
        )}
      </div>
      {(problem || sweepError) && (
        <p className="down" role="alert">
          {sweepError ?? problem}
        </p>
      )}
    </details>
  );
}
