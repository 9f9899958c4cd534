import * as tf from '@tensorflow/tfjs';
import { buildModel } from '../models/registry';
import type { MultiHeadModel } from '../models/types';
import { shuffleInPlace } from '../sampling/random';
import type { TrainConfig } from './config';
import { TrainError } from './errors';
import { linkedCrossEntropy, linkedProbability } from './link';
import { buildLists, LIST_SIZE } from './lists';
import { rankingLoss } from './rankingLoss';
import type { RankingLoss } from '../formulate/spec';
import { calibrateHead, evaluateTask, type TaskEvaluation } from './evaluate';
import type { PreparedData } from './prepare';
import type { EncodedRows } from '../features/encode';

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
  onProgress(progress: { step: number; totalSteps: number; epoch: number; rowsPerSecond: number }): void;
  shouldStop(): boolean;
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
}

/** How often losses are read back: readbacks stall the GPU queue, so batch them (DESIGN §3). */
const FLUSH_MS = 250;
const EVALS_PER_EPOCH = 4;
const PREDICT_BATCH = 8192;

/**
 * Train a multi-head model on prepared data with Adam. Every head has its own row mask (its own
 * negative sampling); the loss of a head is the mean cross-entropy over the rows it sees.
 * Uses only asynchronous readbacks, so it runs on WebGPU as well as on cpu.
 */
