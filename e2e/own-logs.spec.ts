import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { openWithSample, trainToEnd } from './helpers';

// People's own exports, through the UI: a headerless ratings log, the leak guard, a user id set by
// hand, settings naming a column the table lacks, and a join on the wrong key. Real files from the
// corpus (lib/data/corpus, sources in its README), kept small: software WebGPU and CI are slow, and
// these tests train on WebAssembly.
const corpus = (name: string) => readFileSync(join(__dirname, '../lib/data/corpus', name));
const load = async (page: Page, name: string, buffer: Buffer, rows: number) => {
  await page.getByLabel(/Choose a file/).setInputFiles({ name, mimeType: 'text/plain', buffer });
  await expect(page.getByTestId('data-summary')).toContainText(`${name}: ${rows.toLocaleString('en-US')} rows`);
};
const metric = async (page: Page, task: string, name: string) => Number(await page.getByTestId(`eval-${task}`).locator(`[data-metric="${name}"]`).textContent());

test.beforeEach(async ({ page }) => {
  await openWithSample(page);
  await page.getByLabel('Backend', { exact: true }).selectOption('wasm'); // about data, not backends
});

test('a headerless ratings log loads, offers its labels, and trains a "like" head; runs of another dataset are not compared', async ({ page }) => {
  await page.getByLabel('Share of rows used').fill('0.05');
  await trainToEnd(page); // a run on the sample, to see that it is not compared with the next

  await load(page, 'u.data', corpus('ml100k_u_data_sample.tsv'), 6000);
  await expect(page.getByLabel('Role of col_1')).toHaveValue('user-id');
  await expect(page.getByLabel('Role of col_2')).toHaveValue('item-id');
  await expect(page.getByLabel('Role of col_3')).toHaveValue('engagement');
  const offers = page.getByTestId('target-suggestions');
  await expect(offers).toContainText('This file has no action column to predict yet');
  await expect(page.getByTestId('status-targets')).toHaveText('error');
  await offers.getByRole('button', { name: /Build the label col_3_ge_4/ }).click();
  await expect(page.getByRole('checkbox', { name: /^col_3_ge_4/ })).toBeChecked();
  await expect(page.getByTestId('derived-list')).toContainText('col_3_ge_4 = col_3 ≥ 4');
  // The rating it was built from is not a feature; the user, item and time are.
  await expect(page.getByTestId('leak-guard')).toHaveCount(0);
  await expect(page.getByTestId('sampling-summary').locator('tr[data-task="col_3_ge_4"]')).toBeVisible();
  await page.getByLabel('Share of rows used').fill('1');
  await trainToEnd(page);
  const auc = await metric(page, 'col_3_ge_4', 'AUC');
  expect(auc).toBeGreaterThan(0.6);
  expect(auc).toBeLessThan(0.99);
  expect(await metric(page, 'col_3_ge_4', 'GAUC (per user)')).toBeGreaterThan(0.5);
  await expect(page.getByTestId('run-comparison-empty')).toContainText('1 earlier run was trained on another dataset and is not compared');
});

test('the leak guard leaves a derived target\'s source and a copy of the label out, and says so', async ({ page }) => {
  // RecBole's atomic file with one more column, a copy of the rating on another scale.
  const lines = corpus('ml100k_sample.inter').toString('utf8').trim().split('\n').slice(0, 1501);
  const withCopy = lines.map((l, i) => (i === 0 ? `${l}\tquality:float` : `${l}\t${Number(l.split('\t')[2]) * 20}`)).join('\n');
  await load(page, 'ml.inter', Buffer.from(withCopy), 1500);
  await expect(page.getByLabel('Role of rating:float')).toHaveValue('engagement');
  await page.getByTestId('target-suggestions').getByRole('button', { name: /Build the label rating_ge_4/ }).click();
  // Ticking the rating as a feature does not put it in the model: the guard says why and how to keep it.
  await page.getByTestId('feature-list').getByRole('checkbox', { name: /^rating:float/ }).check();
  const notice = page.locator('[data-testid="leak-notice"][data-column="rating:float"]');
  await expect(notice).toContainText('left out as a leak: "rating_ge_4" is built from it');
  await expect(page.getByTestId('leak-guard')).toContainText('"rating:float" is left out of the model');
  await notice.getByRole('button', { name: 'Use rating:float as a feature anyway' }).click();
  await expect(notice).toHaveAttribute('data-kept', 'true');
  await notice.getByRole('button', { name: 'Leave rating:float out as a leak' }).click();
  await expect(notice).toHaveAttribute('data-kept', 'false');
  await trainToEnd(page);
  // The copy on another scale was found before the first step by its AUC alone.
  await expect(page.getByTestId('leaks-excluded')).toContainText('"rating:float" ("rating_ge_4" is built from it)');
  await expect(page.getByTestId('leaks-excluded')).toContainText('"quality:float" (alone it predicts "rating_ge_4" with AUC 1.000)');
  await expect(page.locator('[data-testid="leak-notice"][data-column="quality:float"]')).toContainText('with AUC 1.000 on training rows');
  expect(await metric(page, 'rating_ge_4', 'AUC')).toBeLessThan(0.99);
});

