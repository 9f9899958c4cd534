import { expect, test, type Page } from '@playwright/test';
import { openWithSample, trainToEnd, chooseAdam } from './helpers';

/** Wait until autosave has written something newer than `after` (ms since epoch). */
async function savedAfter(page: Page, after: number): Promise<void> {
  await expect.poll(async () => Number((await page.getByTestId('autosave-status').getAttribute('data-saved-at')) ?? 0), { timeout: 20_000 }).toBeGreaterThan(after);
}

test('the notebook comes back after a reload: data, settings, notes, finished runs; a new notebook, rename and delete', async ({ page }) => {
  await openWithSample(page);
  // Auto on purpose (as in cells.spec): on wasm the run finished and was saved before the check below
  // started waiting for a save (seen once in CI).
  await page.getByLabel('Share of rows used').fill('0.05');
  await chooseAdam(page);
  await page.getByLabel('Epochs').fill('1');
  await page.getByRole('button', { name: 'Add a note after the targets cell' }).click();
  await page.getByLabel('Note text (markdown)').fill('# Kept across reloads');
  await page.getByRole('button', { name: 'Done' }).click();
  await trainToEnd(page);
  const auc = await page.getByTestId('eval-is_click').locator('[data-metric="AUC"]').textContent();
  await savedAfter(page, Date.now());

  await page.reload();
  await expect(page.getByTestId('data-summary')).toContainText('41,828 rows');
  await expect(page.getByLabel('Epochs')).toHaveValue('1');
  await expect(page.getByRole('heading', { name: 'Kept across reloads' })).toBeVisible();
  await expect(page.getByTestId('run-progress')).toHaveAttribute('data-status', 'finished');
  await expect(page.getByTestId('eval-is_click').locator('[data-metric="AUC"]')).toHaveText(auc!);
  await expect(page.getByTestId('status-evaluate')).toHaveText('done');

  // Rename, then a new notebook starts from the sample; the list holds both; deleting returns to the first.
  await page.getByLabel('Notebook name').fill('KuaiRand clicks');
  await page.getByRole('button', { name: 'Rename' }).click();
  await expect(page.getByLabel('Saved notebooks')).toContainText('KuaiRand clicks');
  await page.getByRole('button', { name: 'New notebook' }).click();
  await expect(page.getByTestId('data-summary')).toContainText('41,828 rows');
  await expect(page.getByTestId('run-progress')).toHaveCount(0);
  await expect(page.getByLabel('Saved notebooks').locator('option')).toHaveCount(2);
  await page.getByRole('button', { name: 'Delete notebook' }).click();
  await page.getByRole('button', { name: /Delete “Untitled notebook” for good/ }).click();
  await expect(page.getByLabel('Notebook name')).toHaveValue('KuaiRand clicks');
  await expect(page.getByTestId('run-progress')).toHaveAttribute('data-status', 'finished');
});

test('a reload mid-training marks the run interrupted and it resumes from its last checkpoint', async ({ page }) => {
  await openWithSample(page);
  // The slow software WebGPU gives time to reload mid-run; checkpoints come at most every 2 s.
  await page.getByLabel('Backend', { exact: true }).selectOption('webgpu');
  await page.getByLabel('Share of rows used').fill('0.2');
  await chooseAdam(page);
  await page.getByLabel('Epochs').fill('1');
  await page.getByLabel('Batch size').fill('64');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByTestId('run-progress')).toContainText(/resumable from step [1-9]/, { timeout: 90_000 });
  const started = Date.now();
  await savedAfter(page, started);
  await page.reload();
  const notice = page.getByTestId('interrupted-run');
  await expect(notice).toContainText('This run was interrupted at step');
  const step = Number((await notice.textContent())!.match(/at step (\d+)/)![1]);
  expect(step).toBeGreaterThan(0);
  await expect(page.getByTestId('status-train')).toHaveText('stale');
  await notice.getByRole('button', { name: `Resume from step ${step}` }).click();
  await expect(page.getByTestId('run-recoveries')).toContainText(`resumed from step ${step}`);
  await expect(page.getByTestId('run-progress')).toHaveAttribute('data-status', 'finished', { timeout: 150_000 });
  await expect(page.getByTestId('status-value')).toHaveText('done');
});

test('storage running out is explained and keeps what was saved; a second tab does not overwrite the first', async ({ page, context }) => {
  await page.addInitScript(() => {
    (window as unknown as { __valueLabFaultInjection: boolean }).__valueLabFaultInjection = true;
  });
  await openWithSample(page);
  await chooseAdam(page);
  await page.getByLabel('Epochs').fill('3');
  await savedAfter(page, Date.now());

  // From here every write fails as a full disk does (QuotaExceededError; lib/notebook/storage.ts).
  await page.evaluate(() => (window as unknown as { valueLabStorageFaults: { fill(): void } }).valueLabStorageFaults.fill());
  await page.getByText('Or generate a synthetic shop log').click();
  await page.getByLabel('Rows', { exact: true }).fill('20000');
  await page.getByRole('button', { name: 'Generate' }).click();
  await expect(page.getByTestId('autosave-status')).toContainText("The browser's storage for this site is full", { timeout: 20_000 });
  await expect(page.getByTestId('autosave-status')).toContainText('Everything saved before is kept');
  await expect(page.getByTestId('data-summary')).toContainText('20,000 rows'); // the page keeps working

  // What was saved before the quota ran out opens in a second tab, read-only while the first holds it.
  const second = await context.newPage();
  await second.goto('/');
  await expect(second.getByTestId('data-summary')).toContainText('41,828 rows');
  await expect(second.getByLabel('Epochs')).toHaveValue('3');
  await expect(second.getByTestId('autosave-status')).toContainText('This notebook is open in another tab');
  await second.getByRole('button', { name: 'Open a copy here' }).click();
  await expect(second.getByLabel('Notebook name')).toHaveValue('Untitled notebook (copy)');
  await expect(second.getByTestId('autosave-status')).toContainText('Saved in this browser', { timeout: 20_000 });
  await expect(second.getByLabel('Epochs')).toHaveValue('3');
});