export async function trainModel(data: PreparedData, config: TrainConfig, cb: TrainCallbacks): Promise<TrainResult> {
  const T = data.tasks.length;
  const n = data.train.rows;
  const model = buildModel(config.modelKind, {
    denseDim: data.train.denseDim,
    idDim: data.train.idDim,
    bagDim: data.train.bagDim,
    vocabularySize: Math.max(1, data.encoders.vocabularySize),
    tasks: data.tasks,
    l2: config.l2,
    initialBias: sampledLogOdds(data),
    bagLengths: data.encoders.bags.map((b) => b.maxLength),
    hiddenLayers: config.hiddenLayers,
    embeddingDim: config.embeddingDim,
    sharing: config.sharing,
    seed: config.seed,
  });
  const optimizer = tf.train.adam(config.learningRate);
  const all = {
    dense: tf.tensor2d(data.train.dense, [n, data.train.denseDim]),
    ids: tf.tensor2d(data.train.ids, [n, data.train.idDim], 'int32'),
    bagIds: tf.tensor2d(data.train.bagIds, [n, data.train.bagDim], 'int32'),
    bagWeights: tf.tensor2d(data.train.bagWeights, [n, data.train.bagDim]),
    labels: tf.tensor2d(data.trainLabels, [n, T]),
    masks: tf.tensor2d(data.trainMasks, [n, T]),
  };
  // Weights 1/k on positives and 1/w on negatives turn the sampled rows back into an estimate of the
  // natural distribution; ln(w/k) moves a logit from the sampled space to the natural one.
  const logKeep = tf.tensor1d(data.calibrationRates.map(Math.log)); // [T]
  const negWeight = tf.tensor1d(data.calibrationRates.map((r, t) => 1 / (r * data.positiveWeights[t]))); // [T] 1/w
  const posWeight = tf.tensor1d(data.positiveWeights.map((k) => 1 / k)); // [T] 1/k
  const chain = data.link.chainMatrix ? tf.tensor2d(data.link.chainMatrix) : null; // [T, T]
  const stepsPerEpoch = Math.ceil(n / config.batchSize);
  const totalSteps = stepsPerEpoch * config.epochs;
  const evalEvery = Math.max(1, Math.floor(stepsPerEpoch / EVALS_PER_EPOCH));
  const pending: { step: number; epoch: number; losses: tf.Tensor }[] = [];
  let lastFlush = performance.now();
  const started = performance.now();
  let step = 0;
  let status: TrainResult['status'] = 'finished';
  let latest: Awaited<ReturnType<typeof predictValidation>> | null = null;

  const flush = async () => {
    if (pending.length === 0) return;
    const batch = pending.splice(0);
    const stacked = tf.stack(batch.map((p) => p.losses)); // [steps, 2, T]
    const values = await stacked.data();
    stacked.dispose();
    batch.forEach((p) => p.losses.dispose());
    const points: LossPoint[] = [];
    batch.forEach((p, i) => {
      for (let t = 0; t < T; t++) {
        const sampled = values[i * 2 * T + t];
        const train = values[i * 2 * T + T + t];
        if (!Number.isFinite(sampled)) {
          throw new TrainError('diverged', `The loss of "${data.tasks[t]}" became ${sampled} at step ${p.step}.`, `Lower the learning rate (now ${config.learningRate}) and train again.`);
        }
        points.push({ step: p.step, epoch: p.epoch, task: data.tasks[t], train, sampled });
      }
    });
    cb.onLoss(points);
    cb.onProgress({ step, totalSteps, epoch: batch[batch.length - 1].epoch, rowsPerSecond: (step * config.batchSize) / ((performance.now() - started) / 1000) });
    lastFlush = performance.now();
  };

  const evaluate = async (epoch: number) => {
    await flush();
    latest = await predictValidation(model, data, chain, step, epoch);
    cb.onEvaluation(latest.evaluations);
  };

  try {
    await evaluate(0);
    for (let epoch = 1; epoch <= config.epochs && status === 'finished'; epoch++) {
      const order = shuffleInPlace(Int32Array.from({ length: n }, (_, i) => i), config.seed + epoch);
      const orderTensor = tf.tensor1d(order, 'int32');
      const lists = data.ranking ? epochLists(data.ranking, config.seed + epoch) : null;
      try {
        for (let s = 0; s < stepsPerEpoch; s++) {
          if (cb.shouldStop()) {
            status = 'stopped';
            break;
          }
          const start = s * config.batchSize;
          const size = Math.min(config.batchSize, n - start);
          const ranking = lists && data.ranking ? { ...listBatch(lists, s, config.batchSize), task: data.ranking.task, loss: data.ranking.loss } : null;
          const losses = trainStep(model, optimizer, all, orderTensor.slice(start, size), { logKeep, negWeight, posWeight, chain }, ranking);
          step++;
          pending.push({ step, epoch, losses });
          if (s === stepsPerEpoch - 1 || step % evalEvery === 0) await evaluate(epoch);
          else if (performance.now() - lastFlush > FLUSH_MS) await flush();
        }
      } finally {
        orderTensor.dispose();
        lists?.positions.dispose();
        lists?.valid.dispose();
      }
    }
    await flush();
    if (!latest) throw new TrainError('internal', 'Training produced no validation predictions.', 'Train again.');
    const done = latest as Awaited<ReturnType<typeof predictValidation>>;
    const trainSide = await predictTrainSide(model, data, chain);
    return { status, steps: step, parameterCount: model.parameterCount, ...done, trainSide };
  } finally {
    pending.forEach((p) => p.losses.dispose());
    Object.values(all).forEach((t) => t.dispose());
    logKeep.dispose();
    negWeight.dispose();
    posWeight.dispose();
    chain?.dispose();
    optimizer.dispose();
    model.dispose();
  }
}

type DeviceData = { dense: tf.Tensor2D; ids: tf.Tensor2D; bagIds: tf.Tensor2D; bagWeights: tf.Tensor2D; labels: tf.Tensor2D; masks: tf.Tensor2D };

/** One Adam step on the rows `index`; returns [2, T]: sampled-space loss and recalibrated weighted loss per head. */
interface StepConstants {
  logKeep: tf.Tensor1D;
  negWeight: tf.Tensor1D;
  posWeight: tf.Tensor1D;
  chain: tf.Tensor2D | null;
}

/** One batch of ranking lists: train positions [G·L] and validity [G, L]. */
interface RankingBatch {
  positions: tf.Tensor1D;
  valid: tf.Tensor2D;
  task: number;
  loss: RankingLoss;
}

