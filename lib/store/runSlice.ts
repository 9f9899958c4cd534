import type { StateCreator } from 'zustand';
import type { Table } from '../data/table';
import type { FittedEncoders } from '../features/encode';
import { ProblemSpecSchema, type ProblemSpec } from '../formulate/spec';
import { TrainConfigSchema, type TrainConfig } from '../train/config';
import type { TrainErrorInfo } from '../train/errors';
import type { TaskEvaluation } from '../train/evaluate';
import type { ModelDiagnostics } from '../train/diagnostics';
import type { BackendInfo, ResumePoint, RunPredictions, WorkerEvent } from '../train/protocol';
import type { LossPoint, TrainProgress } from '../train/trainer';
import { createTrainingClient, type TrainingClient } from '../train/client';
import { exposeFaultInjection } from '../train/faults';
import { bumpCount } from '../renderCounts';
import type { AppState } from './index';
import { currentSpec } from './specSlice';
import { expandSweep, type SweepPoint, type SweepSpec } from '../train/sweep';
import type { ScoringModel } from '../train/scoringModel';
import type { SamplingSummary } from '../sampling/sample';
import type { HeadCheck } from '../sampling/trainability';
import type { PreparedData } from '../train/prepare';

type PreparedLeaks = PreparedData['leaks'];

/** 'interrupted': it was running when the page closed; it can resume from its saved checkpoint. */
export type RunStatus = 'running' | 'finished' | 'stopped' | 'error' | 'interrupted';

/** One training run as the UI sees it; it keeps the table and spec it was started with. */
export interface RunView {
  runId: number;
  status: RunStatus;
  table: Table;
  spec: ProblemSpec;
  /** Column shown as the item in slates (first item-id column), if any. */
  itemColumn: string | null;
  config: TrainConfig;
  backend?: BackendInfo;
  prepared?: { trainRows: number; validationRows: number; features: number; vocabularySize: number; towerColumns: { query: string[]; item: string[] } | null; ignoredFeatures: string[]; leaks?: PreparedLeaks; checks?: HeadCheck[]; summary?: SamplingSummary };
  progress?: TrainProgress;
  /** Paused by the person (the worker waits between steps). */
  paused?: boolean;
  /** A learning rate set during the run, replacing the configured one. */
  learningRateOverride?: number;
  /** Wall-clock start and end (ms since epoch), for the runs table. */
  startedAt: number;
  finishedAt?: number;
  /** Part of a sweep: which point, of how many, and the swept values. */
  sweep?: { index: number; total: number; values: SweepPoint['values'] };
  /** The step whose weights the result holds, and why the run ended early, if it did. */
  bestStep?: number;
  /** Per head, the step its weights come from (each head restored to its own best evaluation). */
  bestSteps?: number[];
  /** The evaluation of the weights the run ended with: what the runs table, Train and comparisons show. */
  final?: TaskEvaluation[];
  notice?: string | null;
  losses: LossPoint[];
  /** Every evaluation round, oldest first; the last is the current state of each head. */
  evaluations: TaskEvaluation[][];
  predictions?: RunPredictions;
  /** The encoders fitted on this run's training rows (for scoring and export). */
  encoders?: FittedEncoders;
  parameterCount?: number;
  /** Each head's own parameters (its output layer, its gate, its whole network when separate); null for trees. */
  headParameters?: number[] | null;
  /** Gate weights, recall@k, feature importance: whatever the model kind shows beyond predictions. */
  diagnostics?: ModelDiagnostics;
  error?: TrainErrorInfo;
  /** The step of the latest weights the page holds for resuming after a crash. */
  checkpointStep?: number;
  /** Each crash or device loss survived, in words (the run resumed after each). */
  recoveries?: string[];
  /** What scoring files needs (shape, encoders, weights), when the model kind can score; absent otherwise. */
  scoring?: ScoringModel | null;
}

export interface RunSlice {
  run: RunView | null;
  /** Finished or stopped runs, newest first (the current one included once it ends), for comparison. */
  history: RunView[];
  /** Validation problems that stop a run from starting, shown next to the Train button. */
  runBlockers: string[];
  /** Train the current settings, or the given config (a sweep point). */
  startRun(point?: { config: TrainConfig; sweep: NonNullable<RunView['sweep']> }): void;
  /** A sweep in progress: its points and the next one to start. */
  sweep: { points: SweepPoint[]; next: number } | null;
  sweepError: string | null;
  startSweep(spec: SweepSpec): void;
  cancelSweep(): void;
  stopRun(): void;
  /** Pause or resume the running run. */
  togglePause(): void;
  /** Change the running run's base learning rate. */
  setRunLearningRate(learningRate: number): void;
  handleWorkerEvent(event: WorkerEvent): void;
  /** The latest weights of the running (or interrupted) run, for autosave; null when none. */
  runCheckpoint(): ResumePoint | null;
  /** Put back runs from autosave; a run that was going when the page closed comes back interrupted. */
  restoreRuns(run: RunView | null, history: RunView[], checkpoint: ResumePoint | null): void;
  /** Carry on an interrupted run from its saved checkpoint. */
  resumeInterrupted(): void;
  /** Calibrated probabilities per head for every row of `table`, with a finished run's (or a loaded archive's) model. */
  scoreTable(model: ScoringModel, table: Table, recalibrate?: boolean): Promise<Float32Array[]>;
}

