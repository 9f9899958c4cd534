import { expect, test } from '@playwright/test';
import { badInputs } from './badInputs';
import { openWithSample, trainToEnd, chooseAdam } from './helpers';

// Every file of the bad-input corpus through the real UI, one after another in one page: each either
// loads with the expected row count or shows its typed error while the previous dataset and the
// finished run stay, and the page keeps working (the last step trains again). The two files over 5 MB
// (1M distinct ids, a 10 MB line) go through the same read path in lib/data/badInputs.test.ts: browser
// tests keep their data small (software WebGPU and the CI machines are slow).
const BROWSER_LIMIT_BYTES = 5 * 1024 * 1024;
test('the bad-input corpus: a typed error keeping the data and runs, or a correct load, for every file', async ({ page }) => {
  test.setTimeout(600_000);
  await openWithSample(page);
  // An explicit backend skips the auto benchmark: this test is about data, not backends.
  await page.getByLabel('Backend', { exact: true }).selectOption('wasm');
  await page.getByLabel('Share of rows used').fill('0.05');
  await chooseAdam(page);
  await page.getByLabel('Epochs').fill('1');
  await trainToEnd(page);
  let current = await page.getByTestId('data-summary').textContent();
  for (const entry of badInputs().filter((e) => e.data.length <= BROWSER_LIMIT_BYTES)) {
    await test.step(entry.name, async () => {
      await page.getByLabel(/Choose a file/).setInputFiles({ name: entry.name, mimeType: 'application/octet-stream', buffer: entry.data });
      if ('error' in entry.expect) {
        await expect(page.getByTestId('data-error')).toHaveAttribute('data-code', entry.expect.error, { timeout: 60_000 });
        await expect(page.getByTestId('data-error')).toContainText('is unchanged');
        await expect(page.getByTestId('data-summary')).toHaveText(current!);
        await expect(page.getByTestId('run-progress')).toHaveAttribute('data-status', 'finished');
        await page.getByTestId('data-error').getByRole('button', { name: 'Dismiss' }).click();
      } else {
        const source = entry.name.replace(/\.gz$/, '');
        await expect(page.getByTestId('data-summary')).toContainText(`${source}: ${entry.expect.rows.toLocaleString('en-US')} rows`, { timeout: 60_000 });
        await expect(page.getByTestId('data-error')).toHaveCount(0);
        // A table with no usable action loads, and the Targets cell says why and offers to build one.
        if (entry.expect.noTarget) await expect(page.getByTestId('target-suggestions')).toContainText(entry.expect.noTarget);
        current = await page.getByTestId('data-summary').textContent();
      }
    });
  }
  // Nothing from the hostile files ran; the first run is still there; training still works.
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  await expect(page.getByTestId('run-progress')).toHaveAttribute('data-status', 'finished');
  await page.getByLabel(/Choose a file/).setInputFiles({ name: 'shop.csv', mimeType: 'text/csv', buffer: Buffer.from('user_id,item_id,clicked\n' + Array.from({ length: 300 }, (_, i) => `u${i % 17},i${i % 23},${i % 3 === 0 ? 1 : 0}`).join('\n')) });
  await expect(page.getByTestId('data-summary')).toContainText('shop.csv: 300 rows');
  await trainToEnd(page);
  await expect(page.getByTestId('status-value')).toHaveText('done');
});
