import { unzipSync, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Table } from '../data/table';
import type { ProblemSpec } from '../formulate/spec';
import { modelArchive, openModelArchive } from '../export/modelArchive';
import { auc } from '../metrics/auc';
import { DEFAULT_TRAIN_CONFIG, type TrainConfig } from './config';
import { prepareData } from './prepare';
import { scoreTable, scoringModelOf } from './score';
import { useCpuBackend } from './testing';
import { trainModel } from './trainer';
import { spec as zooSpec, table } from './zoo.fixture';

const quiet = { onLoss: () => {}, onEvaluation: () => {}, onProgress: () => {}, shouldStop: () => false };
const base: TrainConfig = { ...DEFAULT_TRAIN_CONFIG, learningRate: 0.02, batchSize: 128, epochs: 2, hiddenLayers: [8], embeddingDim: 4, l2: 0 };
const funnel: ProblemSpec = { ...zooSpec, formulation: { kind: 'funnel', chain: ['click', 'buy'] } };
const ranking: ProblemSpec = { ...zooSpec, formulation: { kind: 'ranking', action: 'click', loss: 'bpr', window: null } };

/**
 * Every model kind and formulation scores a file: scoring the training file must reproduce the run's
 * own validation probabilities (heads calibrated by rate), or apply the Platt map fitted on them (score
 * heads), and a downloaded archive must score identically.
 */
