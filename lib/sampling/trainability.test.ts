import { describe, expect, it } from 'vitest';
import type { SamplingSummary } from './sample';
import { headChecks, judgeableHeads } from './trainability';

const head = (task: string, train: [number, number], validation: [number, number]): SamplingSummary['perTask'][number] => ({
  task,
  before: { positives: train[0], negatives: train[1] },
  after: { positives: train[0], negatives: train[1] },
  validation: { positives: validation[0], negatives: validation[1] },
  missing: 0,
  positiveShare: train[0] / (train[0] + train[1]),
});
const summary = (...perTask: SamplingSummary['perTask']): SamplingSummary => ({ rows: 1000, duplicatesRemoved: 0, cappedRemoved: 0, trainRows: 800, trainSideRows: 800, validationRows: 200, perTask });

describe('per-head trainability', () => {
  it('refuses a head with one class in training, warns on too few validation or training positives, passes a healthy one', () => {
    const checks = headChecks(summary(head('ok', [300, 500], [60, 140]), head('none', [0, 800], [0, 200]), head('unjudged', [4, 796], [0, 200]), head('thin', [40, 760], [3, 197])));
    expect(checks.map((c) => [c.task, c.level])).toEqual([
      ['none', 'refuse'],
      ['unjudged', 'warn'],
      ['unjudged', 'warn'],
      ['thin', 'warn'],
    ]);
    expect(checks[1].text).toContain('"unjudged" has no positive among its 200 validation rows: its AUC and calibration cannot be judged');
    expect(checks[2].text).toContain('only 4 positives to learn from');
    expect(checks[3].text).toContain('only 3 positives among its validation rows: AUC and calibration of this head cannot be judged');
  });

  it('judges only heads whose validation rows hold both classes', () => {
    expect(judgeableHeads(summary(head('a', [5, 5], [1, 9]), head('b', [5, 5], [0, 10]), head('c', [5, 5], [10, 0])))).toEqual([true, false, false]);
  });
});
