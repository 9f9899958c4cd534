import { beforeAll, describe, expect, it } from 'vitest';
import type { Table } from '../data/table';
import { applyDerived, type DerivedAction } from '../formulate/derived';
import type { ProblemSpec } from '../formulate/spec';
import { DEFAULT_TRAIN_CONFIG, type TrainConfig } from './config';
import { prepareData } from './prepare';
import { scoreTable, scoringModelOf } from './score';
import { modelArchive, openModelArchive } from '../export/modelArchive';
import { useCpuBackend } from './testing';
import { trainModel } from './trainer';
import { spec as zooSpec, table } from './zoo.fixture';

const quiet = { onLoss: () => {}, onEvaluation: () => {}, onProgress: () => {}, shouldStop: () => false };
const spec = { ...zooSpec, sampling: { ...zooSpec.sampling, keepRates: { click: 0.5, buy: 1 } } };

describe('scoring a file with a finished run', () => {
  beforeAll(useCpuBackend);

  it.each(['logistic-regression', 'mlp'] as const)('%s: the validation rows of the training file score exactly as the run predicted them', async (kind) => {
    const config: TrainConfig = { ...DEFAULT_TRAIN_CONFIG, modelKind: kind, learningRate: 0.02, batchSize: 128, epochs: 2, hiddenLayers: [8], embeddingDim: 4 };
    const data = prepareData(table, spec, config);
    const result = await trainModel(data, config, quiet);
    expect(result.weights?.length).toBeGreaterThan(0);
    const model = scoringModelOf(spec, config, data, result)!;
    const scored = await scoreTable(model, table);
    expect(scored).toHaveLength(2);
    // The same model through a downloaded archive and back scores identically.
    const reopened = openModelArchive(modelArchive(model, 'zoo.csv', spec, config));
    expect(reopened.weightShapes).toEqual(model.weightShapes);
    expect(await scoreTable(reopened, table)).toEqual(scored);
    // Recalibrated with the head's keep rate, like every probability the app shows.
    data.validationRows.forEach((row, i) => {
      expect(scored[0][row]).toBeCloseTo(result.calibrated[0][i], 5);
      expect(scored[1][row]).toBeCloseTo(result.calibrated[1][i], 5);
    });
  }, 60_000);

  it('derived actions: a run with a derived target scores, and a feature that reads a derived action is rebuilt on the scored file', async () => {
    const derived: DerivedAction[] = [
      { kind: 'combine', name: 'click_or_buy', op: 'or', inputs: ['click', 'buy'] },
      { kind: 'compare', name: 'pricey', column: 'price', op: '>=', value: 20 },
    ];
    const withDerived: ProblemSpec = { ...spec, derived, targets: ['click', 'click_or_buy'], features: [...spec.features, { column: 'pricey', encoding: 'numeric', log: false }] };
    const trainedOn = applyDerived(table, derived);
    const config: TrainConfig = { ...DEFAULT_TRAIN_CONFIG, epochs: 1, batchSize: 256 };
    const data = prepareData(trainedOn, withDerived, config);
    const result = await trainModel(data, config, quiet);
    const model = scoringModelOf(withDerived, config, data, result)!;
    expect(model).not.toBeNull();
    // Tomorrow's file: no action columns, and no "pricey" — it is rebuilt from price.
    const tomorrow: Table = { ...table, source: 'tomorrow.csv', columns: table.columns.filter((c) => !['click', 'buy'].includes(c.name)) };
    const scored = await scoreTable(model, tomorrow);
    data.validationRows.forEach((row, i) => expect(scored[1][row]).toBeCloseTo(result.calibrated[1][i], 5));
    // Through an archive, the definitions come back from its spec.
    const reopened = openModelArchive(modelArchive(model, 'zoo.csv', withDerived, config));
    expect(await scoreTable(reopened, tomorrow)).toEqual(scored);
  }, 60_000);

  it('a file without a feature column, or with text where numbers were, is refused with the fix', async () => {
    const config: TrainConfig = { ...DEFAULT_TRAIN_CONFIG, epochs: 1, batchSize: 256 };
    const data = prepareData(table, spec, config);
    const result = await trainModel(data, config, quiet);
    const model = scoringModelOf(spec, config, data, result)!;
    const noPrice: Table = { ...table, source: 'tomorrow.csv', columns: table.columns.filter((c) => c.name !== 'price') };
    await expect(scoreTable(model, noPrice)).rejects.toThrow('tomorrow.csv lacks the feature column(s) price');
    const textPrice: Table = { ...table, source: 'odd.csv', columns: table.columns.map((c) => (c.name === 'price' ? { kind: 'string', name: 'price', codes: new Int32Array(table.rowCount), dictionary: ['cheap'] } : c)) };
    await expect(scoreTable(model, textPrice)).rejects.toThrow('price hold(s) text where the model expects numbers');
    expect(() => openModelArchive(new Uint8Array([1, 2, 3]))).toThrow('not a model archive');
  }, 60_000);
});
