import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { agreementData } from './agreementCase';
import { useCpuBackend } from './testing';
import { trainModel } from './trainer';

beforeAll(useCpuBackend);

// scikit-learn's and XGBoost's figures on the very same encoded rows (scripts/golden/shop_golden.py).
const golden: { trainRows: number; validationRows: number; heads: Record<string, { validationPositives: number; sklearn: { auc: number; calibrationRatio: number }; xgboost: { auc: number; calibrationRatio: number } }> } = JSON.parse(readFileSync(join(__dirname, 'fixtures/shop_golden.json'), 'utf8'));
const quiet = { onLoss: () => {}, onEvaluation: () => {}, onProgress: () => {}, shouldStop: () => false };
/** Calibration ratios are compared where enough validation positives make them more than noise. */
const CALIBRATION_POSITIVES = 300;

describe('the default models against the standard tools, on the synthetic shop log (100,000 rows, five actions)', () => {
  it.each([
    ['logistic-regression', 'sklearn', 0.005],
    ['gbdt', 'xgboost', 0.01],
  ] as const)('%s: every head within %s of %s in validation AUC (or above it), and in calibration ratio within 0.03', async (kind, peer, aucTolerance) => {
    const { data, config } = agreementData(kind);
    expect({ trainRows: data.train.rows, validationRows: data.validationRows.length }).toEqual({ trainRows: golden.trainRows, validationRows: golden.validationRows });
    const result = await trainModel(data, config, quiet);
    for (const e of result.evaluations) {
      const theirs = golden.heads[e.task][peer];
      if (process.env.SHOW_GOLDEN) console.log(kind, e.task, 'auc', e.auc.toFixed(4), peer, theirs.auc, 'ratio', e.calibrationRatio.toFixed(3), theirs.calibrationRatio);
      expect(e.auc, `${kind} ${e.task}: AUC ${e.auc.toFixed(4)}, ${peer} ${theirs.auc}`).toBeGreaterThan(theirs.auc - aucTolerance);
      if (golden.heads[e.task].validationPositives >= CALIBRATION_POSITIVES) expect(Math.abs(e.calibrationRatio - theirs.calibrationRatio), `${kind} ${e.task}: ratio ${e.calibrationRatio.toFixed(3)}, ${peer} ${theirs.calibrationRatio}`).toBeLessThan(0.03);
    }
  }, 180_000);
});
