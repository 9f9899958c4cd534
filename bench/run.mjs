// `npm run bench`: every performance number of the README, with its peer, measured in one run on
// this machine, written to bench/results.json and printed as a table. Targets are reported, never
// asserted: these machines are shared and noisy.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt, ensureInstalled, root } from '../scripts/lib.mjs';

const env = { ...process.env, BENCH_DIR: process.env.BENCH_DIR ?? '/tmp/value-lab-bench', NEXT_TELEMETRY_DISABLED: '1' };

/** Run a command, echo its output, return stdout. */
function capture(label, command, args, extraEnv = {}) {
  console.log(`\n▶ ${label}`);
  const r = spawnSync(command, args, { cwd: root, env: { ...env, ...extraEnv }, encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
  process.stdout.write(r.stdout ?? '');
  process.stderr.write((r.stderr ?? '').split('\n').filter((l) => !/tfjs-node|====|Hi, looks like/.test(l)).join('\n'));
  if (r.status !== 0) console.error(`✖ ${label} exited ${r.status}`);
  return r.stdout ?? '';
}

function jsonAfter(marker, text) {
  const line = text.split('\n').find((l) => l.startsWith(marker));
  return line ? JSON.parse(line.slice(marker.length + 1)) : null;
}

ensureInstalled();
ensureBuilt();

const node = jsonAfter('BENCH_JSON', capture('node: ingest, metrics, re-rank, training data', 'npx', ['vite-node', 'bench/node.bench.ts'], { NODE_OPTIONS: '--expose-gc --max-old-space-size=8192' }));
const python = ['/usr/bin/python3', 'python3'].find((p) => spawnSync(p, ['--version']).status === 0);
const peers = python ? jsonAfter('PEERS_JSON', capture('peers: pandas and PyTorch (CPU)', python, ['bench/peers.py', node?.ingest.file ?? ''])) : { pandas: null, torch: null };
const browserFile = join(root, 'bench', '.browser.json');
rmSync(browserFile, { force: true });
console.log('\n▶ browser: training per backend, long tasks, first-page JS');
spawnSync('npx', ['playwright', 'test', '--config', 'bench/playwright.config.ts'], { cwd: root, env, stdio: 'inherit' });
const browser = existsSync(browserFile) ? JSON.parse(readFileSync(browserFile, 'utf8')) : null;

const peerOf = (model, batch) => peers?.torch?.runs.find((r) => r.model === model && r.batch === batch)?.rowsPerSec ?? null;
const results = {
  date: new Date().toISOString(),
  machine: { cores: cpus().length, cpu: cpus()[0]?.model ?? '', gpu: browser?.gpu ?? 'unknown' },
  train: (browser?.train ?? []).map((t) => ({ ...t, peer: peers?.torch ? 'pytorch-cpu' : null, peerRowsPerSec: peerOf(t.model, t.batch), peerThreads: peers?.torch?.threads ?? null })),
  ingest: node && { rows: node.ingest.rows, columns: node.ingest.columns, seconds: node.ingest.seconds, peakMB: node.ingest.peakMB, fileMB: node.ingest.fileMB, pandasSeconds: peers?.pandas?.seconds ?? null },
  metrics: node?.metrics ?? null,
  rerank: node?.rerank ?? null,
  ui: browser?.ui ?? null,
};
writeFileSync(join(root, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);

const fmt = (v, d = 0) => (v === null || v === undefined || !Number.isFinite(v) ? '—' : v.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d }));
const ratio = (a, b) => (a && b ? `${(a / b).toFixed(3)}×` : 'no peer');
console.log(`\nValue Lab bench — ${results.machine.cores} cores, GPU: ${results.machine.gpu}`);
console.log('\nTraining (rows/s in optimiser steps, as the peer measures; whole run with 4 evaluations per epoch beside it; peer: the same model in PyTorch on the CPU, target ≥ 1.0× for the best backend)');
console.log('model  batch  backend   rows/s     whole run   peer rows/s  ratio');
for (const t of results.train) console.log(`${t.model.padEnd(6)} ${String(t.batch).padEnd(6)} ${t.backend.padEnd(9)} ${fmt(t.rowsPerSec).padStart(10)} ${fmt(t.endToEndRowsPerSec).padStart(10)}   ${fmt(t.peerRowsPerSec).padStart(11)}  ${ratio(t.rowsPerSec, t.peerRowsPerSec)}`);
if (!peers?.torch) console.log('(python3-torch is not installed: no PyTorch peer in this run)');
if (results.ingest) console.log(`\nIngest ${fmt(results.ingest.rows)} rows × ${results.ingest.columns} columns (${fmt(results.ingest.fileMB, 1)} MB): ${fmt(results.ingest.seconds, 2)} s, peak ${fmt(results.ingest.peakMB)} MB (${fmt(results.ingest.peakMB / results.ingest.fileMB, 2)}× the file; target ≤ 3×); pandas read_csv ${fmt(results.ingest.pandasSeconds, 2)} s (best of two runs each; ratio ${ratio(results.ingest.seconds, results.ingest.pandasSeconds)}, target ≤ 1.0×)`);
if (results.metrics) console.log(`Metrics on ${fmt(results.metrics.rows)} predictions (AUC, log loss, NE, calibration ratio, reliability bins): ${fmt(results.metrics.ms, 1)} ms (target ≤ 100 ms)`);
if (results.rerank) console.log(`Value re-rank of ${fmt(results.rerank.rows)} impressions (${results.rerank.actions} actions, ${results.rerank.slates} slates, top 10): ${fmt(results.rerank.ms, 2)} ms (target ≤ 16 ms); outcomes ${fmt(results.rerank.outcomesMs, 2)} ms`);
if (results.ui) console.log(`UI: ${results.ui.longTasksDuringTraining} main-thread tasks over 50 ms while a run was charted (longest ${fmt(results.ui.longestTaskMs)} ms; target 0), ${results.ui.longTasksAtFinish ?? '?'} as it finished and the Evaluate and Value cells computed their reports (longest ${fmt(results.ui.longestAtFinishMs)} ms); first-page JS ${fmt(results.ui.initialJsGzipKB, 1)} kB gzipped in ${results.ui.initialScripts} scripts (target ≤ 300 kB)`);
if (results.ui?.load) console.log(`Loading the ${fmt(results.ui.load.rows)}-row CSV in the app: ${fmt(results.ui.load.seconds, 2)} s from the file picker to the data summary; ${results.ui.load.longTasks} main-thread tasks over 50 ms meanwhile and in the 3 s after (longest ${fmt(results.ui.load.longestTaskMs)} ms; not a target)`);
console.log('\nWritten to bench/results.json');
