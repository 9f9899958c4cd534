import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgpu';
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

/** Switch to a backend that already started once (for the benchmark); false when it cannot. */
export async function switchBackend(name: BackendName): Promise<boolean> {
  try {
    return (await tf.setBackend(name)) && tf.getBackend() === name;
  } catch {
    return false;
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
    return { name, vendor: a.vendor ?? '', architecture, isSoftware, description: `${label || 'unknown adapter'}${isSoftware ? ' (software adapter)' : ''}` };
  }
  if (!(await tf.setBackend(name)) || tf.getBackend() !== name) return null;
  await tf.ready();
  if (name === 'cpu') return { name, vendor: '', architecture: 'cpu', isSoftware: true, description: 'tfjs cpu backend (JavaScript)' };
  return { name, vendor: '', architecture: 'webgl', isSoftware: false, description: 'WebGL' };
}
