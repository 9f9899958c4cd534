// `npm test`: install what is missing, then type check, lint, unit tests, build, browser tests.
import { ensureBuilt, ensureInstalled, run } from './lib.mjs';

ensureInstalled();
run('type check', 'npx', ['tsc', '--noEmit']);
run('lint', 'npx', ['eslint', '--max-warnings', '0', '.']);
run('unit tests', 'npx', ['vitest', 'run']);
// Browser tests run against the production build, the same thing `npm start` serves.
ensureBuilt();
run('browser tests', 'npx', ['playwright', 'test']);
console.log('\n✔ all checks passed');
