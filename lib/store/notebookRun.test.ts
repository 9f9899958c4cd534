import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { useAppStore } from './index';
import { INITIAL_STATUSES } from '../notebook/cells';
import { tryLesson } from './lessonActions';
import { LESSONS } from '../notebook/lessons';

const shop = readFileSync(join(__dirname, '../../e2e/fixtures/shop_small.csv'), 'utf8');

describe('running cells from the store', () => {
  beforeEach(() => {
    useAppStore.setState({ table: null, profiles: [], dataError: null, run: null, cells: INITIAL_STATUSES, weights: {}, runProblem: null, runBlockers: [] });
    useAppStore.getState().loadText(shop, 'shop.csv');
  });

  it('a set-up cell that cannot run stops the run there, names the fix, and leaves later cells stale', () => {
    const s = useAppStore.getState();
    s.setConfig({ batchSize: 8 });
    s.runCells({ kind: 'all' });
    const after = useAppStore.getState();
    expect(after.cells).toMatchObject({ data: 'done', targets: 'done', sampling: 'done', model: 'error', train: 'stale', evaluate: 'stale', value: 'stale' });
    expect(after.runProblem).toMatch(/Model cell: the model settings are invalid: .*batch size must be at least 16/);
    expect(after.run).toBeNull();
  });

  it('no target fails the targets cell with what to do', () => {
    const s = useAppStore.getState();
    for (const t of [...s.targets]) s.toggleTarget(t, false);
    useAppStore.getState().runCells({ kind: 'cell', cell: 'targets' });
    expect(useAppStore.getState().cells.targets).toBe('error');
    expect(useAppStore.getState().runProblem).toMatch(/tick at least one/);
  });

  it('evaluate without a trained model cannot be marked done', () => {
    useAppStore.setState({ cells: { ...useAppStore.getState().cells, train: 'done' } });
    useAppStore.getState().runCells({ kind: 'cell', cell: 'evaluate' });
    expect(useAppStore.getState().cells.evaluate).toBe('error');
    expect(useAppStore.getState().runProblem).toMatch(/no trained model yet/);
  });
});

describe('lesson "try it" actions', () => {
  beforeEach(() => {
    useAppStore.setState({ table: null, profiles: [], run: null, cells: INITIAL_STATUSES, weights: {}, skipRecalibration: false, normalised: {} });
    useAppStore.getState().loadText(shop, 'shop.csv');
  });

  it('every lesson has text and a try-it that answers', () => {
    for (const lesson of LESSONS) {
      expect(lesson.paragraphs.join(' ').length).toBeGreaterThan(200);
      expect(tryLesson(lesson.id, useAppStore.getState).length).toBeGreaterThan(10);
    }
  });

  it('downsampling with recalibration off sets keep rate 0.05 on every label and turns recalibration off', () => {
    tryLesson('downsample-recalibrate', useAppStore.getState);
    const s = useAppStore.getState();
    expect(s.targets.map((t) => s.sampling.keepRates[t])).toEqual(s.targets.map(() => 0.05));
    expect(s.skipRecalibration).toBe(true);
  });

  it('the heavy-signal lesson keeps only the rarest action', () => {
    tryLesson('heavy-light', useAppStore.getState);
    expect(useAppStore.getState().targets).toEqual(['bought']);
  });

  it('learning to rank sets a listwise formulation; the algorithm lesson picks trees', () => {
    tryLesson('learning-to-rank', useAppStore.getState);
    expect(useAppStore.getState().formulation).toMatchObject({ kind: 'ranking', loss: 'listwise' });
    tryLesson('which-algorithm', useAppStore.getState);
    expect(useAppStore.getState().config.modelKind).toBe('gbdt');
  });

  it('the warnings lesson sets MMoE and balances the rarest target 1:1; the repair lesson turns isotonic on', () => {
    for (const a of ['clicked', 'carted', 'bought']) useAppStore.getState().toggleTarget(a, true);
    tryLesson('head-warnings', useAppStore.getState);
    const s = useAppStore.getState();
    expect(s.config.modelKind).toBe('mmoe');
    const rate = s.profiles.find((p) => p.name === 'bought')!.positiveRate!;
    // Kept negatives = positives: the 1:1 its name says.
    expect(s.sampling.keepRates.bought).toBeCloseTo(rate / (1 - rate), 2);
    expect(s.sampling.keepRates.clicked ?? 1).toBe(1);
    tryLesson('calibration-repair', useAppStore.getState);
    expect(useAppStore.getState().posthoc).toBe('isotonic');
  });

  it('value lessons wait for a trained model', () => {
    expect(tryLesson('value-modeling', useAppStore.getState)).toMatch(/Train a model first/);
    expect(tryLesson('never-act', useAppStore.getState)).toMatch(/Train a model first/);
  });
});

describe('an interrupted run', () => {
  it('keeps its checkpoint in what autosave writes until it resumes, so a second reload loses nothing', async () => {
    const { savedStateOf } = await import('./autosave');
    useAppStore.setState({ table: null, profiles: [], run: null, history: [], cells: INITIAL_STATUSES });
    useAppStore.getState().loadText(shop, 'shop.csv');
    const s = useAppStore.getState();
    const checkpoint = { step: 7, weights: [new Float32Array([1, 2, 3])] };
    s.restoreRuns({ runId: 3, status: 'running', table: s.table!, spec: { targets: [] } as never, itemColumn: null, config: s.config, losses: [{ step: 5 } as never, { step: 9 } as never], evaluations: [], startedAt: 0 }, [], checkpoint);
    const restored = useAppStore.getState();
    expect(restored.run?.status).toBe('interrupted');
    expect(restored.run?.checkpointStep).toBe(7);
    expect(restored.cells.train).toBe('stale');
    expect(savedStateOf(restored).checkpoint).toBe(checkpoint);
    expect(savedStateOf(restored).run?.status).toBe('interrupted');
  });
});
