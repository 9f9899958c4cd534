/**
 * Score another table with a finished run (the "Score a file" cell). The run's training table, spec and
 * config rebuild its encoders and model shape exactly (sampling and fitting are seeded), the saved
 * weights go back in, and every row of the new table gets each head's probability, recalibrated for the
 * head's sampling as everywhere else in the app.
 */
import type { Table } from '../data/table';
import type { ProblemSpec } from '../formulate/spec';
import { encodeRows } from '../features/encode';
import { buildModel, type NeuralKind } from '../models/registry';
import { recalibrateAll } from '../sampling/recalibrate';
import { writeWeights } from './checkpoint';
import type { TrainConfig } from './config';
import { TrainError } from './errors';
import { modelShapeOf } from './modelShape';
import { predictRows } from './predict';
import { prepareData } from './prepare';
import { scoringProblem } from './scorable';

export async function scoreTable(trainTable: Table, spec: ProblemSpec, config: TrainConfig, weights: Float32Array[], table: Table): Promise<Float32Array[]> {
  const problem = scoringProblem(spec, config);
  if (problem) throw new TrainError('invalid-config', `This run cannot score a file: ${problem}.`, 'Train one of the supported models, then score the file.');
  const missing = spec.features.map((f) => f.column).filter((c) => !table.columns.some((col) => col.name === c));
  if (missing.length) throw new TrainError('invalid-spec', `${table.source} lacks the feature column(s) ${missing.join(', ')} the model reads.`, 'Score a file with the same columns as the training data (the action columns may be absent).');
  const numericAsText = spec.features.filter((f) => f.encoding === 'numeric' && table.columns.find((c) => c.name === f.column)?.kind !== 'number').map((f) => f.column);
  if (numericAsText.length) throw new TrainError('invalid-spec', `In ${table.source}, ${numericAsText.join(', ')} hold(s) text where the model expects numbers.`, 'Check that the file has the same columns, in the same format, as the training data.');
  const data = prepareData(trainTable, spec, config);
  const model = buildModel(config.modelKind as NeuralKind, modelShapeOf(data, config));
  try {
    writeWeights(model.variables, weights);
    const rows = Int32Array.from({ length: table.rowCount }, (_, i) => i);
    const { raw } = await predictRows(model, encodeRows(table, data.encoders, rows), data.tasks.length, null);
    return raw.map((p, t) => recalibrateAll(p, data.calibrationRates[t]));
  } finally {
    model.dispose();
  }
}
