'use client';
import { useMemo, useState } from 'react';
import { useAppStore } from '@/lib/store';
import { rankingOutcome } from '@/lib/value/outcomes';
import { topKPerSlate, topListOverlap } from '@/lib/value/rerank';
import { valueScores } from '@/lib/value/value';
import type { ValueModelView } from './useValueModel';

const pct = (v: number) => (Number.isFinite(v) ? `${(v * 100).toFixed(2)}%` : '—');

/**
 * The same weights on uncalibrated outputs: a head trained on a share w of its negatives outputs
 * odds about 1/w too high, so without recalibration its weight is silently multiplied by ~1/w.
 */
export function CalibrationComparison({ view, k, calibrationRates }: { view: ValueModelView; k: number; calibrationRates: number[] }) {
  const [open, setOpen] = useState(false);
  return (
    <details data-testid="calibration-comparison" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Calibration off: the same weights on uncalibrated outputs</summary>
      {open && <Comparison view={view} k={k} calibrationRates={calibrationRates} />}
    </details>
  );
}

/** A second full re-rank on every weight move: computed only while the panel is open. */
function Comparison({ view, k, calibrationRates }: { view: ValueModelView; k: number; calibrationRates: number[] }) {
  const weights = useAppStore((s) => s.weights);
  const weightKey = view.tasks.map((t) => weights[t] ?? 0).join(',');
  const { outcome, lists, index, raw, labels } = view;
  const uncalibrated = useMemo(() => {
    const w = weightKey.split(',').map(Number);
    const uncalibratedLists = topKPerSlate(index, valueScores(raw, w), k);
    return { outcome: rankingOutcome(index, uncalibratedLists, labels, w), overlap: topListOverlap(lists, uncalibratedLists) };
  }, [index, raw, labels, lists, weightKey, k]);
  return (
    <>
      <p>
        The top {k} shares <strong data-testid="calibration-overlap">{pct(uncalibrated.overlap)}</strong> of its impressions with the calibrated ranking.
        {calibrationRates.some((r) => r !== 1) && (
          <> Heads trained on sampled negatives ({view.tasks.filter((_, a) => calibrationRates[a] !== 1).map((t) => `${t}: w/k = ${calibrationRates[view.tasks.indexOf(t)]}`).join(', ')}) weigh about 1/w too much without it.</>
        )}
      </p>
      <table className="grid" aria-label={`Top ${k} rates with and without recalibration`}>
        <thead>
          <tr>
            <th>action</th>
            <th className="num">top {k}, calibrated</th>
            <th className="num">top {k}, uncalibrated</th>
            <th className="num">difference</th>
          </tr>
        </thead>
        <tbody>
          {view.tasks.map((t, a) => (
            <tr key={t}>
              <td>{t}</td>
              <td className="num">{pct(outcome.topKRate[a])}</td>
              <td className="num">{pct(uncalibrated.outcome.topKRate[a])}</td>
              <td className="num">{((uncalibrated.outcome.topKRate[a] - outcome.topKRate[a]) * 100).toFixed(2)} pts</td>
            </tr>
          ))}
          <tr>
            <td>value captured (Σ w·y)</td>
            <td className="num">{outcome.valueInTopK.toFixed(1)}</td>
            <td className="num">{uncalibrated.outcome.valueInTopK.toFixed(1)}</td>
            <td className="num">{(uncalibrated.outcome.valueInTopK - outcome.valueInTopK).toFixed(1)}</td>
          </tr>
        </tbody>
      </table>
    </>
  );
}
