import { expect, test } from '@playwright/test';

test('evaluate a downsampled head on the synthetic log: recalibrated vs skipped, and predicted vs true', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('data-summary')).toContainText('41,828 rows');
  await page.getByText('Or generate a synthetic shop log').click();
  await page.getByLabel('Rows', { exact: true }).fill('6000');
  await page.getByRole('button', { name: 'Generate' }).click();
  await expect(page.getByTestId('data-summary')).toContainText('6,000 rows');
  // Targets: clicked (default) and added_to_cart; keep 10% of clicked's negatives.
  await expect(page.getByRole('checkbox', { name: /^clicked/ })).toBeChecked();
  await page.getByRole('slider', { name: /clicked.*keep/ }).fill('100');
  await page.getByLabel('Epochs').fill('4');
  await page.getByLabel('Batch size').fill('256');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByTestId('run-progress')).toHaveAttribute('data-status', 'finished', { timeout: 150_000 });

  const clicked = page.getByTestId('eval-clicked');
  const ratio = async () => Number(await clicked.locator('[data-metric="calibration ratio Σp/Σy"]').textContent());
  expect(await ratio()).toBeGreaterThan(0.8);
  expect(await ratio()).toBeLessThan(1.2);
  await expect(clicked.getByTestId('truth-clicked')).toContainText('correlation');
  await expect(clicked.getByTestId('curve-FPR').locator('path.recharts-curve').first()).toBeAttached();

  await page.getByRole('checkbox', { name: /Skip recalibration/ }).check();
  // Raw outputs of a head trained on 10% of its negatives over-predict clicks badly.
  await expect.poll(ratio).toBeGreaterThan(1.3);
  await expect(page.getByTestId('effective-weights')).toContainText('clicked: 10.0');
});
