import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgpu';
import { getThreadsCount, setThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { registerHostKernels } from './kernels';
import { canUseWasmThreads, installWasmThreadGlue, wasmPoolFor } from './wasmThreads';
import type { BackendInfo, BackendName } from './protocol';

interface AdapterInfoLike {
  vendor?: string;
  architecture?: string;
  description?: string;
  device?: string;
  isFallbackAdapter?: boolean;
}
interface GpuLike {
  requestAdapter(): Promise<{ info?: AdapterInfoLike; isFallbackAdapter?: boolean } | null>;
}

/**
 * Choose the backend explicitly: webgpu, else webgl, else cpu. tf.setBackend falls back silently,
 * so each choice is probed first and confirmed with tf.getBackend() (DESIGN §3).
 */
export async function chooseBackend(preferred: BackendName[] = ['webgpu', 'webgl', 'cpu']): Promise<BackendInfo> {
  const fallbacks: string[] = [];
  for (const name of preferred) {
    try {
      const info = await tryBackend(name);
      if (info) return { ...info, fallbacks };
      fallbacks.push(`${name}: not available here`);
    } catch (err) {
      fallbacks.push(`${name}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  throw new Error(`no tfjs backend could start (${fallbacks.join('; ')})`);
}

/** Switch to a backend (for the benchmark) and describe it; null when it cannot start here. */
export async function switchBackend(name: BackendName): Promise<Omit<BackendInfo, 'fallbacks'> | null> {
  try {
    return await tryBackend(name);
  } catch {
    return null;
  }
}

async function tryBackend(name: BackendName): Promise<Omit<BackendInfo, 'fallbacks'> | null> {
  if (name === 'webgpu') {
    const gpu = (globalThis.navigator as unknown as { gpu?: GpuLike } | undefined)?.gpu;
    if (!gpu) return null;
    const adapter = await gpu.requestAdapter();
    if (!adapter) return null;
    if (!(await tf.setBackend('webgpu')) || tf.getBackend() !== 'webgpu') return null;
    const a = adapter.info ?? {};
    const architecture = a.architecture ?? '';
    const isSoftware = Boolean(a.isFallbackAdapter ?? adapter.isFallbackAdapter) || /swiftshader/i.test(`${architecture} ${a.vendor} ${a.description}`);
    const label = [a.vendor, architecture, a.description || a.device].filter(Boolean).join(' ');
    return { name, vendor: a.vendor ?? '', architecture, isSoftware, description: `${label || 'unknown adapter'}${isSoftware ? ' (software adapter)' : ''}`, limits: deviceLimits() };
  }
  if (name === 'wasm') {
    // Binaries from this origin (scripts/copy-wasm.mjs). Threads need cross-origin isolation, the
    // unminified glue for the pthread workers (wasmThreads.ts) and a pool of two or more; otherwise the
    // single-threaded build.
    const cores = globalThis.navigator?.hardwareConcurrency ?? 1;
    const threads = wasmPoolFor(cores) >= 2 && canUseWasmThreads() && (await installWasmThreadGlue());
    if (!threads) tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    // Ask for one thread per core; tfjs caps it (wasmPoolFor), and the badge shows what XNNPACK took.
    else setThreadsCount(Math.min(8, Math.max(1, cores)));
    setWasmPaths('/tfjs-wasm/');
    registerHostKernels('wasm');
  }
  if (!(await tf.setBackend(name)) || tf.getBackend() !== name) return null;
  await tf.ready();
  if (name === 'wasm') {
    const simd = Boolean(await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT'));
    const threads = Boolean(await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT'));
    return { name, vendor: '', architecture: 'wasm', isSoftware: true, description: `WebAssembly (${simd ? 'SIMD' : 'no SIMD'}, ${threads ? `threads, XNNPACK pool of ${getThreadsCount()}` : 'one thread'})` };
  }
  if (name === 'cpu') return { name, vendor: '', architecture: 'cpu', isSoftware: true, description: 'tfjs cpu backend (JavaScript)' };
  return { name, vendor: '', architecture: 'webgl', isSoftware: false, description: 'WebGL' };
}

interface DeviceLike {
  lost: Promise<{ reason?: string; message?: string }>;
  destroy(): void;
  limits?: Record<string, number>;
}

/** The GPUDevice behind the webgpu backend, when that is the active one. */
export function activeWebGpuDevice(): DeviceLike | null {
  if (tf.getBackend() !== 'webgpu') return null;
  return (tf.backend() as unknown as { device?: DeviceLike }).device ?? null;
}

/** The limits that bound what a model can hold on this GPU, shown next to the backend badge. */
export function deviceLimits(): Record<string, number> | undefined {
  const limits = activeWebGpuDevice()?.limits;
  if (!limits) return undefined;
  const keys = ['maxBufferSize', 'maxStorageBufferBindingSize', 'maxComputeWorkgroupStorageSize', 'maxComputeInvocationsPerWorkgroup', 'maxComputeWorkgroupsPerDimension'];
  return Object.fromEntries(keys.filter((k) => typeof limits[k] === 'number').map((k) => [k, limits[k]]));
}

/**
 * Size the wasm backend by the page's core count. DevTools' CPU emulation (and a test that uses it to
 * run the threaded build on a 2-core machine) changes navigator.hardwareConcurrency in the page only;
 * tfjs reads the worker's own when it sizes its pool, so the worker takes the page's value, before
 * the wasm backend starts.
 */
export function adoptPageCores(count: number): void {
  if (!Number.isInteger(count) || count < 1 || typeof WorkerNavigator === 'undefined' || navigator.hardwareConcurrency === count) return;
  Object.defineProperty(WorkerNavigator.prototype, 'hardwareConcurrency', { configurable: true, get: () => count });
}
