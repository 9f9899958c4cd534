'use client';
import { useMemo } from 'react';
import { binaryValues, getColumn } from '@/lib/data/table';
import { runProbabilities, type ProbabilityMode } from '@/lib/store/runProbabilities';
import type { RunView } from '@/lib/store/runSlice';
import { rankingOutcome, type RankingOutcome } from '@/lib/value/outcomes';
import { clickAction } from '@/lib/value/presets';
import { buildSlateIndex, changedSlates, topKPerSlate, type SlateIndex, type TopLists } from '@/lib/value/rerank';
import { slateKeys, userKeys, type SlateGrouping } from '@/lib/value/slateKeys';
import { normaliseByUser, userBaseRates, type NormalisationEffect } from '@/lib/value/userNormalize';
import { valueScores } from '@/lib/value/value';

/** Cached once per run and slate grouping: nothing here depends on the weights. */
export interface ValueBase {
  tasks: string[];
  index: SlateIndex;
  /** Per action, held-out labels aligned with the prediction rows. */
  labels: Uint8Array[];
  calibrated: Float32Array[];
  raw: Float32Array[];
  /** The user of each prediction row (for per-user normalisation). */
  users: Float64Array;
  clickTask: number;
  grouping: SlateGrouping;
}

export interface ValueModelView extends ValueBase {
  /** Per action, the probabilities the formula uses (as every cell shows them; normalised where chosen). */
  probabilities: Float32Array[];
  scores: Float64Array;
  lists: TopLists;
  outcome: RankingOutcome;
  /** Ranking by p(click) alone, judged with the same weights. */
  clickOnly: RankingOutcome;
  /** Per normalised action, what normalisation did. */
  normalisation: Record<string, NormalisationEffect & { changedShare: number; neverActedChangedShare: number }>;
}

function useValueBase(run: RunView | null, grouping: SlateGrouping): ValueBase | null {
  return useMemo(() => {
    const p = run?.predictions;
    if (!run || !p) return null;
    const timeColumn = run.spec.timeColumn ?? null;
    const index = buildSlateIndex(slateKeys(run.table, p.rows, run.spec.userColumn, timeColumn, grouping));
    const labels = p.tasks.map((t) => {
      const y = binaryValues(getColumn(run.table, t));
      return Uint8Array.from(p.rows, (r) => y[r]);
    });
    return { tasks: p.tasks, index, labels, calibrated: p.calibrated, raw: p.raw, users: userKeys(run.table, p.rows, run.spec.userColumn), clickTask: clickAction(p.tasks), grouping };
  }, [run, grouping]);
}

/** Per-user base-rate normalisation of the chosen actions, from the run's training-side rows. */
function useNormalisation(run: RunView | null, base: ValueBase | null, normalised: Record<string, boolean>, mode: ProbabilityMode) {
  const chosen = base ? base.tasks.filter((t) => normalised[t] && run?.spec.userColumn) : [];
  const key = chosen.join('\u0000');
  const { skipRecalibration, posthoc } = mode;
  return useMemo(() => {
    const p = run?.predictions;
    if (!run || !p || !base) return null;
    // The probabilities every cell shows (recalibrated or raw, repaired post hoc or not).
    const source = runProbabilities(run, { skipRecalibration, posthoc }).validation;
    const trainUsers = userKeys(run.table, p.train.rows, run.spec.userColumn);
    const effects: Record<string, NormalisationEffect> = {};
    const probabilities = source.map((q, a) => {
      const task = base.tasks[a];
      if (!key.split('\u0000').includes(task)) return q;
      const y = binaryValues(getColumn(run.table, task));
      const effect = normaliseByUser(q, base.users, userBaseRates(trainUsers, Uint8Array.from(p.train.rows, (r) => y[r])));
      effects[task] = effect;
      return effect.normalised;
    });
    return { probabilities, effects, source };
  }, [run, base, key, skipRecalibration, posthoc]);
}

/**
 * Everything the value cell shows, from the run's cached calibrated predictions: moving a weight
 * re-scores and re-ranks every slate (lib/value/rerank.ts), nothing is retrained.
 */
export function useValueModel(
  run: RunView | null,
  weights: Record<string, number>,
  topK: number,
  options: { mode: ProbabilityMode; normalised: Record<string, boolean>; grouping: SlateGrouping },
): ValueModelView | null {
  const base = useValueBase(run, options.grouping);
  const norm = useNormalisation(run, base, options.normalised, options.mode);
  const weightKey = base ? base.tasks.map((t) => weights[t] ?? 0).join(',') : '';
  const ranked = useMemo(() => {
    if (!base || !norm) return null;
    const w = weightKey.split(',').map(Number);
    const scores = valueScores(norm.probabilities, w);
    const lists = topKPerSlate(base.index, scores, topK);
    const outcome = rankingOutcome(base.index, lists, base.labels, w);
    // What normalisation changed: the top K with and without it, overall and for users who never acted.
    const effects = Object.entries(norm.effects);
    const changed = effects.length ? changedSlates(topKPerSlate(base.index, valueScores(norm.source, w), topK), lists) : new Uint8Array(0);
    const normalisation = Object.fromEntries(
      effects.map(([task, effect]) => {
        let never = 0;
        let neverChanged = 0;
        for (let s = 0; s < changed.length; s++) {
          if (!effect.neverActedRow[base.index.order[base.index.starts[s]]]) continue;
          never++;
          neverChanged += changed[s];
        }
        return [task, { ...effect, changedShare: mean(changed), neverActedChangedShare: never ? neverChanged / never : NaN }];
      }),
    );
    return { scores, lists, outcome, normalisation };
  }, [base, norm, weightKey, topK]);
  const clickOnly = useMemo(() => {
    if (!base) return null;
    const w = weightKey.split(',').map(Number);
    const clickScores = Float64Array.from(base.calibrated[base.clickTask]);
    return rankingOutcome(base.index, topKPerSlate(base.index, clickScores, topK), base.labels, w);
  }, [base, weightKey, topK]);
  if (!base || !norm || !ranked || !clickOnly) return null;
  return { ...base, probabilities: norm.probabilities, ...ranked, clickOnly };
}

function mean(values: Uint8Array): number {
  let sum = 0;
  for (const v of values) sum += v;
  return values.length ? sum / values.length : 0;
}
