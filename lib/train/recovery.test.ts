import { describe, expect, it } from 'vitest';
import { MAX_RECOVERIES, describeFault, recoveryBackend } from './recovery';

describe('recoveryBackend', () => {
  it('retries the failed backend once, then moves down the list', () => {
    expect(recoveryBackend('webgpu', 'auto', 1)).toBe('webgpu');
    expect(recoveryBackend('webgpu', 'auto', 2)).toBe('webgl');
    expect(recoveryBackend('webgl', 'auto', 3)).toBe('wasm');
  });
  it('gives up after the last backend or too many faults', () => {
    expect(recoveryBackend('cpu', 'cpu', 2)).toBeNull();
    expect(recoveryBackend('webgpu', 'webgpu', MAX_RECOVERIES + 1)).toBeNull();
  });
  it('falls back to the configured choice before the worker said which backend it used', () => {
    expect(recoveryBackend(null, 'webgl', 1)).toBe('webgl');
    expect(recoveryBackend(null, 'auto', 1)).toBe('auto');
    expect(recoveryBackend(null, 'auto', 2)).toBe('webgl');
  });
  it('names the fault', () => {
    expect(describeFault('device-lost', 'destroyed')).toMatch(/GPU device was lost \(destroyed\)/);
    expect(describeFault('crash', '')).toBe('The training worker stopped unexpectedly');
  });
});
