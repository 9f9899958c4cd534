import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { targetSuggestions } from '../formulate/suggest';
import { prepareData } from '../train/prepare';
import { useCpuBackend } from '../train/testing';
import { trainModel } from '../train/trainer';
import { CASE_CONFIG, CORPUS, CORPUS_DIR, loadCorpusFile, setUpCase, TRAINING_CASES } from './corpusCases';
import { useAppStore } from './index';
import { currentSpec } from './specSlice';

const golden: Record<string, { sklearnAuc: number; trainRows: number; validationRows: number; validationPositives: number; features: string[] }> = JSON.parse(readFileSync(join(CORPUS_DIR, 'golden.json'), 'utf8')).cases;
const quiet = { onLoss: () => {}, onEvaluation: () => {}, onProgress: () => {}, shouldStop: () => false };

describe('the real-file corpus through the app\'s ingest path', () => {
  beforeAll(useCpuBackend);

  it.each(CORPUS.map((c) => [c.file, c] as const))('%s: the roles, actions and targets a person would choose', async (_, c) => {
    expect(await loadCorpusFile(c.file)).toBe(true);
    const s = useAppStore.getState();
    const roleOf = Object.fromEntries(s.profiles.map((p) => [p.name, p]));
    for (const [column, expected] of Object.entries(c.roles)) {
      expect(roleOf[column], `${c.file}: no column "${column}"`).toBeDefined();
      const allowed = Array.isArray(expected) ? expected : [expected];
      expect(allowed, `${c.file}: "${column}" is ${roleOf[column].role} (${roleOf[column].reason})`).toContain(roleOf[column].role);
    }
    expect(s.profiles.filter((p) => p.role === 'action').map((p) => p.name)).toEqual(c.actions);
    expect(s.targets).toEqual(c.targets);
    if (c.user !== undefined) expect(s.userColumn).toBe(c.user);
    if (c.item !== undefined) expect(s.itemColumn).toBe(c.item);
    if (c.suggestions) expect(targetSuggestions(s.table!, s.profiles).map((x) => x.action.name).slice(0, c.suggestions.length)).toEqual(c.suggestions);
    // Every role keeps its one-line reason.
    for (const p of s.profiles) expect(p.reason.length, p.name).toBeGreaterThan(3);
  });

  it.each(TRAINING_CASES.map((c) => [c.name, c] as const))('%s: trains with no leak, its AUC that of scikit-learn\'s on the same rows (within 0.001)', async (_, c) => {
    await setUpCase(c);
    const spec = currentSpec(useAppStore.getState());
    const data = prepareData(useAppStore.getState().table!, spec, CASE_CONFIG);
    const features = [...data.encoders.numeric.map((e) => e.column), ...data.encoders.sparse.map((e) => `${e.column}:${e.part}`), ...data.encoders.bags.map((e) => e.column)];
    const g = golden[c.name];
    expect(g, `no golden value for ${c.name}: run scripts/golden/corpus_golden.py`).toBeDefined();
    // The golden value was computed on these very rows and inputs.
    expect({ features, trainRows: data.train.rows, validationRows: data.validationRows.length }).toEqual({ features: g.features, trainRows: g.trainRows, validationRows: g.validationRows });
    for (const column of c.leftOut) expect(features.some((f) => f.startsWith(column))).toBe(false);
    const result = await trainModel(data, CASE_CONFIG, quiet);
    const auc = result.evaluations[0].auc;
    // No leak: a feature that is the label would give ≈ 1; sklearn on the same inputs says what is possible.
    expect(auc).toBeLessThan(0.99);
    expect(g.sklearnAuc).toBeLessThan(0.99);
    // The exact solver reaches the same optimum as scikit-learn's lbfgs: agreement to about 1e-4.
    const tolerance = 0.001;
    if (process.env.SHOW_GOLDEN) console.log(c.name, 'app', auc.toFixed(4), 'sklearn', g.sklearnAuc);
    expect(Math.abs(auc - g.sklearnAuc), `${c.name}: app ${auc.toFixed(4)}, sklearn ${g.sklearnAuc.toFixed(4)}`).toBeLessThan(tolerance);
  }, 120_000);

  it('leaves a derived target\'s source out of the features and says so (census income bracket)', async () => {
    await loadCorpusFile('deepctr_census-income.sample');
    const [first] = targetSuggestions(useAppStore.getState().table!, useAppStore.getState().profiles);
    expect(useAppStore.getState().addDerived(first.action)).toBeNull();
    const s = useAppStore.getState();
    expect(s.targets).toEqual([first.action.name]);
    expect(s.features.map((f) => f.column)).toContain('col_43');
    const encoded = (spec: ReturnType<typeof currentSpec>) => prepareData(useAppStore.getState().table!, spec, CASE_CONFIG).encoders.sparse.map((e) => e.column);
    const data = prepareData(s.table!, currentSpec(s), CASE_CONFIG);
    expect(data.leaks.sources).toEqual([{ column: 'col_43', targets: [first.action.name], kept: false }]);
    expect(encoded(currentSpec(s))).not.toContain('col_43');
    // Kept on purpose with one click, it is a feature again (and the run says it leaks).
    s.setLeakAllowed('col_43', true);
    expect(encoded(currentSpec(useAppStore.getState()))).toContain('col_43');
  });

  it('flags the bandit log\'s click as too thin to judge (9 clicks in 1,500 impressions)', async () => {
    await loadCorpusFile('obd_random_men_sample.csv');
    useAppStore.getState().toggleTarget('click', true);
    const data = prepareData(useAppStore.getState().table!, currentSpec(useAppStore.getState()), CASE_CONFIG);
    expect(data.checks.map((c) => c.task)).toContain('click');
    expect(data.checks.find((c) => c.task === 'click')!.text).toMatch(/validation rows/);
  });
});
