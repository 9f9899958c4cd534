'use client';
import { useAppStore } from '@/lib/store';
import type { RunView } from '@/lib/store/runSlice';
import { formulaFile, formulaText } from '@/lib/value/exportFormula';
import { downloadText } from '../../ui/download';

/** Save the value formula as JSON (for a pipeline) or text (for a design doc). */
export function FormulaExport({ run, tasks }: { run: RunView; tasks: string[] }) {
  const weights = useAppStore((s) => s.weights);
  const normalised = useAppStore((s) => s.normalised);
  const topK = useAppStore((s) => s.topK);
  const grouping = useAppStore((s) => s.slateGrouping);
  const file = () =>
    formulaFile({
      weights: Object.fromEntries(tasks.map((t) => [t, weights[t] ?? 0])),
      calibrationRates: Object.fromEntries(tasks.map((t, a) => [t, run.predictions!.calibrationRates[a]])),
      normalisedByUserBaseRate: tasks.filter((t) => normalised[t]),
      topK,
      slates: `validation impressions grouped by ${grouping === 'user' ? 'user' : grouping === 'user-day' ? 'user and day' : 'user and hour'}`,
      model: `${run.config.modelKind} run ${run.runId}`,
    });
  return (
    <div className="row">
      <button className="secondary" onClick={() => downloadText('value-formula.json', JSON.stringify(file(), null, 2), 'application/json')}>
        Export formula (JSON)
      </button>
      <button className="secondary" onClick={() => downloadText('value-formula.txt', formulaText(file()), 'text/plain')}>
        Export formula (text)
      </button>
    </div>
  );
}

