import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Table } from '../data/table';
import { spec, table } from './zoo.fixture';
import { buildHistoryIndex } from '../features/history';
import { DEFAULT_TRAIN_CONFIG, type TrainConfig } from './config';
import { registerFastCpuSegmentSum, unsortedSegmentSumCpu } from './kernels/segmentSum';
import { prepareData } from './prepare';
import { trainModel } from './trainer';
import { useCpuBackend } from './testing';

beforeAll(useCpuBackend);

const base: TrainConfig = { ...DEFAULT_TRAIN_CONFIG, learningRate: 0.02, batchSize: 128, epochs: 3, hiddenLayers: [16], embeddingDim: 4, l2: 0 };
const quiet = { onLoss: () => {}, onEvaluation: () => {}, onProgress: () => {}, shouldStop: () => false };

describe('every model kind trains through the whole pipeline', () => {
  it.each<[string, Partial<TrainConfig>]>([
    ['mlp', { modelKind: 'mlp' }],
    ['wide-deep with a cross', { modelKind: 'wide-deep', crosses: [['user', 'genre']] }],
    ['mmoe', { modelKind: 'mmoe', experts: 3 }],
    ['two-tower (ranking)', { modelKind: 'two-tower', towerMode: 'ranking' }],
    ['sequence (attention)', { modelKind: 'sequence', historyPooling: 'attention', historyAction: 'click' }],
    ['lightgcn (dot)', { modelKind: 'lightgcn', graphScoring: 'dot', learningRate: 0.05 }],
    // Propagation averages random neighbours at first, so the graph-smoothed MLP needs more epochs to start.
    ['lightgcn (mlp)', { modelKind: 'lightgcn', graphScoring: 'mlp', epochs: 8 }],
    ['gbdt', { modelKind: 'gbdt' }],
  ])('%s learns the click and leaves no tensors', async (_, patch) => {
    const config = { ...base, ...patch };
    const before = tf.memory().numTensors;
    const result = await trainModel(prepareData(table, spec, config), config, quiet);
    const click = result.evaluations[0];
    expect(click.auc).toBeGreaterThan(0.7);
    expect(click.calibrationRatio).toBeGreaterThan(0.7);
    expect(click.calibrationRatio).toBeLessThan(1.3);
    expect(result.parameterCount).toBeGreaterThan(0);
    expect(tf.memory().numTensors).toBe(before);
  }, 120_000);
});

describe('model-specific behaviour', () => {
  it('two-tower: item-constant columns go to the item tower, the rest to the query tower', () => {
    const data = prepareData(table, spec, { ...base, modelKind: 'two-tower' });
    expect(data.model.towerColumns).toEqual({ item: ['item', 'genre', 'price'], query: ['user', 'hour'] });
  });

  it('two-tower retrieval: in-batch softmax with logQ, recall@k over the item set beats chance', async () => {
    const config: TrainConfig = { ...base, modelKind: 'two-tower', towerMode: 'retrieval', retrievalK: 10, epochs: 6, learningRate: 0.01 };
    const data = prepareData(table, spec, config);
    // logQ is the log share of the row's item among the task's training positives: ≤ 0, and exp sums to 1 over items.
    expect(Array.from(data.model.itemLogQ!).every((v) => v <= 0)).toBe(true);
    const result = await trainModel(data, config, quiet);
    const click = result.diagnostics.retrieval![0];
    expect(click.items).toBe(30);
    expect(click.queries).toBeGreaterThan(50);
    // Chance is 10/30; the model knows taste and genre.
    expect(click.recall).toBeGreaterThan(0.4);
    expect(click.popularityRecall).toBeGreaterThanOrEqual(0);
    // Retrieval heads are Platt-calibrated, so their probabilities are still usable downstream.
    expect(result.evaluations[0].calibrationRatio).toBeGreaterThan(0.8);
    expect(result.evaluations[0].calibrationRatio).toBeLessThan(1.2);
  }, 120_000);

  it('MMoE reports each task\u2019s mean gate weights, a distribution over experts', async () => {
    const config: TrainConfig = { ...base, modelKind: 'mmoe', experts: 3, epochs: 1 };
    const result = await trainModel(prepareData(table, spec, config), config, quiet);
    const gates = result.diagnostics.gates!;
    expect(gates).toHaveLength(2);
    gates.forEach((g) => {
      expect(g).toHaveLength(3);
      expect(g.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 4);
    });
  }, 60_000);

  it('a task loss weight of 0 leaves that head untrained', async () => {
    const config: TrainConfig = { ...base, modelKind: 'logistic-regression', taskLossWeights: { buy: 0 }, epochs: 1 };
    const result = await trainModel(prepareData(table, spec, config), config, quiet);
    const buy = result.raw[1];
    expect(buy.every((p) => Math.abs(p - buy[0]) < 1e-6)).toBe(true);
    expect(result.raw[0].some((p) => Math.abs(p - result.raw[0][0]) > 1e-3)).toBe(true);
  }, 60_000);

  it('LightGCN: the graph holds training positives only, never a validation interaction', () => {
    const data = prepareData(table, spec, { ...base, modelKind: 'lightgcn' });
    const { src, dst } = data.model.graph!;
    const idDim = data.train.idDim;
    const pairs = (ids: Int32Array, rows: number, keep: (i: number) => boolean) => {
      const out = new Set<string>();
      for (let i = 0; i < rows; i++) if (keep(i)) out.add(`${ids[i * idDim]}:${ids[i * idDim + 1]}`);
      return out;
    };
    const trainPositives = pairs(data.train.ids, data.train.rows, (i) => data.trainLabels[i * 2] === 1);
    const edges = new Set(Array.from(src, (u, e) => `${u}:${dst[e]}`));
    for (const edge of edges) {
      const [a, b] = edge.split(':');
      expect(trainPositives.has(edge) || trainPositives.has(`${b}:${a}`)).toBe(true);
    }
    expect(edges.size).toBe(2 * trainPositives.size);
  });

  it('the sequence model refuses to start without the item column as an embedding, naming the fix', () => {
    const noItem = { ...spec, features: spec.features.filter((f) => f.column !== 'item') };
    expect(() => prepareData(table, noItem, { ...base, modelKind: 'sequence' })).toThrow(/"item" is not an embedding feature/);
  });
});

