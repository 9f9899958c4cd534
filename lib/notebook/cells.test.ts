import { describe, expect, it } from 'vitest';
import { downstreamOf, INITIAL_STATUSES, planRun, transition, upstreamOf, type CellEvent, type CellStatuses } from './cells';

const allDone: CellStatuses = { data: 'done', targets: 'done', sampling: 'done', model: 'done', train: 'done', evaluate: 'done', value: 'done' };

describe('cell transitions', () => {
  it('knows what lies downstream', () => {
    expect(downstreamOf('sampling')).toEqual(['model', 'train', 'evaluate', 'value']);
    expect(downstreamOf('value')).toEqual([]);
  });

  it.each<[string, CellStatuses, CellEvent, Partial<CellStatuses>]>([
    ['start runs a cell', INITIAL_STATUSES, { type: 'start', cell: 'train' }, { train: 'running' }],
    ['succeed finishes it', { ...INITIAL_STATUSES, train: 'running' }, { type: 'succeed', cell: 'train' }, { train: 'done' }],
    ['fail marks an error', { ...INITIAL_STATUSES, train: 'running' }, { type: 'fail', cell: 'train' }, { train: 'error' }],
    ['an upstream edit makes downstream stale', allDone, { type: 'edit', cell: 'sampling' }, { sampling: 'done', model: 'stale', train: 'stale', evaluate: 'stale', value: 'stale' }],
    ['an edit leaves idle cells idle', { ...INITIAL_STATUSES, data: 'done' }, { type: 'edit', cell: 'targets' }, { targets: 'done', train: 'idle', value: 'idle' }],
    ['a new dataset makes everything stale', allDone, { type: 'edit', cell: 'data' }, { data: 'done', targets: 'stale', value: 'stale' }],
    ['a run in progress becomes stale on an upstream edit', { ...allDone, train: 'running' }, { type: 'edit', cell: 'model' }, { train: 'stale' }],
    ['cancel without output goes back to idle', { ...INITIAL_STATUSES, train: 'running' }, { type: 'cancel', cell: 'train', hadOutput: false }, { train: 'idle' }],
    ['queue marks a cell waiting', allDone, { type: 'queue', cell: 'train' }, { train: 'queued' }],
    ['a running cell is not re-queued', { ...allDone, train: 'running' }, { type: 'queue', cell: 'train' }, { train: 'running' }],
    ['a failure releases the queued cells after it as stale', { ...allDone, train: 'running', evaluate: 'queued', value: 'queued' }, { type: 'fail', cell: 'train' }, { train: 'error', evaluate: 'stale', value: 'stale' }],
    ['an upstream edit makes a queued cell stale', { ...allDone, train: 'queued' }, { type: 'edit', cell: 'model' }, { train: 'stale' }],
    ['cancel after output is stale', { ...INITIAL_STATUSES, train: 'running' }, { type: 'cancel', cell: 'train', hadOutput: true }, { train: 'stale' }],
  ])('%s', (_, state, event, expected) => {
    const next = transition(state, event);
    expect(next).toMatchObject(expected);
    expect(state).not.toBe(next); // pure: returns a new object
  });
});

describe('run plans', () => {
  const afterModelEdit = transition(allDone, { type: 'edit', cell: 'model' });
  const fresh: CellStatuses = { ...INITIAL_STATUSES, data: 'done', targets: 'done', sampling: 'done', model: 'done' };

  it('knows what a cell reads', () => {
    expect(upstreamOf('value')).toEqual(['train', 'model', 'sampling', 'targets', 'data']);
    expect(upstreamOf('data')).toEqual([]);
  });

  it('run all takes every cell in notebook order', () => {
    expect(planRun(allDone, { kind: 'all' })).toEqual(['data', 'targets', 'sampling', 'model', 'train', 'evaluate', 'value']);
  });

  it('run stale takes the stale cells and what depends on them, not cells that never ran', () => {
    expect(planRun(afterModelEdit, { kind: 'stale' })).toEqual(['train', 'evaluate', 'value']);
    expect(planRun(allDone, { kind: 'stale' })).toEqual([]);
    expect(planRun(fresh, { kind: 'stale' })).toEqual([]);
    expect(planRun({ ...allDone, targets: 'error' }, { kind: 'stale' })).toEqual(['targets', 'sampling', 'model', 'train', 'evaluate', 'value']);
  });

  it('one cell runs with the out-of-date or never-run cells it reads, not with those after it', () => {
    expect(planRun(fresh, { kind: 'cell', cell: 'evaluate' })).toEqual(['train', 'evaluate']);
    expect(planRun(afterModelEdit, { kind: 'cell', cell: 'value' })).toEqual(['train', 'value']);
    expect(planRun(allDone, { kind: 'cell', cell: 'sampling' })).toEqual(['sampling']);
  });

  it('plans nothing while a cell runs or waits', () => {
    expect(planRun({ ...allDone, train: 'running' }, { kind: 'all' })).toEqual([]);
    expect(planRun({ ...allDone, evaluate: 'queued' }, { kind: 'cell', cell: 'data' })).toEqual([]);
  });
});
