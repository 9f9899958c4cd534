import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { openWithSample, trainToEnd } from './helpers';

// Calibration as a result, through the UI: presets that say when they cannot keep their promise, the
// recalibration switch in the Sampling cell, a warning under the head it concerns, post-hoc repair with
// before and after, and a scored file that says which probabilities it holds.
test('a head left unrecalibrated is warned about, repaired post hoc with before and after, and exported as raw', async ({ page }) => {
  await openWithSample(page);
  await page.getByLabel('Backend', { exact: true }).selectOption('wasm'); // about calibration, not backends
  await expect(page.getByRole('checkbox', { name: /^is_click/ })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: /^is_follow/ })).toBeChecked();

  // Presets: "balance 1:1" cannot balance is_click (66% positive) nor is_follow (0.7%, below the 1% floor).
  await expect(page.getByTestId('preset-note-is_click').first()).toContainText('does nothing here');
  await expect(page.getByTestId('preset-note-is_follow').first()).toContainText('clamped at the 1% floor');

  // The exact solver is the default for logistic regression: no epochs to set.
  await expect(page.getByLabel('Solver', { exact: true })).toHaveValue('lbfgs');
  await expect(page.getByLabel('Epochs')).toBeHidden();

  await page.getByLabel('Share of rows used').fill('0.5');
  await page.getByRole('slider', { name: /is_click.*keep/ }).fill('50'); // 5% of is_click's negatives
  await page.getByRole('checkbox', { name: /Skip recalibration/ }).check();
  await expect(page.locator('#recalibration-note')).toContainText('over-predicts by about 1/w');
  await trainToEnd(page);

  const click = page.getByTestId('eval-is_click');
  const ratio = async () => Number(await click.locator('[data-metric="calibration ratio Σp/Σy"]').textContent());
  // Raw outputs of a head trained on 5% of its negatives: far above 1, and the head says so.
  const raw = await ratio();
  expect(raw).toBeGreaterThan(1.2);
  await expect(page.getByTestId('head-warnings-is_click')).toContainText('calibration ratio');
  await expect(page.getByTestId('head-warnings-is_click')).toContainText('post-hoc calibration');
  // And 5% of a third of the sample's negatives is a few hundred rows for thousands of id weights: starved.
  await expect(page.getByTestId('head-warnings-is_click').locator('li[data-kind="starved"]')).toContainText('parameters of its own');
  await expect(page.getByTestId('probability-mode')).toContainText('raw');
  await click.getByText('Reliability bins: rows, mean predicted and observed rate').click();
  const bins = click.getByTestId('reliability-bins-is_click').locator('tbody tr');
  await expect(bins).toHaveCount(10);
  // The bins' rows add up to the validation rows the head is judged on.
  const counts = await bins.locator('td:first-child').allTextContents();
  expect(counts.reduce((s, c) => s + Number(c.replace(/,/g, '')), 0)).toBe(Number((await click.locator('h3').textContent())!.match(/in ([\d,]+) rows/)![1].replace(/,/g, '')));

  // The scored file says it holds raw outputs.
  const download = page.waitForEvent('download');
  const sample = readFileSync(`${__dirname}/../public/data/kuairand_feedback.tsv`, 'utf8').split('\n').slice(0, 501).join('\n');
  await page.getByTestId('score-cell').getByLabel('File to score').setInputFiles({ name: 'part.tsv', mimeType: 'text/plain', buffer: Buffer.from(sample) });
  const header = readFileSync(await (await download).path(), 'utf8').split('\n')[0].split(',');
  expect(header).toContain('p_raw_is_click');
  expect(header).not.toContain('p_is_click');

  // Isotonic repair, cross-fitted on validation: the ratio comes back near 1 and the warning goes.
  await page.getByLabel('Post-hoc calibration').selectOption('isotonic');
  const repair = page.getByTestId('calibration-repair').locator('tr[data-task="is_click"]');
  await expect(repair).toBeVisible();
  const after = Number(await repair.locator('[data-metric="ratio-after"]').textContent());
  expect(after).toBeGreaterThan(0.97);
  expect(after).toBeLessThan(1.03);
  await expect.poll(ratio).toBeLessThan(1.03);
  await expect(page.getByTestId('head-warnings-is_click').locator('li[data-kind="calibration"]')).toHaveCount(0);

  // Sampling correction alone (no repair), without retraining: the exact formula takes most of the
  // excess away; what is left is the noise of a head fitted on a few hundred negatives.
  await page.getByLabel('Post-hoc calibration').selectOption('none');
  await page.getByRole('checkbox', { name: /Skip recalibration/ }).uncheck();
  await expect.poll(ratio).toBeLessThan(1 + (raw - 1) / 2);
  await expect(page.getByTestId('probability-mode')).not.toContainText('raw');
  await expect(page.getByTestId('calibration-repair')).toHaveCount(0);
});
