import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import { findChromium, WEBGPU_FLAGS } from '../e2e/chromium';

const PORT = Number(process.env.BENCH_PORT ?? 3211);
/** On a machine with a real GPU, BENCH_GPU=hardware lets Chromium pick it instead of SwiftShader. */
const flags = process.env.BENCH_GPU === 'hardware' ? WEBGPU_FLAGS.filter((f) => !/swiftshader/.test(f)).concat('--enable-features=Vulkan', '--ignore-gpu-blocklist') : WEBGPU_FLAGS;

export default defineConfig({
  testDir: '.',
  testMatch: 'browser.bench.ts',
  workers: 1,
  timeout: 1_800_000,
  expect: { timeout: 300_000 },
  reporter: [['list']],
  use: { baseURL: `http://localhost:${PORT}`, headless: true, launchOptions: { executablePath: findChromium(), args: flags } },
  webServer: { cwd: join(__dirname, '..'), command: `npx next start -p ${PORT}`, url: `http://localhost:${PORT}`, reuseExistingServer: false, timeout: 120_000, env: { NEXT_TELEMETRY_DISABLED: '1' } },
});
