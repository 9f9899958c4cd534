// `npm run audit`: npm audit of what ships (no dev dependencies), failing on high or critical advisories.
// Where the registry refuses the advisory endpoint (as the mirror on the build machines does), it falls back to the
// advisories recorded in scripts/advisories.json: every one that matches an installed version must be absent from the
// production build (the same scan e2e/bundle.spec.ts runs), and the output says plainly that the live database was not
// consulted.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import shippedCode from './shippedCode.cjs';

const { builtScripts, recordedAdvisories, shippedAdvisoryCode, versionBelow } = shippedCode;

const result = spawnSync('npm', ['audit', '--omit=dev', '--audit-level=high'], { encoding: 'utf8' });
process.stdout.write(result.stdout);
if (!/audit endpoint returned an error|ENOTFOUND|ECONNREFUSED|405 Method Not Allowed/.test(result.stderr)) {
  process.stderr.write(result.stderr);
  process.exit(result.status ?? 1);
}

console.error('npm audit could not reach an advisory endpoint from this machine: checking the recorded advisories (scripts/advisories.json) instead.');
const tree = JSON.parse(spawnSync('npm', ['ls', '--omit=dev', '--all', '--json'], { encoding: 'utf8', maxBuffer: 64 << 20 }).stdout);
const installed = new Map(); // package → versions in the production tree
(function walk(deps) {
  for (const [name, node] of Object.entries(deps ?? {})) {
    if (node.version) installed.set(name, new Set([...(installed.get(name) ?? []), node.version]));
    walk(node.dependencies);
  }
})(tree.dependencies);

const affecting = recordedAdvisories().flatMap((a) => [...(installed.get(a.package) ?? [])].filter((v) => versionBelow(v, a.fixedIn)).map((version) => ({ ...a, version })));
const staticDir = join(process.cwd(), '.next', 'static');
if (!existsSync(staticDir)) {
  console.error('No production build to scan: run `npm run build` first.');
  process.exit(1);
}
const shipped = shippedAdvisoryCode(builtScripts(staticDir), affecting);
for (const a of affecting) {
  const ships = shipped.some((line) => line.endsWith(`${a.package} ${a.id}`));
  console.log(`${ships ? 'SHIPS      ' : 'unreachable'}  ${a.severity.padEnd(8)} ${a.package}@${a.version} ${a.id} (${a.title}): ${a.reach}`);
}
if (shipped.length > 0) {
  console.error(`Code with high or critical advisories is in the build:\n${shipped.join('\n')}`);
  process.exit(1);
}
console.log(`${affecting.length} recorded advisories match installed versions; none of their code is in the build. The live advisory database was not consulted: run \`npm audit --omit=dev\` where the public registry is reachable.`);
