import { describe, expect, it } from 'vitest';
import { downstreamOf, INITIAL_STATUSES, transition, type CellEvent, type CellStatuses } from './cells';

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
    ['cancel after output is stale', { ...INITIAL_STATUSES, train: 'running' }, { type: 'cancel', cell: 'train', hadOutput: true }, { train: 'stale' }],
  ])('%s', (_, state, event, expected) => {
    const next = transition(state, event);
    expect(next).toMatchObject(expected);
    expect(state).not.toBe(next); // pure: returns a new object
  });
});
