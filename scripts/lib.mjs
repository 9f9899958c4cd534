// Helpers shared by `npm start` and `npm test`: install what is missing, build when sources changed.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const root = new URL('..', import.meta.url).pathname;
// Nothing leaves the machine: no Next.js telemetry.
process.env.NEXT_TELEMETRY_DISABLED = '1';

/** Run a command in the project root, streaming its output; exit with its code on failure. */
export function run(label, command, args) {
  console.log(`\n▶ ${label}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env });
  if (result.status !== 0) {
    console.error(`✖ ${label} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
}

function mtime(path) {
  return existsSync(path) ? statSync(path).mtimeMs : 0;
}

function newestIn(path) {
  if (!existsSync(path)) return 0;
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return readdirSync(path).reduce((m, name) => (name === 'node_modules' || name.startsWith('.') ? m : Math.max(m, newestIn(join(path, name)))), s.mtimeMs);
}

/** `npm ci` when node_modules is missing or older than the lock file. */
export function ensureInstalled() {
  const marker = join(root, 'node_modules', '.package-lock.json');
  if (existsSync(marker) && mtime(marker) >= mtime(join(root, 'package-lock.json'))) return;
  run('install', 'npm', ['ci', '--no-audit', '--no-fund']);
}

/** Build the production app unless the last build is newer than every source file. */
export function ensureBuilt({ force = false } = {}) {
  const built = mtime(join(root, '.next', 'BUILD_ID'));
  const sources = ['app', 'components', 'lib', 'public', 'next.config.js', 'package.json', 'tsconfig.json'].map((p) => newestIn(join(root, p)));
  if (!force && built > Math.max(...sources)) {
    console.log('▶ build: up to date');
    return;
  }
  run('wasm binaries', 'node', [join(root, 'scripts', 'copy-wasm.mjs')]);
  run('build', 'npx', ['next', 'build']);
}
