/**
 * The seeded synthetic shop log both the agreement test (lib/train/agreement.test.ts) and its golden
 * script (scripts/golden/shop-cases.ts → shop_golden.py) prepare: 100,000 rows, five actions at
 * 0.1–23% positives, the default features, an 80/20 random split, no sampling.
 */
import { inferRoles } from '../data/roles';
import { generateShopLog, SHOP_ACTIONS } from '../data/synthetic';
import { DEFAULT_SAMPLING, defaultFeatures } from '../formulate/defaults';
import type { ProblemSpec } from '../formulate/spec';
import { DEFAULT_TRAIN_CONFIG, type TrainConfig } from './config';
import { prepareData, type PreparedData } from './prepare';

export const AGREEMENT_ROWS = 100_000;

export function agreementData(modelKind: TrainConfig['modelKind']): { data: PreparedData; config: TrainConfig } {
  const table = generateShopLog({ rows: AGREEMENT_ROWS, seed: 1 });
  const spec: ProblemSpec = {
    version: 1,
    targets: [...SHOP_ACTIONS],
    derived: [],
    formulation: { kind: 'pointwise' },
    features: defaultFeatures(inferRoles(table)),
    userColumn: 'user_id',
    itemColumn: 'item_id',
    timeColumn: 'timestamp',
    sampling: { ...DEFAULT_SAMPLING, keepRates: Object.fromEntries(SHOP_ACTIONS.map((a) => [a, 1])) },
  };
  const config: TrainConfig = { ...DEFAULT_TRAIN_CONFIG, backend: 'cpu', modelKind };
  return { data: prepareData(table, spec, config), config };
}
