'use client';
import { keepPresets, MIN_KEEP_RATE } from '@/lib/sampling/presets';
import { positiveShareAfterSampling } from '@/lib/sampling/sample';

const MIN_LOG = -2; // keep rate 0.01
/** Slider position 0..200 ↔ keep rate 10^(−2 … 0): log scale, so 0.01–0.1 is as easy to set as 0.1–1. */
const toRate = (position: number) => Math.pow(10, MIN_LOG + (position / 200) * -MIN_LOG);
const toPosition = (rate: number) => Math.round(((Math.log10(rate) - MIN_LOG) / -MIN_LOG) * 200);
const clampRate = (rate: number) => Math.min(1, Math.max(MIN_KEEP_RATE, Number(rate.toPrecision(3))));

/** Negative keep rate and positive weight for one action, with presets and the positive share they produce. */
export function KeepRateSlider({ action, positiveRate, rate, upsample, onChange, onUpsample }: { action: string; positiveRate: number; rate: number; upsample: number; onChange(rate: number): void; onUpsample(k: number): void }) {
  const share = positiveShareAfterSampling(positiveRate, rate, upsample);
  const id = `keep-${action}`;
  // Presets: negatives kept so that positives : negatives is 1:1 or 1:10, saying so where the range cannot.
  const presets = keepPresets(positiveRate);
  const notes = presets.filter((p) => p.note);
  return (
    <div className="field" data-testid={`keep-rate-${action}`}>
      <label htmlFor={id}>
        <strong>{action}</strong>: keep {formatRate(rate)} of negatives
      </label>
      <input id={id} type="range" min={0} max={200} step={1} value={toPosition(rate)} aria-valuetext={`keep rate ${formatRate(rate)}`} onChange={(e) => onChange(clampRate(toRate(Number(e.target.value))))} />
      <span className="row" style={{ gap: 6 }}>
        {presets.map((p) => (
          <button key={p.name} className="secondary" style={{ padding: '2px 8px' }} aria-label={`${action}: ${p.name}`} onClick={() => onChange(p.rate)}>
            {p.name}
          </button>
        ))}
        <label className="row" style={{ gap: 4 }}>
          positive weight
          <input
            type="number"
            aria-label={`positive weight (upsampling) for ${action}`}
            min={1}
            max={100}
            step={1}
            value={upsample}
            style={{ width: 56 }}
            onChange={(e) => {
              const k = Number(e.target.value);
              if (Number.isFinite(k) && k >= 1 && k <= 100) onUpsample(k);
            }}
          />
        </label>
      </span>
      {notes.map((p) => (
        <span key={p.name} className="muted" data-testid={`preset-note-${action}`}>
          {p.name}: {p.note}
        </span>
      ))}
      <span className="muted" data-testid={`positive-share-${action}`}>
        positives: {(positiveRate * 100).toFixed(2)}% of rows → {(share * 100).toFixed(1)}% of what this head trains on
      </span>
    </div>
  );
}

function formatRate(rate: number): string {
  return rate >= 0.995 ? 'all' : `${(rate * 100).toPrecision(2)}%`;
}
