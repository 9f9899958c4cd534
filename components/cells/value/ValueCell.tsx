'use client';
import { useAppStore } from '@/lib/store';
import { formatFormula } from '@/lib/value/value';
import { CellFrame } from '../../notebook/CellFrame';
import { NumberField } from '../../ui/NumberField';
import { SlatePicker } from './SlatePicker';
import { TopKTable } from './TopKTable';
import { useValueModel } from './useValueModel';
import { WeightSliders } from './WeightSliders';

/** Value model cell: weights → formula → re-ranked slates and top-K outcomes, all without retraining. */
export function ValueCell() {
  const run = useAppStore((s) => s.run);
  const weights = useAppStore((s) => s.weights);
  const topK = useAppStore((s) => s.topK);
  const setTopK = useAppStore((s) => s.setTopK);
  const skip = useAppStore((s) => s.skipRecalibration);
  const usable = run?.predictions ? run : null;
  const view = useValueModel(usable, weights, topK, skip);
  return (
    <CellFrame id="value" title="7 · Value model">
      <p className="explain">
        score = Σ w · p(action), with each p recalibrated for its head&rsquo;s sampling. Blending actions rewards more than clicks (click
        alone favours clickbait); a large negative weight on a harmful action keeps it out of the top of the slate. Moving a weight re-ranks
        every held-out slate at once, from cached predictions.
      </p>
      {!view || !usable ? (
        <p className="muted">Train a model to blend its predictions here.</p>
      ) : (
        <>
          <WeightSliders tasks={view.tasks} />
          {skip && usable.predictions && (
            <p className="alert" role="note" data-testid="effective-weights">
              Recalibration is off: the raw outputs of downsampled heads are inflated by about 1/w, so the weights in force are about{' '}
              {view.tasks.map((t, i) => `${t}: ${formatEffective((weights[t] ?? 0) / usable.predictions!.calibrationRates[i])}`).join(', ')}.
            </p>
          )}
          <p>
            <span className="formula" data-testid="formula">
              score = {formatFormula(view.tasks, view.tasks.map((t) => weights[t] ?? 0))}
            </span>
          </p>
          <div className="row">
            <NumberField label="Top K per user" value={topK} min={1} max={100} step={1} onChange={(k) => setTopK(Math.round(k))} />
          </div>
          <TopKTable tasks={view.tasks} outcome={view.outcome} k={topK} slates={view.slates.length} />
          <SlatePicker run={usable} view={view} />
        </>
      )}
    </CellFrame>
  );
}

function formatEffective(w: number): string {
  return Math.abs(w) >= 100 ? w.toFixed(0) : w.toPrecision(3);
}
