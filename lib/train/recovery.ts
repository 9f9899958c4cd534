/**
 * What the client does when the training worker dies or loses its GPU device: restart on the same
 * backend once, then move down the list, and give up after a few tries. Pure, so it is unit-tested.
 */
import type { BackendChoice } from './config';
import type { BackendName } from './protocol';

/** Slowest-but-surest last: cpu has no device to lose. */
const FALLBACK_ORDER: BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];
export const MAX_RECOVERIES = 3;

/**
 * The backend for the next attempt, or null to give up. `failures` counts the faults of this run so
 * far (1 after the first). The first retry keeps the backend that failed (a device reset is often
 * transient); a repeat moves to the next one in FALLBACK_ORDER.
 */
export function recoveryBackend(failed: BackendName | null, configured: BackendChoice, failures: number): BackendChoice | null {
  if (failures > MAX_RECOVERIES) return null;
  if (failures <= 1) return failed ?? configured;
  const from = failed ?? (configured === 'auto' ? 'webgpu' : configured);
  const next = FALLBACK_ORDER[FALLBACK_ORDER.indexOf(from) + 1];
  return next ?? null;
}

export function describeFault(kind: 'crash' | 'device-lost', detail: string): string {
  return kind === 'device-lost' ? `The GPU device was lost (${detail})` : `The training worker stopped unexpectedly${detail ? ` (${detail})` : ''}`;
}
