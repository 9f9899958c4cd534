import { expect, type Page } from '@playwright/test';

/** Open the app and wait for the bundled KuaiRand sample. */
export async function openWithSample(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByTestId('data-summary')).toContainText('41,828 rows');
}

/** Replace the sample with a synthetic shop log of `rows` rows (seed 1). */
export async function generateSynthetic(page: Page, rows: number): Promise<void> {
  await page.getByText('Or generate a synthetic shop log').click();
  await page.getByLabel('Rows', { exact: true }).fill(String(rows));
  await page.getByRole('button', { name: 'Generate' }).click();
  await expect(page.getByTestId('data-summary')).toContainText(`${rows.toLocaleString('en-US')} rows`);
}

/** Press Train and wait until the run has finished. */
export async function trainToEnd(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByTestId('run-progress')).toHaveAttribute('data-status', 'finished', { timeout: 150_000 });
}

/** Train the logistic regression with Adam steps, as the neural models train: the exact solver (the default) has no epochs, batches, schedule or per-step curves. */
export async function chooseAdam(page: Page): Promise<void> {
  await page.getByLabel('Solver', { exact: true }).selectOption('adam');
}
