/**
 * The Node half of `npm run bench` (run by bench/run.mjs through vite-node): ingest of a 1M-row CSV
 * through the app's real path, metrics on 1M predictions, the value re-rank of 100k impressions, and
 * the encoded synthetic training data the PyTorch peer trains on. Prints one JSON object.
 */
import { createWriteStream, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { readTable } from '../lib/data/formats';
import { bundlePartThread, threadPartRunner } from './partThread';
import { fileBlob } from './fileBlob';
import { inferRoles } from '../lib/data/roles';
import { generateShopLog, SHOP_ACTIONS } from '../lib/data/synthetic';
import { fitEncoders } from '../lib/features/encode';
import { defaultFeatures, defaultTargets, defaultUserColumn } from '../lib/formulate/defaults';
import { headMetrics } from '../lib/metrics/summary';
import { DEFAULT_TRAIN_CONFIG } from '../lib/train/config';
import { prepareData } from '../lib/train/prepare';
import { rankingOutcome } from '../lib/value/outcomes';
import { buildSlateIndex, topKPerSlate } from '../lib/value/rerank';
import { valueScores } from '../lib/value/value';
import type { ProblemSpec } from '../lib/formulate/spec';

const work = process.env.BENCH_DIR ?? '/tmp/value-lab-bench';
mkdirSync(work, { recursive: true });

function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** 1M rows × 16 columns: ids, a category, 9 numbers, 4 actions, a timestamp. Written once. */
async function ingestCsv(rows: number): Promise<string> {
  const path = join(work, `ingest_${rows}.csv`);
  if (existsSync(path)) return path;
  const rand = seeded(11);
  const out = createWriteStream(path);
  out.write('user_id,item_id,category,price,position,f1,f2,f3,f4,f5,f6,f7,clicked,carted,bought,timestamp\n');
  for (let i = 0; i < rows; i++) {
    const cells = [Math.floor(rand() * 50_000), Math.floor(rand() * 200_000), `cat${Math.floor(rand() * 40)}`, (rand() * 200).toFixed(2), 1 + Math.floor(rand() * 10)];
    for (let f = 0; f < 7; f++) cells.push((rand() * 10 - 5).toFixed(4));
    cells.push(rand() < 0.1 ? 1 : 0, rand() < 0.02 ? 1 : 0, rand() < 0.005 ? 1 : 0, 1_700_000_000 + i * 3);
    if (!out.write(`${cells.join(',')}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return path;
}

/**
 * Time the real ingest path and sample the process's resident memory every 10 ms for the peak. Two
 * runs, as the pandas peer gets (bench/peers.py): the shorter time and the higher peak are reported.
 */
async function benchIngest(rows: number) {
  const path = await ingestCsv(rows);
  bundlePartThread(work); // once, before the clock starts
  const runs = [await ingestOnce(path), await ingestOnce(path)];
  return { ...runs[0], seconds: Math.min(...runs.map((r) => r.seconds)), peakMB: Math.max(...runs.map((r) => r.peakMB)), runs: runs.map((r) => r.seconds) };
}

async function ingestOnce(path: string) {
  global.gc?.();
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  const started = performance.now();
  const blob = fileBlob(path); // read as Chromium reads a File (bench/fileBlob.ts)
  // The second half in a worker thread, as the app reads it in a second web worker.
  const table = await readTable(blob, 'ingest.csv', { parts: threadPartRunner(path, blob.size, work) });
  const profiles = inferRoles(table);
  const all = new Int32Array(table.rowCount);
  for (let i = 0; i < all.length; i++) all[i] = i; // Int32Array.from with a callback took 80 ms of this timing
  fitEncoders(table, defaultFeatures(profiles), all, { maxVocabulary: DEFAULT_TRAIN_CONFIG.maxVocabulary, crosses: [], crossBuckets: 0, history: null });
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  return { rows: table.rowCount, columns: table.columns.length, seconds, peakMB: (peak - baseline) / 2 ** 20, fileMB: blob.size / 2 ** 20, file: path };
}

function benchMetrics(n: number) {
  global.gc?.(); // the ingest's garbage is not the metrics' to collect
  const rand = seeded(5);
  const p = Float32Array.from({ length: n }, () => rand());
  const y = Uint8Array.from(p, (q) => (rand() < q ? 1 : 0));
  // Six rounds, the first (cold JIT) dropped: the app evaluates a few times per epoch with warm code.
  const times = [0, 1, 2, 3, 4, 5].map(() => {
    const t = performance.now();
    headMetrics(p, y, 10); // what every evaluation round runs per head
    return performance.now() - t;
  });
  return { rows: n, ms: median(times.slice(1)) };
}

function benchRerank(n: number) {
  const rand = seeded(9);
  const actions = 5;
  const users = Array.from({ length: n }, () => Math.floor(rand() * 700));
  const probabilities = Array.from({ length: actions }, () => Float32Array.from({ length: n }, rand));
  const labels = probabilities.map((p) => Uint8Array.from(p, (q) => (rand() < q * 0.2 ? 1 : 0)));
  const index = buildSlateIndex(users);
  const rerank: number[] = [];
  const outcomes: number[] = [];
  for (let rep = 0; rep < 40; rep++) {
    const weights = [1, 2, 10, -50, rep % 7];
    const t0 = performance.now();
    const lists = topKPerSlate(index, valueScores(probabilities, weights), 10);
    const t1 = performance.now();
    rankingOutcome(index, lists, labels, weights);
    rerank.push(t1 - t0);
    outcomes.push(performance.now() - t1);
  }
  // The first reps warm the JIT; a slider move in the app runs warm code.
  return { rows: n, actions, slates: index.keys.length, ms: median(rerank.slice(5)), outcomesMs: median(outcomes.slice(5)) };
}

/** The app's own encoding of the synthetic shop log, written as raw arrays for the PyTorch peer. */
function exportTrainingData(rows: number) {
  const table = generateShopLog({ rows, seed: 1 });
  const profiles = inferRoles(table);
  const targets = defaultTargets(profiles, table.rowCount).filter((t) => (SHOP_ACTIONS as readonly string[]).includes(t));
  const spec: ProblemSpec = {
    version: 1,
    targets,
    derived: [],
    formulation: { kind: 'pointwise' },
    features: defaultFeatures(profiles),
    userColumn: defaultUserColumn(profiles),
    sampling: { split: { kind: 'random' }, seed: 1, validationFraction: 0.2, rowFraction: 1, keepRates: {}, upsample: {}, capPerUser: null, dropDuplicates: false, dropMissingLabels: true },
  };
  const data = prepareData(table, spec, DEFAULT_TRAIN_CONFIG);
  const t = data.train;
  const files = { dense: t.dense, ids: t.ids, bagIds: t.bagIds, bagWeights: t.bagWeights, labels: data.trainLabels };
  for (const [name, array] of Object.entries(files)) writeFileSync(join(work, `train_${name}.bin`), Buffer.from(array.buffer, array.byteOffset, array.byteLength));
  const meta = { rows: t.rows, denseDim: t.denseDim, idDim: t.idDim, bagDim: t.bagDim, tasks: data.tasks.length, vocabularySize: data.encoders.vocabularySize, hiddenLayers: DEFAULT_TRAIN_CONFIG.hiddenLayers, embeddingDim: DEFAULT_TRAIN_CONFIG.embeddingDim, learningRate: DEFAULT_TRAIN_CONFIG.learningRate };
  writeFileSync(join(work, 'train_meta.json'), JSON.stringify(meta));
  return meta;
}

async function main() {
  const ingestRows = Number(process.env.BENCH_INGEST_ROWS ?? 1_000_000);
  const result = {
    ingest: await benchIngest(ingestRows),
    metrics: benchMetrics(1_000_000),
    rerank: benchRerank(100_000),
    trainingData: exportTrainingData(Number(process.env.BENCH_TRAIN_ROWS ?? 50_000)),
  };
  console.log(`BENCH_JSON ${JSON.stringify(result)}`);
}

void main();
