/**
 * The page's only door to the training worker. It owns the Worker object, keeps the running run's
 * latest checkpoint, and when the worker dies or loses its GPU device it starts a fresh worker that
 * resumes from that checkpoint (lib/train/recovery.ts decides on which backend).
 */
import type { Table } from '../data/table';
import type { ProblemSpec } from '../formulate/spec';
import type { TrainConfig } from './config';
import type { BackendName, InjectedFault, ResumePoint, WorkerEvent, WorkerRequest } from './protocol';
import { describeFault, recoveryBackend } from './recovery';
import { shipTable, tableIdOf } from './tableShipping';

export interface TrainingClient {
  /** Start a run; with `resume`, carry on from those weights (a run interrupted by a page reload). */
  start(runId: number, table: Table, spec: ProblemSpec, config: TrainConfig, resume?: ResumePoint | null): void;
  /** The latest weights of the running run, for autosave (null before its first checkpoint). */
  checkpoint(runId: number): ResumePoint | null;
  /** Score `table` with a finished run's weights: calibrated probabilities per task (lib/train/score.ts). */
  score(request: Omit<Extract<WorkerRequest, { type: 'score' }>, 'type' | 'requestId'>): Promise<Float32Array[]>;
  stop(runId: number): void;
  pause(runId: number): void;
  resume(runId: number): void;
  setLearningRate(runId: number, learningRate: number): void;
  /** Tests only (lib/train/faults.ts): make the worker crash or lose its device. */
  injectFault(fault: InjectedFault): void;
  dispose(): void;
}

/** What a restarted worker needs to carry on with the run in progress. */
interface ActiveRun {
  runId: number;
  table: Table;
  spec: ProblemSpec;
  config: TrainConfig;
  backendInUse: BackendName | null;
  checkpoint: ResumePoint | null;
  failures: number;
  paused: boolean;
  learningRate: number | null;
}

