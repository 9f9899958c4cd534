import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';

/** Every JS file the production build serves. */
function builtScripts(dir = join(process.cwd(), '.next', 'static')): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return builtScripts(path);
    return name.endsWith('.js') ? [path] : [];
  });
}

test('exactly one tfjs version is built into the output, and no code of the dependencies with advisories (xlsx, mathjs, node-fetch) ships', () => {
  const files = builtScripts();
  expect(files.length).toBeGreaterThan(0);
  const versions = new Set<string>();
  const offenders: string[] = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    // tfjs registers its package versions as {"tfjs-core": "x.y.z", …, tfjs: "x.y.z"}.
    for (const m of text.matchAll(/["']?tfjs(?:-[a-z]+)?["']?\s*:\s*["'](\d+\.\d+\.\d+)["']/g)) versions.add(m[1]);
    // danfojs' default browser bundle inlines tfjs 3.13.0; any trace of it means the alias broke.
    if (text.includes('"3.13.0"')) offenders.push(`${file}: tfjs 3.13.0 (danfojs default bundle)`);
    if (/plotly\.js v\d/.test(text) || text.includes('SheetJS')) offenders.push(`${file}: plotly or xlsx code`);
    // Production dependencies with advisories, or too old to vouch for: xlsx 0.18.5 and mathjs 9 (danfojs', both
    // aliased to stubs) and node-fetch 2 (tfjs' Node path). None of their code may reach the browser (README, Security).
    if (text.includes('mathjs') || text.includes('typed-function')) offenders.push(`${file}: mathjs code`);
    if (text.includes('node-fetch/1.0')) offenders.push(`${file}: node-fetch code`);
  }
  expect(offenders).toEqual([]);
  expect([...versions]).toEqual(['4.22.0']);
});
