/**
 * Threads for the tfjs wasm backend inside our bundled worker.
 *
 * The threaded build starts its pthread workers with a script made from the factory's own source text
 * (`"var WasmBackendModuleThreadedSimd = " + factory.toString()`). After the bundler minifies the app,
 * that text refers to renamed variables of the surrounding bundle that do not exist in the pthread
 * worker ("ReferenceError: n is not defined"), and every pthread dies. The published glue script is
 * self-contained, so we serve it from this origin (scripts/copy-wasm.mjs) and hand the pthreads its
 * text instead: the one Blob the backend builds from the factory source is built from the glue.
 */
const GLUE_URL = '/tfjs-wasm/tfjs-backend-wasm-threaded-simd.js';
const FACTORY_PREFIX = 'var WasmBackendModuleThreadedSimd = ';

let installed: Promise<boolean> | null = null;

/** Whether this context can run wasm threads at all (cross-origin isolated, SharedArrayBuffer). */
export function canUseWasmThreads(): boolean {
  return Boolean((globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated) && typeof SharedArrayBuffer === 'function';
}

/** Install the substitution once; false when the glue cannot be fetched (threads then stay off). */
export function installWasmThreadGlue(): Promise<boolean> {
  installed ??= (async () => {
    try {
      const response = await fetch(GLUE_URL);
      if (!response.ok) return false;
      const glue = await response.text();
      const NativeBlob = globalThis.Blob;
      class GlueBlob extends NativeBlob {
        constructor(parts?: BlobPart[], options?: BlobPropertyBag) {
          const factorySource = parts?.length === 1 && typeof parts[0] === 'string' && parts[0].startsWith(FACTORY_PREFIX);
          super(factorySource ? [glue] : parts, options);
        }
      }
      globalThis.Blob = GlueBlob;
      return true;
    } catch {
      return false;
    }
  })();
  return installed;
}

/**
 * The XNNPACK pool tfjs' threaded wasm build grants: half of hardwareConcurrency (it assumes two
 * hyper-threads per core; backend.cc), at most 8. A pool of one computes nothing in parallel, yet the
 * threaded build still keeps its heap in a SharedArrayBuffer, and our host kernels read and write that
 * heap: on 2 cores the single-threaded build trained faster in 7 of 8 interleaved browser runs
 * (MLP 114k vs 86k rows/s at batch 1024, LR 600k vs 515k; session 9, README Performance). No imports
 * here, so the browser tests can call it too.
 */
export function wasmPoolFor(hardwareConcurrency: number): number {
  return Math.min(8, Math.max(1, Math.floor(hardwareConcurrency / 2)));
}
