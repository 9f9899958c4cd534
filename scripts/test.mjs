// `npm test`: install what is missing, then type check, lint, unit tests, build, browser tests.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBuilt, ensureInstalled, root, run } from './lib.mjs';

ensureInstalled();
run('type check', 'npx', ['tsc', '--noEmit']);
run('lint', 'npx', ['eslint', '--max-warnings', '0', '.']);
run('unit tests', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=reports/unit.json']);
// Browser tests run against the production build, the same thing `npm start` serves.
ensureBuilt();
run('browser tests', 'npx', ['playwright', 'test']);

const unit = JSON.parse(readFileSync(join(root, 'reports', 'unit.json'), 'utf8'));
const e2e = JSON.parse(readFileSync(join(root, 'reports', 'e2e.json'), 'utf8')).stats;
const passed = unit.numPassedTests + e2e.expected + e2e.flaky;
const failed = unit.numFailedTests + e2e.unexpected;
const skipped = unit.numPendingTests + unit.numTodoTests + e2e.skipped;
console.log(`\nunit: ${unit.numPassedTests} passed, browser: ${e2e.expected + e2e.flaky} passed`);
console.log(`Tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
