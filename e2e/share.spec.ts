import { expect, test } from '@playwright/test';
import { openWithSample } from './helpers';

test('a share link carries the settings (not the data) and applies them on open; a damaged link says so', async ({ page, browser }) => {
  await openWithSample(page);
  await page.getByLabel('Model', { exact: true }).selectOption('mlp');
  await page.getByLabel('Epochs').fill('7');
  await page.getByRole('button', { name: 'Copy share link' }).click();
  const link = await page.getByTestId('share-link').inputValue();
  expect(link).toMatch(/#settings=[A-Za-z0-9_-]+$/);
  expect(link).not.toContain('is_click,'); // no data rows travel, only settings

  const other = await browser.newPage();
  await other.goto(link);
  await expect(other.getByTestId('data-summary')).toContainText('41,828 rows');
  await expect(other.getByTestId('settings-message')).toContainText('Shared settings applied');
  await expect(other.getByLabel('Model', { exact: true })).toHaveValue('mlp');
  await expect(other.getByLabel('Epochs')).toHaveValue('7');

  const damaged = await browser.newPage();
  await damaged.goto('/#settings=garbage!!');
  await expect(damaged.getByTestId('settings-message')).toContainText('This share link cannot be used: the link is damaged');
  await expect(damaged.getByTestId('data-summary')).toContainText('41,828 rows');
  await expect(damaged.getByLabel('Model', { exact: true })).toHaveValue('logistic-regression');
});
