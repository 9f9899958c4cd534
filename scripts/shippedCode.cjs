// What the production build ships, and which recorded advisories' code is in it. Shared by scripts/audit.mjs
// (the offline fallback of `npm run audit`) and e2e/bundle.spec.ts (the build check CI runs).
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS on purpose, see below */
// CommonJS so that Playwright's TypeScript loader (which compiles specs to CommonJS) can require it.
const { readdirSync, readFileSync, statSync } = require('node:fs');
const { join } = require('node:path');

/** Every JS file under the build's static folder. */
function builtScripts(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return builtScripts(path);
    return name.endsWith('.js') ? [path] : [];
  });
}

/** The advisories recorded in scripts/advisories.json. */
function recordedAdvisories() {
  return JSON.parse(readFileSync(join(__dirname, 'advisories.json'), 'utf8')).advisories;
}

/** "file: package id" for each built file holding code that matches an advisory's `shipsIf` patterns. */
function shippedAdvisoryCode(files, advisories) {
  const found = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const a of advisories) {
      if (a.shipsIf.some((pattern) => new RegExp(pattern).test(text))) found.push(`${file}: ${a.package} ${a.id}`);
    }
  }
  return found;
}

/** a < b for plain x.y.z versions. */
function versionBelow(a, b) {
  const pa = a.split(/[.-]/).map(Number);
  const pb = b.split(/[.-]/).map(Number);
  for (let i = 0; i < 3; i += 1) if ((pa[i] || 0) !== (pb[i] || 0)) return (pa[i] || 0) < (pb[i] || 0);
  return false;
}

module.exports = { builtScripts, recordedAdvisories, shippedAdvisoryCode, versionBelow };
