import * as tf from '@tensorflow/tfjs';
import { fillOutputs, hostFloats } from './host';

/** One Adam update of a variable in one kernel (lib/train/optimizer.ts), for cpu and wasm. */
export const FUSED_ADAM = 'ValueLabAdam';

export interface FusedAdamAttrs {
  learningRate: number;
  beta1: number;
  beta2: number;
  epsilon: number;
  /** 1 − β₁ᵗ and 1 − β₂ᵗ: the bias corrections of this step. */
  correction1: number;
  correction2: number;
  /** An L2 term l2 · Σ x² folded into the update: the gradient gets 2 · l2 · x (0 for none). */
  l2: number;
}

/**
 * m ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)g², x ← x − lr·(m/c₁)/(√(v/c₂) + ε): tfjs' AdamOptimizer, element by
 * element, with g = ∂loss/∂x + 2·l2·x when an L2 term is folded in.
 */
export function adamUpdate(x: Float32Array, g: Float32Array, m: Float32Array, v: Float32Array, a: FusedAdamAttrs, nx: Float32Array, nm: Float32Array, nv: Float32Array): void {
  const n = x.length;
  // Every constant in a local: property loads inside the loop made it three times slower.
  const b1 = a.beta1;
  const b2 = a.beta2;
  const c1 = 1 - b1;
  const c2 = 1 - b2;
  const step = a.learningRate / a.correction1;
  const unbias = 1 / a.correction2;
  const epsilon = a.epsilon;
  const decay = 2 * (a.l2 ?? 0);
  for (let i = 0; i < n; i++) {
    const xi = x[i];
    const gi = g[i] + decay * xi;
    const mi = b1 * m[i] + c1 * gi;
    const vi = b2 * v[i] + c2 * gi * gi;
    nm[i] = mi;
    nv[i] = vi;
    nx[i] = xi - (step * mi) / (Math.sqrt(vi * unbias) + epsilon);
  }
}

const registered = new Set<string>();

export function registerFusedAdam(backendName: 'cpu' | 'wasm'): void {
  if (registered.has(backendName)) return;
  registered.add(backendName);
  tf.registerKernel({
    kernelName: FUSED_ADAM,
    backendName,
    kernelFunc: ({ inputs, backend, attrs }) => {
      const { x, g, m, v } = inputs as Record<'x' | 'g' | 'm' | 'v', tf.TensorInfo>;
      const shape = { shape: x.shape, dtype: 'float32' as const };
      return fillOutputs(backendName, backend, [shape, shape, shape], ([nx, nm, nv]) =>
        adamUpdate(hostFloats(backend, x), hostFloats(backend, g), hostFloats(backend, m), hostFloats(backend, v), attrs as unknown as FusedAdamAttrs, nx as Float32Array, nm as Float32Array, nv as Float32Array),
      );
    },
  });
}
