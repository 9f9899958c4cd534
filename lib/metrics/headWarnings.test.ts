import { describe, expect, it } from 'vitest';
import { headWarnings, type HeadWarningInput } from './headWarnings';

const healthy: HeadWarningInput = {
  task: 'is_follow',
  report: { positives: 600, rows: 8000, auc: 0.8, normalizedEntropy: 0.8, calibrationRatio: 1.01, calibrationInterval: [0.93, 1.08] },
  lossHistory: [0.3, 0.25, 0.22, 0.21, 0.205],
  restored: true,
  trainedRows: 30_000,
  trainedPositives: 2000,
  headParameters: 65,
  keepRate: 1,
};
const kinds = (patch: Partial<HeadWarningInput>, report: Partial<HeadWarningInput['report']> = {}) => headWarnings({ ...healthy, ...patch, report: { ...healthy.report, ...report } }).map((w) => w.kind);

describe('head warnings', () => {
  it('say nothing of a healthy head', () => {
    expect(kinds({})).toEqual([]);
  });

  it('fire for a calibration ratio of 4.08 with NE 1.66, naming the figure, the cause and a fix', () => {
    const [calibration, entropy] = headWarnings({ ...healthy, report: { ...healthy.report, calibrationRatio: 4.08, normalizedEntropy: 1.66 } });
    expect(calibration).toMatchObject({ task: 'is_follow', kind: 'calibration' });
    expect(calibration.figure).toContain('calibration ratio 4.080 (a calibrated head gives 0.930–1.080 on these 600 positives)');
    expect(calibration.cause).toContain('more positives than happen');
    expect(calibration.fix).toContain('post-hoc calibration');
    expect(entropy).toMatchObject({ kind: 'entropy', figure: 'normalized entropy 1.660' });
  });

  it('leave a ratio alone that is within noise or within 0.9–1.1, or judged on too few positives', () => {
    expect(kinds({}, { calibrationRatio: 1.09, calibrationInterval: [0.99, 1.01] })).toEqual([]);
    expect(kinds({}, { calibrationRatio: 1.2, calibrationInterval: [0.8, 1.25] })).toEqual([]);
    expect(kinds({}, { calibrationRatio: 1.5, positives: 120 })).toEqual([]);
  });

  it('fire for a weak AUC, a loss that rose for most of the run, and a starved downsampled head', () => {
    expect(kinds({}, { auc: 0.52 })).toEqual(['auc']);
    expect(kinds({ lossHistory: [0.3, 0.2, 0.22, 0.25, 0.27, 0.3] })).toEqual(['overfit']);
    expect(headWarnings({ ...healthy, lossHistory: [0.3, 0.2, 0.22, 0.25, 0.27, 0.3], restored: false })[0].fix).toContain('turn on restoring the best checkpoint');
    expect(kinds({ keepRate: 0.02, trainedRows: 500, headParameters: 65 })).toEqual(['starved']);
    // Not sampled: few rows are the data's, not the keep rate's doing.
    expect(kinds({ keepRate: 1, trainedRows: 500, headParameters: 65 })).toEqual([]);
  });
});
