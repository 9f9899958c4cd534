import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { parseDelimited } from '../data/parse';
import { whyNoActions } from '../formulate/suggest';
import { useAppStore } from './index';
import { currentSpec } from './specSlice';
import { INITIAL_STATUSES } from '../notebook/cells';

const shop = readFileSync(join(__dirname, '../../e2e/fixtures/shop_small.csv'), 'utf8');

describe('app store', () => {
  beforeEach(() => useAppStore.setState({ table: null, profiles: [], dataError: null, run: null, cells: INITIAL_STATUSES, weights: {} }));

  it('a sweep whose point cannot start ends with the reason instead of waiting forever', async () => {
    useAppStore.setState({ sweep: null, sweepError: null });
    useAppStore.getState().startSweep({ mode: 'grid', budget: 2, seed: 1, parameters: [{ name: 'epochs', values: [1, 2] }] });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(useAppStore.getState().sweep).toBeNull();
    expect(useAppStore.getState().sweepError).toMatch(/The sweep stopped before run 1/);
  });

  it('a sweep with an out-of-range value is refused before anything trains', () => {
    useAppStore.getState().startSweep({ mode: 'grid', budget: 2, seed: 1, parameters: [{ name: 'batchSize', values: [8] }] });
    expect(useAppStore.getState().sweepError).toMatch(/batch size 8: batch size must be at least 16/);
    expect(useAppStore.getState().run).toBeNull();
  });

  it('loads a table, detects actions and picks a default spec', () => {
    expect(useAppStore.getState().loadText(shop, 'shop.csv')).toBe(true);
    const s = useAppStore.getState();
    expect(s.table?.rowCount).toBe(12);
    expect(s.targets).toEqual(['clicked', 'bought']);
    expect(s.features.map((f) => f.column)).toEqual(['user_id', 'item_id', 'category', 'price']);
    expect(s.userColumn).toBe('user_id');
    expect(s.cells).toMatchObject({ data: 'done', targets: 'done', sampling: 'done', model: 'done', train: 'idle' });
  });

  it('keeps the current dataset when a new file cannot be read', () => {
    useAppStore.getState().loadText(shop, 'shop.csv');
    expect(useAppStore.getState().loadText('only,header\n', 'empty.csv')).toBe(false);
    const s = useAppStore.getState();
    expect(s.table?.source).toBe('shop.csv');
    expect(s.dataError).toMatchObject({ code: 'no-rows' });
    expect(useAppStore.getState().table?.source).toBe('shop.csv');
  });

  it('marks downstream cells stale when a setting changes after training', () => {
    useAppStore.getState().loadText(shop, 'shop.csv');
    useAppStore.setState({ cells: { ...useAppStore.getState().cells, train: 'done', value: 'done' } });
    useAppStore.getState().setKeepRate('bought', 0.1);
    expect(useAppStore.getState().cells).toMatchObject({ sampling: 'done', model: 'stale', train: 'stale', value: 'stale' });
    expect(useAppStore.getState().sampling.keepRates.bought).toBe(0.1);
  });

  it('reports what blocks a run instead of starting it', () => {
    useAppStore.getState().loadText(shop, 'shop.csv');
    useAppStore.getState().toggleTarget('clicked', false);
    useAppStore.getState().toggleTarget('bought', false);
    expect(useAppStore.getState().cells.targets).toBe('error');
    useAppStore.getState().startRun();
    expect(useAppStore.getState().run).toBeNull();
    expect(useAppStore.getState().runBlockers).toContain('choose at least one action as a target');
  });

  it('applies worker events only to the current run', () => {
    useAppStore.getState().loadText(shop, 'shop.csv');
    const s = useAppStore.getState();
    useAppStore.setState({
      run: { runId: 5, status: 'running', table: s.table!, spec: { version: 1, targets: ['clicked'], derived: [], formulation: { kind: 'pointwise' }, features: [{ column: 'price', encoding: 'numeric', log: false }], userColumn: 'user_id', sampling: { ...s.sampling, keepRates: { clicked: 1 } } }, itemColumn: 'item_id', config: s.config, losses: [], evaluations: [], startedAt: 0 },
    });
    s.handleWorkerEvent({ type: 'loss', runId: 4, points: [{ step: 1, epoch: 1, task: 'clicked', train: 0.5, sampled: 0.5 }] });
    expect(useAppStore.getState().run?.losses).toHaveLength(0);
    s.handleWorkerEvent({ type: 'loss', runId: 5, points: [{ step: 1, epoch: 1, task: 'clicked', train: 0.5, sampled: 0.5 }] });
    expect(useAppStore.getState().run?.losses).toHaveLength(1);
    s.handleWorkerEvent({ type: 'error', runId: 5, error: { code: 'diverged', message: 'loss NaN at step 3', hint: 'lower the learning rate' } });
    expect(useAppStore.getState().run?.status).toBe('error');
    expect(useAppStore.getState().cells.train).toBe('error');
  });
});

