'use client';
import { useState } from 'react';
import { MAX_SYNTHETIC_ROWS } from '@/lib/data/synthetic';
import { useAppStore } from '@/lib/store';
import { NumberField } from '../../ui/NumberField';

/** Generate the synthetic shop log, whose true probabilities let predictions be checked against the truth. */
export function SyntheticPanel() {
  const [rows, setRows] = useState(50_000);
  const [seed, setSeed] = useState(1);
  const loadSynthetic = useAppStore((s) => s.loadSynthetic);
  const busy = useAppStore((s) => s.dataLoading !== null);
  return (
    <details data-testid="synthetic-panel">
      <summary>Or generate a synthetic shop log (true probabilities known)</summary>
      <p className="explain">
        Users and items with latent tastes; a funnel click → add to cart → buy; a favourite that 30% of users never give; a rare report
        driven by a few bad items; a position effect on clicks; prices by category and tag lists. Every row keeps the true probability of
        each action.
      </p>
      <div className="row">
        <NumberField label="Rows" value={rows} min={1000} max={MAX_SYNTHETIC_ROWS} step={10000} onChange={(v) => setRows(Math.round(v))} />
        <NumberField label="Generator seed" value={seed} min={0} max={2 ** 31 - 1} step={1} onChange={(v) => setSeed(Math.round(v))} />
        <button disabled={busy} onClick={() => void loadSynthetic(rows, seed)}>
          Generate
        </button>
      </div>
    </details>
  );
}
