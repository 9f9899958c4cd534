import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { generateSynthetic, openWithSample } from './helpers';

const fixture = (name: string) => join(__dirname, 'fixtures', name);

test.beforeEach(async ({ page }) => openWithSample(page));

for (const name of ['shop_small.parquet', 'shop_small.csv.gz', 'shop_small.json', 'shop_small.jsonl']) {
  test(`${name} loads with its actions`, async ({ page }) => {
    await page.getByLabel(/Choose a file/).setInputFiles(fixture(name));
    await expect(page.getByTestId('data-summary')).toContainText('12 rows × 6 columns');
    await expect(page.getByTestId('actions-table').locator('tr[data-action="bought"]')).toContainText('25.00%');
  });
}

test('a truncated gzip shows its error and keeps the sample', async ({ page }) => {
  await page.getByLabel(/Choose a file/).setInputFiles(fixture('truncated.csv.gz'));
  await expect(page.getByTestId('data-error')).toContainText('truncated or corrupt');
  await expect(page.getByTestId('data-summary')).toContainText('41,828 rows');
});

test('a headerless file is detected and the header choice can be overridden', async ({ page }) => {
  await page.getByLabel(/Choose a file/).setInputFiles(join(__dirname, '../lib/data/corpus/deepctrtorch_byterec_sample.txt'));
  await expect(page.getByTestId('data-summary')).toContainText('200 rows');
  await expect(page.getByTestId('data-warning')).toContainText('No header row was detected');
  await page.getByLabel('Header row (CSV/TSV)').selectOption('yes');
  await expect(page.getByTestId('data-summary')).toContainText('199 rows');
});

test('reading a large file shows progress and can be cancelled, keeping the data', async ({ page }, testInfo) => {
  const row = 'u1,i1,shoes,35.5,1,0\n';
  const big = testInfo.outputPath('big.csv');
  writeFileSync(big, 'user_id,item_id,category,price,clicked,bought\n' + row.repeat(3_000_000));
  await page.getByLabel(/Choose a file/).setInputFiles(big);
  await expect(page.getByTestId('data-loading')).toBeVisible();
  await expect(page.getByTestId('data-loading')).toContainText(/[\d,]+ rows, [\d.]+ of [\d.]+ MB/);
  await page.getByTestId('data-loading').getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('data-loading')).toHaveCount(0);
  await expect(page.getByTestId('data-error')).toHaveCount(0);
  await expect(page.getByTestId('data-summary')).toContainText('41,828 rows');
});

test('the synthetic shop log is generated with its funnel actions', async ({ page }) => {
  await generateSynthetic(page, 20000);
  await expect(page.getByTestId('data-summary')).toContainText('synthetic shop log (20,000 rows, seed 1): 20,000 rows × 12 columns');
  for (const a of ['clicked', 'added_to_cart', 'bought', 'favourited', 'reported']) await expect(page.getByTestId('actions-table').locator(`tr[data-action="${a}"]`)).toBeVisible();
});

test('a large CSV is read in two halves at once and joined into the same table', async ({ page }, testInfo) => {
  // 12 MB: over the 8 MB from which a second worker reads the second half (lib/data/parallelParse.ts).
  // "note" is numeric in the first half and text in the second: the halves still join into one text column.
  const rows = 400_000;
  // Users and items in runs of rows, so clicks and buys vary within each (a user whose every row is a
  // click would make "clicked" an attribute of the user, not an action).
  const lines = Array.from({ length: rows }, (_, r) => `u${Math.floor(r / 400)},i${Math.floor(r / 80) % 5000},cat${r % 7},${(r % 997) / 4},${r % 10 === 0 ? 1 : 0},${r % 4 === 0 ? 1 : 0},${r < rows - 10 ? r % 13 : 'late'}`);
  const big = testInfo.outputPath('halves.csv');
  writeFileSync(big, `user_id,item_id,category,price,clicked,bought,note\n${lines.join('\n')}\n`);
  const workers: Promise<string>[] = [];
  page.on('worker', (worker) => workers.push(worker.evaluate(() => self.name).catch(() => 'ended before it was asked')));
  await page.getByLabel(/Choose a file/).setInputFiles(big);
  await expect(page.getByTestId('data-summary')).toContainText('400,000 rows × 7 columns', { timeout: 60_000 });
  await expect(page.getByTestId('actions-table').locator('tr[data-action="clicked"]')).toContainText('10.00%');
  await expect(page.getByTestId('actions-table').locator('tr[data-action="bought"]')).toContainText('25.00%');
  await expect(page.getByTestId('data-error')).toHaveCount(0);
  // The second half's worker ran (it is started by the reading worker, and its name says what it is).
  expect(await Promise.all(workers)).toContain('value-lab-ingest-part');
});
