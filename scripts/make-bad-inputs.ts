// Write the bad-input corpus (e2e/badInputs.ts) into a folder: `npx vite-node scripts/make-bad-inputs.ts out/`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { badInputs } from '../e2e/badInputs';

const dir = process.argv[2] ?? 'bad-inputs';
mkdirSync(dir, { recursive: true });
for (const { name, data } of badInputs()) writeFileSync(join(dir, name), data);
console.log(`wrote ${badInputs().length} files to ${dir}`);