let client: TrainingClient | null = null;
/** Worker events are applied in batches, at most one per BATCH_MS: one store update, one render. */
const BATCH_MS = 50;
/** Runs kept for comparison; each holds its validation predictions, so keep the list short. */
const MAX_HISTORY = 24;
/** The performance mark set when a finished run's results reach the page. */
export const RUN_DONE_MARK = 'value-lab:run-done';
let nextRunId = 1;
/** The weights an interrupted (restored) run resumes from. */
let interruptedCheckpoint: ResumePoint | null = null;

function trainingClient(get: () => AppState): TrainingClient {
  if (!client) {
    client = createTrainingClient(batchEvents((events) => events.forEach((event) => get().handleWorkerEvent(event))));
    exposeFaultInjection(client);
  }
  return client;
}

export const createRunSlice: StateCreator<AppState, [], [], RunSlice> = (set, get) => {
  /** Start the sweep's next point after the previous run ended (on a fresh task, outside the event handler). */
  const startNextSweepRun = () => {
    const sweep = get().sweep;
    if (!sweep) return;
    if (sweep.next >= sweep.points.length) {
      set({ sweep: null });
      return;
    }
    const point = sweep.points[sweep.next];
    set({ sweep: { ...sweep, next: sweep.next + 1 } });
    setTimeout(() => {
      get().startRun({ config: point.config, sweep: { index: sweep.next, total: sweep.points.length, values: point.values } });
      // A point that cannot start (the settings became invalid meanwhile) ends the sweep, saying why.
      if (get().run?.status !== 'running') set({ sweep: null, sweepError: `The sweep stopped before run ${sweep.next + 1}: ${get().runBlockers.join('; ') || 'the run could not start'}.` });
    }, 0);
  };
  return {
  run: null,
  history: [],
  runBlockers: [],
  sweep: null,
  sweepError: null,
  startSweep(spec) {
    if (get().run?.status === 'running') return;
    try {
      const points = expandSweep(spec, get().config);
      set({ sweep: { points, next: 0 }, sweepError: null });
      startNextSweepRun();
    } catch (err) {
      set({ sweepError: err instanceof Error ? err.message : String(err) });
    }
  },
  cancelSweep() {
    set({ sweep: null });
  },
  startRun(point) {
    const state = get();
    if (!state.table || state.run?.status === 'running') return;
    const spec = ProblemSpecSchema.safeParse(currentSpec(state));
    const config = TrainConfigSchema.safeParse(point?.config ?? state.config);
    const blockers = [...(spec.success ? [] : spec.error.issues.map((i) => i.message)), ...(config.success ? [] : config.error.issues.map((i) => i.message))];
    set({ runBlockers: blockers });
    if (!spec.success || !config.success) return;
    const runId = nextRunId++;
    const itemColumn = spec.data.itemColumn ?? null;
    set({ run: { runId, status: 'running', table: state.table, spec: spec.data, itemColumn, config: config.data, losses: [], evaluations: [], startedAt: Date.now(), sweep: point?.sweep } });
    get().dispatchCell({ type: 'start', cell: 'train' });
    trainingClient(get).start(runId, state.table, spec.data, config.data);
  },
  runCheckpoint() {
    const run = get().run;
    // An interrupted run keeps its saved checkpoint until it resumes, through any number of reloads.
    if (run?.status === 'interrupted') return interruptedCheckpoint;
    return run?.status === 'running' && client ? client.checkpoint(run.runId) : null;
  },
  restoreRuns(run, history, checkpoint) {
    nextRunId = Math.max(nextRunId, ...[run, ...history].map((r) => (r?.runId ?? 0) + 1));
    const interrupted = run?.status === 'running' || run?.status === 'interrupted';
    interruptedCheckpoint = interrupted ? checkpoint : null;
    const restored = run && interrupted ? { ...run, status: 'interrupted' as const, paused: false, checkpointStep: checkpoint?.step ?? 0 } : run;
    set({ run: restored, history });
    if (!restored) return;
    if (restored.status === 'interrupted') get().dispatchCell({ type: 'cancel', cell: 'train', hadOutput: true });
    else if (restored.predictions) for (const cell of ['train', 'evaluate', 'value'] as const) get().dispatchCell({ type: 'succeed', cell });
  },
  scoreTable(model, table, recalibrate = true) {
    return trainingClient(get).score({ model, table, recalibrate });
  },
  resumeInterrupted() {
    const run = get().run;
    if (run?.status !== 'interrupted') return;
    const from = interruptedCheckpoint;
    const fromStep = from?.step ?? 0;
    // Without a checkpoint (closed before the first one) the run starts over with the same seed.
    set({ run: { ...run, status: 'running', losses: run.losses.filter((p) => p.step <= fromStep), evaluations: run.evaluations.filter((round) => (round[0]?.step ?? 0) < fromStep), recoveries: [...(run.recoveries ?? []), `interrupted by closing the page; resumed from step ${fromStep}.`] } });
    interruptedCheckpoint = null;
    get().dispatchCell({ type: 'start', cell: 'train' });
    trainingClient(get).start(run.runId, run.table, run.spec, run.config, from);
  },
  stopRun() {
    const run = get().run;
    if (run?.status === 'running') client?.stop(run.runId);
  },
  togglePause() {
    const run = get().run;
    if (run?.status !== 'running') return;
    if (run.paused) client?.resume(run.runId);
    else client?.pause(run.runId);
    set({ run: { ...run, paused: !run.paused } });
  },
  setRunLearningRate(learningRate) {
    const run = get().run;
    if (run?.status !== 'running' || !(learningRate >= 0)) return;
    client?.setLearningRate(run.runId, learningRate);
    set({ run: { ...run, learningRateOverride: learningRate } });
  },
  handleWorkerEvent(event) {
    const run = get().run;
    if (!run || event.runId !== run.runId) return;
    const update = (patch: Partial<RunView>) => set({ run: { ...run, ...patch } });
    switch (event.type) {
      case 'backend':
        return update({ backend: event.backend });
      case 'prepared':
        // The run's spec is what it trained on: without the features the leak guard left out.
        return update({
          spec: { ...run.spec, features: run.spec.features.filter((f) => !event.leaks.excluded.includes(f.column)) },
          prepared: { trainRows: event.trainRows, validationRows: event.validationRows, features: event.features, vocabularySize: event.vocabularySize, towerColumns: event.towerColumns, ignoredFeatures: event.ignoredFeatures, leaks: event.leaks, checks: event.checks, summary: event.summary },
        });
      case 'model':
        return update({ parameterCount: event.parameterCount, headParameters: event.headParameters });
      case 'progress':
        return update({ progress: { step: event.step, totalSteps: event.totalSteps, epoch: event.epoch, rowsPerSecond: event.rowsPerSecond, stepRowsPerSecond: event.stepRowsPerSecond, learningRate: event.learningRate, tensors: event.tensors, memoryBytes: event.memoryBytes } });
      case 'loss':
        return update({ losses: run.losses.concat(event.points) });
      case 'evaluation':
        return update({ evaluations: [...run.evaluations, event.evaluations] });
      case 'checkpoint':
        return update({ checkpointStep: event.step });
      case 'recovering': {
        // The fresh worker replays from the checkpoint: drop what came after it, so curves do not double back.
        const message = `${event.reason} at step ${run.progress?.step ?? 0}; restarted on ${event.backend} and resumed from step ${event.fromStep} (attempt ${event.attempt}).`;
        return update({
          recoveries: [...(run.recoveries ?? []), message],
          losses: run.losses.filter((p) => p.step <= event.fromStep),
          evaluations: run.evaluations.filter((round) => (round[0]?.step ?? 0) < event.fromStep),
        });
      }
      case 'fault':
        return; // The client turns faults into 'recovering' or 'error'; it never forwards them.
      case 'done': {
        // A User Timing mark: profiles (and the bench, bench/browser.bench.ts) tell the finish's work from training's.
        globalThis.performance?.mark?.(RUN_DONE_MARK);
        update({ finishedAt: Date.now(), status: event.status, paused: false, predictions: event.predictions, encoders: event.encoders, parameterCount: event.parameterCount, diagnostics: event.diagnostics, bestStep: event.bestStep, bestSteps: event.bestSteps, final: event.final, notice: event.notice, scoring: event.scoring });
        set({ history: [get().run!, ...get().history].slice(0, MAX_HISTORY) });
        // A stopped run still has predictions from its last evaluation, so the value cell can use it.
        get().dispatchCell({ type: 'succeed', cell: 'train' });
        get().resetWeights(event.predictions.tasks);
        get().dispatchCell({ type: 'succeed', cell: 'evaluate' });
        get().dispatchCell({ type: 'succeed', cell: 'value' });
        startNextSweepRun();
        return;
      }
      case 'error':
        update({ status: 'error', error: event.error, finishedAt: Date.now() });
        get().dispatchCell({ type: 'fail', cell: 'train' });
        // One failing point (e.g. a rate that diverges) does not end the sweep.
        startNextSweepRun();
        return;
    }
  },
};
};

/**
 * Collect events arriving within BATCH_MS and hand them over together. React batches the store
 * updates made in one task into one render, so a burst of loss + progress + evaluation events
 * redraws once. A timer, not requestAnimationFrame: a background tab must still finish sweeps.
 */
function batchEvents(apply: (events: WorkerEvent[]) => void): (event: WorkerEvent) => void {
  let queue: WorkerEvent[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  return (event) => {
    queue.push(event);
    timer ??= setTimeout(() => {
      const events = queue;
      queue = [];
      timer = null;
      bumpCount('batches');
      bumpCount('events', events.length);
      apply(events);
    }, BATCH_MS);
  };
}
