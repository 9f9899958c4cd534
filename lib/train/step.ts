import * as tf from '@tensorflow/tfjs';
import type { RankingLoss } from '../formulate/spec';
import type { MultiHeadModel } from '../models/types';
import { disposeInputs, gatherInputs, type DeviceInputs } from './inputs';
import { linkedCrossEntropy } from './link';
import { maskedLoss, maskedMean } from './maskedLoss';
import { buildLists, LIST_SIZE } from './lists';
import type { PreparedData } from './prepare';
import { rankingLoss } from './rankingLoss';
import { inBatchSoftmaxLoss } from './retrieval';

/** One optimiser step's math: the masked, weighted, linked loss per head (and the ranking and retrieval losses). */

export type DeviceData = { x: DeviceInputs; labels: tf.Tensor2D; masks: tf.Tensor2D; logQ: tf.Tensor2D | null };

export interface StepConstants {
  logKeep: tf.Tensor1D;
  negWeight: tf.Tensor1D;
  posWeight: tf.Tensor1D;
  lossWeight: tf.Tensor1D;
  chain: tf.Tensor2D | null;
  /** Two-tower retrieval: in-batch softmax replaces the pointwise loss of every head. */
  retrieval: boolean;
  /** The optimiser applies the model's L2 term itself (FusedAdam.foldL2): leave it out of the loss. */
  penaltyFolded?: boolean;
}

/** One batch of ranking lists: train positions [G·L] and validity [G, L]. */
export interface RankingBatch {
  positions: tf.Tensor1D;
  valid: tf.Tensor2D;
  task: number;
  loss: RankingLoss;
}

/** One Adam step on the rows `index`; returns [2, T]: sampled-space loss and recalibrated weighted loss per head. */
export function trainStep(model: MultiHeadModel, optimizer: tf.Optimizer, all: DeviceData, index: tf.Tensor1D, c: StepConstants, ranking: RankingBatch | null): tf.Tensor {
  let report: tf.Tensor | null = null;
  // The batch's rows are picked before the taped function: nothing is differentiated with respect to the
  // inputs, and a taped gather would keep (on wasm, copy) the whole input it read from for its gradient.
  const batch = { x: gatherInputs(all.x, index), y: tf.gather(all.labels, index), mask: tf.gather(all.masks, index), logQ: all.logQ ? tf.gather(all.logQ, index) : null };
  const { x, y, mask } = batch; // [B, …], [B, T], [B, T]
  try {
    optimizer.minimize(() => {
      if (c.retrieval && model.towers && all.logQ) {
        const perTask = inBatchSoftmaxLoss(model.towers.query(x), model.towers.item(x), tf.mul(y, tf.cast(tf.greater(mask, 0), 'float32')) as tf.Tensor2D, batch.logQ as tf.Tensor2D);
        report = tf.keep(tf.stack([perTask, perTask]));
        return withPenalty(tf.sum(tf.mul(perTask, c.lossWeight)), model, c) as tf.Scalar;
      }
      const logits = model.logits(x); // [B, T]
      const loss = c.chain ? linkedLoss(logits, y, mask, c) : maskedLoss(logits, y, mask, c); // [T] each
      const perHead = loss.perHead;
      let total: tf.Tensor = withPenalty(tf.sum(tf.mul(perHead, c.lossWeight)), model, c);
      let trainReport: tf.Tensor = loss.report;
      let sampledReport: tf.Tensor = perHead;
      if (ranking) {
        const rankLoss = rankedListLoss(model, all, ranking);
        total = tf.add(total, tf.mul(rankLoss, tf.gather(c.lossWeight, [ranking.task])));
        // The ranked head reports its ranking loss in both rows of the report.
        const oneHot = tf.tensor1d(Array.from({ length: perHead.shape[0] }, (_, t) => (t === ranking.task ? 1 : 0)));
        trainReport = tf.add(tf.mul(trainReport, tf.sub(1, oneHot)), tf.mul(oneHot, rankLoss));
        sampledReport = tf.add(tf.mul(sampledReport, tf.sub(1, oneHot)), tf.mul(oneHot, rankLoss));
      }
      report = tf.keep(tf.stack([sampledReport, trainReport]));
      return tf.sum(total) as tf.Scalar;
    });
  } finally {
    index.dispose();
    disposeInputs(batch.x);
    tf.dispose([batch.y, batch.mask, ...(batch.logQ ? [batch.logQ] : [])]);
    ranking?.positions.dispose();
    ranking?.valid.dispose();
  }
  return report as unknown as tf.Tensor;
}

function withPenalty(loss: tf.Tensor, model: MultiHeadModel, c: StepConstants): tf.Tensor {
  return c.penaltyFolded ? loss : tf.add(loss, model.penalty());
}

/** A funnel's loss and report: cross-entropy of the linked (joint) probabilities (lib/train/link.ts). */
function linkedLoss(logits: tf.Tensor2D, y: tf.Tensor2D, mask: tf.Tensor2D, c: StepConstants): { perHead: tf.Tensor1D; report: tf.Tensor1D } {
  const perHead = maskedMean(linkedCrossEntropy(logits, y, c.chain), mask);
  // Funnel steps are never sampled (the spec forbids it), so ln(w/k) = 0 for them.
  const calibratedLoss = linkedCrossEntropy(tf.add(logits, c.logKeep), y, c.chain);
  const weights = tf.mul(mask, tf.add(tf.mul(y, c.posWeight), tf.mul(tf.sub(1, y), c.negWeight))); // k·(1/k) for positives, 1·(1/w) for negatives
  return { perHead, report: maskedMean(calibratedLoss, weights) };
}


/** The ranking loss of the ranked head over a batch of lists. */
function rankedListLoss(model: MultiHeadModel, all: DeviceData, r: RankingBatch): tf.Scalar {
  const [lists, size] = r.valid.shape;
  const scores = tf.reshape(tf.gather(model.logits(gatherInputs(all.x, r.positions)), [r.task], 1), [lists, size]) as tf.Tensor2D;
  const y = tf.reshape(tf.gather(tf.gather(all.labels, r.positions), [r.task], 1), [lists, size]) as tf.Tensor2D;
  return rankingLoss(scores, y, r.valid, r.loss);
}

/** This epoch's lists for the ranked head, as train positions on the device. */
export function epochLists(ranking: NonNullable<PreparedData['ranking']>, seed: number): { positions: tf.Tensor1D; valid: tf.Tensor2D; count: number } | null {
  const built = buildLists(ranking.groups, ranking.labels, ranking.loss !== 'listwise', seed);
  if (built.count === 0) return null;
  const positions = Int32Array.from(built.positions, (p) => ranking.positions[p]);
  return { positions: tf.tensor1d(positions, 'int32'), valid: tf.tensor2d(built.valid, [built.count, LIST_SIZE]), count: built.count };
}

/** The lists for step s: batchSize / LIST_SIZE of them, cycling through the epoch's lists. */
export function listBatch(lists: { positions: tf.Tensor1D; valid: tf.Tensor2D; count: number }, step: number, batchSize: number): { positions: tf.Tensor1D; valid: tf.Tensor2D } {
  const perStep = Math.max(1, Math.min(lists.count, Math.floor(batchSize / LIST_SIZE)));
  const start = (step * perStep) % lists.count;
  const take = Math.min(perStep, lists.count - start);
  return { positions: lists.positions.slice(start * LIST_SIZE, take * LIST_SIZE), valid: lists.valid.slice([start, 0], [take, LIST_SIZE]) };
}