export function createTrainingClient(onEvent: (event: WorkerEvent) => void): TrainingClient {
  let worker: Worker | null = null;
  let active: ActiveRun | null = null;
  let lastBackend: TrainConfig['backend'] | null = null;
  const scoring = new Map<number, { resolve(p: Float32Array[]): void; reject(e: Error): void }>();
  let nextScore = 1;

  /** The table the current worker holds (lib/train/tableShipping.ts): not shipped again. */
  let shippedTable: number | null = null;

  const replaceWorker = () => {
    worker?.terminate();
    worker = null;
    shippedTable = null;
  };

  /** Ship the run's table unless the worker has it, then start the run there (if that worker still stands). */
  const startOnWorker = async (run: Pick<ActiveRun, 'runId' | 'table' | 'spec'>, config: TrainConfig, resume: ResumePoint | null) => {
    const w = ensureWorker();
    const current = () => worker === w;
    const tableId = tableIdOf(run.table);
    if (shippedTable !== tableId) {
      shippedTable = null;
      if (!(await shipTable(run.table, (message, transfer) => w.postMessage(message, transfer), current))) return;
      shippedTable = tableId;
    }
    if (current()) w.postMessage({ type: 'start', runId: run.runId, tableId, spec: run.spec, config, resume } satisfies WorkerRequest);
  };

  /** The worker died or lost its device: resume the run in a fresh one, or end it with the reason. */
  const recover = (kind: 'crash' | 'device-lost', detail: string) => {
    replaceWorker();
    scoring.forEach((p) => p.reject(new Error(`${describeFault(kind, detail)} while scoring; score the file again`)));
    scoring.clear();
    const run = active;
    if (!run) return; // Nothing was running: the next start gets a fresh worker; nothing is lost.
    run.failures++;
    const backend = recoveryBackend(run.backendInUse, run.config.backend, run.failures);
    const what = describeFault(kind, detail);
    if (!backend) {
      active = null;
      onEvent({ type: 'error', runId: run.runId, error: { code: kind === 'device-lost' ? 'device-lost' : 'worker-crashed', message: `${what}, ${run.failures} times; no backend is left to try.`, hint: 'Reload the page and train again with a smaller batch size or model. Your data and finished runs are kept.' } });
      return;
    }
    const fromStep = run.checkpoint?.step ?? 0;
    onEvent({ type: 'recovering', runId: run.runId, reason: what, fromStep, backend, attempt: run.failures });
    lastBackend = backend;
    void startOnWorker(run, { ...run.config, backend }, run.checkpoint);
    if (run.learningRate !== null) send({ type: 'set-learning-rate', runId: run.runId, learningRate: run.learningRate });
    if (run.paused) send({ type: 'pause', runId: run.runId });
  };

  /** Events pass through to the page; the client keeps what recovery needs from them. */
  const receive = (event: WorkerEvent) => {
    if (event.type === 'scored' || event.type === 'score-error') {
      const pending = scoring.get(event.requestId);
      scoring.delete(event.requestId);
      if (event.type === 'scored') pending?.resolve(event.calibrated);
      else pending?.reject(Object.assign(new Error(event.error.message), { hint: event.error.hint }));
      return;
    }
    const run = active && event.runId === active.runId ? active : null;
    if (run && event.type === 'checkpoint') {
      run.checkpoint = { step: event.step, weights: event.weights };
      onEvent({ ...event, weights: [] }); // The page shows the step; the weights stay here.
      return;
    }
    if (run && event.type === 'fault') return recover('device-lost', event.message);
    if (run && event.type === 'backend') run.backendInUse = event.backend.name;
    if (run && (event.type === 'done' || event.type === 'error')) active = null;
    onEvent(event);
  };

  const ensureWorker = (): Worker => {
    if (worker) return worker;
    const w = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'value-lab-training' });
    w.onmessage = (message: MessageEvent<WorkerEvent>) => {
      if (worker === w) receive(message.data);
    };
    w.postMessage({ type: 'cores', count: navigator.hardwareConcurrency } satisfies WorkerRequest);
    w.onerror = (event) => {
      event.preventDefault();
      if (worker === w) recover('crash', event.message ?? '');
    };
    worker = w;
    return w;
  };

  const send = (request: WorkerRequest) => ensureWorker().postMessage(request);

  return {
    start(runId, table, spec, config, resume = null) {
      active = { runId, table, spec, config, backendInUse: null, checkpoint: resume, failures: 0, paused: false, learningRate: null };
      // A fresh worker for a new backend choice: moving an existing worker onto wasm after another
      // backend failed to train there, while a fresh worker trains on it.
      if (lastBackend !== null && lastBackend !== config.backend) replaceWorker();
      lastBackend = config.backend;
      // The table is copied a column at a time (lib/train/tableShipping.ts), not transferred: the page keeps using it.
      void startOnWorker(active, config, resume);
    },
    score(request) {
      const requestId = nextScore++;
      return new Promise((resolve, reject) => {
        scoring.set(requestId, { resolve, reject });
        send({ type: 'score', requestId, ...request });
      });
    },
    checkpoint(runId) {
      return active?.runId === runId ? active.checkpoint : null;
    },
    stop(runId) {
      if (worker) send({ type: 'stop', runId });
    },
    pause(runId) {
      if (active?.runId === runId) active.paused = true;
      if (worker) send({ type: 'pause', runId });
    },
    resume(runId) {
      if (active?.runId === runId) active.paused = false;
      if (worker) send({ type: 'resume', runId });
    },
    setLearningRate(runId, learningRate) {
      if (active?.runId === runId) active.learningRate = learningRate;
      if (worker) send({ type: 'set-learning-rate', runId, learningRate });
    },
    injectFault(fault) {
      if (worker) send({ type: 'inject-fault', fault });
    },
    dispose() {
      replaceWorker();
      active = null;
    },
  };
}