function trainStep(model: MultiHeadModel, optimizer: tf.Optimizer, all: DeviceData, index: tf.Tensor1D, c: StepConstants, ranking: RankingBatch | null): tf.Tensor {
  let report: tf.Tensor | null = null;
  optimizer.minimize(() => {
    const x = { dense: tf.gather(all.dense, index), ids: tf.gather(all.ids, index), bagIds: tf.gather(all.bagIds, index), bagWeights: tf.gather(all.bagWeights, index) };
    const y = tf.gather(all.labels, index); // [B, T]
    const mask = tf.gather(all.masks, index); // [B, T]
    const logits = model.logits(x); // [B, T]
    const perHead = maskedMean(linkedCrossEntropy(logits, y, c.chain), mask); // [T]
    // Funnel steps are never sampled (the spec forbids it), so ln(w/k) = 0 for them.
    const calibratedLoss = linkedCrossEntropy(tf.add(logits, c.logKeep), y, c.chain);
    const weights = tf.mul(mask, tf.add(tf.mul(y, c.posWeight), tf.mul(tf.sub(1, y), c.negWeight))); // k·(1/k) for positives, 1·(1/w) for negatives
    let total: tf.Tensor = tf.add(tf.sum(perHead), model.penalty());
    let trainReport = maskedMean(calibratedLoss, weights);
    let sampledReport = perHead;
    if (ranking) {
      const rankLoss = rankedListLoss(model, all, ranking);
      total = tf.add(total, rankLoss);
      // The ranked head reports its ranking loss in both rows of the report.
      const oneHot = tf.tensor1d(Array.from({ length: perHead.shape[0] }, (_, t) => (t === ranking.task ? 1 : 0)));
      trainReport = tf.add(tf.mul(trainReport, tf.sub(1, oneHot)), tf.mul(oneHot, rankLoss));
      sampledReport = tf.add(tf.mul(sampledReport, tf.sub(1, oneHot)), tf.mul(oneHot, rankLoss));
    }
    report = tf.keep(tf.stack([sampledReport, trainReport]));
    return total as tf.Scalar;
  });
  index.dispose();
  ranking?.positions.dispose();
  ranking?.valid.dispose();
  return report as unknown as tf.Tensor;
}

/** Column-wise weighted mean: Σ w·v / max(Σ w, ε), per head. */
function maskedMean(values: tf.Tensor, weights: tf.Tensor): tf.Tensor1D {
  return tf.div(tf.sum(tf.mul(values, weights), 0), tf.maximum(tf.sum(weights, 0), 1e-6)) as tf.Tensor1D;
}

/** Log-odds of each head's positive share among the rows it trains on. */
function sampledLogOdds(data: PreparedData): number[] {
  const T = data.tasks.length;
  return data.tasks.map((_, t) => {
    let pos = 0;
    let seen = 0;
    for (let i = 0; i < data.train.rows; i++) {
      seen += data.trainMasks[i * T + t];
      pos += data.trainMasks[i * T + t] * data.trainLabels[i * T + t];
    }
    const r = Math.min(1 - 1e-4, Math.max(1e-4, seen ? pos / seen : 0.5));
    return Math.log(r / (1 - r));
  });
}

/** Linked (joint) probabilities and conditionals σ(l) of every head for encoded rows. */
async function predictRows(model: MultiHeadModel, v: EncodedRows, T: number, chain: tf.Tensor2D | null): Promise<{ raw: Float32Array[]; conditional: Float32Array[] | null }> {
  // Per row: T linked probabilities (joint down a funnel) then T conditionals σ(l).
  const probs = new Float32Array(v.rows * 2 * T);
  for (let start = 0; start < v.rows; start += PREDICT_BATCH) {
    const size = Math.min(PREDICT_BATCH, v.rows - start);
    const out = tf.tidy(() => {
      const logits = model.logits({
        dense: tf.tensor2d(v.dense.subarray(start * v.denseDim, (start + size) * v.denseDim), [size, v.denseDim]),
        ids: tf.tensor2d(v.ids.subarray(start * v.idDim, (start + size) * v.idDim), [size, v.idDim], 'int32'),
        bagIds: tf.tensor2d(v.bagIds.subarray(start * v.bagDim, (start + size) * v.bagDim), [size, v.bagDim], 'int32'),
        bagWeights: tf.tensor2d(v.bagWeights.subarray(start * v.bagDim, (start + size) * v.bagDim), [size, v.bagDim]),
      });
      return tf.concat([linkedProbability(logits, chain), tf.sigmoid(logits)], 1); // [size, 2T]
    });
    probs.set(await out.data(), start * 2 * T);
    out.dispose();
  }
  const column = (c: number) => Float32Array.from({ length: v.rows }, (_, i) => probs[i * 2 * T + c]);
  return { raw: Array.from({ length: T }, (_, t) => column(t)), conditional: chain ? Array.from({ length: T }, (_, t) => column(T + t)) : null };
}

