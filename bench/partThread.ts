/**
 * A PartRunner for the Node bench: the ingest row times the app's two-part read
 * (lib/data/parallelParse.ts) with the second half in a worker thread, as the app reads it in a
 * second web worker. The thread's code is bundled once with esbuild (a worker thread cannot run
 * TypeScript).
 */
import { buildSync } from 'esbuild';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { PartRunner } from '../lib/data/parallelParse';
import type { ParsedPart } from '../lib/data/parse';

let bundled: string | null = null;

/** Bundle the thread's code (once per process, before any timing starts). */
export function bundlePartThread(work: string): string {
  if (bundled) return bundled;
  bundled = join(work, 'partThread.mjs');
  buildSync({ entryPoints: [join(__dirname, 'partThread.worker.ts')], bundle: true, platform: 'node', format: 'esm', outfile: bundled, logLevel: 'error' });
  return bundled;
}

export function threadPartRunner(path: string, fileBytes: number, work: string): PartRunner {
  const bundle = bundlePartThread(work);
  return {
    run(rest, layout, source) {
      const worker = new Worker(bundle);
      const result = new Promise<ParsedPart>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
      });
      worker.postMessage({ path, offset: fileBytes - rest.size, layout, source });
      return { result, cancel: () => void worker.terminate() };
    },
  };
}
