import { expect, test, type Page } from '@playwright/test';
import { wasmPoolFor } from '../lib/train/wasmThreads';
import { generateSynthetic, openWithSample, trainToEnd, chooseAdam } from './helpers';

/** Train the current setup on one backend and read the first head's shown losses (sampled space). */
async function lossesOn(page: Page, backend: 'webgpu' | 'webgl' | 'wasm' | 'cpu'): Promise<number[]> {
  await page.getByLabel('Backend', { exact: true }).selectOption(backend);
  await trainToEnd(page);
  await expect(page.getByTestId('backend')).toHaveAttribute('data-backend', backend);
  if (backend === 'wasm') {
    // The threaded build only where XNNPACK gets a pool of two or more.
    const pool = wasmPoolFor(await page.evaluate(() => navigator.hardwareConcurrency));
    await expect(page.getByTestId('backend')).toContainText(pool >= 2 ? `SIMD, threads, XNNPACK pool of ${pool}` : 'SIMD, one thread');
  }
  const table = page.getByTestId('loss-values-clicked');
  await table.locator('xpath=..').locator('summary').click();
  const cells = await table.locator('tbody tr td:nth-child(2)').allTextContents();
  await table.locator('xpath=..').locator('summary').click();
  return cells.map(Number);
}

const KINDS = [
  ['logistic-regression', {}],
  ['mlp', {}],
  ['wide-deep', {}],
  ['mmoe', {}],
  ['two-tower', {}],
  ['sequence', {}],
  ['lightgcn', {}],
] as const;

// One page for all kinds, every kind on WebGPU first and then on cpu: a backend change starts a fresh
// worker, so this order starts two instead of fourteen (and loads the data once).
test('every neural model trains the same on webgpu and on cpu', async ({ page }) => {
  test.setTimeout(600_000);
  await openWithSample(page);
  await generateSynthetic(page, 1000);
  await chooseAdam(page);
  await page.getByLabel('Batch size').fill('256');
  await page.getByLabel('Epochs').fill('1');
  const losses: Record<string, Record<string, number[]>> = { webgpu: {}, cpu: {} };
  for (const backend of ['webgpu', 'cpu'] as const) {
    for (const [kind] of KINDS) {
      await test.step(`${kind} on ${backend}`, async () => {
        await page.getByLabel('Model', { exact: true }).selectOption(kind);
        const layers = page.getByLabel(/hidden layers/i);
        if (await layers.count()) await layers.fill('8');
        losses[backend][kind] = await lossesOn(page, backend);
      });
    }
  }
  for (const [kind] of KINDS) {
    const gpu = losses.webgpu[kind];
    const cpu = losses.cpu[kind];
    expect(gpu.length, kind).toBeGreaterThan(2);
    expect(cpu, kind).toHaveLength(gpu.length);
    // Same seed, same batches: float32 kernels differ only in rounding.
    gpu.forEach((loss, i) => expect(Math.abs(loss - cpu[i]), `${kind} step ${i}`).toBeLessThan(2e-3 * Math.max(1, loss)));
  }
});

test('the MLP and the sequence model also train on WebGL and WebAssembly, with the losses of cpu', async ({ page }) => {
  await openWithSample(page);
  await generateSynthetic(page, 1000);
  await chooseAdam(page);
  await page.getByLabel('Batch size').fill('256');
  await page.getByLabel('Epochs').fill('1');
  for (const kind of ['mlp', 'sequence']) {
    await page.getByLabel('Model', { exact: true }).selectOption(kind);
    await page.getByLabel(/hidden layers/i).fill('8');
    const cpu = await lossesOn(page, 'cpu');
    for (const backend of ['webgl', 'wasm'] as const) {
      const other = await lossesOn(page, backend);
      expect(other).toHaveLength(cpu.length);
      // WebGL's and wasm's float32 kernels drift further from cpu over the steps than WebGPU's (4e-3 measured
      // on WebGL here), so a looser bound; it still catches a head that does not train.
      other.forEach((loss, i) => expect(Math.abs(loss - cpu[i])).toBeLessThan(1e-2 * Math.max(1, loss)));
    }
  }
  // The threaded wasm build must load inside the bundled worker too (lib/train/wasmThreads.ts): emulate
  // a 4-core machine (the page tells a new training worker its core count) and train the MLP again.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setHardwareConcurrencyOverride', { hardwareConcurrency: 4 });
  await page.getByLabel('Model', { exact: true }).selectOption('mlp');
  const cpu = await lossesOn(page, 'cpu');
  const threaded = await lossesOn(page, 'wasm'); // a fresh worker: the backend changed
  await expect(page.getByTestId('backend')).toContainText('SIMD, threads, XNNPACK pool of 2');
  expect(threaded).toHaveLength(cpu.length);
  threaded.forEach((loss, i) => expect(Math.abs(loss - cpu[i])).toBeLessThan(1e-2 * Math.max(1, loss)));
});

test('GBDT on the sample: trees grow, stop early, and the Evaluate cell charts feature importance', async ({ page }) => {
  await openWithSample(page);
  await page.getByLabel('Model', { exact: true }).selectOption('gbdt');
  await expect(page.getByTestId('gbdt-settings')).toBeVisible();
  await page.getByLabel('Trees (n_estimators)').fill('0');
  await expect(page.getByTestId('gbdt-settings').getByRole('alert')).toContainText('at least 1');
  await page.getByLabel('Trees (n_estimators)').fill('40');
  await trainToEnd(page);
  await expect(page.getByTestId('trees-kept')).toContainText('is_click');
  await expect(page.getByTestId('importance-chart-is_click')).toHaveAttribute('aria-label', /share of split gain/);
  const auc = Number(await page.getByTestId('eval-is_click').locator('[data-metric="AUC"]').textContent());
  expect(auc).toBeGreaterThan(0.6);
});

test('MMoE charts its gates; two-tower retrieval reports recall@k against popularity', async ({ page }) => {
  await openWithSample(page);
  await generateSynthetic(page, 1500);
  // What is checked here is the models' own output, not a backend: wasm skips auto's benchmark of every
  // backend (WebGPU shader compilation for MMoE under SwiftShader took most of this test's minute).
  await page.getByLabel('Backend', { exact: true }).selectOption('wasm');
  await page.getByLabel('Model', { exact: true }).selectOption('mmoe');
  await page.getByLabel('Experts').fill('3');
  await page.getByLabel('Epochs').fill('1');
  await trainToEnd(page);
  await expect(page.getByTestId('gate-chart')).toHaveAttribute('aria-label', /3 experts per task: clicked/);

  await page.getByLabel('Model', { exact: true }).selectOption('two-tower');
  await page.getByLabel('Training objective').selectOption('retrieval');
  await page.getByLabel('k of recall@k').fill('20');
  await trainToEnd(page);
  await expect(page.getByTestId('tower-columns')).toContainText('item tower: item_id');
  const retrieval = page.getByTestId('retrieval-table');
  await expect(retrieval).toContainText('clicked');
  const recall = await retrieval.locator('tbody tr').first().locator('td').nth(1).textContent();
  expect(recall).toMatch(/%$/);
});
