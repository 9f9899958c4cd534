/**
 * The page's only door to the training worker. It owns the Worker object, restarts it after a
 * crash, and turns worker failures into ordinary protocol error events.
 */
import type { Table } from '../data/table';
import type { ProblemSpec } from '../formulate/spec';
import type { TrainConfig } from './config';
import type { WorkerEvent, WorkerRequest } from './protocol';

export interface TrainingClient {
  start(runId: number, table: Table, spec: ProblemSpec, config: TrainConfig): void;
  stop(runId: number): void;
  pause(runId: number): void;
  resume(runId: number): void;
  setLearningRate(runId: number, learningRate: number): void;
  dispose(): void;
}

export function createTrainingClient(onEvent: (event: WorkerEvent) => void): TrainingClient {
  let worker: Worker | null = null;
  let currentRun = -1;
  let lastBackend: TrainConfig['backend'] | null = null;

  const ensureWorker = (): Worker => {
    if (worker) return worker;
    const w = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'value-lab-training' });
    w.onmessage = (message: MessageEvent<WorkerEvent>) => onEvent(message.data);
    w.onerror = (event) => {
      event.preventDefault();
      w.terminate();
      if (worker === w) worker = null;
      onEvent({
        type: 'error',
        runId: currentRun,
        error: { code: 'worker-crashed', message: `The training worker stopped unexpectedly${event.message ? `: ${event.message}` : ''}.`, hint: 'Press Train again; a fresh worker will start. Your data and finished runs are kept.' },
      });
    };
    worker = w;
    return w;
  };

  const send = (request: WorkerRequest) => ensureWorker().postMessage(request);

  return {
    start(runId, table, spec, config) {
      currentRun = runId;
      // A fresh worker for a new backend choice: moving an existing worker onto wasm after another
      // backend failed to train there, while a fresh worker trains on it.
      if (lastBackend !== null && lastBackend !== config.backend) {
        worker?.terminate();
        worker = null;
      }
      lastBackend = config.backend;
      // The table is copied (structured clone), not transferred: the page keeps using it.
      send({ type: 'start', runId, table, spec, config });
    },
    stop(runId) {
      if (worker) send({ type: 'stop', runId });
    },
    pause(runId) {
      if (worker) send({ type: 'pause', runId });
    },
    resume(runId) {
      if (worker) send({ type: 'resume', runId });
    },
    setLearningRate(runId, learningRate) {
      if (worker) send({ type: 'set-learning-rate', runId, learningRate });
    },
    dispose() {
      worker?.terminate();
      worker = null;
    },
  };
}
