'use client';
import { useAppStore } from '@/lib/store';
import { CellFrame } from '../../notebook/CellFrame';
import { NumberField } from '../../ui/NumberField';
import { KeepRateSlider } from './KeepRateSlider';
import { SamplingSummaryTable } from './SamplingSummaryTable';
import { SplitControls } from './SplitControls';
import { Term } from '../../ui/Term';

/** Sampling cell: seeded split, share of rows used, and per-action negative downsampling. */
export function SamplingCell() {
  const sampling = useAppStore((s) => s.sampling);
  const targets = useAppStore((s) => s.targets);
  const profiles = useAppStore((s) => s.profiles);
  const setSampling = useAppStore((s) => s.setSampling);
  const setKeepRate = useAppStore((s) => s.setKeepRate);
  const setUpsample = useAppStore((s) => s.setUpsample);
  const hasUser = useAppStore((s) => s.userColumn !== null);
  const skip = useAppStore((s) => s.skipRecalibration);
  const setSkip = useAppStore((s) => s.setSkipRecalibration);
  return (
    <CellFrame id="sampling" title="3 · Sampling">
      <p className="explain">
        For a rare action a model that always says &ldquo;no&rdquo; is almost always right and useless. Dropping negatives (or weighting
        positives up) forces it to learn what makes positives special.
      </p>
      <p className="explain">
        Each head sees its own sampled rows, so one multi-task model can keep 5% of one action&rsquo;s negatives and all of another&rsquo;s.
        Each head is then recalibrated with its own rate — q = p / (p + (1 − p)·k/w) for <Term term="keep rate" /> w and positive weight k — before its
        probabilities are shown or used; validation rows are never sampled.
      </p>
      <div className="row">
        <SplitControls />
        <NumberField label="Seed" value={sampling.seed} min={0} max={2 ** 31 - 1} step={1} onChange={(seed) => setSampling({ seed })} />
        <NumberField label="Validation share" value={sampling.validationFraction} min={0.05} max={0.5} step={0.05} onChange={(validationFraction) => setSampling({ validationFraction })} />
        <NumberField label="Share of rows used" value={sampling.rowFraction} min={0.001} max={1} step={0.05} onChange={(rowFraction) => setSampling({ rowFraction })} />
      </div>
      <div className="row" style={{ marginTop: 8 }}>
        <label className="row" style={{ gap: 6 }}>
          <input type="checkbox" checked={sampling.dropDuplicates} onChange={(e) => setSampling({ dropDuplicates: e.target.checked })} />
          remove exact duplicate impressions
        </label>
        <label className="row" style={{ gap: 6 }}>
          <input type="checkbox" checked={sampling.dropMissingLabels} onChange={(e) => setSampling({ dropMissingLabels: e.target.checked })} />
          skip rows whose label is missing (else they count as negatives)
        </label>
        <label className="row" style={{ gap: 6 }}>
          <input type="checkbox" disabled={!hasUser} checked={sampling.capPerUser !== null} onChange={(e) => setSampling({ capPerUser: e.target.checked ? 200 : null })} />
          cap training impressions per user{!hasUser && ' (needs a user id column)'}
        </label>
        {sampling.capPerUser !== null && <NumberField label="Impressions per user at most" value={sampling.capPerUser} min={1} max={1_000_000} step={10} onChange={(v) => setSampling({ capPerUser: Math.round(v) })} />}
      </div>
      <div className="weights" style={{ marginTop: 12 }}>
        {targets.map((t) => (
          <KeepRateSlider
            key={t}
            action={t}
            positiveRate={profiles.find((p) => p.name === t)?.positiveRate ?? 0}
            rate={sampling.keepRates[t] ?? 1}
            upsample={sampling.upsample[t] ?? 1}
            onChange={(r) => setKeepRate(t, r)}
            onUpsample={(k) => setUpsample(t, k)}
          />
        ))}
      </div>
      <label className="row" style={{ gap: 6, marginTop: 10 }}>
        <input type="checkbox" checked={skip} onChange={(e) => setSkip(e.target.checked)} aria-describedby="recalibration-note" />
        Skip recalibration (use the raw, sampled-space outputs everywhere: Evaluate, the Value cell, scored files — to show what breaks)
      </label>
      <p className="muted" id="recalibration-note">
        {skip
          ? 'Off: a head trained on a share w of its negatives over-predicts by about 1/w, and in the value model its weight is silently multiplied by about 1/w.'
          : 'On: q = p / (p + (1 − p)·k/w) per head, applied wherever a probability is shown, blended or exported.'}
      </p>
      <SamplingSummaryTable />
    </CellFrame>
  );
}
