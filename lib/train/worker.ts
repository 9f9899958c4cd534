/// <reference lib="webworker" />
/**
 * The training worker: a thin adapter between the protocol and the pure trainer.
 * Every input is validated here, at the border, with the same schemas the page uses.
 */
import * as tf from '@tensorflow/tfjs';
import { ProblemSpecSchema } from '../formulate/spec';
import { activeWebGpuDevice, adoptPageCores, chooseBackend, switchBackend } from './backend';
import { measureTrainingSpeed } from './benchmark';
import { scoreTable, scoringModelOf } from './score';
import { TrainConfigSchema, type BackendChoice, type TrainConfig } from './config';
import { registerHostKernels } from './kernels';
import { TrainError, toTrainErrorInfo } from './errors';
import { prepareData } from './prepare';
import { transferablesOf, type BackendInfo, type BackendName, type InjectedFault, type WorkerEvent, type WorkerRequest } from './protocol';
import { TableInbox } from './tableShipping';
import { exactLinear, trainModel } from './trainer';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const stopRequested = new Set<number>();
const paused = new Set<number>();
const learningRates = new Map<number, number>();
const tables = new TableInbox();
let backendReady: { choice: BackendChoice; ready: ReturnType<typeof chooseBackend> } | null = null;
registerHostKernels('cpu');
/** The run in progress, for the device-loss handler. */
let activeRun: number | null = null;
/** Set once the WebGPU device is gone: nothing more can run in this worker. */
let deviceLost: string | null = null;
const watchedDevices = new WeakSet<object>();

/** Tell the page when the GPU device disappears, so it restarts the worker instead of showing an error. */
function watchDeviceLoss(): void {
  const device = activeWebGpuDevice();
  if (!device || watchedDevices.has(device)) return;
  watchedDevices.add(device);
  void device.lost.then((info) => {
    deviceLost = info.message || info.reason || 'the device was lost';
    if (activeRun !== null) post({ type: 'fault', runId: activeRun, fault: 'device-lost', message: deviceLost });
  });
}

/** Test-only fault injection (the page sends it only when a test opted in; lib/train/faults.ts). */
function injectFault(fault: InjectedFault): void {
  if (fault === 'crash') {
    // An uncaught exception: the page sees the worker's error event, as after a real crash.
    setTimeout(() => {
      throw new Error('injected crash');
    }, 0);
    return;
  }
  if (fault === 'nan') {
    // Every trainable weight becomes NaN, as after a numerical blow-up: the next step's loss is NaN.
    for (const v of Object.values(tf.engine().registeredVariables)) if (v.trainable) tf.tidy(() => v.assign(tf.fill(v.shape, NaN, v.dtype)));
    return;
  }
  const device = activeWebGpuDevice();
  if (device) device.destroy();
  else if (activeRun !== null) post({ type: 'fault', runId: activeRun, fault: 'device-lost', message: 'injected device loss (not on WebGPU)' });
}

const CANDIDATES = ['webgpu', 'webgl', 'wasm', 'cpu'] as const;

/** About a second of the actual model on each backend that starts; switch to the fastest. */
async function fastestBackend(first: BackendInfo, data: ReturnType<typeof prepareData>, config: TrainConfig): Promise<BackendInfo> {
  const speeds: { name: BackendName; rowsPerSecond: number }[] = [];
  const infos = new Map<BackendName, Omit<BackendInfo, 'fallbacks'>>();
  for (const name of CANDIDATES) {
    const info = await switchBackend(name);
    if (!info) continue;
    infos.set(name, info);
    try {
      speeds.push({ name, rowsPerSecond: await measureTrainingSpeed(data, config, 1) });
    } catch {
      // A backend that fails the benchmark is simply not a candidate.
    }
  }
  speeds.sort((a, b) => b.rowsPerSecond - a.rowsPerSecond);
  const best = speeds[0]?.name ?? first.name;
  await switchBackend(best);
  const info = best === first.name ? first : (infos.get(best) ?? first);
  return { ...first, ...info, description: `${info.description} — fastest in a 1 s benchmark of this model`, benchmark: speeds };
}

/** The backend a tensor model trains on: the one chosen, or (auto) the GPU, timed against the others when it is a software one. */
async function tensorBackend(config: TrainConfig, data: ReturnType<typeof prepareData>): Promise<BackendInfo> {
  const choice = config.backend;
  if (backendReady?.choice !== choice) backendReady = { choice, ready: chooseBackend(choice === 'auto' ? undefined : [choice]) };
  const backend = await backendReady.ready.catch((err) => {
    backendReady = null;
    throw new TrainError('backend-failed', `No compute backend could start: ${err instanceof Error ? err.message : err}.`, choice === 'auto' ? 'Use a recent Chrome or Edge, or reload the page.' : `Choose "auto" or another backend than ${choice} in the Train cell.`);
  });
  // A software GPU is often slower than the CPU: time the actual model on each backend and keep the fastest.
  const chosen = choice === 'auto' && backend.isSoftware ? await fastestBackend(backend, data, config) : backend;
  watchDeviceLoss();
  return chosen;
}