describe('scoring with every model kind and formulation', () => {
  beforeAll(useCpuBackend);

  it.each<[string, ProblemSpec, Partial<TrainConfig>]>([
    ['two-tower (ranking)', zooSpec, { modelKind: 'two-tower', towerMode: 'ranking' }],
    ['two-tower (retrieval)', zooSpec, { modelKind: 'two-tower', towerMode: 'retrieval', epochs: 3 }],
    ['sequence (attention over clicked items)', zooSpec, { modelKind: 'sequence', historyPooling: 'attention', historyAction: 'click' }],
    ['lightgcn (dot)', zooSpec, { modelKind: 'lightgcn', graphScoring: 'dot', learningRate: 0.05 }],
    ['lightgcn (mlp)', zooSpec, { modelKind: 'lightgcn', graphScoring: 'mlp' }],
    ['gbdt', zooSpec, { modelKind: 'gbdt', gbdt: { ...DEFAULT_TRAIN_CONFIG.gbdt, trees: 20 } }],
    ['a funnel (click → buy)', funnel, { modelKind: 'mlp' }],
    ['learning to rank clicks (BPR)', ranking, { modelKind: 'mlp' }],
  ])('%s', async (_, spec, patch) => {
    const config = { ...base, ...patch };
    const data = prepareData(table, spec, config);
    const result = await trainModel(data, config, quiet);
    const model = scoringModelOf(spec, config, data, result)!;
    expect(model).not.toBeNull();
    const scored = await scoreTable(model, table);
    expect(scored).toHaveLength(2);
    model.tasks.forEach((_, t) => {
      const atValidation = Float32Array.from(data.validationRows, (row) => scored[t][row]);
      if (!model.platt?.[t]) {
        data.validationRows.forEach((_, i) => expect(atValidation[i]).toBeCloseTo(result.calibrated[t][i], 5));
        return;
      }
      // A score head: one Platt map over the run's validation rows keeps the order of its scores (the
      // run's AUC; reversed where the head learned the wrong way round and the map's slope is negative)
      // and makes their mean probability match the positive rate.
      const labels = data.validationLabels[t];
      const runAuc = auc(result.raw[t], labels);
      expect(auc(atValidation, labels)).toBeCloseTo(model.platt[t]!.a > 0 ? runAuc : 1 - runAuc, 6);
      const rate = labels.reduce((a, b) => a + b, 0) / labels.length;
      const mean = atValidation.reduce((a, b) => a + b, 0) / atValidation.length;
      expect(Math.abs(mean / rate - 1)).toBeLessThan(0.02);
    });
    const reopened = openModelArchive(modelArchive(model, 'zoo.csv', spec, config));
    expect(await scoreTable(reopened, table)).toEqual(scored);
  }, 120_000);

  it('the sequence model reads history from the scored file and names the columns it lacks', async () => {
    const config: TrainConfig = { ...base, modelKind: 'sequence', historyPooling: 'mean', historyAction: 'click' };
    const data = prepareData(table, zooSpec, config);
    const model = scoringModelOf(zooSpec, config, data, await trainModel(data, config, quiet))!;
    const noClicks: Table = { ...table, source: 'tomorrow.csv', columns: table.columns.filter((c) => c.name !== 'click') };
    await expect(scoreTable(model, noClicks)).rejects.toThrow('tomorrow.csv lacks click');
    // Alone, a user's first row has no history; the same row scored after that user's earlier rows has some.
    const lastRows: Table = sliceRows(table, table.rowCount - 50, table.rowCount);
    const alone = await scoreTable(model, lastRows);
    const withPast = await scoreTable(model, table);
    const differs = alone[0].some((p, i) => Math.abs(p - withPast[0][table.rowCount - 50 + i]) > 1e-6);
    expect(differs).toBe(true);
  }, 60_000);

  it('a GBDT split on a category of more than 256 values goes through the archive and scores the same', async () => {
    // 600 items, each with its own click rate: the trees split on item bins far above 255.
    const rows = 6000;
    let seed = 9;
    const rand = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 4294967296);
    const item = Float64Array.from({ length: rows }, () => Math.floor(rand() * 600));
    const click = Float64Array.from(item, (v) => (rand() < (v % 5 === 0 ? 0.7 : 0.1) ? 1 : 0));
    const num = (name: string, values: Float64Array) => ({ kind: 'number' as const, name, values, missing: new Uint8Array(rows) });
    const many: Table = { source: 'many.csv', rowCount: rows, columns: [num('item', item), num('click', click)] };
    const spec: ProblemSpec = { ...zooSpec, targets: ['click'], features: [{ column: 'item', encoding: 'embedding', minCount: 1 }], userColumn: null, itemColumn: null, timeColumn: null, sampling: { ...zooSpec.sampling, split: { kind: 'random' }, keepRates: { click: 1 } } };
    const config: TrainConfig = { ...base, modelKind: 'gbdt', gbdt: { ...DEFAULT_TRAIN_CONFIG.gbdt, trees: 10 } };
    const data = prepareData(many, spec, config);
    const model = scoringModelOf(spec, config, data, await trainModel(data, config, quiet))!;
    const splitBins = model.trees!.boosters[0].trees.flatMap((nodes) => nodes.flatMap((n) => (n.leftSet ? [...n.leftSet.keys()].filter((k) => n.leftSet![k]) : [])));
    expect(Math.max(...splitBins)).toBeGreaterThan(255);
    const scored = await scoreTable(model, many);
    expect(await scoreTable(openModelArchive(modelArchive(model, 'many.csv', spec, config)), many)).toEqual(scored);
  }, 60_000);

  it('a broken GBDT or LightGCN archive is refused with the part that is wrong', async () => {
    const config: TrainConfig = { ...base, modelKind: 'gbdt', gbdt: { ...DEFAULT_TRAIN_CONFIG.gbdt, trees: 3 } };
    const data = prepareData(table, zooSpec, config);
    const model = scoringModelOf(zooSpec, config, data, await trainModel(data, config, quiet))!;
    const loop = { ...model, trees: { ...model.trees!, boosters: model.trees!.boosters.map((b) => ({ ...b, trees: b.trees.map((nodes) => nodes.map((n) => (n.left >= 0 ? { ...n, left: 0 } : n))) })) } };
    expect(() => openModelArchive(modelArchive(loop, 'zoo.csv', zooSpec, config))).toThrow('splits point outside it');
    const gcn: TrainConfig = { ...base, modelKind: 'lightgcn', graphScoring: 'dot', epochs: 1 };
    const gcnData = prepareData(table, zooSpec, gcn);
    const gcnModel = scoringModelOf(zooSpec, gcn, gcnData, await trainModel(gcnData, gcn, quiet))!;
    const files = unzipSync(modelArchive(gcnModel, 'zoo.csv', zooSpec, gcn));
    files['graph.bin'] = files['graph.bin'].slice(4);
    expect(() => openModelArchive(zipSync(files))).toThrow('graph.bin holds');
    delete files['graph.bin'];
    expect(() => openModelArchive(zipSync(files))).toThrow('the archive has no graph.bin');
  }, 60_000);
});

function sliceRows(t: Table, from: number, to: number): Table {
  return {
    ...t,
    rowCount: to - from,
    columns: t.columns.map((c) => (c.kind === 'number' ? { ...c, values: c.values.slice(from, to), missing: c.missing.slice(from, to) } : c.kind === 'string' ? { ...c, codes: c.codes.slice(from, to) } : c)),
  } as Table;
}
