import { beforeAll, describe, expect, it } from 'vitest';
import { applyDerived, type DerivedAction } from '../formulate/derived';
import type { ProblemSpec } from '../formulate/spec';
import type { Table } from '../data/table';
import type { TrainConfig } from '../train/config';
import { useCpuBackend } from '../train/testing';
import { impressionLog } from '../train/zoo.fixture';
import { pytorchExport } from './pytorch';
import { base, compareWithScript, hasTorch, spec, withTags } from './pytorchScript.fixture';

/** The script's settings, and the linear and MLP families, derived actions, splits, bags, crosses and funnels run under python3-torch (pytorchKinds.test.ts has the other families). */
describe('PyTorch export', () => {
  beforeAll(useCpuBackend);

  it('writes the settings, the calibration rates and the value formula into the script', () => {
    const { script, requirements } = pytorchExport({ spec, config: base, weights: { click: 1, buy: 10 }, source: 'shop.csv' });
    const config = JSON.parse(script.match(/CONFIG = json\.loads\(r"""([\s\S]*?)"""\)/)![1]);
    expect(config.calibrationRates).toEqual([0.4, 1]);
    expect(config.valueFormula).toBe('1·p(click) + 10·p(buy)');
    expect(config.spec.sampling.seed).toBe(2);
    expect(script).toContain('DistributedDataParallel');
    expect(requirements).toMatch(/^torch>=/m);
  });

  /** Train in the app, run the exported script on the same CSV, and compare. */
  it.runIf(hasTorch).each(['logistic-regression', 'mlp', 'wide-deep', 'mmoe'] as const)('%s: the script picks the same rows and reaches the app\'s validation AUC (python3-torch)', async (kind) => {
    const { scored, metrics } = await compareWithScript(impressionLog(4000, 9), spec, { ...base, modelKind: kind });
    expect(scored[0]).toContain('p_click,p_buy,value_score');
    // Sampled on 40% of its negatives and recalibrated: the click head still sums to what happened.
    expect(metrics.tasks.click.calibrationRatio).toBeGreaterThan(0.75);
    expect(metrics.tasks.click.calibrationRatio).toBeLessThan(1.25);
  }, 180_000);

  it.runIf(hasTorch)('derived actions — a combination, a number threshold, a text match and a ratio — rebuilt by the script (python3-torch)', async () => {
    const derived: DerivedAction[] = [
      { kind: 'combine', name: 'click_or_buy', op: 'or', inputs: ['click', 'buy'] },
      { kind: 'compare', name: 'pricey', column: 'price', op: '>=', value: 20 },
      { kind: 'compare', name: 'sport', column: 'genre', op: '==', value: 'sport' },
      { kind: 'ratio', name: 'late_hour', numerator: 'hour', denominator: 'price', op: '>', value: 0.5 },
    ];
    const withDerived: ProblemSpec = { ...spec, derived, targets: ['click', 'buy', ...derived.map((d) => d.name)] };
    // In the app the Formulate cell appends them to the table; the script rebuilds them from the raw CSV.
    const table = impressionLog(4000, 9);
    const { metrics } = await compareWithScript(table, withDerived, { ...base, modelKind: 'logistic-regression' }, applyDerived(table, derived));
    expect(Object.keys(metrics.tasks)).toEqual(withDerived.targets);
  }, 180_000);

  it.runIf(hasTorch)('user split (on a number and on a text column), per-user cap, warm-up and cosine decay (python3-torch)', async () => {
    const table = impressionLog(4000, 9);
    const config: TrainConfig = { ...base, warmupSteps: 10, decay: 'cosine' };
    const capped: ProblemSpec = { ...spec, sampling: { ...spec.sampling, split: { kind: 'user', column: 'user' }, capPerUser: 3 } };
    await compareWithScript(table, capped, config);
    // The same users as text ("u17"), coded in order of first appearance as the app's reader codes them.
    const users = table.columns.find((c) => c.name === 'user')!;
    if (users.kind !== 'number') throw new Error('the fixture\'s user column is numeric');
    const dictionary: string[] = [];
    const codeOf = new Map<number, number>();
    const codes = Int32Array.from(users.values, (v) => codeOf.get(v) ?? (codeOf.set(v, dictionary.push(`u${v}`) - 1), dictionary.length - 1));
    const named: Table = { ...table, columns: [...table.columns, { kind: 'string', name: 'user_name', codes, dictionary }] };
    await compareWithScript(named, { ...capped, userColumn: 'user_name', sampling: { ...capped.sampling, split: { kind: 'user', column: 'user_name' } } }, config);
  }, 180_000);

  it.runIf(hasTorch).each(['logistic-regression', 'wide-deep'] as const)('%s with an id-list feature and a hashed cross (python3-torch)', async (kind) => {
    const table = withTags(impressionLog(4000, 9));
    const tagged: ProblemSpec = { ...spec, features: [...spec.features, { column: 'tags', encoding: 'bag', separator: '|', maxLength: 3, minCount: 1 }] };
    await compareWithScript(table, tagged, { ...base, modelKind: kind, crosses: [['user', 'genre']], crossBuckets: 512 });
  }, 180_000);

  it.runIf(hasTorch)('a funnel (click → buy) trained on every impression (python3-torch)', async () => {
    const funnel: ProblemSpec = { ...spec, formulation: { kind: 'funnel', chain: ['click', 'buy'] }, sampling: { ...spec.sampling, keepRates: { click: 1, buy: 1 } } };
    const { script } = pytorchExport({ spec: funnel, config: base, weights: {}, source: 'x.csv' });
    expect(JSON.parse(script.match(/CONFIG = json\.loads\(r"""([\s\S]*?)"""\)/)![1]).chain).toEqual([[1, 1], [0, 1]]);
    await compareWithScript(impressionLog(4000, 9), funnel, { ...base, modelKind: 'mlp' });
  }, 180_000);
});
