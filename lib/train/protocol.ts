/**
 * The typed protocol between the page (lib/train/client.ts) and the training worker
 * (lib/train/worker.ts). Requests go in; one-way events come out and carry only new points.
 */
import type { Table } from '../data/table';
import type { TableMessage } from './tableShipping';
import type { ScoringModel } from './scoringModel';
import type { FittedEncoders } from '../features/encode';
import type { SamplingSummary } from '../sampling/sample';
import type { HeadCheck } from '../sampling/trainability';
import type { PreparedData } from './prepare';
import type { ProblemSpec } from '../formulate/spec';
import type { TrainConfig } from './config';
import type { ModelDiagnostics } from './diagnostics';
import type { TrainErrorInfo } from './errors';
import type { TaskEvaluation } from './evaluate';
import type { LossPoint, TrainProgress } from './trainer';

export type BackendName = 'webgpu' | 'webgl' | 'wasm' | 'cpu';

/** The backend a run uses, with what the adapter says about itself (shown in the UI). */
export interface BackendInfo {
  name: BackendName;
  /** Human description, e.g. "Google SwiftShader (software)". */
  description: string;
  vendor: string;
  architecture: string;
  isSoftware: boolean;
  /** WebGPU only: the device's buffer and workgroup limits. */
  limits?: Record<string, number>;
  /** Why earlier choices were skipped, e.g. "webgpu: navigator.gpu missing". */
  fallbacks: string[];
  /** When the only GPU was a software one: rows/s of the actual model on each usable backend, fastest first. */
  benchmark?: { name: BackendName; rowsPerSecond: number }[];
}

/** Weights read back at an evaluation: what a restarted worker resumes from. */
export interface ResumePoint {
  step: number;
  /** Per model variable (in model.variables order), its values. */
  weights: Float32Array[];
}

/** Faults a test can inject into the worker (only when the page opted in, see lib/train/faults.ts). */
export type InjectedFault = 'crash' | 'device-lost' | 'nan';

export type WorkerRequest =
  /** Train on the table shipped before it (lib/train/tableShipping.ts). */
  | { type: 'start'; runId: number; tableId: number; spec: ProblemSpec; config: TrainConfig; resume?: ResumePoint | null }
  | TableMessage
  | { type: 'inject-fault'; fault: InjectedFault }
  /** The page's navigator.hardwareConcurrency, sent first (lib/train/backend.ts adoptPageCores). */
  | { type: 'cores'; count: number }
  /** Apply a finished run's weights to another table (lib/train/score.ts); `recalibrate` false returns the raw sampled-space outputs. */
  | { type: 'score'; requestId: number; model: ScoringModel; table: Table; recalibrate?: boolean }
  | { type: 'stop'; runId: number }
  | { type: 'pause'; runId: number }
  | { type: 'resume'; runId: number }
  /** A new base learning rate for the running run (warm-up and decay still apply on top). */
  | { type: 'set-learning-rate'; runId: number; learningRate: number };

export interface RunPredictions {
  tasks: string[];
  /** Per task, w/k: the rate each head was recalibrated with. */
  calibrationRates: number[];
  /** Table row index of each validation impression. */
  rows: Int32Array;
  /** Per task, recalibrated probabilities aligned with `rows`. */
  calibrated: Float32Array[];
  /** Per task, raw sampled-space outputs aligned with `rows` (for comparisons only). */
  raw: Float32Array[];
  /** Funnel only: per task, p(step | previous step) aligned with `rows`; null for pointwise runs. */
  conditional: Float32Array[] | null;
  /** The same for a sample of training-side rows (before negative sampling), for training-split metrics. */
  train: { rows: Int32Array; calibrated: Float32Array[]; raw: Float32Array[] };
}

export type WorkerEvent =
  | { type: 'backend'; runId: number; backend: BackendInfo }
  | {
      type: 'prepared';
      runId: number;
      trainRows: number;
      validationRows: number;
      features: number;
      vocabularySize: number;
      summary: SamplingSummary;
      /** Two-tower: which feature columns each tower reads. */
      towerColumns: { query: string[]; item: string[] } | null;
      /** Features the model kind cannot read (id lists for GBDT). */
      ignoredFeatures: string[];
      /** Features left out as leaks of a target, or kept on purpose although they are. */
      leaks: PreparedData['leaks'];
      /** Heads whose rows are too few to learn from or to judge (warnings; refusals stop the run). */
      checks: HeadCheck[];
    }
  | { type: 'model'; runId: number; parameterCount: number; headParameters: number[] | null }
  | ({ type: 'progress'; runId: number } & TrainProgress)
  | { type: 'loss'; runId: number; points: LossPoint[] }
  | { type: 'evaluation'; runId: number; evaluations: TaskEvaluation[] }
  | {
      type: 'done';
      runId: number;
      status: 'finished' | 'stopped';
      steps: number;
      parameterCount: number;
      predictions: RunPredictions;
      /** The evaluation of the weights the run ends with (each head restored to its best): every cell shows these. */
      final: TaskEvaluation[];
      encoders: FittedEncoders;
      diagnostics: ModelDiagnostics;
      bestStep: number;
      /** Per head, the step its weights come from. */
      bestSteps: number[];
      notice: string | null;
      scoring: ScoringModel | null;
    }
  /** The answer to a score request: calibrated probabilities per task for every row of the scored table. */
  | { type: 'scored'; runId: -1; requestId: number; calibrated: Float32Array[] }
  | { type: 'score-error'; runId: -1; requestId: number; error: TrainErrorInfo }
  | { type: 'error'; runId: number; error: TrainErrorInfo }
  /** The run's weights at an evaluation (a few seconds apart): kept by the client to resume after a crash. */
  | ({ type: 'checkpoint'; runId: number } & ResumePoint)
  /** The GPU device went away (driver reset, sleep, another tab): the client restarts the worker. */
  | { type: 'fault'; runId: number; fault: 'device-lost'; message: string }
  /** Sent by the client, not the worker: the worker died or lost its device and the run is resuming. */
  | { type: 'recovering'; runId: number; reason: string; fromStep: number; backend: TrainConfig['backend']; attempt: number };

/** Buffers of a done event, handed over with `transfer` instead of being copied. */
export function transferablesOf(event: WorkerEvent): Transferable[] {
  if (event.type === 'checkpoint') return event.weights.map((w) => w.buffer) as Transferable[];
  if (event.type === 'scored') return event.calibrated.map((a) => a.buffer) as Transferable[];
  if (event.type !== 'done') return [];
  const p = event.predictions;
  const buffers = [p.rows.buffer, ...p.calibrated.map((a) => a.buffer), ...p.raw.map((a) => a.buffer), ...(p.conditional ?? []).map((a) => a.buffer), p.train.rows.buffer, ...p.train.calibrated.map((a) => a.buffer), ...p.train.raw.map((a) => a.buffer), ...(event.scoring?.weights ?? []).map((w) => w.buffer)];
  return [...new Set(buffers)] as Transferable[];
}
