// The agreement case's encoded rows (lib/train/agreementCase.ts) for scripts/golden/shop_golden.py:
// `npx vite-node scripts/golden/shop-cases.ts DIR` writes DIR/shop.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { agreementData } from '../../lib/train/agreementCase';

const dir = process.argv[2] ?? 'shop-cases';
mkdirSync(dir, { recursive: true });
const { data, config } = agreementData('logistic-regression');
const rowsOf = (e: typeof data.train) => ({ rows: e.rows, dense: [...e.dense], denseDim: e.denseDim, ids: [...e.ids], idDim: e.idDim, bagIds: [...e.bagIds], bagWeights: [...e.bagWeights], bagDim: e.bagDim });
writeFileSync(
  join(dir, 'shop.json'),
  JSON.stringify({
    tasks: data.tasks,
    l2: config.l2,
    gbdt: config.gbdt,
    numeric: data.encoders.numeric.map((e) => ({ column: e.column, missing: e.missingIndicator })),
    sparse: data.encoders.sparse.map((e) => ({ name: `${e.column}:${e.part}`, offset: e.offset, size: e.size })),
    vocabularySize: data.encoders.vocabularySize,
    train: { ...rowsOf(data.train), labels: [...data.trainLabels] },
    validation: { ...rowsOf(data.validation), labels: data.validationLabels.map((l) => [...l]) },
  }),
);
console.log(`${data.train.rows} training rows, ${data.validationRows.length} validation rows, tasks ${data.tasks.join(', ')}`);
