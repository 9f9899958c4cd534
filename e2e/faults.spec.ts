import { expect, test, type Page } from '@playwright/test';
import { openWithSample, chooseAdam } from './helpers';

/**
 * Faults injected into the training worker (lib/train/faults.ts): each run ends with the person's
 * work intact and a message saying what happened.
 */
test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    (window as unknown as { __valueLabFaultInjection: boolean }).__valueLabFaultInjection = true;
  });
});

async function inject(page: Page, fault: 'crash' | 'device-lost' | 'nan'): Promise<void> {
  await page.evaluate((f) => (window as unknown as { valueLabFaults: { inject(f: string): void } }).valueLabFaults.inject(f), fault);
}

/** Start a small run on `backend`, let it take a step and a checkpoint, then pause it. */
async function startAndPause(page: Page, backend: string): Promise<void> {
  await openWithSample(page);
  await page.getByLabel('Share of rows used').fill('0.1');
  await chooseAdam(page);
  await page.getByLabel('Batch size').fill('256');
  await page.getByLabel('Epochs').fill('6');
  await page.getByLabel('Backend', { exact: true }).selectOption(backend);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByTestId('run-progress')).toContainText(/step [1-9]/, { timeout: 60_000 });
  await expect(page.getByTestId('run-progress')).toContainText(/resumable from step \d+/);
  await page.getByRole('button', { name: 'Pause' }).click();
  await page.waitForTimeout(1500); // a step or evaluation already under way still lands
}

async function finishedSteps(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Resume' }).click();
  await expect(page.getByTestId('run-progress')).toHaveAttribute('data-status', 'finished', { timeout: 150_000 });
}

test('a worker that dies mid-run is restarted from the last checkpoint, and on the next backend when it dies again', async ({ page }) => {
  await startAndPause(page, 'webgl');
  await inject(page, 'crash');
  const recoveries = page.getByTestId('run-recoveries');
  await expect(recoveries).toContainText(/training worker stopped unexpectedly.*restarted on webgl and resumed from step \d+ \(attempt 1\)/);
  await inject(page, 'crash');
  await expect(recoveries).toContainText(/restarted on wasm and resumed from step \d+ \(attempt 2\)/);
  await expect(page.getByRole('button', { name: 'Resume' })).toBeVisible(); // still paused after the restarts
  await finishedSteps(page);
  await expect(page.getByTestId('backend')).toHaveAttribute('data-backend', 'wasm');
  await expect(page.getByTestId('task-panel-is_click').getByTestId('loss-chart')).not.toHaveAttribute('data-points', '0');
});

test('a lost WebGPU device restarts the worker on WebGPU and the run resumes', async ({ page }) => {
  await startAndPause(page, 'webgpu');
  await inject(page, 'device-lost');
  await expect(page.getByTestId('run-recoveries')).toContainText(/GPU device was lost.*restarted on webgpu and resumed from step \d+ \(attempt 1\)/);
  await finishedSteps(page);
  await expect(page.getByTestId('backend')).toHaveAttribute('data-backend', 'webgpu');
  await expect(page.getByTestId('train-error')).toHaveCount(0);
});

test('a loss that turns NaN stops the run at that step, names it, suggests a lower rate and keeps the best weights', async ({ page }) => {
  await startAndPause(page, 'webgl');
  await inject(page, 'nan');
  await page.getByRole('button', { name: 'Resume' }).click();
  await expect(page.getByTestId('run-progress')).toHaveAttribute('data-status', 'stopped', { timeout: 60_000 });
  const notice = page.getByTestId('run-notice');
  await expect(notice).toContainText(/became NaN at step \d+, so training stopped\. Lower the learning rate/);
  await expect(notice).toContainText(/Each head.s weights were restored from its best validation loss \(is_click step \d+/);
  // The restored weights give finite, calibrated validation metrics and the value cell can use them.
  await expect(page.getByTestId('calibration-ratio-is_click')).toHaveText(/^\d+\.\d{3}$/);
});
