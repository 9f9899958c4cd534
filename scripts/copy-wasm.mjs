// Copy the tfjs wasm backend's binaries next to the app (public/tfjs-wasm/), so the wasm backend
// loads them from this origin: nothing is fetched from a CDN. Run before every build.
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const from = join(root, 'node_modules', '@tensorflow', 'tfjs-backend-wasm', 'dist');
const to = join(root, 'public', 'tfjs-wasm');
mkdirSync(to, { recursive: true });
for (const file of ['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm', 'tfjs-backend-wasm-threaded-simd.wasm']) copyFileSync(join(from, file), join(to, file));
// The threaded build's glue as published (not minified): its pthread workers load it by itself, see
// lib/train/wasmThreads.ts for why the bundled copy cannot be used there.
const glue = 'tfjs-backend-wasm-threaded-simd.js';
copyFileSync(join(from, '..', 'wasm-out', glue), join(to, glue));
console.log(`copied the tfjs wasm binaries to ${to}`);
