// The corpus training cases' encoded rows, for scripts/golden/corpus_golden.py:
// `npx vite-node scripts/golden/corpus-cases.ts DIR` writes DIR/<case>.json (the app's own encoding of
// its training and validation rows, as lib/store/corpus.test.ts prepares them).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CASE_CONFIG, setUpCase, TRAINING_CASES } from '../../lib/store/corpusCases';
import { useAppStore } from '../../lib/store';
import { currentSpec } from '../../lib/store/specSlice';
import { prepareData } from '../../lib/train/prepare';
import type { EncodedRows } from '../../lib/features/encode';

const dir = process.argv[2] ?? 'corpus-cases';
mkdirSync(dir, { recursive: true });
const rowsOf = (e: EncodedRows) => ({ rows: e.rows, dense: [...e.dense], denseDim: e.denseDim, ids: [...e.ids], idDim: e.idDim, bagIds: [...e.bagIds], bagWeights: [...e.bagWeights], bagDim: e.bagDim });
for (const c of TRAINING_CASES) {
  await setUpCase(c);
  const data = prepareData(useAppStore.getState().table!, currentSpec(useAppStore.getState()), CASE_CONFIG);
  const features = [...data.encoders.numeric.map((e) => e.column), ...data.encoders.sparse.map((e) => `${e.column}:${e.part}`), ...data.encoders.bags.map((e) => e.column)];
  const trainLabels = [...data.trainLabels];
  writeFileSync(
    join(dir, `${c.name}.json`),
    JSON.stringify({ name: c.name, features, l2: CASE_CONFIG.l2, vocabularySize: data.encoders.vocabularySize, train: { ...rowsOf(data.train), labels: trainLabels }, validation: { ...rowsOf(data.validation), labels: [...data.validationLabels[0]], known: [...data.validationKnown[0]] } }),
  );
  console.log(`${c.name}: ${data.train.rows} training rows, ${data.validationRows.length} validation rows, ${features.length} inputs`);
}
