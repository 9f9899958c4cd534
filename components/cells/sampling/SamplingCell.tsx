'use client';
import { useAppStore } from '@/lib/store';
import { CellFrame } from '../../notebook/CellFrame';
import { NumberField } from '../../ui/NumberField';
import { KeepRateSlider } from './KeepRateSlider';
import { SplitControls } from './SplitControls';

/** Sampling cell: seeded split, share of rows used, and per-action negative downsampling. */
export function SamplingCell() {
  const sampling = useAppStore((s) => s.sampling);
  const targets = useAppStore((s) => s.targets);
  const profiles = useAppStore((s) => s.profiles);
  const setSampling = useAppStore((s) => s.setSampling);
  const setKeepRate = useAppStore((s) => s.setKeepRate);
  return (
    <CellFrame id="sampling" title="3 · Sampling">
      <p className="explain">
        For a rare action a model that always says &ldquo;no&rdquo; is almost always right and useless. Dropping negatives forces it to learn
        what makes positives special. Each head sees its own sampled rows, and its predictions are recalibrated with its own keep rate w
        (q = p / (p + (1 − p)/w)) before they are shown or used. Validation rows are never downsampled.
      </p>
      <div className="row">
        <SplitControls />
        <NumberField label="Seed" value={sampling.seed} min={0} max={2 ** 31 - 1} step={1} onChange={(seed) => setSampling({ seed })} />
        <NumberField label="Validation share" value={sampling.validationFraction} min={0.05} max={0.5} step={0.05} onChange={(validationFraction) => setSampling({ validationFraction })} />
        <NumberField label="Share of rows used" value={sampling.rowFraction} min={0.001} max={1} step={0.05} onChange={(rowFraction) => setSampling({ rowFraction })} />
      </div>
      <div className="weights" style={{ marginTop: 12 }}>
        {targets.map((t) => (
          <KeepRateSlider key={t} action={t} positiveRate={profiles.find((p) => p.name === t)?.positiveRate ?? 0} rate={sampling.keepRates[t] ?? 1} onChange={(r) => setKeepRate(t, r)} />
        ))}
      </div>
    </CellFrame>
  );
}