/** What a tensor-free run reports as its backend: this worker's CPU, whatever was chosen. */
function hostBackend(config: TrainConfig): BackendInfo {
  const what = config.modelKind === 'gbdt' ? 'histogram trees' : 'the exact logistic regression (L-BFGS)';
  return { name: 'cpu', description: `JavaScript on typed arrays: ${what} needs no GPU`, vendor: '', architecture: '', isSoftware: false, fallbacks: config.backend === 'auto' || config.backend === 'cpu' ? [] : [`${config.backend}: not used by ${what}`] };
}

function post(event: WorkerEvent): void {
  scope.postMessage(event, transferablesOf(event));
}

scope.onmessage = (message: MessageEvent<WorkerRequest>) => {
  const request = message.data;
  switch (request.type) {
    case 'stop':
      stopRequested.add(request.runId);
      return;
    case 'pause':
      paused.add(request.runId);
      return;
    case 'resume':
      paused.delete(request.runId);
      return;
    case 'set-learning-rate':
      if (Number.isFinite(request.learningRate) && request.learningRate >= 0) learningRates.set(request.runId, request.learningRate);
      return;
    case 'cores':
      adoptPageCores(request.count);
      return;
    case 'inject-fault':
      injectFault(request.fault);
      return;
    case 'table-begin':
    case 'table-piece':
      tables.receive(request);
      return;
    case 'start':
      void run(request);
      return;
    case 'score':
      void score(request);
  }
};

/** Score a table with a finished run's weights, on the backend in use (or wasm/cpu when none started yet). */
async function score(request: Extract<WorkerRequest, { type: 'score' }>): Promise<void> {
  try {
    if (!backendReady) await chooseBackend(['wasm', 'cpu']);
    else await backendReady.ready;
    const calibrated = await scoreTable(request.model, request.table, request.recalibrate ?? true);
    post({ type: 'scored', runId: -1, requestId: request.requestId, calibrated });
  } catch (err) {
    post({ type: 'score-error', runId: -1, requestId: request.requestId, error: toTrainErrorInfo(err) });
  }
}

async function run(request: Extract<WorkerRequest, { type: 'start' }>): Promise<void> {
  const { runId } = request;
  activeRun = runId;
  try {
    const spec = ProblemSpecSchema.safeParse(request.spec);
    if (!spec.success) throw new TrainError('invalid-spec', `The problem setup is invalid: ${spec.error.issues.map((i) => i.message).join('; ')}.`, 'Fix the Targets and Sampling cells and train again.');
    const config = TrainConfigSchema.safeParse(request.config);
    if (!config.success) throw new TrainError('invalid-config', `The model settings are invalid: ${config.error.issues.map((i) => i.message).join('; ')}.`, 'Fix the values in the Model cell and train again.');
    const data = prepareData(tables.take(request.tableId), spec.data, config.data);
    // Trees and the exact linear fit run on typed arrays, not tensors: no backend to start or to time.
    const tensorFree = config.data.modelKind === 'gbdt' || exactLinear(data, config.data);
    const chosen = tensorFree ? hostBackend(config.data) : await tensorBackend(config.data, data);
    post({ type: 'backend', runId, backend: chosen });
    post({
      type: 'prepared',
      runId,
      trainRows: data.train.rows,
      validationRows: data.validation.rows,
      features: data.encoders.numeric.length + data.encoders.sparse.length + data.encoders.bags.length,
      vocabularySize: data.encoders.vocabularySize,
      summary: data.summary,
      towerColumns: data.model.towerColumns,
      ignoredFeatures: config.data.modelKind === 'gbdt' ? data.encoders.bags.map((b) => b.column) : [],
      leaks: data.leaks,
      checks: data.checks,
    });
    const result = await trainModel(data, config.data, {
      onLoss: (points) => post({ type: 'loss', runId, points }),
      onEvaluation: (evaluations) => post({ type: 'evaluation', runId, evaluations }),
      onProgress: (p) => post({ type: 'progress', runId, ...p }),
      onModel: ({ parameterCount, headParameters }) => post({ type: 'model', runId, parameterCount, headParameters }),
      shouldStop: () => stopRequested.has(runId),
      isPaused: () => paused.has(runId),
      learningRateOverride: () => learningRates.get(runId) ?? null,
      onCheckpoint: (point) => post({ type: 'checkpoint', runId, ...point }),
    }, request.resume ?? null);
    post({
      type: 'done',
      runId,
      status: result.status,
      steps: result.steps,
      parameterCount: result.parameterCount,
      predictions: { tasks: data.tasks, calibrationRates: data.calibrationRates, rows: data.validationRows, calibrated: result.calibrated, raw: result.raw, conditional: result.conditional, train: { rows: data.trainSide.rows, ...result.trainSide } },
      encoders: data.encoders,
      diagnostics: result.diagnostics,
      final: result.evaluations,
      bestStep: result.bestStep,
      bestSteps: result.bestSteps,
      notice: result.notice,
      scoring: scoringModelOf(spec.data, config.data, data, result),
    });
  } catch (err) {
    // A lost device makes the next readback fail, sometimes before device.lost resolves: give it a
    // moment, and let the fault event (already sent) speak instead of a confusing error.
    if (activeWebGpuDevice()) await new Promise((resolve) => setTimeout(resolve, 200));
    if (!deviceLost) post({ type: 'error', runId, error: toTrainErrorInfo(err) });
  } finally {
    activeRun = null;
    stopRequested.delete(runId);
    paused.delete(runId);
    learningRates.delete(runId);
  }
}
