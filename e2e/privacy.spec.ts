import { join } from 'node:path';
import { expect, test, type Request } from '@playwright/test';
import { openWithSample, trainToEnd, chooseAdam } from './helpers';

/** The app's own static files: the page, its scripts and styles, the bundled sample, the wasm binaries. */
const STATIC = /^\/($|_next\/static\/|data\/kuairand_feedback\.tsv$|tfjs-wasm\/|icon\.svg|favicon\.ico$)/;

test('loading a file, training, exporting a notebook and making a share link send nothing anywhere', async ({ page, context }) => {
  const requests: Request[] = [];
  context.on('request', (r) => requests.push(r));
  const response = await page.goto('/');
  // The Content-Security-Policy lets the page talk to its own origin only.
  const csp = (await response!.headerValue('content-security-policy')) ?? '';
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("connect-src 'self'");
  expect(csp).not.toMatch(/https?:\/\//);
  await openWithSample(page);
  await page.getByLabel('Backend', { exact: true }).selectOption('wasm'); // not about backends: skips auto's benchmark

  await page.getByLabel(/Choose a file/).setInputFiles(join(__dirname, 'fixtures', 'shop_small.csv'));
  await expect(page.getByTestId('data-summary')).toContainText('12 rows');
  await chooseAdam(page);
  await page.getByLabel('Epochs').fill('1');
  await trainToEnd(page);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save notebook file' }).click();
  await download;
  await page.getByRole('button', { name: 'Copy share link' }).click();
  await expect(page.getByTestId('share-link')).toHaveValue(/#settings=/);

  const origin = new URL(page.url()).origin;
  const outside = requests.filter((r) => !r.url().startsWith('blob:') && !r.url().startsWith('data:') && new URL(r.url()).origin !== origin);
  expect(outside.map((r) => r.url())).toEqual([]);
  const notStatic = requests.filter((r) => r.url().startsWith(origin) && (r.method() !== 'GET' || !STATIC.test(new URL(r.url()).pathname)));
  expect(notStatic.map((r) => `${r.method()} ${r.url()}`)).toEqual([]);
  // Nothing the page loads names another host: no fonts, analytics or CDNs.
  const html = await (await page.request.get('/')).text();
  expect(html.match(/(?:src|href)="https?:\/\/[^"]+"/g) ?? []).toEqual([]);
});

test('column names and values that look like HTML or script stay text', async ({ page }) => {
  await openWithSample(page);
  const csv = 'user_id,"<img src=x onerror=""window.__xss=1"">",clicked\nu1,"<script>window.__xss=2</script>",1\nu2,"<b onmouseover=window.__xss=3>b</b>",0\nu1,plain,1\nu2,plain,0\n';
  await page.getByLabel(/Choose a file/).setInputFiles({ name: 'hostile.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(page.getByTestId('data-summary')).toContainText('4 rows');
  await expect(page.getByText('<img src=x onerror="window.__xss=1">').first()).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  expect(await page.locator('img[src="x"], script:has-text("__xss"), b[onmouseover]').count()).toBe(0);
});
