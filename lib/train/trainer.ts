import * as tf from '@tensorflow/tfjs';
import { trainGbdt } from '../models/gbdt';
import { buildModel, type NeuralKind } from '../models/registry';
import type { MultiHeadModel } from '../models/types';
import { shuffleInPlace } from '../sampling/random';
import { taskLossWeight, type TrainConfig } from './config';
import { readWeights, writeWeights } from './checkpoint';
import { HeadSelection } from './headSelection';
import { diagnose, type ModelDiagnostics } from './diagnostics';
import { TrainError } from './errors';
import { plattHeads, type TaskEvaluation } from './evaluate';
import { disposeInputs, inputsOf } from './inputs';
import { epochLists, listBatch, trainStep, type StepConstants } from './step';
import { predictTrainSide, predictValidation, type ValidationPredictions } from './predict';
import type { PreparedData } from './prepare';
import { learningRateAt } from './schedule';
import { modelShapeOf } from './modelShape';
import type { ResumePoint } from './protocol';
import type { TreeModel } from './scoringModel';
import { FusedAdam } from './optimizer';
import { nextTask } from './nextTask';
import { linearStepFor } from './linearStep';
import { fitLinearExact } from './linearFit';

/** One training step's loss for one head. */
export interface LossPoint {
  step: number;
  epoch: number;
  task: string;
  /** Recalibrated, importance-weighted log loss on the step's rows: comparable with validation loss. */
  train: number;
  /** The masked cross-entropy the optimiser actually minimised, in the sampled space. */
  sampled: number;
}

export interface TrainCallbacks {
  onLoss(points: LossPoint[]): void;
  onEvaluation(evaluations: TaskEvaluation[]): void;
  onProgress(progress: TrainProgress): void;
  /** Once the model is built: its size, and each head's own share of it (null for trees), before the first step. */
  onModel?(info: { parameterCount: number; headParameters: number[] | null }): void;
  shouldStop(): boolean;
  /** While true, the loop waits between steps (Pause). */
  isPaused?(): boolean;
  /** A base learning rate set during the run, replacing the configured one; null when unchanged. */
  learningRateOverride?(): number | null;
  /** The weights at an evaluation, read back at most every few seconds, to resume from after a crash. */
  onCheckpoint?(point: ResumePoint): void;
  /** Least time between two onCheckpoint calls; default SNAPSHOT_MS. */
  checkpointEveryMs?: number;
}

export interface TrainProgress {
  step: number;
  totalSteps: number;
  epoch: number;
  rowsPerSecond: number;
  /**
   * Rows per second of the optimiser steps alone: the time inside the steps and waiting for their
   * losses, without evaluation rounds, checkpoints or pauses. What a bare training loop (the bench's
   * PyTorch peer) measures; rowsPerSecond is the whole run's pace.
   */
  stepRowsPerSecond?: number;
  /** The learning rate of the latest step (after warm-up and decay). */
  learningRate?: number;
  /** Tensors the backend holds for training (flat across epochs unless something leaks), and bytes in all. */
  tensors?: number;
  /** Tensors of the best-step checkpoints kept for the heads (one set per head at most). */
  checkpointTensors?: number;
  memoryBytes?: number;
}

export interface TrainResult {
  status: 'finished' | 'stopped';
  steps: number;
  parameterCount: number;
  /** Per task, recalibrated validation probabilities aligned with PreparedData.validationRows. */
  calibrated: Float32Array[];
  /** Per task, the raw sampled-space validation probabilities (never shown as probabilities). */
  raw: Float32Array[];
  /** Funnel only: per task, the conditional probability of the step given the previous one. */
  conditional: Float32Array[] | null;
  /** Predictions for PreparedData.trainSide rows (the training split before negative sampling). */
  trainSide: { raw: Float32Array[]; calibrated: Float32Array[] };
  evaluations: TaskEvaluation[];
  diagnostics: ModelDiagnostics;
  /** The latest step whose weights the result holds (each head's best evaluation when restored). */
  bestStep: number;
  /** Per head, the step its own weights come from. */
  bestSteps: number[];
  /** Why the run ended other than by finishing its epochs (early stop, divergence), in words. */
  notice: string | null;
  /** The weights the result holds (model.variables order) and their shapes, to score other files later; absent for GBDT. */
  weights?: Float32Array[];
  weightShapes?: number[][];
  /** GBDT: the bins and the boosters kept (each at its best round), to score other files later. */
  trees?: TreeModel;
}

/** How often losses are read back: readbacks stall the GPU queue, so batch them (DESIGN §3). */
const FLUSH_MS = 250;
const EVALS_PER_EPOCH = 4;
/** Weights are read back for crash recovery at most this often (a readback of every parameter). */
const SNAPSHOT_MS = 2000;

