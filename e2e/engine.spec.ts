import { expect, test } from '@playwright/test';
import { openWithSample, trainToEnd, chooseAdam } from './helpers';

/** The step the progress line shows now. */
async function currentStep(page: import('@playwright/test').Page): Promise<number> {
  const text = (await page.getByTestId('run-progress').textContent()) ?? '';
  return Number(/step (\d+)/.exec(text)?.[1] ?? -1);
}

test('pause holds the run between steps, resume finishes it; the learning rate changes mid-run', async ({ page }) => {
  await openWithSample(page);
  await page.getByLabel('Share of rows used').fill('0.3');
  await chooseAdam(page);
  await page.getByLabel('Batch size').fill('256');
  await page.getByLabel('Epochs').fill('4');
  // The software WebGPU is slow enough to pause mid-run; "auto" would pick the much faster wasm here.
  await page.getByLabel('Backend', { exact: true }).selectOption('webgpu');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByTestId('run-progress')).toContainText(/step [1-9]/, { timeout: 60_000 });

  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByTestId('run-progress')).toContainText('paused');
  await page.waitForTimeout(1500); // a step already queued may still land
  const held = await currentStep(page);
  await page.waitForTimeout(2500);
  expect(await currentStep(page)).toBe(held);

  await page.getByLabel('Learning rate of this run').fill('0.002');
  await page.getByRole('button', { name: 'Apply' }).click();
  await page.getByRole('button', { name: 'Resume' }).click();
  await expect(page.getByTestId('run-progress')).toContainText('learning rate 0.00200', { timeout: 60_000 });
  await expect(page.getByTestId('run-progress')).toHaveAttribute('data-status', 'finished', { timeout: 150_000 });
  await expect(page.getByTestId('run-progress')).toContainText(/MB in \d+ tensors/);
});

test('pause and stop reach a run on wasm, whose reads never wait for a device', async ({ page }) => {
  await openWithSample(page);
  await page.getByLabel('Share of rows used').fill('0.3');
  await chooseAdam(page);
  await page.getByLabel('Epochs').fill('200'); // minutes on wasm: it must be stopped, not finish
  await page.getByLabel('Backend', { exact: true }).selectOption('wasm');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  const progress = page.getByTestId('run-progress');
  await expect(progress).toContainText(/step [1-9]/, { timeout: 60_000 });
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(progress).toContainText('paused', { timeout: 5_000 });
  await page.waitForTimeout(500);
  const held = await currentStep(page);
  await page.waitForTimeout(1500);
  expect(await currentStep(page)).toBe(held);
  await page.getByRole('button', { name: 'Resume' }).click();
  await expect.poll(() => currentStep(page), { timeout: 10_000 }).toBeGreaterThan(held);
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(progress).toHaveAttribute('data-status', 'stopped', { timeout: 15_000 });
});

test('smoothing, log scale and the per-step metrics chart follow real training', async ({ page }) => {
  await openWithSample(page);
  await page.getByLabel('Share of rows used').fill('0.1');
  await chooseAdam(page);
  await page.getByLabel('Epochs').fill('2');
  await trainToEnd(page);
  const panel = page.getByTestId('task-panel-is_click');
  await expect(panel.getByTestId('metrics-chart')).not.toHaveAttribute('data-points', '0');
  await page.getByLabel('Log-scale loss axis').check();
  await expect(panel.getByTestId('loss-chart')).toHaveAttribute('data-scale', 'log');
  await page.getByLabel('Smoothing (EMA)').fill('0.9');
  await expect(panel.getByTestId('loss-chart')).toContainText('train (EMA 0.9)');
  // Hovering reads out the values at the nearest step.
  await panel.getByTestId('loss-chart').locator('svg').hover({ position: { x: 200, y: 60 } });
  await expect(panel.getByTestId('loss-chart').locator('.plot-readout')).toContainText(/step \d+ · train \(raw\) \d\.\d{4}/);
});

test('on a software GPU, "auto" times the actual model on each backend and trains on the fastest', async ({ page }) => {
  await openWithSample(page);
  await page.getByLabel('Share of rows used').fill('0.05');
  await chooseAdam(page);
  await page.getByLabel('Epochs').fill('1');
  await trainToEnd(page);
  const listed = (await page.getByTestId('backend-benchmark').textContent()) ?? '';
  const speeds = [...listed.matchAll(/(webgpu|webgl|wasm|cpu) ([\d,]+)/g)].map((m) => ({ name: m[1], rowsPerSecond: Number(m[2].replace(/,/g, '')) }));
  expect(speeds.map((s) => s.name)).toContain('webgpu');
  expect(speeds.map((s) => s.name)).toContain('cpu');
  expect(speeds.map((s) => s.name)).toContain('wasm');
  speeds.forEach((s) => expect(s.rowsPerSecond).toBeGreaterThan(0));
  const fastest = speeds.reduce((a, b) => (b.rowsPerSecond > a.rowsPerSecond ? b : a));
  await expect(page.getByTestId('backend')).toHaveAttribute('data-backend', fastest.name);
});

test('a grid sweep over the learning rate runs one after another into the runs table, best per metric marked', async ({ page }) => {
  await openWithSample(page);
  await page.getByLabel('Share of rows used').fill('0.05');
  await chooseAdam(page);
  await page.getByLabel('Epochs').fill('1');
  await page.getByText('Sweep parameters').click();
  await page.getByLabel('Values of learning rate (comma separated)').fill('0.01, 0.2, x');
  await expect(page.getByTestId('sweep-panel').getByRole('alert')).toContainText('learning rate: "x" is not a number');
  await page.getByLabel('Values of learning rate (comma separated)').fill('0.01, 0.2');
  await page.getByRole('button', { name: /Run sweep \(2 of 2 combinations\)/ }).click();
  await expect(page.getByTestId('run-progress')).toContainText('sweep run 2 of 2', { timeout: 120_000 });
  await expect(page.getByTestId('run-progress')).toHaveAttribute('data-status', 'finished', { timeout: 150_000 });
  const table = page.getByTestId('runs-table');
  await expect(table.locator('tbody tr')).toHaveCount(2);
  // Every metric column marks exactly one best run.
  await expect(table.locator('td[data-best]')).toHaveCount(4);
  await table.getByLabel(/Overlay the loss curve of run/).first().check();
  await table.getByLabel(/Overlay the loss curve of run/).last().check();
  await expect(page.getByTestId('runs-loss-chart')).toHaveAttribute('data-runs', '2');
  await expect(page.getByTestId('parameter-scatter')).toHaveAttribute('data-points', '2');
  await expect(page.getByTestId('parameter-scatter')).toHaveAttribute('aria-label', /run \d+ \(0\.01,/);
});