async function predictValidation(model: MultiHeadModel, data: PreparedData, chain: tf.Tensor2D | null, step: number, epoch: number) {
  const { raw, conditional } = await predictRows(model, data.validation, data.tasks.length, chain);
  const results = raw.map((p, t) => evaluateTask(data.tasks[t], p, data.validationLabels[t], data.validationKnown[t], data.calibrationRates[t], step, epoch, data.ranking?.task === t));
  return { evaluations: results.map((r) => r.evaluation), calibrated: results.map((r) => r.calibrated), raw, conditional };
}

/** The training side's predictions, calibrated like validation's, for training-split metrics. */
async function predictTrainSide(model: MultiHeadModel, data: PreparedData, chain: tf.Tensor2D | null): Promise<{ raw: Float32Array[]; calibrated: Float32Array[] }> {
  const side = data.trainSide;
  const { raw } = await predictRows(model, side.encoded, data.tasks.length, chain);
  // Only the calibrated probabilities are needed here; the page computes the training-split metrics.
  const calibrated = raw.map((p, t) => calibrateHead(p, side.labels[t], data.calibrationRates[t], data.ranking?.task === t));
  return { raw, calibrated };
}

/** The ranking loss of the ranked head over a batch of lists. */
function rankedListLoss(model: MultiHeadModel, all: DeviceData, r: RankingBatch): tf.Scalar {
  const [lists, size] = r.valid.shape;
  const x = { dense: tf.gather(all.dense, r.positions), ids: tf.gather(all.ids, r.positions), bagIds: tf.gather(all.bagIds, r.positions), bagWeights: tf.gather(all.bagWeights, r.positions) };
  const scores = tf.reshape(tf.gather(model.logits(x), [r.task], 1), [lists, size]) as tf.Tensor2D;
  const y = tf.reshape(tf.gather(tf.gather(all.labels, r.positions), [r.task], 1), [lists, size]) as tf.Tensor2D;
  return rankingLoss(scores, y, r.valid, r.loss);
}

/** This epoch's lists for the ranked head, as train positions on the device. */
function epochLists(ranking: NonNullable<PreparedData['ranking']>, seed: number): { positions: tf.Tensor1D; valid: tf.Tensor2D; count: number } | null {
  const built = buildLists(ranking.groups, ranking.labels, ranking.loss !== 'listwise', seed);
  if (built.count === 0) return null;
  const positions = Int32Array.from(built.positions, (p) => ranking.positions[p]);
  return { positions: tf.tensor1d(positions, 'int32'), valid: tf.tensor2d(built.valid, [built.count, LIST_SIZE]), count: built.count };
}

/** The lists for step s: batchSize / LIST_SIZE of them, cycling through the epoch's lists. */
function listBatch(lists: { positions: tf.Tensor1D; valid: tf.Tensor2D; count: number }, step: number, batchSize: number): { positions: tf.Tensor1D; valid: tf.Tensor2D } {
  const perStep = Math.max(1, Math.min(lists.count, Math.floor(batchSize / LIST_SIZE)));
  const start = (step * perStep) % lists.count;
  const take = Math.min(perStep, lists.count - start);
  return { positions: lists.positions.slice(start * LIST_SIZE, take * LIST_SIZE), valid: lists.valid.slice([start, 0], [take, LIST_SIZE]) };
}
