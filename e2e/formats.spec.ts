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
  await page.getByLabel(/Choose a file/).setInputFiles(join(__dirname, '../lib/data/fixtures/deepctrtorch_byterec_sample.txt'));
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
