/**
 * The browser half of `npm run bench`: training speed of logistic regression and the MLP on every
 * backend at batch 1024 and 4096 through the real app (the rows/s the trainer reports, pauses
 * excluded; each configuration trains to the end or is stopped after BENCH_SECONDS), main-thread tasks over 50 ms while a run is charted, and the gzipped JS of the first
 * page. Writes bench/.browser.json for bench/run.mjs.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';

const ROWS = Number(process.env.BENCH_TRAIN_ROWS ?? 50_000);
const BACKENDS = (process.env.BENCH_BACKENDS ?? 'webgpu,webgl,wasm,cpu').split(',');

async function generate(page: Page): Promise<void> {
  await page.getByText('Or generate a synthetic shop log').click();
  await page.getByLabel('Rows', { exact: true }).fill(String(ROWS));
  await page.getByRole('button', { name: 'Generate' }).click();
  await expect(page.getByTestId('data-summary')).toContainText(`${ROWS.toLocaleString('en-US')} rows`);
}

/** Seconds of training per configuration: slow backends are stopped there, the trainer's rows/s kept. */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);

/** Train one configuration (to the end, or stopped after SECONDS) and read the rows/s the trainer measured. */
async function trainSpeed(page: Page, model: string, backend: string, batch: number, epochs: number): Promise<{ rowsPerSec: number; endToEndRowsPerSec: number; backend: string; description: string }> {
  await page.getByLabel('Model', { exact: true }).selectOption(model);
  await page.getByLabel('Batch size').fill(String(batch));
  await page.getByLabel('Epochs').fill(String(epochs));
  await page.getByLabel('Backend', { exact: true }).selectOption(backend);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  const progress = page.getByTestId('run-progress');
  await expect(progress).toContainText(/rows\/s/, { timeout: 120_000 });
  try {
    await expect(progress).toHaveAttribute('data-status', /finished|stopped|error/, { timeout: SECONDS * 1000 });
  } catch {
    await page.getByRole('button', { name: 'Stop' }).click();
    await expect(progress).toHaveAttribute('data-status', /finished|stopped|error/, { timeout: 120_000 });
  }
  await expect(progress).not.toHaveAttribute('data-status', 'error');
  const text = (await progress.textContent()) ?? '';
  // The optimiser steps' pace (what the PyTorch peer's bare loop measures) and the whole run's, with its
  // four evaluation rounds per epoch.
  const rows = Number(/([\d,]+) rows\/s/.exec(text)?.[1].replace(/,/g, '') ?? NaN);
  const stepRows = Number((await progress.getAttribute('data-step-rows-per-second')) ?? NaN);
  const badge = page.getByTestId('backend');
  return { rowsPerSec: stepRows, endToEndRowsPerSec: rows, backend: (await badge.getAttribute('data-backend')) ?? '', description: ((await badge.textContent()) ?? '').replace(/\s+/g, ' ').trim().slice(0, 160) };
}

