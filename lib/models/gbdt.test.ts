import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDelimited } from '../data/parse';
import type { ProblemSpec } from '../formulate/spec';
import { DEFAULT_GBDT, DEFAULT_TRAIN_CONFIG, type TrainConfig } from '../train/config';
import { prepareData } from '../train/prepare';
import { trainModel, type LossPoint } from '../train/trainer';
import { numericBin, numericBins } from './trees/binning';
import { binnedMatrix, growTree } from './trees/tree';
import golden from './trees/fixtures/gbdt_golden.json';

const fixture = parseDelimited(readFileSync(join(__dirname, 'trees/fixtures/gbdt_fixture.csv'), 'utf8'), 'gbdt_fixture.csv');

// The last 1,000 rows by t validate, as in scripts/golden/gbdt_golden.py.
const spec: ProblemSpec = {
  version: 1,
  targets: ['y'],
  derived: [],
  formulation: { kind: 'pointwise' },
  features: [
    ...['x1', 'x2', 'x3', 'x4'].map((column) => ({ column, encoding: 'numeric' as const, log: false })),
    { column: 'c', encoding: 'embedding', minCount: 1 },
  ],
  userColumn: null,
  sampling: { split: { kind: 'time', column: 't' }, seed: 1, validationFraction: 0.25, rowFraction: 1, keepRates: { y: 1 }, upsample: {}, capPerUser: null, dropDuplicates: false, dropMissingLabels: true },
};

const gbdtConfig = (patch: Partial<TrainConfig['gbdt']> = {}): TrainConfig => ({
  ...DEFAULT_TRAIN_CONFIG,
  modelKind: 'gbdt',
  gbdt: { ...DEFAULT_GBDT, trees: golden.params.trees, maxDepth: golden.params.max_depth, maxLeaves: 64, learningRate: golden.params.learning_rate, lambda: golden.params.reg_lambda, minChildWeight: golden.params.min_child_weight, maxBins: golden.params.max_bin, earlyStoppingRounds: 0, ...patch },
});

const silent = (losses: LossPoint[] = []) => ({ onLoss: (p: LossPoint[]) => losses.push(...p), onEvaluation: () => {}, onProgress: () => {}, shouldStop: () => false });

describe('GBDT', () => {
  it(`reaches XGBoost ${golden.xgboost}'s validation AUC within 0.01 on the committed fixture`, async () => {
    const data = prepareData(fixture, spec, gbdtConfig());
    expect(data.validation.rows).toBe(golden.validationRows);
    const losses: LossPoint[] = [];
    const result = await trainModel(data, gbdtConfig(), silent(losses));
    const auc = result.evaluations[0].auc;
    if (process.env.SHOW_GOLDEN) console.log('gbdt auc', auc, 'xgboost', golden.validationAuc);
    expect(Math.abs(auc - golden.validationAuc)).toBeLessThan(0.01);
    // The training loss falls tree by tree.
    expect(losses[losses.length - 1].sampled).toBeLessThan(losses[0].sampled * 0.8);
    // Importance: the informative features carry gain.
    const importance = result.diagnostics.importance![0].features;
    expect(importance[0].gain).toBeGreaterThan(0);
    expect(importance.map((f) => f.feature)).toContain('c');
  }, 60_000);

  it('stops early when validation loss stops improving and keeps the best round', async () => {
    const config = gbdtConfig({ trees: 400, learningRate: 0.5, earlyStoppingRounds: 5 });
    const result = await trainModel(prepareData(fixture, spec, config), config, silent());
    const trees = result.diagnostics.trees![0];
    expect(trees.grown).toBeLessThan(400);
    expect(trees.kept).toBe(trees.grown - 5);
  }, 60_000);

  it('never stops early on a head whose validation rows hold no positive (it cannot tell a better round)', async () => {
    // z copies y on the earliest 60% of rows by t and is 0 after: the time split validates on none of its positives.
    const t = fixture.columns.find((c) => c.name === 't')!;
    const y = fixture.columns.find((c) => c.name === 'y')!;
    if (t.kind !== 'number' || y.kind !== 'number') throw new Error('the fixture changed');
    const cutoff = [...t.values].sort((a, b) => a - b)[Math.floor(t.values.length * 0.6)];
    const z = { kind: 'number' as const, name: 'z', values: Float64Array.from(y.values, (v, i) => (t.values[i] < cutoff ? v : 0)), missing: new Uint8Array(fixture.rowCount) };
    const config = gbdtConfig({ trees: 40, learningRate: 0.5, earlyStoppingRounds: 3 });
    const data = prepareData({ ...fixture, columns: [...fixture.columns, z] }, { ...spec, targets: ['y', 'z'], sampling: { ...spec.sampling, keepRates: { y: 1, z: 1 } } }, config);
    expect(data.judgeable).toEqual([true, false]);
    expect(data.checks.map((c) => c.task)).toEqual(['z']);
    const trees = (await trainModel(data, config, silent())).diagnostics.trees!;
    expect(trees[0].grown).toBeLessThan(40);
    expect(trees[1].grown).toBe(40);
  }, 60_000);

  it('refuses a funnel formulation with a message naming the fix', () => {
    const funnel = { ...spec, targets: ['y', 'x1'], formulation: { kind: 'funnel' as const, chain: ['y', 'x1'] } };
    expect(() => prepareData(fixture, funnel, gbdtConfig())).toThrow(/funnel formulation cannot be trained/);
  });
});

describe('trees', () => {
  it('bins values at quantiles, a value going to the count of edges below it', () => {
    const bins = numericBins('x', [1, 1, 2, 3, 3, 3, 10], 8);
    expect(Array.from(bins.edges)).toEqual([1.5, 2.5, 6.5]);
    expect([1, 2, 3, 10, 100, -5].map((v) => numericBin(bins.edges, v))).toEqual([0, 1, 2, 3, 3, 0]);
    const many = numericBins('y', Array.from({ length: 1000 }, (_, i) => i), 4);
    expect(many.bins).toBe(4);
  });

  it('finds the step of a step function in one split, leaf values −G/(H+λ)·η', () => {
    const n = 100;
    const bins = [Uint8Array.from({ length: n }, (_, i) => (i < 50 ? 0 : 1))];
    const m = binnedMatrix([{ name: 'x', kind: 'numeric', edges: new Float64Array([0.5]), bins: 2 }], bins);
    // Gradients −1 on the left half, +1 on the right; hessians 1.
    const g = Float64Array.from({ length: n }, (_, i) => (i < 50 ? -1 : 1));
    const h = new Float64Array(n).fill(1);
    const { nodes, gains } = growTree(m, g, h, Int32Array.from({ length: n }, (_, i) => i), [0], { maxDepth: 3, maxLeaves: 8, minChildWeight: 1, lambda: 0, learningRate: 1, minCategoryRows: 0 });
    expect(nodes).toHaveLength(3);
    expect(nodes[0].threshold).toBe(0);
    expect(nodes[nodes[0].left].value).toBeCloseTo(1);
    expect(nodes[nodes[0].right].value).toBeCloseTo(-1);
    // gain = 50²/50 + 50²/50 − 0
    expect(gains[0]).toBeCloseTo(100);
  });
});
