import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['lib/**/*.test.ts', 'components/**/*.test.ts', 'scripts/**/*.test.ts', 'bench/**/*.test.ts'],
    environment: 'node',
    // tfjs training tests are CPU-bound; run files one per worker so they do not fight for 2 cores.
    pool: 'forks',
    testTimeout: 60_000,
  },
});
