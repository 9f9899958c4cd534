import { binaryValues, getColumn, type Table } from '../data/table';
import { encodeRows, fitEncoders, type EncodedRows, type FittedEncoders } from '../features/encode';
import { keepRateOf, type ProblemSpec } from '../formulate/spec';
import { sampleRows } from '../sampling/sample';
import { splitRows } from '../sampling/split';
import type { TrainConfig } from './config';
import { TrainError } from './errors';

/** Everything the trainer needs, as plain typed arrays (no tensors yet). */
export interface PreparedData {
  tasks: string[];
  keepRates: number[];
  encoders: FittedEncoders;
  train: EncodedRows;
  /** [trainRows, tasks] row-major 0/1 labels and head masks. */
  trainLabels: Float32Array;
  trainMasks: Float32Array;
  validation: EncodedRows;
  validationRows: Int32Array;
  /** Per task, labels of the validation rows. */
  validationLabels: Uint8Array[];
}

/** Split, downsample per task, fit encoders on train rows and encode both sides. */
export function prepareData(table: Table, spec: ProblemSpec, config: TrainConfig): PreparedData {
  const tasks = spec.targets;
  const labels = tasks.map((t) => binaryValues(getColumn(table, t)));
  const keepRates = tasks.map((t) => keepRateOf(spec, t));
  let isValidation: Uint8Array;
  try {
    isValidation = splitRows(table, spec.sampling);
  } catch (err) {
    throw new TrainError('invalid-spec', `The split cannot be made: ${err instanceof Error ? err.message : err}.`, 'Choose another split column or a random split in the Sampling cell.');
  }
  const sampled = sampleRows(labels, keepRates, spec.sampling, isValidation);
  if (sampled.train.length === 0) {
    throw new TrainError('no-training-rows', 'No training rows are left after the split and sampling.', 'Raise the share of rows used or the keep rates in the Sampling cell.');
  }
  if (sampled.validation.length === 0) {
    throw new TrainError('no-validation-rows', 'No validation rows are left after the split.', 'Raise the share of rows used or the validation fraction in the Sampling cell.');
  }
  tasks.forEach((task, t) => {
    let positives = 0;
    let seen = 0;
    sampled.taskMasks[t].forEach((m, i) => {
      seen += m;
      positives += m * labels[t][sampled.train[i]];
    });
    if (positives === 0 || positives === seen) {
      const which = positives === 0 ? 'no positive' : 'no negative';
      throw new TrainError('single-class', `"${task}" has ${which} rows among the ${seen} training rows, so there is nothing to learn.`, 'Use more rows (share of rows used), another seed, or another target.');
    }
  });
  const encoders = fitEncoders(table, spec.features, sampled.train, config.maxVocabulary);
  const T = tasks.length;
  const n = sampled.train.length;
  const trainLabels = new Float32Array(n * T);
  const trainMasks = new Float32Array(n * T);
  for (let i = 0; i < n; i++) {
    const row = sampled.train[i];
    for (let t = 0; t < T; t++) {
      trainLabels[i * T + t] = labels[t][row];
      trainMasks[i * T + t] = sampled.taskMasks[t][i];
    }
  }
  return {
    tasks,
    keepRates,
    encoders,
    train: encodeRows(table, encoders, sampled.train),
    trainLabels,
    trainMasks,
    validation: encodeRows(table, encoders, sampled.validation),
    validationRows: sampled.validation,
    validationLabels: labels.map((y) => Uint8Array.from(sampled.validation, (r) => y[r])),
  };
}