/**
 * Train a model on prepared data: GBDT by boosting (lib/models/gbdt.ts), every other kind with
 * Adam. Every head has its own row mask (its own negative sampling); the loss of a head is the
 * mean cross-entropy over the rows it sees, times its task loss weight. Uses only asynchronous
 * readbacks, so it runs on WebGPU as well as on cpu.
 */
export async function trainModel(data: PreparedData, config: TrainConfig, cb: TrainCallbacks, resume: ResumePoint | null = null): Promise<TrainResult> {
  // Boosting and the exact linear fit restart from scratch after a crash: neither is checkpointed.
  if (config.modelKind === 'gbdt') return trainGbdt(data, config, cb);
  if (exactLinear(data, config)) return fitLinearExact(data, config, cb);
  const T = data.tasks.length;
  const n = data.train.rows;
  const model = buildModel(config.modelKind as NeuralKind, modelShapeOf(data, config));
  cb.onModel?.({ parameterCount: model.parameterCount, headParameters: headParameterCounts(model) });
  if (resume) {
    try {
      writeWeights(model.variables, resume.weights);
    } catch (err) {
      model.dispose();
      throw err;
    }
  }
  // Heads whose σ(logit) is a score rather than a probability get a Platt map instead of recalibration.
  const scoreOnly = plattHeads(data, config);
  const retrieval = config.modelKind === 'two-tower' && config.towerMode === 'retrieval';
  const optimizer = new FusedAdam(config.learningRate);
  const all = { x: inputsOf(data.train), labels: tf.tensor2d(data.trainLabels, [n, T]), masks: tf.tensor2d(data.trainMasks, [n, T]), logQ: data.model.itemLogQ ? tf.tensor2d(data.model.itemLogQ, [n, T]) : null };
  // Weights 1/k on positives and 1/w on negatives turn the sampled rows back into an estimate of the
  // natural distribution; ln(w/k) moves a logit from the sampled space to the natural one.
  const c: StepConstants = {
    logKeep: tf.tensor1d(data.calibrationRates.map(Math.log)), // [T]
    negWeight: tf.tensor1d(data.calibrationRates.map((r, t) => 1 / (r * data.positiveWeights[t]))), // [T] 1/w
    posWeight: tf.tensor1d(data.positiveWeights.map((k) => 1 / k)), // [T] 1/k
    lossWeight: tf.tensor1d(data.tasks.map((task) => taskLossWeight(config, task))), // [T]
    chain: data.link.chainMatrix ? tf.tensor2d(data.link.chainMatrix) : null, // [T, T]
    retrieval,
    penaltyFolded: optimizer.foldL2(model.penalised, model.l2),
  };
  const linearStep = linearStepFor(model, optimizer, all, c, data.ranking !== null);
  // An epoch feeds as many rows as the training split had before sampling, cycling through the sampled
  // rows: a head trained on 2% of its negatives gets as many updates as one trained on all of them.
  const epochRows = Math.max(n, data.summary.trainSideRows);
  const stepsPerEpoch = Math.ceil(epochRows / config.batchSize);
  const totalSteps = stepsPerEpoch * config.epochs;
  const evalEvery = Math.max(1, Math.floor(stepsPerEpoch / EVALS_PER_EPOCH));
  const pending: { step: number; epoch: number; losses: tf.Tensor }[] = [];
  let lastFlush = performance.now();
  let pausedFor = 0;
  let stepMs = 0; // see TrainProgress.stepRowsPerSecond
  const started = performance.now();
  let step = resume?.step ?? 0;
  let lastSnapshot = -Infinity;
  let status: TrainResult['status'] = 'finished';
  let latest: ValidationPredictions | null = null;
  let learningRate = config.learningRate;
  // Each head's best evaluation and weights, and the shared parameters' best step (lib/train/headSelection.ts).
  const selection = new HeadSelection(model.variables, data.judgeable, config.earlyStoppingPatience);
  let notice: string | null = null;
  let diverged = false;

  const flush = async () => {
    if (pending.length === 0) return;
    const batch = pending.splice(0);
    const waitStart = performance.now();
    const stacked = tf.stack(batch.map((p) => p.losses)); // [steps, 2, T]
    const values = await stacked.data(); // on GPU backends, the queued steps finish here
    stepMs += performance.now() - waitStart;
    stacked.dispose();
    batch.forEach((p) => p.losses.dispose());
    const points: LossPoint[] = [];
    batch.forEach((p, i) => {
      for (let t = 0; t < T; t++) {
        const sampled = values[i * 2 * T + t];
        const train = values[i * 2 * T + T + t];
        if (!Number.isFinite(sampled) || !Number.isFinite(train)) {
          if (!diverged) notice = `The loss of "${data.tasks[t]}" became ${Number.isFinite(sampled) ? train : sampled} at step ${p.step}, so training stopped. Lower the learning rate (now ${learningRate.toPrecision(3)}) and train again.`;
          diverged = true;
          continue;
        }
        points.push({ step: p.step, epoch: p.epoch, task: data.tasks[t], train, sampled });
      }
    });
    cb.onLoss(points);
    const memory = tf.memory();
    const kept = selection.heldTensors();
    cb.onProgress({ step, totalSteps, epoch: batch[batch.length - 1].epoch, rowsPerSecond: ((step - (resume?.step ?? 0)) * config.batchSize) / ((performance.now() - started - pausedFor) / 1000), stepRowsPerSecond: stepMs > 0 ? ((step - (resume?.step ?? 0)) * config.batchSize) / (stepMs / 1000) : undefined, learningRate, tensors: memory.numTensors - kept, checkpointTensors: kept, memoryBytes: memory.numBytes });
    lastFlush = performance.now();
    await nextTask(); // let queued messages (stop, pause, a new learning rate) in
  };

  const evaluate = async (epoch: number) => {
    await flush();
    if (diverged) return;
    const round = await predictValidation(model, data, c.chain, scoreOnly, step, epoch);
    // Weights that went NaN between two flushes show up here first: stop, and never show that round.
    const broken = round.evaluations.find((e) => !Number.isFinite(e.valLoss));
    if (broken) {
      diverged = true;
      if (!notice) notice = `The validation loss of "${broken.task}" became ${broken.valLoss} at step ${step}, so training stopped. Lower the learning rate (now ${learningRate.toPrecision(3)}) and train again.`;
      return;
    }
    latest = round;
    cb.onEvaluation(round.evaluations);
    selection.observe(round, step);
    if (cb.onCheckpoint && performance.now() - lastSnapshot >= (cb.checkpointEveryMs ?? SNAPSHOT_MS)) {
      lastSnapshot = performance.now();
      cb.onCheckpoint({ step, weights: await readWeights(model.variables) });
    }
  };

  /** Wait while paused; true when a stop arrived meanwhile. */
  const waitWhilePaused = async (): Promise<boolean> => {
    if (!cb.isPaused?.()) return false;
    const since = performance.now();
    while (cb.isPaused?.() && !cb.shouldStop()) await new Promise((resolve) => setTimeout(resolve, 50));
    pausedFor += performance.now() - since;
    return cb.shouldStop();
  };

  try {
    // A resumed run continues inside the epoch it was in: the shuffle of an epoch is seeded by its number.
    const firstEpoch = Math.floor(step / stepsPerEpoch) + 1;
    const firstStepInEpoch = step % stepsPerEpoch;
    await evaluate(firstEpoch - 1);
    let earlyStop = false;
    for (let epoch = firstEpoch; epoch <= config.epochs && status === 'finished' && !diverged && !earlyStop; epoch++) {
      const orderTensor = tf.tensor1d(epochOrder(n, epochRows, config.seed + epoch), 'int32');
      const lists = data.ranking ? epochLists(data.ranking, config.seed + epoch) : null;
      try {
        for (let s = epoch === firstEpoch ? firstStepInEpoch : 0; s < stepsPerEpoch; s++) {
          if (cb.shouldStop() || (await waitWhilePaused())) {
            status = 'stopped';
            break;
          }
          learningRate = learningRateAt(step + 1, totalSteps, cb.learningRateOverride?.() ?? config.learningRate, config.warmupSteps, config.decay);
          setLearningRate(optimizer, learningRate);
          const start = s * config.batchSize;
          const size = Math.min(config.batchSize, epochRows - start);
          const ranking = lists && data.ranking ? { ...listBatch(lists, s, config.batchSize), task: data.ranking.task, loss: data.ranking.loss } : null;
          const stepStart = performance.now();
          const index = orderTensor.slice(start, size);
          const losses = linearStep ? linearStep(index) : trainStep(model, optimizer, all, index, c, ranking);
          stepMs += performance.now() - stepStart;
          step++;
          pending.push({ step, epoch, losses });
          if (s === stepsPerEpoch - 1 || step % evalEvery === 0) await evaluate(epoch);
          else if (performance.now() - lastFlush > FLUSH_MS) await flush();
          if (diverged) break;
          if (selection.exhausted()) {
            earlyStop = true;
            notice = `Stopped early at step ${step}: no head's validation loss had improved for ${config.earlyStoppingPatience} evaluations.`;
            break;
          }
        }
      } finally {
        orderTensor.dispose();
        lists?.positions.dispose();
        lists?.valid.dispose();
      }
    }
    await flush();
    if (!latest) throw new TrainError('internal', 'Training produced no validation predictions.', 'Train again.');
    let done = latest as ValidationPredictions;
    const steps = selection.steps();
    let bestSteps = data.tasks.map(() => step);
    // Put back each head's best weights (always after a divergence, whose latest weights are broken),
    // and evaluate what was put back: that one evaluation is what every cell shows for the run.
    if ((config.restoreBest || diverged) && steps.shared >= 0 && selection.differsFrom(step)) {
      selection.restore(model);
      const sameStep = steps.perHead.every((s) => s === steps.shared) ? selection.roundAt(steps.shared) : undefined;
      done = sameStep ?? (await predictValidation(model, data, c.chain, scoreOnly, step, Math.ceil(step / stepsPerEpoch)));
      bestSteps = steps.perHead;
      notice = `${notice ? `${notice} ` : ''}${restoredNotice(data.tasks, steps, model)}`;
    } else if (diverged) throw new TrainError('diverged', notice ?? 'The loss diverged.', `Lower the learning rate (now ${learningRate.toPrecision(3)}) and train again.`);
    if (diverged) status = 'stopped';
    const trainSide = await predictTrainSide(model, data, c.chain, scoreOnly);
    const diagnostics = await diagnose(model, data, config.retrievalK);
    const weights = await readWeights(model.variables);
    const weightShapes = model.variables.map((v) => [...v.shape]);
    return { status, steps: step, parameterCount: model.parameterCount, ...done, trainSide, diagnostics, bestStep: Math.max(...bestSteps), bestSteps, notice, weights, weightShapes };
  } finally {
    selection.dispose();
    pending.forEach((p) => p.losses.dispose());
    disposeInputs(all.x);
    [all.labels, all.masks, all.logQ, c.logKeep, c.negWeight, c.posWeight, c.lossWeight, c.chain].forEach((t) => t?.dispose());
    optimizer.dispose();
    model.dispose();
  }
}

