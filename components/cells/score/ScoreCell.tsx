'use client';
import { useId, useState } from 'react';
import { readFileInWorker } from '@/lib/data/ingestClient';
import { toDataErrorInfo } from '@/lib/data/errors';
import { probabilityColumn, scoredCsv } from '@/lib/export/scoredCsv';
import { applyPosthoc } from '@/lib/metrics/posthoc';
import { describeProbabilities, runProbabilities } from '@/lib/store/runProbabilities';
import { useProbabilityMode } from '../evaluate/useProbabilityMode';
import type { ScoringModel } from '@/lib/train/scoringModel';
import { useAppStore } from '@/lib/store';
import { downloadBytes, downloadText } from '../../ui/download';

type Outcome = { kind: 'working' | 'done'; text: string } | { kind: 'error'; text: string; hint?: string };

/**
 * Score a file: apply the finished model — or a model archive loaded back — to another file with the same
 * columns and download it with each action's calibrated probability and the value score. The notebook's
 * dataset is never replaced; the file is read in its own worker. The model itself downloads as one archive.
 */
export function ScoreCell() {
  // Only a finished run: selecting the whole run would re-render this cell at every training event.
  const finished = useAppStore((s) => (s.run && (s.run.status === 'finished' || s.run.status === 'stopped') && s.run.predictions ? s.run : null));
  const scoreTable = useAppStore((s) => s.scoreTable);
  const mode = useProbabilityMode();
  const inputId = useId();
  const archiveId = useId();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [loaded, setLoaded] = useState<{ model: ScoringModel; name: string } | null>(null);
  const problem = finished && !finished.scoring ? 'this run kept no model to score with (it was saved by an older version); train it again' : null;
  const model = loaded?.model ?? finished?.scoring ?? null;

  const score = async (file: File) => {
    if (!model) return;
    try {
      setOutcome({ kind: 'working', text: `Reading ${file.name}…` });
      const table = await readFileInWorker(file, file.name, 'auto', () => undefined).result;
      setOutcome({ kind: 'working', text: `Scoring ${table.rowCount.toLocaleString('en-US')} rows of ${file.name}…` });
      const scored = await scoreTable(model, table, !mode.skipRecalibration);
      // The run's post-hoc maps (fitted on its validation rows); a loaded archive has no validation rows to fit them on.
      const maps = !loaded && finished && mode.posthoc !== 'none' ? runProbabilities(finished, mode).maps : null;
      const probabilities = maps ? scored.map((p, t) => (maps[t] ? applyPosthoc(maps[t]!, p) : p)) : scored;
      const columns = { recalibrated: !mode.skipRecalibration, posthoc: maps ? mode.posthoc : 'none' } as const;
      const name = `${file.name.replace(/(\.(csv|tsv|txt|json|jsonl|ndjson|parquet|gz))+$/i, '')}.scored.csv`;
      downloadText(name, scoredCsv(table, model.tasks, probabilities, useAppStore.getState().weights, columns), 'text/csv');
      const means = model.tasks.map((task, t) => `${task} ${(probabilities[t].reduce((a: number, b: number) => a + b, 0) / Math.max(1, table.rowCount)).toFixed(4)}`);
      const held = describeProbabilities({ skipRecalibration: mode.skipRecalibration, posthoc: columns.posthoc });
      const skippedRepair = mode.posthoc !== 'none' && !maps ? ' (no post-hoc repair: a loaded archive has no validation rows to fit it on)' : '';
      setOutcome({ kind: 'done', text: `Scored ${table.rowCount.toLocaleString('en-US')} rows of ${file.name} and downloaded ${name} (its columns, ${probabilityColumn('<action>', columns)} per action, value_score): probabilities ${held}${skippedRepair}. Mean probability: ${means.join(', ')}.` });
    } catch (err) {
      const hint = (err as { hint?: string }).hint ?? toDataErrorInfo(err).hint;
      setOutcome({ kind: 'error', text: `${file.name} was not scored: ${err instanceof Error ? err.message : String(err)}`, hint });
    }
  };

  const openArchive = async (file: File) => {
    try {
      // Loaded on demand: zip code stays out of the first page.
      const { openModelArchive } = await import('@/lib/export/modelArchive');
      const opened = openModelArchive(new Uint8Array(await file.arrayBuffer()));
      setLoaded({ model: opened, name: `${file.name} (${opened.kind} trained on ${opened.trainedOn}, heads ${opened.tasks.join(', ')})` });
      setOutcome(null);
    } catch (err) {
      setOutcome({ kind: 'error', text: `${file.name} was not loaded: ${err instanceof Error ? err.message : String(err)}. The model in use is unchanged.` });
    }
  };

  return (
    <section className="cell" aria-labelledby={`${inputId}-title`} data-testid="score-cell">
      <header>
        <h2 id={`${inputId}-title`}>8 · Score a file</h2>
      </header>
      <div className="cell-body">
        <p className="explain">
          Apply a trained model to another file with the same columns and download it with each action&rsquo;s calibrated probability and the
          value score under the current weights. Your dataset stays as it is.
        </p>
        <p data-testid="score-model">
          {loaded ? `Model: the loaded archive ${loaded.name}.` : finished?.scoring ? `Model: run ${finished.runId} (${finished.config.modelKind}).` : problem ? `The current run cannot score files: ${problem}.` : 'Train a model, or load a model archive.'}
        </p>
        <div className="row">
          {finished?.scoring && (
            <button className="secondary" onClick={async () => {
                const { modelArchive } = await import('@/lib/export/modelArchive');
                downloadBytes(`valuelab-model-run${finished.runId}.zip`, modelArchive(finished.scoring!, finished.table.source, finished.spec, finished.config), 'application/zip');
              }}>
              Download model archive
            </button>
          )}
          {loaded && (
            <button className="secondary" onClick={() => setLoaded(null)}>
              Use the current run instead
            </button>
          )}
          <div className="field">
            <label htmlFor={archiveId}>Load a model archive</label>
            <input id={archiveId} type="file" accept=".zip,application/zip" onChange={(e) => {
                const file = e.target.files?.[0];
                e.target.value = '';
                if (file) void openArchive(file);
              }} />
          </div>
          {model && (
            <div className="field">
              <label htmlFor={inputId}>File to score</label>
              <input id={inputId} type="file" disabled={outcome?.kind === 'working'} accept=".csv,.tsv,.txt,.json,.jsonl,.ndjson,.parquet,.gz" onChange={(e) => {
                  const file = e.target.files?.[0];
                  e.target.value = '';
                  if (file) void score(file);
                }} />
            </div>
          )}
        </div>
        {outcome && (
          <div role={outcome.kind === 'error' ? 'alert' : 'status'} className={outcome.kind === 'error' ? 'alert' : 'muted'} data-testid="score-outcome" data-kind={outcome.kind}>
            <p>{outcome.text}</p>
            {outcome.kind === 'error' && outcome.hint && <p className="hint">{outcome.hint}</p>}
          </div>
        )}
      </div>
    </section>
  );
}