describe('formulation in the store', () => {
  beforeEach(() => useAppStore.setState({ table: null, baseTable: null, profiles: [], dataError: null, run: null, cells: INITIAL_STATUSES, weights: {}, derived: [], roleOverrides: {} }));

  it('adds a derived action as a new target, and removing it drops what was built on it', () => {
    useAppStore.getState().loadText(shop, 'shop.csv');
    expect(useAppStore.getState().addDerived({ kind: 'compare', name: 'pricey', column: 'price', op: '>=', value: 50 })).toBeNull();
    expect(useAppStore.getState().addDerived({ kind: 'combine', name: 'pricey_click', op: 'and', inputs: ['pricey', 'clicked'] })).toBeNull();
    let s = useAppStore.getState();
    expect(s.targets).toEqual(['clicked', 'bought', 'pricey', 'pricey_click']);
    expect(s.profiles.find((p) => p.name === 'pricey')).toMatchObject({ role: 'action', positiveRate: 5 / 12 });
    expect(s.baseTable?.columns).toHaveLength(6);
    expect(s.table?.columns).toHaveLength(8);
    useAppStore.getState().removeDerived('pricey');
    s = useAppStore.getState();
    expect(s.derived).toEqual([]);
    expect(s.targets).toEqual(['clicked', 'bought']);
  });

  it('rejects invalid derived actions with a message and changes nothing', () => {
    useAppStore.getState().loadText(shop, 'shop.csv');
    expect(useAppStore.getState().addDerived({ kind: 'compare', name: 'price', column: 'price', op: '>', value: 1 })).toContain('already exists');
    expect(useAppStore.getState().addDerived({ kind: 'compare', name: '', column: 'price', op: '>', value: 1 })).toContain('name');
    expect(useAppStore.getState().derived).toEqual([]);
  });

  it('a role override moves a column in or out of the features and targets', () => {
    useAppStore.getState().loadText(shop, 'shop.csv');
    useAppStore.getState().setRole('price', 'engagement');
    expect(useAppStore.getState().features.map((f) => f.column)).not.toContain('price');
    useAppStore.getState().setRole('price', 'numeric');
    expect(useAppStore.getState().features).toContainEqual({ column: 'price', encoding: 'numeric', log: false });
    useAppStore.getState().setRole('bought', 'categorical');
    expect(useAppStore.getState().targets).toEqual(['clicked']);
  });

  it('a user, item or time role set by hand becomes the key every stage reads, and passes on when taken away', () => {
    const headerless = Array.from({ length: 120 }, (_, i) => `${i % 9},${i % 13},${i % 3 === 0 ? 1 : 0},${i * 1.5}`).join('\n');
    useAppStore.getState().loadText(headerless, 'h.csv');
    expect(useAppStore.getState().userColumn).toBeNull();
    useAppStore.getState().setRole('col_1', 'user-id');
    let s = useAppStore.getState();
    expect(s.userColumn).toBe('col_1');
    expect(currentSpec(s).userColumn).toBe('col_1');
    expect(s.features.map((f) => f.column)).toContain('col_1');
    // Chosen in the Model cell, the item column takes its role in the Data cell too.
    s.setKeyColumns({ itemColumn: 'col_2' });
    s = useAppStore.getState();
    expect(s.profiles.find((p) => p.name === 'col_2')?.role).toBe('item-id');
    expect(s.itemColumn).toBe('col_2');
    s.setRole('col_1', 'categorical');
    expect(useAppStore.getState().userColumn).toBeNull();
  });

  it('loads a table with no action, with no target and the reason, so the person can build one', () => {
    expect(useAppStore.getState().loadText('user,clicked,price\na,0,1\nb,0,2\n', 'zeros.csv')).toBe(true);
    const s = useAppStore.getState();
    expect(s.targets).toEqual([]);
    expect(s.cells.targets).toBe('error');
    expect(whyNoActions(s.table!, s.profiles)).toContain('"clicked" looks like a label but is 0 in every row');
    s.runCells({ kind: 'all' });
    expect(useAppStore.getState().runProblem).toMatch(/no action is chosen/);
  });
});

describe('joining a second table', () => {
  it('adds the columns as features, keeps derived actions, and treats joined 0/1 columns as attributes', () => {
    useAppStore.setState({ derived: [], roleOverrides: {}, joinReport: null });
    useAppStore.getState().loadText(shop, 'shop.csv');
    useAppStore.getState().addDerived({ kind: 'compare', name: 'pricey', column: 'price', op: '>=', value: 50 });
    const users = parseDelimited('user_id,is_vip,age\nu1,1,30\nu2,0,40\nu3,1,50\nu3,0,20\n', 'users.csv');
    useAppStore.setState({ joinCandidate: users });
    useAppStore.getState().applyJoin('user_id', 'user_id');
    const s = useAppStore.getState();
    expect(s.joinReport).toMatchObject({ matchedRows: 9, unmatchedKeys: 1, unmatchedExamples: ['u4'], duplicateRightKeys: 1, addedColumns: ['is_vip', 'age'] });
    expect(s.profiles.find((p) => p.name === 'is_vip')?.role).toBe('categorical');
    expect(s.targets).toContain('pricey');
    expect(s.features.map((f) => f.column)).toEqual(expect.arrayContaining(['is_vip', 'age']));
    expect(s.table?.columns.map((c) => c.name)).toEqual(['user_id', 'item_id', 'category', 'price', 'clicked', 'bought', 'is_vip', 'age', 'pricey']);
  });
});

describe('effectiveFormulation', () => {
  it('drops funnel steps and a ranked action that are no longer targets', async () => {
    const { effectiveFormulation } = await import('./specSlice');
    expect(effectiveFormulation({ kind: 'funnel', chain: ['a', 'b', 'c'] }, ['a', 'c'])).toEqual({ kind: 'funnel', chain: ['a', 'c'] });
    expect(effectiveFormulation({ kind: 'funnel', chain: ['a', 'b'] }, ['a'])).toEqual({ kind: 'pointwise' });
    const ranking = { kind: 'ranking' as const, action: 'a', loss: 'bpr' as const, window: null };
    expect(effectiveFormulation(ranking, ['a'])).toBe(ranking);
    expect(effectiveFormulation(ranking, ['b'])).toEqual({ kind: 'pointwise' });
  });
});
