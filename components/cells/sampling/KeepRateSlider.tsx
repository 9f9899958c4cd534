'use client';
import { positiveShareAfterSampling } from '@/lib/sampling/sample';

const MIN_LOG = -2; // keep rate 0.01
/** Slider position 0..200 ↔ keep rate 10^(−2 … 0): log scale, so 0.01–0.1 is as easy to set as 0.1–1. */
const toRate = (position: number) => Math.pow(10, MIN_LOG + (position / 200) * -MIN_LOG);
const toPosition = (rate: number) => Math.round(((Math.log10(rate) - MIN_LOG) / -MIN_LOG) * 200);

/** Negative keep-rate control for one action, with the positive share it produces. */
export function KeepRateSlider({ action, positiveRate, rate, onChange }: { action: string; positiveRate: number; rate: number; onChange(rate: number): void }) {
  const share = positiveShareAfterSampling(positiveRate, rate);
  const id = `keep-${action}`;
  return (
    <div className="field" data-testid={`keep-rate-${action}`}>
      <label htmlFor={id}>
        <strong>{action}</strong>: keep {formatRate(rate)} of negatives
      </label>
      <input
        id={id}
        type="range"
        min={0}
        max={200}
        step={1}
        value={toPosition(rate)}
        aria-valuetext={`keep rate ${formatRate(rate)}`}
        onChange={(e) => onChange(Number(toRate(Number(e.target.value)).toPrecision(3)))}
      />
      <span className="muted" data-testid={`positive-share-${action}`}>
        positives: {(positiveRate * 100).toFixed(2)}% of rows → {(share * 100).toFixed(1)}% of what this head trains on
      </span>
    </div>
  );
}

function formatRate(rate: number): string {
  return rate >= 0.995 ? 'all' : `${(rate * 100).toPrecision(2)}%`;
}
