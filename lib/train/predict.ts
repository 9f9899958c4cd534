import * as tf from '@tensorflow/tfjs';
import type { EncodedRows } from '../features/encode';
import type { MultiHeadModel } from '../models/types';
import { calibrateHead, evaluateTask, type TaskEvaluation } from './evaluate';
import { disposeInputs, inputsOf } from './inputs';
import { linkedProbability } from './link';
import type { PreparedData } from './prepare';

const PREDICT_BATCH = 8192;

/** Linked (joint) probabilities and conditionals σ(l) of every head for encoded rows. */
export async function predictRows(model: MultiHeadModel, v: EncodedRows, T: number, chain: tf.Tensor2D | null): Promise<{ raw: Float32Array[]; conditional: Float32Array[] | null }> {
  // Per row: T linked probabilities (joint down a funnel) then T conditionals σ(l).
  const probs = new Float32Array(v.rows * 2 * T);
  for (let start = 0; start < v.rows; start += PREDICT_BATCH) {
    const size = Math.min(PREDICT_BATCH, v.rows - start);
    const out = tf.tidy(() => {
      const x = inputsOf(v, start, size);
      const logits = model.logits(x);
      const both = tf.concat([linkedProbability(logits, chain), tf.sigmoid(logits)], 1); // [size, 2T]
      disposeInputs(x);
      return both;
    });
    probs.set(await out.data(), start * 2 * T);
    out.dispose();
  }
  const column = (c: number) => Float32Array.from({ length: v.rows }, (_, i) => probs[i * 2 * T + c]);
  return { raw: Array.from({ length: T }, (_, t) => column(t)), conditional: chain ? Array.from({ length: T }, (_, t) => column(T + t)) : null };
}

export interface ValidationPredictions {
  evaluations: TaskEvaluation[];
  calibrated: Float32Array[];
  raw: Float32Array[];
  conditional: Float32Array[] | null;
}

/**
 * Validation predictions and metrics. `scoreOnly[t]` marks heads whose σ(logit) is a score, not
 * a probability (a ranked head, a retrieval head): they are Platt-calibrated instead of recalibrated.
 */
export async function predictValidation(model: MultiHeadModel, data: PreparedData, chain: tf.Tensor2D | null, scoreOnly: boolean[], step: number, epoch: number): Promise<ValidationPredictions> {
  const { raw, conditional } = await predictRows(model, data.validation, data.tasks.length, chain);
  const results = raw.map((p, t) => evaluateTask(data.tasks[t], p, data.validationLabels[t], data.validationKnown[t], data.calibrationRates[t], step, epoch, scoreOnly[t]));
  return { evaluations: results.map((r) => r.evaluation), calibrated: results.map((r) => r.calibrated), raw, conditional };
}

/** The training side's predictions, calibrated like validation's, for training-split metrics. */
export async function predictTrainSide(model: MultiHeadModel, data: PreparedData, chain: tf.Tensor2D | null, scoreOnly: boolean[]): Promise<{ raw: Float32Array[]; calibrated: Float32Array[] }> {
  const side = data.trainSide;
  const { raw } = await predictRows(model, side.encoded, data.tasks.length, chain);
  // Only the calibrated probabilities are needed here; the page computes the training-split metrics.
  const calibrated = raw.map((p, t) => calibrateHead(p, side.labels[t], data.calibrationRates[t], scoreOnly[t]));
  return { raw, calibrated };
}
