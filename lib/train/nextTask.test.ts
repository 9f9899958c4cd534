import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('nextTask', () => {
  it('keeps a Node process alive while a wait is pending (training never exits halfway), and lets it exit when idle', () => {
    const dir = mkdtempSync(join(tmpdir(), 'next-task-'));
    const script = join(dir, 'wait.ts');
    // Nothing but the wait keeps this process alive: with the port unreferenced it would exit before "done".
    writeFileSync(script, `import { nextTask } from ${JSON.stringify(join(__dirname, 'nextTask.ts'))};\nfor (let i = 0; i < 3; i++) await nextTask();\nconsole.log('done');\n`);
    // Bundled and run by plain Node: a test runner's own handles would keep any process alive.
    const bundle = join(dir, 'wait.mjs');
    const built = spawnSync(join(__dirname, '../../node_modules/.bin/esbuild'), [script, '--bundle', '--format=esm', '--platform=node', `--outfile=${bundle}`], { encoding: 'utf8' });
    expect(built.status, built.stderr).toBe(0);
    const run = spawnSync(process.execPath, [bundle], { encoding: 'utf8', timeout: 30_000 });
    expect(run.stdout).toContain('done');
    // It exits by itself afterwards (a port left referenced would hang it until the timeout).
    expect(run.status).toBe(0);
    expect(run.signal).toBeNull();
  });
});
