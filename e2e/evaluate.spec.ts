import { expect, test } from '@playwright/test';
import { generateSynthetic, openWithSample, trainToEnd, chooseAdam } from './helpers';

test('evaluate a downsampled head on the synthetic log: recalibrated vs skipped, and predicted vs true', async ({ page }) => {
  await openWithSample(page);
  await generateSynthetic(page, 6000);
  await page.getByLabel('Backend', { exact: true }).selectOption('wasm'); // not about backends: skips auto's benchmark
  // Targets: clicked (default) and added_to_cart; keep 10% of clicked's negatives.
  await expect(page.getByRole('checkbox', { name: /^clicked/ })).toBeChecked();
  await page.getByRole('slider', { name: /clicked.*keep/ }).fill('100');
  await chooseAdam(page);
  await page.getByLabel('Epochs').fill('4');
  await page.getByLabel('Batch size').fill('256');
  await trainToEnd(page);

  const clicked = page.getByTestId('eval-clicked');
  const ratio = async () => Number(await clicked.locator('[data-metric="calibration ratio Σp/Σy"]').textContent());
  expect(await ratio()).toBeGreaterThan(0.8);
  expect(await ratio()).toBeLessThan(1.2);
  await expect(clicked.getByTestId('truth-clicked')).toContainText('correlation');
  await expect(clicked.getByTestId('curve-FPR').locator('path.plot-line').first()).toBeAttached();

  // The training side (before negative sampling) is evaluated on natural rows too. It reads a little
  // high: every positive was seen in training (and fitted), 90% of the negatives were not.
  const validationPositives = await clicked.locator('h3').textContent();
  await page.getByLabel('Split', { exact: true }).selectOption('train');
  await expect(clicked.locator('h3')).not.toHaveText(validationPositives!);
  expect(await ratio()).toBeGreaterThan(0.8);
  expect(await ratio()).toBeLessThan(1.5);
  await page.getByLabel('Split', { exact: true }).selectOption('validation');
  await page.getByRole('checkbox', { name: /Skip recalibration/ }).check();
  // Raw outputs of a head trained on 10% of its negatives over-predict clicks badly.
  await expect.poll(ratio).toBeGreaterThan(1.3);
  await expect(page.getByTestId('effective-weights')).toContainText('clicked: 10.0');
});

test('a click → add-to-cart funnel trains on all impressions and shows conditional and joint probabilities', async ({ page }) => {
  await openWithSample(page);
  await generateSynthetic(page, 5000);
  await page.getByLabel('Backend', { exact: true }).selectOption('wasm'); // not about backends: skips auto's benchmark
  await expect(page.getByRole('checkbox', { name: /^added_to_cart/ })).toBeChecked();
  await page.getByRole('radio', { name: /a funnel \(ESMM\)/ }).check();
  await expect(page.getByLabel('Step 1')).toHaveValue('clicked');
  await expect(page.getByLabel('Step 2')).toHaveValue('added_to_cart');
  await chooseAdam(page);
  await page.getByLabel('Batch size').fill('256');
  await trainToEnd(page);
  await expect(page.getByTestId('slate-table')).toContainText('p(added_to_cart | clicked)');
  const ratio = Number(await page.getByTestId('eval-added_to_cart').locator('[data-metric="calibration ratio Σp/Σy"]').textContent());
  expect(ratio).toBeGreaterThan(0.7);
  expect(ratio).toBeLessThan(1.3);
});

test('learning to rank is_click with BPR on the sample: a Platt map gives calibrated probabilities, compared with a pointwise run', async ({ page }) => {
  await openWithSample(page);
  await page.getByLabel('Backend', { exact: true }).selectOption('wasm'); // not about backends: skips auto's benchmark
  await page.getByRole('checkbox', { name: /^is_follow/ }).uncheck();
  await page.getByLabel('Share of rows used').fill('0.1');
  await chooseAdam(page);
  await page.getByLabel('Batch size').fill('256');
  await page.getByLabel('Epochs').fill('2');
  // First a pointwise run, to compare the ranking run with.
  await trainToEnd(page);
  await page.getByRole('radio', { name: /learning to rank/ }).check();
  await expect(page.getByLabel('Ranked action')).toHaveValue('is_click');
  await expect(page.getByTestId('ranking-note')).toContainText('not probabilities');
  await trainToEnd(page);
  await expect(page.getByTestId('task-panel-is_click')).toContainText('ranked with bpr');
  const ratio = Number(await page.getByTestId('eval-is_click').locator('[data-metric="calibration ratio Σp/Σy"]').textContent());
  expect(ratio).toBeGreaterThan(0.8);
  expect(ratio).toBeLessThan(1.2);
  // Side by side with the pointwise run, on the same validation rows.
  const comparison = page.getByTestId('run-comparison');
  await expect(comparison).toContainText('Both runs were judged on the same validation rows.');
  await expect(comparison).toContainText('A = run 1: pointwise');
  await expect(comparison).toContainText('B = run 2: bpr ranking of is_click');
  await expect(comparison.locator('table[data-task="is_click"] tr', { hasText: 'AUC' }).first().locator('[data-verdict]')).toBeVisible();
});

test('an MLP with one separate network per action trains on WebGPU, and bad layer sizes are explained', async ({ page }) => {
  await openWithSample(page);
  await page.getByLabel('Share of rows used').fill('0.1');
  await page.getByLabel('Model', { exact: true }).selectOption('mlp');
  await page.getByLabel('Hidden layers (sizes, comma separated)').fill('32, 0');
  await expect(page.getByTestId('network-settings').getByRole('alert')).toContainText('hidden layer sizes must be positive integers, got "32, 0"');
  await page.getByLabel('Hidden layers (sizes, comma separated)').fill('16');
  await page.getByLabel('Backend', { exact: true }).selectOption('webgpu');
  await page.getByLabel('Heads', { exact: true }).selectOption('separate');
  await page.getByLabel('Batch size').fill('256');
  await page.getByLabel('Epochs').fill('2');
  await trainToEnd(page);
  await expect(page.getByTestId('backend')).toHaveAttribute('data-backend', 'webgpu');
  await expect(page.getByTestId('run-progress')).toContainText('parameters');
  const auc = Number(await page.getByTestId('eval-is_click').locator('[data-metric="AUC"]').textContent());
  // A network that did not train predicts a constant (AUC 0.5); this one must rank.
  expect(auc).toBeGreaterThan(0.55);
});
