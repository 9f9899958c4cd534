// Write the bad-input corpus (scripts/badInputs.mjs) into a folder: `node scripts/make-bad-inputs.mjs out/`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { badInputs } from './badInputs.mjs';

const dir = process.argv[2] ?? 'bad-inputs';
mkdirSync(dir, { recursive: true });
for (const { name, data } of badInputs()) writeFileSync(join(dir, name), data);
console.log(`wrote ${badInputs().length} files to ${dir}`);
