import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { openWithSample, trainToEnd } from './helpers';

/** Train a quick model on the sample (cpu backend: the value cell only needs its predictions). */
async function trainedSample(page: Page): Promise<void> {
  await openWithSample(page);
  await page.getByLabel('Share of rows used').fill('0.3');
  await page.getByLabel('Backend', { exact: true }).selectOption('cpu');
  await trainToEnd(page);
}

const formula = (page: Page) => page.getByTestId('formula');

test('presets map onto the actions, sliders work from the keyboard, outcomes and the frontier follow the weights', async ({ page }) => {
  await trainedSample(page);
  await expect(formula(page)).toHaveText('score = 1·p(is_click) + 1·p(is_follow)');

  // Heavy ranker preset: the mapping is shown, editable, and applied.
  await page.getByText('Presets', { exact: true }).click();
  await page.getByLabel('Preset', { exact: true }).selectOption('heavy-ranker');
  const mapping = page.getByTestId('preset-mapping');
  await expect(page.getByLabel('action for good click')).toHaveValue('is_click');
  await expect(page.getByLabel('action for profile click & engage')).toHaveValue('is_follow');
  await expect(page.getByLabel('action for video 50% playback')).toHaveValue('');
  await expect(page.getByLabel('action for report')).toHaveValue('');
  await expect(mapping).toContainText('negative feedback');
  await page.getByRole('button', { name: 'Apply preset' }).click();
  await expect(formula(page)).toHaveText('score = 11·p(is_click) + 12·p(is_follow)');
  // Edit the mapping: the guide example with its report term on is_follow.
  await page.getByLabel('Preset', { exact: true }).selectOption('guide-example');
  await page.getByLabel('action for report').selectOption('is_follow');
  await page.getByRole('button', { name: 'Apply preset' }).click();
  await expect(formula(page)).toHaveText('score = 1·p(is_click) − 50·p(is_follow)');

  // The slider moves from the keyboard; the exact field takes any value.
  const slider = page.getByRole('slider', { name: 'weight of p(is_click)' });
  await slider.focus();
  await page.keyboard.press('ArrowRight');
  await expect(formula(page)).not.toHaveText('score = 1·p(is_click) − 50·p(is_follow)');
  await page.getByLabel('exact weight of p(is_click)').fill('1');

  // Outcomes: rates against click-only and all impressions, NDCG and value captured.
  const table = page.getByTestId('topk-table');
  await expect(table).toContainText('top 10, click-only');
  await expect(table.locator('tr[data-action="is_follow"] td').nth(5)).toHaveText(/^\d\.\d{3}$/);
  await expect(page.getByTestId('value-captured')).toContainText(/captured in the top 10: (−|-)?\d+\.\d{2}%|—/);
  const penalised = await table.locator('tr[data-action="is_follow"] td').nth(1).textContent();

  // Frontier: sweep the is_follow weight; a row sets it.
  await page.getByText('Trade-off frontier').click();
  await page.getByLabel('Sweep the weight of').selectOption('is_follow');
  await page.getByLabel('from', { exact: true }).fill('0');
  await page.getByLabel('to', { exact: true }).fill('-100');
  await page.getByLabel('points', { exact: true }).fill('11');
  await expect(page.getByTestId('frontier-chart')).toHaveAttribute('data-points', '11');
  await expect(page.getByTestId('frontier-table').locator('tbody tr')).toHaveCount(11);
  await page.getByRole('button', { name: 'Set the weight of is_follow to 0' }).click();
  await expect(formula(page)).toHaveText('score = 1·p(is_click)');
  // With no penalty is_follow's top-10 rate is at least what it was under −50.
  const free = await table.locator('tr[data-action="is_follow"] td').nth(1).textContent();
  expect(parseFloat(free!)).toBeGreaterThanOrEqual(parseFloat(penalised!));

  // Calibration off, side by side.
  await page.getByText('Calibration off: the same weights').click();
  await expect(page.getByTestId('calibration-overlap')).toHaveText(/^\d+\.\d{2}%$/);
});

test('per-user normalisation says whom it affects; slates by user and day; the formula exports as JSON', async ({ page }) => {
  await trainedSample(page);
  await page.getByText('Per-user normalisation by base rate').click();
  await page.getByLabel('normalise p(is_click) per user').check();
  await expect(page.getByTestId('normalise-effect-is_click')).toContainText(/\d+ of \d+ users never took is_click in training/);
  await expect(page.getByTestId('normalise-effect-is_click')).toContainText(/top K changed in \d+\.\d% of slates/);

  const byUser = (await page.getByTestId('topk-table').locator('caption').textContent())!;
  await page.getByLabel('Slates', { exact: true }).selectOption('user-day');
  await expect(page.getByTestId('topk-table').locator('caption')).not.toHaveText(byUser);

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export formula (JSON)' }).click();
  const file = JSON.parse(await readFile((await (await download).path())!, 'utf8'));
  expect(file).toMatchObject({ format: 'value-lab-formula', version: 1, formula: 'score = 1·p(is_click) + 1·p(is_follow)', weights: { is_click: 1, is_follow: 1 }, normalisedByUserBaseRate: ['is_click'] });
  expect(file.calibrationRates.is_click).toBeGreaterThan(0);
});
