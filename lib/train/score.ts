/**
 * Score another table with a finished model (the "Score a file" cell): the model is rebuilt from its
 * shape, its weights go back in, the rows are encoded with its fitted encoders, and every row gets each
 * head's probability, recalibrated for the head's sampling as everywhere else in the app.
 */
import type { Table } from '../data/table';
import { applyDerived } from '../formulate/derived';
import type { ProblemSpec } from '../formulate/spec';
import { encodeRows } from '../features/encode';
import { buildModel, type NeuralKind } from '../models/registry';
import { recalibrateAll } from '../sampling/recalibrate';
import { writeWeights } from './checkpoint';
import type { TrainConfig } from './config';
import { TrainError } from './errors';
import { modelShapeOf } from './modelShape';
import { predictRows } from './predict';
import type { PreparedData } from './prepare';
import type { ScoringModel } from './scoringModel';
import { scoringProblem } from './scorable';

/** Calibrated probabilities per head for every row of `table`. */
export async function scoreTable(m: ScoringModel, file: Table): Promise<Float32Array[]> {
  const table = withDerived(file, m);
  const missing = m.features.map((f) => f.column).filter((c) => !table.columns.some((col) => col.name === c));
  if (missing.length) throw new TrainError('invalid-spec', `${table.source} lacks the feature column(s) ${missing.join(', ')} the model reads.`, 'Score a file with the same columns as the training data (the action columns may be absent).');
  const numericAsText = m.features.filter((f) => f.encoding === 'numeric' && table.columns.find((c) => c.name === f.column)?.kind !== 'number').map((f) => f.column);
  if (numericAsText.length) throw new TrainError('invalid-spec', `In ${table.source}, ${numericAsText.join(', ')} hold(s) text where the model expects numbers.`, 'Check that the file has the same columns, in the same format, as the training data.');
  const model = buildModel(m.kind as NeuralKind, m.shape);
  try {
    writeWeights(model.variables, m.weights);
    const rows = Int32Array.from({ length: table.rowCount }, (_, i) => i);
    const { raw } = await predictRows(model, encodeRows(table, m.encoders, rows), m.tasks.length, null);
    return raw.map((p, t) => recalibrateAll(p, m.calibrationRates[t]));
  } finally {
    model.dispose();
  }
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

/** The scoring model of a finished run, or null when its kind or formulation is not scored yet. */
export function scoringModelOf(spec: ProblemSpec, config: TrainConfig, data: PreparedData, weights: Float32Array[], weightShapes: number[][]): ScoringModel | null {
  if (scoringProblem(spec, config)) return null;
  return { kind: config.modelKind, tasks: data.tasks, calibrationRates: data.calibrationRates, features: spec.features, shape: modelShapeOf(data, config), encoders: data.encoders, weights, weightShapes, derived: spec.derived };
}
