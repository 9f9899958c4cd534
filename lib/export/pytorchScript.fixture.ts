/** What the PyTorch export tests share: the CSV writer, the Python to run, and the app-versus-script comparison. */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { getColumn, groupKeys, type Table } from '../data/table';
import { gauc } from '../metrics/ranking';
import type { ProblemSpec } from '../formulate/spec';
import { DEFAULT_TRAIN_CONFIG, type TrainConfig } from '../train/config';
import { prepareData } from '../train/prepare';
import { trainModel } from '../train/trainer';
import { spec as zooSpec } from '../train/zoo.fixture';
import { pytorchExport } from './pytorch';

/** The table as the CSV the person would have loaded. */
export function toCsv(table: Table): string {
  const lines = [table.columns.map((c) => c.name).join(',')];
  for (let r = 0; r < table.rowCount; r++) lines.push(table.columns.map((c) => (c.kind === 'number' ? (c.missing[r] ? '' : String(c.values[r])) : c.codes[r] < 0 ? '' : c.dictionary[c.codes[r]])).join(','));
  return lines.join('\n') + '\n';
}

/** The first Python with torch, pandas and numpy: $PYTHON, Debian's (python3-torch), or python3 on the PATH. */
export const python = [process.env.PYTHON, '/usr/bin/python3', 'python3'].find((p) => p && spawnSync(p, ['-c', 'import torch, pandas, numpy'], { encoding: 'utf8' }).status === 0);
export const hasTorch = python !== undefined;

/**
 * Run the exported script in `dir` on data.csv, writing metrics.json. Asynchronously: a synchronous spawn
 * blocks the test worker's event loop for the whole run (up to half a minute), and vitest then reports a
 * timed-out call to its main process as an unhandled error.
 */
export function runScript(dir: string, env: Record<string, string>, ...extra: string[]): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(python!, ['valuelab_train.py', 'data.csv', '--metrics', 'metrics.json', ...extra], { cwd: dir, env: { ...process.env, ...env } });
  let stderr = '';
  child.stdout.resume();
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stderr })));
}
export const quiet = { onLoss: () => {}, onEvaluation: () => {}, onProgress: () => {}, shouldStop: () => false };
// Random split, a downsampled head (recalibrated in both), a timestamp feature: what the script must reproduce.
export const spec: ProblemSpec = {
  ...zooSpec,
  features: [...zooSpec.features, { column: 'time', encoding: 'time' }],
  sampling: { ...zooSpec.sampling, split: { kind: 'random' }, dropDuplicates: true, keepRates: { click: 0.4, buy: 1 } },
};
// Adam, as the exported script trains (a logistic regression's exact fit is the app's alone).
export const base: TrainConfig = { ...DEFAULT_TRAIN_CONFIG, solver: 'adam', learningRate: 0.02, batchSize: 128, epochs: 4, hiddenLayers: [16], embeddingDim: 4, l2: 0, restoreBest: false };


/** Train in the app, run the exported script on the same CSV, and compare. */
export async function compareWithScript(table: Table, runSpec: ProblemSpec, config: TrainConfig, trainedOn: Table = table, ranked: string | null = null, aucTolerance = 0.03) {
  const data = prepareData(trainedOn, runSpec, config);
  const app = await trainModel(data, config, quiet);
  const dir = mkdtempSync(join(tmpdir(), 'valuelab-export-'));
  writeFileSync(join(dir, 'data.csv'), toCsv(table));
  // The run's spec as the page keeps it: without the features the leak guard left out (a derived target's sources).
  const trained = { ...runSpec, features: runSpec.features.filter((f) => !data.leaks.excluded.includes(f.column)) };
  const { script } = pytorchExport({ spec: trained, config, weights: { click: 1, buy: 10 }, source: 'data.csv' });
  writeFileSync(join(dir, 'valuelab_train.py'), script);
  const run = await runScript(dir, { OMP_NUM_THREADS: '2' }, '--out', 'scored.csv');
  expect(run.stderr).not.toMatch(/Traceback/);
  expect(run.code).toBe(0);
  const metrics = JSON.parse(readFileSync(join(dir, 'metrics.json'), 'utf8'));
  // The seeded split and sampling are ported bit for bit: the very same rows.
  expect(metrics.trainRows).toBe(data.train.rows);
  expect(metrics.validationRows).toBe(data.validationRows.length);
  app.evaluations.forEach((e, t) => {
    if (e.task === ranked) {
      // A ranking loss orders rows within a group and leaves each user's offset free, so across users
      // the order (AUC) depends on the initialisation; within users (GAUC) is what both must learn.
      const users = groupKeys(getColumn(trainedOn, runSpec.userColumn!));
      const appGauc = gauc(app.raw[t], data.validationLabels[t], Float64Array.from(data.validationRows, (r) => users[r])).gauc;
      expect(appGauc).toBeGreaterThan(0.6);
      expect(Math.abs(metrics.tasks[e.task].gauc - appGauc), `${e.task} GAUC: script ${metrics.tasks[e.task].gauc}, app ${appGauc}`).toBeLessThan(0.05);
      return;
    }
    expect(Math.abs(metrics.tasks[e.task].auc - e.auc), `${e.task} AUC: script ${metrics.tasks[e.task].auc}, app ${e.auc}`).toBeLessThan(aucTolerance);
    // Recalibrated in the script too: the downsampled click head sums to what the app's does.
    expect(Math.abs(metrics.tasks[e.task].calibrationRatio - e.calibrationRatio), `${e.task} calibration ratio: script ${metrics.tasks[e.task].calibrationRatio}, app ${e.calibrationRatio}`).toBeLessThan(0.3); // a rare head on 800 rows is noisy
  });
  return { scored: readFileSync(join(dir, 'scored.csv'), 'utf8').split('\n'), metrics };
}

/** The log with an id list per row: the item's genre and price band, sometimes a "sale" tag, sometimes empty. */
export function withTags(table: Table): Table {
  const genre = table.columns.find((c) => c.name === 'genre')!;
  const price = table.columns.find((c) => c.name === 'price')!;
  if (genre.kind !== 'string' || price.kind !== 'number') throw new Error('the fixture changed');
  const dictionary: string[] = [];
  const codeOf = new Map<string, number>();
  const codes = Int32Array.from({ length: table.rowCount }, (_, r) => {
    if (r % 17 === 0) return -1;
    const tags = [genre.dictionary[genre.codes[r]], price.values[r] < 12 ? 'cheap' : 'dear', ...(r % 5 === 0 ? ['sale'] : [])].join('|');
    if (!codeOf.has(tags)) codeOf.set(tags, dictionary.push(tags) - 1);
    return codeOf.get(tags)!;
  });
  return { ...table, columns: [...table.columns, { kind: 'string', name: 'tags', codes, dictionary }] };
}
