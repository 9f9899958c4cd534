import { expect, test } from '@playwright/test';
import { openWithSample, trainToEnd } from './helpers';

type Counts = Record<string, number>;

test('the Train cell renders once per batch of worker events, its charts at most once a second each; the tensor count stays flat', async ({ page }) => {
  await page.addInitScript(() => {
    (window as unknown as { __valueLabRenderCounts: Counts }).__valueLabRenderCounts = {};
  });
  await openWithSample(page);
  // The MLP: its step is the generic tfjs one (where a leaked tensor would show), and on cpu it streams
  // for seconds; the logistic regression's one-kernel step finishes this run in well under one.
  await page.getByLabel('Model', { exact: true }).selectOption('mlp');
  await page.getByLabel('Share of rows used').fill('0.2');
  await page.getByLabel('Batch size').fill('128');
  await page.getByLabel('Epochs').fill('5');
  await page.getByLabel('Backend', { exact: true }).selectOption('cpu');
  const before = await page.evaluate(() => ({ ...(window as unknown as { __valueLabRenderCounts: Counts }).__valueLabRenderCounts }));
  // Sample the tensor count the progress line shows while the run goes: it must stay flat across epochs.
  const tensorCounts: { epoch: number; tensors: number }[] = [];
  const sampler = setInterval(() => {
    void page
      .getByTestId('run-progress')
      .textContent()
      .then((text) => {
        const m = /epoch (\d+).* in ([\d,]+) tensors/.exec(text ?? '');
        if (m) tensorCounts.push({ epoch: Number(m[1]), tensors: Number(m[2].replace(/,/g, '')) });
      })
      .catch(() => {});
  }, 100);
  const started = Date.now();
  await trainToEnd(page);
  const seconds = (Date.now() - started) / 1000;
  clearInterval(sampler);
  const later = tensorCounts.filter((c) => c.epoch >= 2).map((c) => c.tensors);
  expect(later.length).toBeGreaterThan(2);
  expect(Math.max(...later) - Math.min(...later)).toBeLessThanOrEqual(2);
  const after = await page.evaluate(() => ({ ...(window as unknown as { __valueLabRenderCounts: Counts }).__valueLabRenderCounts }));
  const delta = (key: string) => (after[key] ?? 0) - (before[key] ?? 0);
  const tasks = await page.locator('[data-testid^="task-panel-"]').count();
  const events = delta('events');
  const batches = delta('batches');
  console.log(`${seconds.toFixed(1)} s, events ${events}, batches ${batches}, TrainCell ${delta('TrainCell')}, LossChart ${delta('LossChart')} for ${tasks} heads, MetricsChart ${delta('MetricsChart')}`);
  expect(events).toBeGreaterThan(20); // a real stream of loss, progress and evaluation events
  expect(batches).toBeLessThan(events); // bursts arrive as one batch
  // One render of the cell per batch (plus a few for clicks and mounting), not one per event.
  expect(delta('TrainCell')).toBeLessThanOrEqual(batches + 10);
  // While the run streams each chart takes new data at most once a second (components/charts/useLiveSnapshot.ts),
  // plus mounting and the finished run's final draw.
  const perChart = Math.ceil(seconds) + 3;
  expect(delta('LossChart')).toBeGreaterThan(0);
  expect(delta('LossChart')).toBeLessThanOrEqual(tasks * perChart);
  expect(delta('LossChart')).toBeLessThan(tasks * batches);
  expect(delta('MetricsChart')).toBeLessThanOrEqual(tasks * perChart);
});