test('a user and item set by hand give GAUC, learning to rank and per-user slates', async ({ page }) => {
  // A log whose key columns have names no rule knows.
  const rows = corpus('ml100k_u_data_sample.tsv').toString('utf8').trim().split('\n').slice(0, 3000);
  const csv = ['viewer,film,liked,when', ...rows.map((r) => r.split('\t')).map(([u, i, rating, t]) => `${u},${i},${Number(rating) >= 4 ? 1 : 0},${t}`)].join('\n');
  await load(page, 'views.csv', Buffer.from(csv), 3000);
  await expect(page.getByLabel('Role of viewer')).toHaveValue('numeric');
  await expect(page.getByRole('radio', { name: /learning to rank/ })).toBeDisabled();
  await page.getByLabel('Role of viewer').selectOption('user-id');
  await page.getByLabel('Role of film').selectOption('item-id');
  await expect(page.getByRole('radio', { name: /learning to rank/ })).toBeEnabled();
  await expect(page.getByLabel('Validation split').locator('option[value="user"]')).toHaveCount(1);
  await trainToEnd(page);
  expect(await metric(page, 'liked', 'GAUC (per user)')).toBeGreaterThan(0.5);
  expect(await metric(page, 'liked', 'NDCG@10 (per user)')).toBeGreaterThan(0);
  await expect(page.getByLabel('Sample slate of viewer')).toBeVisible();
  await expect(page.getByText('Per-user normalisation needs a user column')).toHaveCount(0);
});

test('a column the next table lacks never crashes the page: the form falls back, settings apply what fits and name the rest', async ({ page }) => {
  const form = page.getByTestId('derived-form');
  await form.getByLabel('Column', { exact: true }).selectOption('play_time_ms');
  await form.getByLabel('Value', { exact: true }).fill('5000');
  await form.getByLabel('Name', { exact: true }).fill('watched');
  await form.getByRole('button', { name: 'Add action' }).click();
  await expect(page.getByTestId('derived-list')).toContainText('watched = play_time_ms ≥ 5000');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save notebook file' }).click();
  const saved = await (await download).path();

  // The sample without play_time_ms: the form had it chosen, the saved settings build an action from it.
  const sample = readFileSync(join(__dirname, '../public/data/kuairand_feedback.tsv'), 'utf8').split('\n').slice(0, 2001);
  const drop = sample[0].split('\t').indexOf('play_time_ms');
  await load(page, 'no_play_time.tsv', Buffer.from(sample.map((l) => l.split('\t').filter((_, i) => i !== drop).join('\t')).join('\n')), 2000);
  await expect(form.getByLabel('Column', { exact: true })).not.toHaveValue('play_time_ms');
  await expect(page.getByTestId('derived-preview')).toContainText('positives of 2,000 rows');

  await page.getByLabel('Open notebook file').setInputFiles(saved!);
  await expect(page.getByTestId('settings-message')).toContainText('except what names columns it lacks: the derived action "watched" (needs "play_time_ms")');
  await expect(page.getByRole('checkbox', { name: /^is_click/ })).toBeChecked();
  await expect(page.getByTestId('data-summary')).toContainText('no_play_time.tsv: 2,000 rows');
});

test('a join suggests the key by its values and names, and warns on a user id joined to an item id', async ({ page }) => {
  await load(page, 'ml100k.inter', corpus('ml100k_sample.inter'), 3000);
  await page.getByText('Join another table (e.g. user features)').click();
  await page.getByLabel('Table to join (any supported format)').setInputFiles({ name: 'ml100k.item', mimeType: 'text/plain', buffer: corpus('ml100k.item') });
  await expect(page.getByLabel('Key in the log')).toHaveValue('item_id:token');
  await expect(page.getByLabel('Key in the joined table')).toHaveValue('item_id:token');
  await expect(page.getByTestId('join-preview')).toContainText('100% of the log’s rows find a match');
  await page.getByLabel('Key in the log').selectOption('user_id:token');
  // Both count from 1, so the values overlap by chance: the names say it is wrong.
  await expect(page.getByTestId('join-preview')).toContainText('"user_id:token" names a user and "item_id:token" an item');
  await page.getByRole('button', { name: 'Join', exact: true }).click();
  await expect(page.getByTestId('join-report')).toContainText('ids of different things can overlap by chance');
  await expect(page.getByTestId('join-report')).toContainText('Distinct keys:');
});
