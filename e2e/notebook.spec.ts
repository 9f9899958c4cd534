import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { openWithSample } from './helpers';

test('note cells render markdown safely; the notebook saves to a file with its data and opens again', async ({ page }) => {
  await openWithSample(page);
  await page.getByRole('button', { name: 'Add a note after the targets cell' }).click();
  await page.getByLabel('Note text (markdown)').fill('## Why clicks\nClicks are **plentiful** but noisy.\n- see `is_click`\n<img src=x onerror="window.__pwned=1">');
  await page.getByRole('button', { name: 'Done' }).click();
  const note = page.getByTestId('note');
  await expect(note.locator('h4')).toHaveText('Why clicks');
  await expect(note.locator('strong')).toHaveText('plentiful');
  await expect(note).toContainText('<img src=x'); // HTML stays text
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();

  await page.getByLabel('Model', { exact: true }).selectOption('wide-deep');
  await page.getByLabel('include the dataset').check();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save notebook file' }).click();
  const saved = await (await download).path();
  const text = await readFile(saved!, 'utf8');
  const file = JSON.parse(text);
  expect(file).toMatchObject({ format: 'value-lab-notebook', version: 1, settings: { config: { modelKind: 'wide-deep' } }, data: { rowCount: 41828 } });

  // A fresh page opens it: data, settings and the note come back.
  const other = await page.context().newPage();
  await openWithSample(other);
  await other.getByLabel('Open notebook file').setInputFiles(saved!);
  await expect(other.getByTestId('notebook-file-message')).toContainText('with its dataset (41,828 rows)');
  await expect(other.getByLabel('Model', { exact: true })).toHaveValue('wide-deep');
  await expect(other.getByTestId('note').locator('strong')).toHaveText('plentiful');

  // A file that is not a notebook changes nothing and says why.
  await other.getByLabel('Open notebook file').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"something-else"}') });
  await expect(other.getByTestId('notebook-file-message')).toContainText('bad.json was not opened: this is not a Value Lab notebook file');
  await expect(other.getByLabel('Model', { exact: true })).toHaveValue('wide-deep');
});
