import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { builtScripts, recordedAdvisories, shippedAdvisoryCode } from '../scripts/shippedCode.cjs';

test('exactly one tfjs version is built into the output, and no code of the dependencies with recorded advisories (scripts/advisories.json: xlsx, mathjs, plotly, node-fetch) ships', () => {
  const files = builtScripts(join(process.cwd(), '.next', 'static'));
  expect(files.length).toBeGreaterThan(0);
  const versions = new Set<string>();
  const offenders: string[] = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    // tfjs registers its package versions as {"tfjs-core": "x.y.z", …, tfjs: "x.y.z"}.
    for (const m of text.matchAll(/["']?tfjs(?:-[a-z]+)?["']?\s*:\s*["'](\d+\.\d+\.\d+)["']/g)) versions.add(m[1]);
    // danfojs' default browser bundle inlines tfjs 3.13.0; any trace of it means the alias broke.
    if (text.includes('"3.13.0"')) offenders.push(`${file}: tfjs 3.13.0 (danfojs default bundle)`);
  }
  offenders.push(...shippedAdvisoryCode(files, recordedAdvisories()));
  expect(offenders).toEqual([]);
  expect([...versions]).toEqual(['4.22.0']);
});