test('bench', async ({ page, request }) => {
  await page.addInitScript(() => {
    const w = window as unknown as { __longTasks: { start: number; duration: number }[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__longTasks.push({ start: e.startTime, duration: e.duration }))).observe({ type: 'longtask', buffered: true });
  });
  await page.goto('/');
  await expect(page.getByTestId('data-summary')).toContainText('41,828 rows');

  // The JS the first page loads: the script tags of the served HTML, gzipped as a server would send them.
  const html = await (await request.get('/')).text();
  const scripts = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]);
  let gzipBytes = 0;
  for (const src of scripts) gzipBytes += gzipSync(await (await request.get(src)).body(), { level: 9 }).length;

  await generate(page);
  const gpu = await page.evaluate(async () => {
    const adapter = await (navigator as unknown as { gpu?: { requestAdapter(): Promise<{ info?: { vendor?: string; architecture?: string; description?: string } } | null> } }).gpu?.requestAdapter();
    const info = adapter?.info;
    return info ? [info.vendor, info.architecture, info.description].filter(Boolean).join(' ') || 'unknown' : 'none';
  });

  // Long tasks while a run is charted: a cpu run updates the charts fastest. "During training" ends when
  // the finished run's results reach the page (the app's performance mark; failing that, the moment the
  // run leaves 'running', which a MutationObserver notes); what they set off (the Evaluate and Value
  // cells' reports) is counted apart, over the two seconds after.
  // Long-task entries reach the observer in batches, some after the work that made them: let the
  // generation's arrive before the slate is wiped, or they would be counted as the run's.
  await page.waitForTimeout(1500);
  await page.evaluate(() => {
    const w = window as unknown as { __longTasks: unknown[]; __runEnd: number | null };
    w.__longTasks.length = 0;
    w.__runEnd = null;
    new MutationObserver(() => {
      const status = document.querySelector('[data-testid="run-progress"]')?.getAttribute('data-status');
      if (w.__runEnd === null && status && status !== 'running') w.__runEnd = performance.now();
    }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-status'] });
  });
  await trainSpeed(page, 'logistic-regression', 'cpu', 1024, 3);
  await page.waitForTimeout(2000);
  const { tasks: longTasks, runEnd } = await page.evaluate(() => {
    const w = window as unknown as { __longTasks: { start: number; duration: number }[]; __runEnd: number | null };
    // The app marks the moment a finished run's results arrive (lib/store/runSlice.ts RUN_DONE_MARK); the status flip is the fallback.
    const done = performance.getEntriesByName('value-lab:run-done').at(-1)?.startTime;
    return { tasks: w.__longTasks, runEnd: done ?? w.__runEnd ?? Infinity };
  });
  // A task that ends after the results arrived is the finish's: the results' reports and re-rank render.
  const during = longTasks.filter((t) => t.start + t.duration < runEnd && t.duration > 50);
  const atFinish = longTasks.filter((t) => t.start + t.duration >= runEnd && t.duration > 50);

  const train: { model: string; backend: string; batch: number; rowsPerSec: number | null; endToEndRowsPerSec?: number; note?: string }[] = [];
  const configs = (
    [
      ['lr', 'logistic-regression'],
      ['mlp', 'mlp'],
    ] as const
  ).flatMap(([model, kind]) => [1024, 4096].flatMap((batch) => BACKENDS.map((backend) => ({ model, kind, batch, backend }))));
  // The host backends first: a WebGPU or WebGL run stopped after SECONDS leaves SwiftShader work queued
  // in the GPU process, which kept both cores busy well into the run after it.
  const onHost = (backend: string) => backend === 'wasm' || backend === 'cpu';
  for (const { model, kind, batch, backend } of [...configs.filter((c) => onHost(c.backend)), ...configs.filter((c) => !onHost(c.backend))]) {
    // Every configuration trains until stopped after SECONDS: the rows/s of a steady run, as the peer
    // measures it (3 s after two warm-up steps). Three epochs were 30 steps of the MLP at batch 4096,
    // under a second on wasm, and its first steps (JIT, XNNPACK operator setup) moved the result by ±25%.
    const epochs = 200;
    try {
      const r = await trainSpeed(page, kind, backend, batch, epochs);
      train.push({ model, backend: r.backend, batch, rowsPerSec: r.rowsPerSec, endToEndRowsPerSec: r.endToEndRowsPerSec });
      console.log(`${model} ${backend} batch ${batch}: ${Math.round(r.rowsPerSec)} rows/s in optimiser steps, ${Math.round(r.endToEndRowsPerSec)} with evaluations (${r.description})`);
    } catch (err) {
      train.push({ model, backend, batch, rowsPerSec: null, note: String(err).slice(0, 200) });
      console.log(`${model} ${backend} batch ${batch}: failed`);
    }
  }
  // The table in the usual order: model, batch, then backend as listed.
  const rank = (t: { model: string; batch: number; backend: string }) => configs.findIndex((c) => c.model === t.model && c.batch === t.batch && c.backend === t.backend);
  train.sort((a, b) => rank(a) - rank(b));
  const load = await loadLargeFile(page);
  const result = { gpu, train, ui: { longTasksDuringTraining: during.length, longestTaskMs: Math.max(0, ...during.map((t) => t.duration)), longTasksAtFinish: atFinish.length, longestAtFinishMs: Math.max(0, ...atFinish.map((t) => t.duration)), initialJsGzipKB: gzipBytes / 1024, initialScripts: scripts.length, load } };
  writeFileSync(join(__dirname, '.browser.json'), JSON.stringify(result, null, 2));
});

/**
 * The Node half's ingest CSV (a million rows) loaded through the file picker, last (the page then
 * holds a million rows): seconds from choosing the file to the data summary, and the page's tasks over
 * 50 ms from then until three seconds after it (the cells summarising the new table). Null when
 * the Node half did not write the file.
 */
async function loadLargeFile(page: Page): Promise<{ rows: number; seconds: number; longTasks: number; longestTaskMs: number } | null> {
  const rows = Number(process.env.BENCH_INGEST_ROWS ?? 1_000_000);
  const file = join(process.env.BENCH_DIR ?? '/tmp/value-lab-bench', `ingest_${rows}.csv`);
  if (!existsSync(file)) return null;
  await page.waitForTimeout(1500); // the last run's late long-task entries first
  await page.evaluate(() => ((window as unknown as { __longTasks: unknown[] }).__longTasks.length = 0));
  const started = Date.now();
  await page.getByLabel(/Choose a file/).setInputFiles(file);
  await expect(page.getByTestId('data-summary')).toContainText(`${rows.toLocaleString('en-US')} rows`, { timeout: 300_000 });
  const seconds = (Date.now() - started) / 1000;
  await page.waitForTimeout(3000);
  const tasks = await page.evaluate(() => (window as unknown as { __longTasks: { duration: number }[] }).__longTasks.filter((t) => t.duration > 50).map((t) => t.duration));
  console.log(`load ${rows} rows: ${seconds.toFixed(2)} s to the data summary; main-thread tasks over 50 ms: ${tasks.map(Math.round).join(', ') || 'none'}`);
  return { rows, seconds, longTasks: tasks.length, longestTaskMs: Math.max(0, ...tasks) };
}