/**
 * The rows of one epoch, `length` of them: shuffles of the n training rows back to back (the first
 * seeded as an epoch always was, so an unsampled run trains as before), cut to length.
 */
function epochOrder(n: number, length: number, seed: number): Int32Array {
  const order = new Int32Array(length);
  for (let filled = 0, pass = 0; filled < length; pass++) {
    const shuffled = shuffleInPlace(Int32Array.from({ length: n }, (_, i) => i), pass === 0 ? seed : seed * 7919 + pass);
    order.set(shuffled.subarray(0, Math.min(n, length - filled)), filled);
    filled += n;
  }
  return order;
}

/** Each head's own parameters: its whole variables plus its share of the per-head columns (shared layers not counted). */
export function headParameterCounts(model: Pick<MultiHeadModel, 'tasks' | 'headParts'>): number[] {
  const T = model.tasks.length;
  const counts = model.tasks.map(() => 0);
  for (const part of model.headParts ?? []) {
    if ('task' in part) counts[part.task] += part.variable.size;
    else counts.forEach((_, t) => (counts[t] += part.variable.size / T));
  }
  return counts;
}

/** A logistic regression with the exact solver and independent pointwise heads (no funnel link, no ranking loss). */
export function exactLinear(data: Pick<PreparedData, 'link' | 'ranking'>, config: TrainConfig): boolean {
  return config.modelKind === 'logistic-regression' && config.solver === 'lbfgs' && !data.link.chainMatrix && !data.ranking;
}

/** Adam reads its learning rate on every step; tfjs keeps the field protected, not constant. */
function setLearningRate(optimizer: tf.Optimizer, value: number): void {
  (optimizer as unknown as { learningRate: number }).learningRate = value;
}

/** What was put back, in words: each head's step, and where the shared parameters come from when there are any. */
function restoredNotice(tasks: string[], steps: { perHead: number[]; shared: number }, model: { variables: unknown[]; headParts?: { variable: unknown }[] }): string {
  const perHead = tasks.map((t, i) => `${t} step ${steps.perHead[i]}`).join(', ');
  const ownParts = new Set((model.headParts ?? []).map((p) => p.variable));
  const hasShared = model.variables.some((v) => !ownParts.has(v));
  return `Each head's weights were restored from its best validation loss (${perHead})${hasShared ? `; the parameters the heads share came from step ${steps.shared}, the best validation loss summed over the heads, and the result was evaluated again as put together` : ''}.`;
}
