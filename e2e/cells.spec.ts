import { expect, test } from '@playwright/test';
import { openWithSample, chooseAdam } from './helpers';

test('run all queues the cells, an edit makes downstream stale, run stale and Shift+Enter rerun only what is needed', async ({ page }) => {
  await openWithSample(page);
  // Auto on purpose: its benchmark keeps the Train cell 'running' long enough to be seen; on wasm alone the
  // run can finish between two polls (a CI run saw that).
  await page.getByLabel('Share of rows used').fill('0.05');
  await chooseAdam(page);
  await page.getByLabel('Epochs').fill('1');
  await page.getByRole('button', { name: 'Run all' }).click();
  // Evaluate waits for training: queued while the Train cell runs.
  await expect(page.getByTestId('status-train')).toHaveText('running');
  await expect(page.getByTestId('status-evaluate')).toHaveText('queued');
  await expect(page.getByTestId('status-value')).toHaveText('done', { timeout: 150_000 });
  await expect(page.getByTestId('status-evaluate')).toHaveText('done');

  // An upstream edit: the Model cell stays current, everything after it is stale.
  await page.getByLabel('Epochs').fill('2');
  for (const cell of ['train', 'evaluate', 'value']) await expect(page.getByTestId(`status-${cell}`)).toHaveText('stale');
  await expect(page.getByTestId('status-model')).toHaveText('done');
  const runStale = page.getByRole('button', { name: 'Run stale cells (3)' });
  await expect(runStale).toBeEnabled();

  // Shift+Enter in a field of the Model cell runs that cell only; the stale cells after it stay stale.
  await page.getByLabel('Epochs').press('Shift+Enter');
  await expect(page.getByTestId('status-train')).toHaveText('stale');

  await runStale.click();
  await expect(page.getByTestId('status-train')).toHaveText('running');
  await expect(page.getByTestId('status-value')).toHaveText('done', { timeout: 150_000 });
  await expect(page.getByRole('button', { name: /Run stale cells \(0\)/ })).toBeDisabled();
  await expect(page.getByTestId('runs-table').locator('tbody tr')).toHaveCount(2);

  // A cell that cannot run says why and what to do; the cells after it stay stale.
  const chosen = page.locator('[data-cell="targets"] fieldset input[type="checkbox"]:checked');
  while ((await chosen.count()) > 0) await chosen.first().uncheck();
  await page.getByRole('button', { name: 'Run all' }).click();
  await expect(page.getByTestId('run-controls').getByRole('alert')).toContainText('Targets cell: no action is chosen as a label');
  await expect(page.getByTestId('status-targets')).toHaveText('error');
  await expect(page.getByTestId('status-train')).toHaveText('stale');
  await expect(page.getByTestId('runs-table').locator('tbody tr')).toHaveCount(2);
});

test('cells collapse from the keyboard, lessons set the controls they describe, terms explain themselves', async ({ page }) => {
  await openWithSample(page);
  const toggle = page.getByRole('button', { name: 'Collapse the Data cell' });
  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Expand the Data cell' })).toHaveAttribute('aria-expanded', 'false');
  await expect(page.locator('#cell-data-body')).toBeHidden();
  await page.keyboard.press('Enter');
  await expect(page.locator('#cell-data-body')).toBeVisible();

  // "Why downsample": keep 5% of negatives with recalibration off, train, and the raw calibration ratio is far above 1.
  const lesson = page.locator('[data-lesson="downsample-recalibrate"]');
  await lesson.getByText('Learn: Why downsample, and why recalibrate').click();
  await lesson.getByRole('button', { name: /Try it: Keep rate 0.05, recalibration off/ }).click();
  await expect(lesson.getByRole('status')).toContainText('Keep rate 0.05 on every label');
  await expect(page.getByTestId('keep-rate-is_click')).toContainText('keep 5.0% of negatives');
  await expect(page.getByRole('checkbox', { name: /Skip recalibration/ })).toBeChecked();
  await page.getByLabel('Share of rows used').fill('0.1');
  await chooseAdam(page);
  await page.getByLabel('Epochs').fill('2');
  await page.getByRole('button', { name: 'Run cell: Evaluate' }).click();
  await expect(page.getByTestId('status-evaluate')).toHaveText('done', { timeout: 150_000 });
  const ratioCell = page.getByTestId('eval-is_click').locator('[data-metric="calibration ratio Σp/Σy"]');
  const raw = Number(await ratioCell.textContent());
  expect(raw).toBeGreaterThan(1.3);
  // Switching recalibration back on (the lesson's second half) brings it back to about 1.
  await page.getByRole('checkbox', { name: /Skip recalibration/ }).uncheck();
  await expect(ratioCell).not.toHaveText(String(raw));
  const recalibrated = Number(await ratioCell.textContent());
  expect(Math.abs(recalibrated - 1)).toBeLessThan(0.25);

  // Terms: the tooltip appears on keyboard focus, is the element's description, and Escape hides it.
  const ne = page.getByTestId('eval-is_click').getByText('normalized entropy', { exact: true });
  await ne.focus();
  const tip = page.getByRole('tooltip');
  await expect(tip).toContainText('log loss divided by the log loss of always predicting the base rate');
  await expect(ne).toHaveAttribute('aria-describedby', (await tip.getAttribute('id'))!);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('tooltip')).toHaveCount(0);
});
