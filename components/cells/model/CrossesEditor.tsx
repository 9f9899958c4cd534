'use client';
import { useState } from 'react';
import { useAppStore } from '@/lib/store';
import { NumberField } from '../../ui/NumberField';
import { SelectField } from '../../ui/SelectField';

/** Hashed feature crosses of two id or category columns, read by the linear (wide) part. */
export function CrossesEditor() {
  const config = useAppStore((s) => s.config);
  const setConfig = useAppStore((s) => s.setConfig);
  const features = useAppStore((s) => s.features);
  const columns = features.filter((f) => f.encoding === 'embedding').map((f) => f.column);
  const [a, setA] = useState('');
  const [b, setB] = useState('');
  const first = a || columns[0] || '';
  const second = b || columns.find((c) => c !== first) || '';
  const duplicate = config.crosses.some(([x, y]) => (x === first && y === second) || (x === second && y === first));
  const problem = columns.length < 2 ? 'turn on at least two id or category columns (embedding) to cross them' : first === second ? 'a cross needs two different columns' : duplicate ? 'this cross is already in the list' : config.crosses.length >= 8 ? 'at most 8 crosses' : null;
  return (
    <fieldset className="derived" data-testid="crosses">
      <legend>Hashed feature crosses (wide part)</legend>
      <p className="muted">
        A cross gives every pair of values (e.g. this user × this category) its own weight, hashed into {config.crossBuckets.toLocaleString()} buckets per cross — what a linear model needs to memorise
        interactions.
      </p>
      <ul>
        {config.crosses.map(([x, y], i) => (
          <li key={`${x}-${y}`}>
            {x} × {y}{' '}
            <button className="secondary" aria-label={`Remove the cross ${x} × ${y}`} onClick={() => setConfig({ crosses: config.crosses.filter((_, k) => k !== i) })}>
              Remove
            </button>
          </li>
        ))}
        {config.crosses.length === 0 && <li className="muted">no crosses</li>}
      </ul>
      <div className="row">
        <SelectField label="Cross column A" value={first} onChange={setA} options={columns.length ? columns : ['']} />
        <SelectField label="Cross column B" value={second} onChange={setB} options={columns.length ? columns : ['']} />
        <button onClick={() => setConfig({ crosses: [...config.crosses, [first, second]] })} disabled={problem !== null}>
          Add cross
        </button>
        <NumberField label="Buckets per cross" value={config.crossBuckets} min={16} max={1_000_000} step={1024} onChange={(v) => setConfig({ crossBuckets: Math.round(v) })} />
      </div>
      {problem && config.crosses.length < 8 && <p className="muted">{problem}</p>}
    </fieldset>
  );
}
