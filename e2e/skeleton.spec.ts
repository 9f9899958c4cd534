import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { chooseAdam } from './helpers';

const fixture = (name: string) => join(__dirname, 'fixtures', name);

async function slateOrder(page: Page): Promise<string[]> {
  return page.getByTestId('slate-table').locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-row') ?? ''));
}

test('sample → two actions → keep rate → train on WebGPU → charts → value weights re-rank', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('data-summary')).toContainText('41,828 rows × 16 columns');
  const actions = page.getByTestId('actions-table');
  for (const a of ['is_click', 'is_follow', 'long_view', 'label']) await expect(actions.locator(`tr[data-action="${a}"]`)).toBeVisible();
  await expect(page.getByTestId('numeric-summary')).toBeAttached();

  // Targets: is_click and long_view (and not is_follow, which is on by default).
  await page.getByRole('checkbox', { name: /^is_follow/ }).uncheck();
  await page.getByRole('checkbox', { name: /^long_view/ }).check();
  await expect(page.getByRole('checkbox', { name: /^is_click/ })).toBeChecked();

  // Sampling: a small share of rows keeps software WebGPU quick; keep 10% of is_click's negatives.
  await page.getByLabel('Share of rows used').fill('0.1');
  await page.getByRole('slider', { name: /is_click.*keep/ }).fill('100'); // slider middle = 10^−1
  await expect(page.getByTestId('keep-rate-is_click')).toContainText('keep 10% of negatives');
  await expect(page.getByTestId('positive-share-is_click')).toContainText('→ 95.0% of what this head trains on');

  await chooseAdam(page);
  await page.getByLabel('Batch size').fill('256');
  await page.getByLabel('Epochs').fill('2');

  // Long tasks on the main thread while training: the UI must stay responsive.
  await page.evaluate(() => {
    (window as unknown as { longest: number }).longest = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) (window as unknown as { longest: number }).longest = Math.max((window as unknown as { longest: number }).longest, e.duration);
    }).observe({ type: 'longtask', buffered: false });
  });
  // WebGPU explicitly: on a software adapter "auto" may pick a faster backend (see engine.spec.ts).
  await page.getByLabel('Backend', { exact: true }).selectOption('webgpu');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByTestId('backend')).toHaveAttribute('data-backend', 'webgpu', { timeout: 60_000 });
  await expect(page.getByTestId('run-progress')).toHaveAttribute('data-status', 'finished', { timeout: 150_000 });
  const longest = await page.evaluate(() => (window as unknown as { longest: number }).longest);
  expect(longest).toBeLessThan(1000);

  for (const task of ['is_click', 'long_view']) {
    const panel = page.getByTestId(`task-panel-${task}`);
    const points = Number(await panel.getByTestId('loss-chart').getAttribute('data-points'));
    expect(points).toBeGreaterThan(10);
    await expect(panel.getByTestId('loss-chart').locator('path.plot-line').first()).toBeAttached();
    expect(Number(await panel.getByTestId('reliability-chart').getAttribute('data-bins'))).toBeGreaterThanOrEqual(5);
    await expect(panel.getByTestId('reliability-chart').locator('.plot-dot').first()).toBeAttached();
    const ratio = Number(await panel.getByTestId(`calibration-ratio-${task}`).textContent());
    // Recalibrated heads are roughly calibrated even for is_click, trained on 10% of its negatives.
    expect(ratio).toBeGreaterThan(0.7);
    expect(ratio).toBeLessThan(1.3);
  }

  // Value model: moving a weight re-orders the slate without retraining.
  await expect(page.getByTestId('formula')).toHaveText('score = 1·p(is_click) + 1·p(long_view)');
  const before = await slateOrder(page);
  expect(before.length).toBeGreaterThan(3);
  await page.getByLabel('exact weight of p(long_view)').fill('-100');
  await expect(page.getByTestId('formula')).toHaveText('score = 1·p(is_click) − 100·p(long_view)');
  await expect.poll(() => slateOrder(page)).not.toEqual(before);
  await expect(page.getByTestId('topk-table')).toContainText('top 10');
});

test('a small CSV is loaded with its actions; a broken file shows an error and keeps the data', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('data-summary')).toContainText('41,828 rows');
  await page.getByLabel(/Choose a file/).setInputFiles(fixture('shop_small.csv'));
  await expect(page.getByTestId('data-summary')).toContainText('shop_small.csv: 12 rows × 6 columns');
  const actions = page.getByTestId('actions-table');
  await expect(actions.locator('tr[data-action="clicked"]')).toContainText('58.33%');
  await expect(actions.locator('tr[data-action="bought"]')).toContainText('25.00%');
  // The column detail counts a column once opened (from the keyboard): price's values, ties in numeric order.
  const detail = page.getByText('Column detail: top values and histogram');
  await detail.focus();
  await page.keyboard.press('Enter');
  await page.getByLabel('Column to inspect').selectOption('price');
  const top = page.getByTestId('top-values');
  await expect(top.locator('tbody tr').first()).toHaveText(/35\.5\s*3/);
  await expect(top.locator('tbody tr')).toHaveText([/35\.5\s*3/, /9\.5\s*2/, /12\s*2/, /80\s*2/, /120\s*2/, /60\s*1/]);
  await expect(page.getByRole('img', { name: 'Histogram of price' })).toBeVisible();

  await page.getByLabel(/Choose a file/).setInputFiles(fixture('broken.xlsx.csv'));
  await expect(page.getByTestId('data-error')).toContainText('not a text file');
  await expect(page.getByTestId('data-error')).toContainText('current dataset (shop_small.csv) is unchanged');
  await expect(page.getByTestId('data-summary')).toContainText('shop_small.csv: 12 rows × 6 columns');
});
