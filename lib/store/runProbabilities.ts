/**
 * The probabilities every cell shows for a run, one setting for all of them (Evaluate, the run
 * comparison, the Value cell, the scored file): recalibrated for the sampling (or, to show what
 * breaks, the raw sampled-space outputs), then optionally repaired by a post-hoc map fitted on the
 * validation rows — cross-fitted there, so no validation row is judged by a map fitted on itself.
 */
import { binaryValues, getColumn, missingMask } from '../data/table';
import { applyPosthoc, crossFitPosthoc, fitPosthoc, type Posthoc, type PosthocMap } from '../metrics/posthoc';
import type { RunView } from './runSlice';

export interface ProbabilityMode {
  skipRecalibration: boolean;
  posthoc: Posthoc;
}

export interface RunProbabilities {
  /** Per head, aligned with predictions.rows. */
  validation: Float32Array[];
  /** Per head, aligned with predictions.train.rows (the map fitted on all validation rows applied). */
  train: Float32Array[];
  /** Per head, the post-hoc map fitted on every validation row with a label (for scoring other files); null without post-hoc. */
  maps: (PosthocMap | null)[];
}

const cache = new WeakMap<RunView, Map<string, RunProbabilities>>();

export function runProbabilities(run: RunView, mode: ProbabilityMode): RunProbabilities {
  const p = run.predictions!;
  const key = `${mode.skipRecalibration}/${mode.posthoc}`;
  const forRun = cache.get(run) ?? new Map<string, RunProbabilities>();
  cache.set(run, forRun);
  const cached = forRun.get(key);
  if (cached) return cached;
  const base = mode.skipRecalibration ? p.raw : p.calibrated;
  const baseTrain = mode.skipRecalibration ? p.train.raw : p.train.calibrated;
  let result: RunProbabilities;
  if (mode.posthoc === 'none') result = { validation: base, train: baseTrain, maps: p.tasks.map(() => null) };
  else {
    const kind = mode.posthoc;
    const heads = p.tasks.map((task, t) => {
      const col = getColumn(run.table, task);
      const y = binaryValues(col);
      const missing = missingMask(col);
      const labels = Uint8Array.from(p.rows, (r) => y[r]);
      const known = Uint8Array.from(p.rows, (r) => 1 - missing[r]);
      const fitRows = Array.from(known.keys()).filter((i) => known[i]);
      const map = fitPosthoc(
        kind,
        fitRows.map((i) => base[t][i]),
        fitRows.map((i) => labels[i]),
      );
      return { validation: crossFitPosthoc(kind, base[t], labels, known), train: applyPosthoc(map, baseTrain[t]), map };
    });
    result = { validation: heads.map((h) => h.validation), train: heads.map((h) => h.train), maps: heads.map((h) => h.map) };
  }
  forRun.set(key, result);
  return result;
}

/** In words, what the probabilities are: for captions, messages and the scored file. */
export function describeProbabilities(mode: ProbabilityMode): string {
  const base = mode.skipRecalibration ? 'raw sampled-space outputs (not recalibrated for the sampling)' : 'recalibrated for the sampling';
  return mode.posthoc === 'none' ? base : `${base}, then repaired by ${mode.posthoc === 'platt' ? 'Platt scaling' : 'isotonic regression'} fitted on validation rows`;
}
