/**
 * Score another table with a finished model (the "Score a file" cell): the model is rebuilt from its
 * shape (GBDT: its trees), its weights go back in, the rows are encoded with its fitted encoders, and
 * every row gets each head's probability, calibrated as the run calibrated it: recalibrated for the
 * head's sampling, or through the head's Platt map where σ(logit) is a score (ranked head, retrieval).
 */
import * as tf from '@tensorflow/tfjs';
import type { Table } from '../data/table';
import { encodeRows, type EncodedRows } from '../features/encode';
import { buildHistoryIndex } from '../features/history';
import { applyDerived } from '../formulate/derived';
import type { ProblemSpec } from '../formulate/spec';
import { applyPlatt, fitPlatt, logitsOf } from '../metrics/platt';
import { binRows } from '../models/gbdt';
import { boosterScores } from '../models/trees/booster';
import { buildModel, type NeuralKind } from '../models/registry';
import { recalibrateAll } from '../sampling/recalibrate';
import { writeWeights } from './checkpoint';
import type { TrainConfig } from './config';
import { TrainError } from './errors';
import { plattHeads } from './evaluate';
import { modelShapeOf } from './modelShape';
import { predictRows } from './predict';
import type { PreparedData } from './prepare';
import type { ScoringModel, TreeModel } from './scoringModel';
import type { TrainResult } from './trainer';

/** Calibrated probabilities per head for every row of `file` (or, with `recalibrate` false, the raw sampled-space outputs). */
export async function scoreTable(m: ScoringModel, file: Table, recalibrate = true): Promise<Float32Array[]> {
  const table = withDerived(file, m);
  requireColumns(table, m);
  const rows = Int32Array.from({ length: table.rowCount }, (_, i) => i);
  // A sequence model's history: the same user's strictly earlier rows of the scored file itself.
  const history = m.history ? buildHistoryIndex(table, m.history) : null;
  const encoded = encodeRows(table, m.encoders, rows, history);
  const raw = m.trees ? treeProbabilities(m.trees, m, encoded) : await neuralProbabilities(m, encoded);
  if (!recalibrate) return raw;
  return raw.map((p, t) => {
    const platt = m.platt?.[t];
    return platt ? applyPlatt(platt, logitsOf(p)) : recalibrateAll(p, m.calibrationRates[t]);
  });
}

/** Every column the model reads must be in the file, numbers where it expects numbers. */
function requireColumns(table: Table, m: ScoringModel): void {
  const has = (c: string) => table.columns.some((col) => col.name === c);
  const needed = new Set([...m.features.map((f) => f.column), ...m.encoders.crosses.flatMap((c) => c.columns)]);
  const missing = [...needed].filter((c) => !has(c));
  if (missing.length) throw new TrainError('invalid-spec', `${table.source} lacks the feature column(s) ${missing.join(', ')} the model reads.`, 'Score a file with the same columns as the training data (the action columns may be absent).');
  const numericAsText = m.features.filter((f) => f.encoding === 'numeric' && table.columns.find((c) => c.name === f.column)?.kind !== 'number').map((f) => f.column);
  if (numericAsText.length) throw new TrainError('invalid-spec', `In ${table.source}, ${numericAsText.join(', ')} hold(s) text where the model expects numbers.`, 'Check that the file has the same columns, in the same format, as the training data.');
  const h = m.history;
  const historyMissing = h ? [h.userColumn, h.timeColumn, ...(h.action ? [h.action] : [])].filter((c) => !has(c)) : [];
  if (historyMissing.length) throw new TrainError('invalid-spec', `The sequence model builds each row's history from the file's earlier rows of the same user, and ${table.source} lacks ${historyMissing.join(', ')}.`, 'Score a file that has the user and time columns (and the history action, if the model reads only acted-on items).');
}

async function neuralProbabilities(m: ScoringModel, encoded: EncodedRows): Promise<Float32Array[]> {
  const model = buildModel(m.kind as NeuralKind, m.shape);
  const chain = m.chain ? tf.tensor2d(m.chain) : null;
  try {
    writeWeights(model.variables, m.weights);
    return (await predictRows(model, encoded, m.tasks.length, chain)).raw;
  } finally {
    chain?.dispose();
    model.dispose();
  }
}

/** Sampled-space probabilities of GBDT's boosters: base score plus every kept tree. */
function treeProbabilities(trees: TreeModel, m: ScoringModel, encoded: EncodedRows): Float32Array[] {
  const bins = binRows(trees.features, m.encoders, encoded);
  return trees.boosters.map((b) => Float32Array.from(boosterScores(b, bins, encoded.rows), (s) => 1 / (1 + Math.exp(-s))));
}

/**
 * The file with the run's derived actions added where its columns allow. One that cannot be built (its
 * action columns are absent, as they usually are in a file to score) is left out: it only matters if a
 * feature reads it, and then the missing-column check names it.
 */
function withDerived(table: Table, m: ScoringModel): Table {
  let out = table;
  for (const d of m.derived ?? []) {
    if (out.columns.some((c) => c.name === d.name)) continue;
    try {
      out = applyDerived(out, [d]);
    } catch {
      // inputs absent: see above
    }
  }
  return out;
}

/**
 * The scoring model of a finished run. Platt maps are fitted once on all of the run's validation rows with
 * a known label (the run's own validation metrics cross-fit them, so no row is judged by a map fitted on it).
 */
export function scoringModelOf(spec: ProblemSpec, config: TrainConfig, data: PreparedData, result: Pick<TrainResult, 'weights' | 'weightShapes' | 'raw' | 'trees'>): ScoringModel | null {
  if (!result.trees && !(result.weights && result.weightShapes)) return null;
  const platt = plattHeads(data, config).map((score, t) => {
    if (!score) return null;
    const known = data.validationKnown[t];
    const rows = Array.from(known.keys()).filter((i) => known[i]);
    return fitPlatt(logitsOf(Float32Array.from(rows, (i) => result.raw[t][i])), Uint8Array.from(rows, (i) => data.validationLabels[t][i]));
  });
  return {
    kind: config.modelKind,
    tasks: data.tasks,
    calibrationRates: data.calibrationRates,
    features: spec.features,
    shape: modelShapeOf(data, config),
    encoders: data.encoders,
    weights: result.weights ?? [],
    weightShapes: result.weightShapes ?? [],
    derived: spec.derived,
    chain: data.link.chainMatrix,
    platt,
    history: config.modelKind === 'sequence' ? { userColumn: spec.userColumn!, timeColumn: spec.timeColumn!, length: config.historyLength, action: config.historyAction } : null,
    trees: result.trees ?? null,
  };
}
