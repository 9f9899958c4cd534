'use client';
import dynamic from 'next/dynamic';
import { useDeferredValue } from 'react';
import { useAppStore } from '@/lib/store';
import { useProbabilityMode } from '../evaluate/useProbabilityMode';
import type { SlateGrouping } from '@/lib/value/slateKeys';
import { formatFormula } from '@/lib/value/value';
import { CellFrame } from '../../notebook/CellFrame';
import { NumberField } from '../../ui/NumberField';
import { SelectField } from '../../ui/SelectField';
import { CalibrationComparison } from './CalibrationComparison';
import { FormulaExport } from './FormulaExport';
import { PytorchExport } from './PytorchExport';
import { NormalisationPanel } from './NormalisationPanel';
import { OutcomeTable } from './OutcomeTable';
import { PresetPanel } from './PresetPanel';
import { SlatePicker } from './SlatePicker';
import { useValueModel } from './useValueModel';
import { WeightSliders } from './WeightSliders';

// The frontier chart is recharts: loaded on demand (components/charts/lazy.tsx).
const FrontierPanel = dynamic(() => import('./FrontierPanel').then((m) => m.FrontierPanel), { ssr: false });

/** Value model cell: weights → formula → re-ranked slates and their outcomes, all without retraining. */
export function ValueCell() {
  // Only a run with predictions: the whole run would re-render this cell at every training event.
  // Deferred: a finished run's slates are indexed and ranked in a render of their own, after the one
  // that ends the run, so neither holds the page for long.
  const usable = useDeferredValue(useAppStore((s) => (s.run?.predictions ? s.run : null)));
  const weights = useAppStore((s) => s.weights);
  const topK = useAppStore((s) => s.topK);
  const setTopK = useAppStore((s) => s.setTopK);
  const mode = useProbabilityMode();
  const skipRecalibration = mode.skipRecalibration;
  const normalised = useAppStore((s) => s.normalised);
  const grouping = useAppStore((s) => s.slateGrouping);
  const setGrouping = useAppStore((s) => s.setSlateGrouping);
  const view = useValueModel(usable, weights, topK, { mode, normalised, grouping });
  return (
    <CellFrame id="value" title="7 · Value model">
      <p className="explain">
        score = Σ w · p(action), with each p recalibrated for its head&rsquo;s sampling. Blending actions rewards more than clicks (click alone favours clickbait);
        a large negative weight on a harmful action keeps it out of the top of the slate. Moving a weight re-scores and re-ranks every held-out slate at once,
        from cached predictions: nothing is retrained.
      </p>
      {!view || !usable ? (
        <p className="muted">Train a model to blend its predictions here.</p>
      ) : (
        <>
          <PresetPanel tasks={view.tasks} />
          <WeightSliders tasks={view.tasks} />
          {skipRecalibration && (
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
          <FormulaExport run={usable} tasks={view.tasks} />
          <PytorchExport run={usable} />
          <div className="row">
            <NumberField label="Top K per slate" value={topK} min={1} max={100} step={1} onChange={(k) => setTopK(Math.round(k))} />
            <SelectField<SlateGrouping>
              label="Slates"
              value={grouping}
              onChange={setGrouping}
              options={[
                { value: 'user', label: 'held-out impressions of one user' },
                ...(usable.spec.timeColumn
                  ? [
                      { value: 'user-day' as const, label: `one user in one day (${usable.spec.timeColumn})` },
                      { value: 'user-hour' as const, label: `one user in one hour (${usable.spec.timeColumn})` },
                    ]
                  : []),
              ]}
            />
          </div>
          <OutcomeTable tasks={view.tasks} outcome={view.outcome} clickOnly={view.clickOnly} clickTask={view.clickTask} k={topK} slates={view.index.keys.length} />
          <FrontierPanel view={view} k={topK} />
          <CalibrationComparison view={view} k={topK} calibrationRates={usable.predictions!.calibrationRates} />
          <NormalisationPanel view={view} hasUsers={Boolean(usable.spec.userColumn)} />
          <SlatePicker run={usable} view={view} />
        </>
      )}
    </CellFrame>
  );
}

function formatEffective(w: number): string {
  return Math.abs(w) >= 100 ? w.toFixed(0) : w.toPrecision(3);
}
