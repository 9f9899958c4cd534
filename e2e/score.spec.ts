import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Download } from '@playwright/test';
import { openWithSample, trainToEnd, chooseAdam } from './helpers';

test('export to PyTorch, and score a file: the trained model applied to a file with the same columns, downloaded with p per action and the value score', async ({ page }) => {
  await openWithSample(page);
  await page.getByLabel('Backend', { exact: true }).selectOption('wasm'); // not about backends: skips auto's benchmark
  await page.getByLabel('Share of rows used').fill('0.05');
  await chooseAdam(page);
  await page.getByLabel('Epochs').fill('1');
  await trainToEnd(page);
  // The scale-out export: the script and its requirements download, with this run's settings inside.
  const downloads: Download[] = [];
  const collect = (d: Download) => downloads.push(d);
  page.on('download', collect);
  await page.getByRole('button', { name: 'Export to PyTorch (script + requirements)' }).click();
  await expect.poll(() => downloads.length).toBe(2);
  page.off('download', collect);
  expect(downloads.map((d) => d.suggestedFilename()).sort()).toEqual(['requirements.txt', 'valuelab_train.py']);
  const python = readFileSync(await downloads.find((d) => d.suggestedFilename() === 'valuelab_train.py')!.path(), 'utf8');
  expect(python).toContain('"modelKind": "logistic-regression"');
  expect(python).toContain('class Model(nn.Module)');
  const cell = page.getByTestId('score-cell');

  // A file that lacks a feature column is refused with the fix; nothing is downloaded.
  await cell.getByLabel('File to score').setInputFiles({ name: 'wrong.csv', mimeType: 'text/csv', buffer: Buffer.from('a,b\n1,2\n3,4\n') });
  await expect(cell.getByTestId('score-outcome')).toHaveAttribute('data-kind', 'error');
  await expect(cell.getByTestId('score-outcome')).toContainText('lacks the feature column(s)');
  await expect(cell.getByTestId('score-outcome')).toContainText('same columns as the training data');

  // The sample itself, all 41,828 rows: every row gets a calibrated p per action and the value score.
  const download = page.waitForEvent('download');
  await cell.getByLabel('File to score').setInputFiles(join(__dirname, '../public/data/kuairand_feedback.tsv'));
  const file = await download;
  await expect(cell.getByTestId('score-outcome')).toContainText('Scored 41,828 rows');
  expect(file.suggestedFilename()).toBe('kuairand_feedback.scored.csv');
  const lines = readFileSync(await file.path(), 'utf8').trimEnd().split('\n');
  expect(lines).toHaveLength(41_829);
  const header = lines[0].split(',');
  expect(header).toContain('p_is_click');
  expect(header[header.length - 1]).toBe('value_score');
  const click = header.indexOf('p_is_click');
  const ps = lines.slice(1).map((l) => Number(l.split(',')[click]));
  // One expect for all rows (41,828 separate expects take minutes).
  expect(ps.filter((p) => !(p >= 0 && p <= 1))).toEqual([]);
  // Calibrated: the mean predicted click probability is close to the file's click rate (0.657).
  const sample = readFileSync(join(__dirname, '../public/data/kuairand_feedback.tsv'), 'utf8').trimEnd().split('\n');
  const clickColumn = sample[0].split('\t').indexOf('is_click');
  const rate = sample.slice(1).filter((l) => l.split('\t')[clickColumn] === '1').length / (sample.length - 1);
  const mean = ps.reduce((a, b) => a + b, 0) / ps.length;
  expect(Math.abs(mean - rate)).toBeLessThan(0.05);

  // The model as one archive, loaded back (as after a fresh start), scores the same file identically.
  const archiveDownload = page.waitForEvent('download');
  await cell.getByRole('button', { name: 'Download model archive' }).click();
  const archive = await archiveDownload;
  expect(archive.suggestedFilename()).toMatch(/^valuelab-model-run\d+\.zip$/);
  await cell.getByLabel('Load a model archive').setInputFiles({ name: 'not-a-model.zip', mimeType: 'application/zip', buffer: Buffer.from('nope') });
  await expect(cell.getByTestId('score-outcome')).toContainText('not a model archive');
  await cell.getByLabel('Load a model archive').setInputFiles(await archive.path());
  await expect(cell.getByTestId('score-model')).toContainText('the loaded archive');
  await expect(cell.getByTestId('score-model')).toContainText('trained on KuaiRand feedback sample');
  const again = page.waitForEvent('download');
  await cell.getByLabel('File to score').setInputFiles(join(__dirname, '../public/data/kuairand_feedback.tsv'));
  expect(readFileSync(await (await again).path(), 'utf8').trimEnd().split('\n')).toEqual(lines);
});

test('a GBDT run scores a file too, and its archive carries the trees', async ({ page }) => {
  await openWithSample(page);
  await page.getByLabel('Model', { exact: true }).selectOption('gbdt');
  await page.getByLabel('Trees (n_estimators)').fill('20');
  await page.getByLabel('Share of rows used').fill('0.2');
  await trainToEnd(page);
  const cell = page.getByTestId('score-cell');
  await expect(cell.getByTestId('score-model')).toContainText('(gbdt)');
  // The first 2,000 rows of the sample, as another file with the same columns.
  const sample = readFileSync(join(__dirname, '../public/data/kuairand_feedback.tsv'), 'utf8').trimEnd().split('\n');
  const file = { name: 'head.tsv', mimeType: 'text/tab-separated-values', buffer: Buffer.from(sample.slice(0, 2001).join('\n') + '\n') };
  const download = page.waitForEvent('download');
  await cell.getByLabel('File to score').setInputFiles(file);
  const lines = readFileSync(await (await download).path(), 'utf8').trimEnd().split('\n');
  await expect(cell.getByTestId('score-outcome')).toContainText('Scored 2,000 rows');
  const header = lines[0].split(',');
  const ps = lines.slice(1).map((l) => Number(l.split(',')[header.indexOf('p_is_click')]));
  expect(ps.filter((p) => !(p > 0 && p < 1))).toEqual([]);
  expect(new Set(ps).size).toBeGreaterThan(10); // trees, not one constant

  const archiveDownload = page.waitForEvent('download');
  await cell.getByRole('button', { name: 'Download model archive' }).click();
  await cell.getByLabel('Load a model archive').setInputFiles(await (await archiveDownload).path());
  await expect(cell.getByTestId('score-model')).toContainText('gbdt trained on');
  const again = page.waitForEvent('download');
  await cell.getByLabel('File to score').setInputFiles(file);
  expect(readFileSync(await (await again).path(), 'utf8').trimEnd().split('\n')).toEqual(lines);
});
