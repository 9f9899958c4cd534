import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * A system Chromium: Playwright's own browser download is not reachable on these machines.
 * Order: $CHROME_PATH, Playwright's cache, the Debian package.
 */
export function findChromium(): string {
  const candidates = [process.env.CHROME_PATH, ...playwrightCacheBrowsers(), '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  const found = candidates.find((p): p is string => Boolean(p && existsSync(p)));
  if (!found) throw new Error('No Chromium found: set CHROME_PATH or install Debian\'s chromium (apt-get install -y chromium).');
  return found;
}

function playwrightCacheBrowsers(): string[] {
  const cache = join(homedir(), '.cache', 'ms-playwright');
  if (!existsSync(cache)) return [];
  return readdirSync(cache)
    .filter((d) => d.startsWith('chromium-'))
    .map((d) => join(cache, d, 'chrome-linux', 'chrome'));
}

/** WebGPU through SwiftShader on machines without a GPU (DESIGN §3). Never --enable-gpu. */
export const WEBGPU_FLAGS = [
  '--enable-unsafe-webgpu',
  '--use-webgpu-adapter=swiftshader',
  '--enable-unsafe-swiftshader',
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
