'use client';
import { useId, useState } from 'react';
import { readFileInWorker } from '@/lib/data/ingestClient';
import { toDataErrorInfo } from '@/lib/data/errors';
import { scoredCsv } from '@/lib/export/scoredCsv';
import { scoringProblem } from '@/lib/train/scorable';
import { useAppStore } from '@/lib/store';
import { downloadText } from '../../ui/download';

type Outcome = { kind: 'working'; text: string } | { kind: 'done'; text: string; means: { task: string; mean: number }[] } | { kind: 'error'; text: string; hint?: string };

/**
 * Score a file: apply the finished model to another file with the same columns (tomorrow's log, a
 * candidate set) and download it with each action's calibrated probability and the value score. The
 * notebook's dataset is never replaced; the file is read in its own worker.
 */
export function ScoreCell() {
  const run = useAppStore((s) => s.run);
  const scoreWithRun = useAppStore((s) => s.scoreWithRun);
  const inputId = useId();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const finished = run && (run.status === 'finished' || run.status === 'stopped') && run.predictions ? run : null;
  const problem = finished ? (finished.weights ? scoringProblem(finished.spec, finished.config) : 'this run kept no weights to score with (GBDT, or trained before scoring existed); train again') : null;

  const score = async (file: File) => {
    if (!finished) return;
    try {
      setOutcome({ kind: 'working', text: `Reading ${file.name}…` });
      const table = await readFileInWorker(file, file.name, 'auto', () => undefined).result;
      setOutcome({ kind: 'working', text: `Scoring ${table.rowCount.toLocaleString('en-US')} rows of ${file.name}…` });
      const calibrated = await scoreWithRun(table);
      const tasks = finished.predictions!.tasks;
      const weights = useAppStore.getState().weights;
      const name = `${file.name.replace(/\.(csv|tsv|txt|json|jsonl|parquet|gz)+$/i, '')}.scored.csv`;
      downloadText(name, scoredCsv(table, tasks, calibrated, weights), 'text/csv');
      const means = tasks.map((task, t) => ({ task, mean: calibrated[t].reduce((a, b) => a + b, 0) / Math.max(1, table.rowCount) }));
      setOutcome({ kind: 'done', text: `Scored ${table.rowCount.toLocaleString('en-US')} rows of ${file.name} and downloaded ${name} (its columns, p_<action> per action, value_score).`, means });
    } catch (err) {
      const info = toDataErrorInfo(err);
      const hint = (err as { hint?: string }).hint ?? info.hint;
      setOutcome({ kind: 'error', text: `${file.name} was not scored: ${err instanceof Error ? err.message : String(err)}`, hint });
    }
  };

  return (
    <section className="cell" aria-labelledby={`${inputId}-title`} data-testid="score-cell">
      <header>
        <h2 id={`${inputId}-title`}>8 · Score a file</h2>
      </header>
      <div className="cell-body">
        <p className="explain">
          Apply the trained model to another file with the same columns and download it with each action&rsquo;s calibrated probability and the
          value score under the current weights. Your dataset stays as it is.
        </p>
        {!finished ? (
          <p className="muted">Train a model first.</p>
        ) : problem ? (
          <p className="muted" role="note">
            Scoring is not available for this run: {problem}.
          </p>
        ) : (
          <div className="field">
            <label htmlFor={inputId}>File to score</label>
            <input
              id={inputId}
              type="file"
              disabled={outcome?.kind === 'working'}
              accept=".csv,.tsv,.txt,.json,.jsonl,.ndjson,.parquet,.gz"
              onChange={(e) => {
                const file = e.target.files?.[0];
                e.target.value = '';
                if (file) void score(file);
              }}
            />
          </div>
        )}
        {outcome && (
          <div role={outcome.kind === 'error' ? 'alert' : 'status'} className={outcome.kind === 'error' ? 'alert' : 'muted'} data-testid="score-outcome" data-kind={outcome.kind}>
            <p>{outcome.text}</p>
            {outcome.kind === 'error' && outcome.hint && <p className="hint">{outcome.hint}</p>}
            {outcome.kind === 'done' && (
              <p>
                Mean calibrated probability: {outcome.means.map((m) => `${m.task} ${m.mean.toFixed(4)}`).join(', ')}
              </p>
            )}
          </div>
        )}
      </div>
    </section>
  );
}
