import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtScripts, recordedAdvisories, shippedAdvisoryCode, versionBelow } from './shippedCode.cjs';

describe('the shipped-code scan behind npm run audit and the bundle test', () => {
  it('finds each recorded advisory by its code markers and passes clean files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'shipped-'));
    writeFileSync(join(dir, 'clean.js'), 'console.log("value lab")');
    writeFileSync(join(dir, 'sheet.js'), '/*! xlsx.js (C) 2013-present SheetJS -- http://sheetjs.com */');
    writeFileSync(join(dir, 'plot.js'), '/** plotly.js v2.8.0 */');
    const found = shippedAdvisoryCode(builtScripts(dir), recordedAdvisories());
    expect(found.map((line: string) => line.slice(dir.length + 1))).toEqual([
      'plot.js: plotly.js-dist-min CVE-2023-46308',
      'sheet.js: xlsx GHSA-4r6h-8v6p-xvw6',
      'sheet.js: xlsx GHSA-5pgg-2g8v-p4x9',
    ]);
  });

  it('compares versions numerically', () => {
    expect(versionBelow('0.18.5', '0.19.3')).toBe(true);
    expect(versionBelow('9.4.4', '15.2.0')).toBe(true);
    expect(versionBelow('2.6.13', '2.6.7')).toBe(false);
    expect(versionBelow('2.25.2', '2.25.2')).toBe(false);
  });
});