describe('history', () => {
  it('holds only the same user\u2019s strictly earlier impressions, newest first', () => {
    const history = buildHistoryIndex(table, { userColumn: 'user', timeColumn: 'time', length: 5, action: null });
    const user = (table.columns[0] as { values: Float64Array }).values;
    const time = (table.columns[2] as { values: Float64Array }).values;
    let filled = 0;
    for (let r = 0; r < table.rowCount; r++) {
      let previousTime = Infinity;
      for (let k = 0; k < 5; k++) {
        const p = history.previous[r * 5 + k];
        if (p < 0) continue;
        filled++;
        expect(user[p]).toBe(user[r]);
        expect(time[p]).toBeLessThan(time[r]);
        expect(time[p]).toBeLessThan(previousTime);
        previousTime = time[p];
      }
    }
    expect(filled).toBeGreaterThan(table.rowCount * 3);
  });

  it('an impression at the same instant is not history', () => {
    const rows = 4;
    const num = (name: string, values: number[]) => ({ kind: 'number' as const, name, values: Float64Array.from(values), missing: new Uint8Array(rows) });
    const t: Table = { source: 't', rowCount: rows, columns: [num('u', [1, 1, 1, 2]), num('t', [10, 10, 20, 5])] };
    const h = buildHistoryIndex(t, { userColumn: 'u', timeColumn: 't', length: 3, action: null });
    expect(Array.from(h.previous.subarray(0, 3))).toEqual([-1, -1, -1]);
    expect(Array.from(h.previous.subarray(3, 6))).toEqual([-1, -1, -1]);
    expect(Array.from(h.previous.subarray(6, 9)).sort()).toEqual([-1, 0, 1]);
    expect(Array.from(h.previous.subarray(9, 12))).toEqual([-1, -1, -1]);
  });
});

describe('cpu UnsortedSegmentSum', () => {
  it('adds rows into their segments, skipping out-of-range ids', () => {
    const x = Float32Array.from([1, 2, 3, 4, 5, 6, 7, 8]); // 4 rows of width 2
    expect(Array.from(unsortedSegmentSumCpu(x, Int32Array.from([2, 0, 2, 9]), 3, 2, 'float32'))).toEqual([3, 4, 0, 0, 6, 8]);
  });

  it('is what an embedding gradient uses on cpu, with the same result as the definition', async () => {
    registerFastCpuSegmentSum();
    const table = tf.variable(tf.ones([50, 3]));
    const ids = tf.tensor1d([3, 3, 7, 49], 'int32');
    const grads = tf.grads((t: tf.Tensor) => tf.sum(tf.mul(tf.gather(t, ids), tf.tensor2d([[1], [2], [3], [4]]))))([table]);
    const g = await grads[0].array() as number[][];
    expect(g[3]).toEqual([3, 3, 3]);
    expect(g[7]).toEqual([3, 3, 3]);
    expect(g[49]).toEqual([4, 4, 4]);
    expect(g[0]).toEqual([0, 0, 0]);
    [table, ids, ...grads].forEach((t) => t.dispose());
  });
});
