import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

const config = [
  ...nextVitals,
  ...nextTs,
  { ignores: ['.next/**', 'node_modules/**', 'next-env.d.ts', 'test-results/**', 'playwright-report/**', 'lib/profile/stubs/**', 'public/tfjs-wasm/**'] },
  {
    // DESIGN §1: only the worker touches tensors; the UI never imports tfjs.
    files: ['components/**', 'app/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['@tensorflow/*'], message: 'Only the training worker may use tfjs (DESIGN §1).' }] }],
    },
  },
];

export default config;
