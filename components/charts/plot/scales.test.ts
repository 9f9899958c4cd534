import { describe, expect, it } from 'vitest';
import { formatTick, logTicks, niceDomain, niceStep } from './scales';

describe('plot scales', () => {
  it('picks 1, 2 or 5 × 10^k steps', () => {
    expect(niceStep(1, 5)).toBe(0.2);
    expect(niceStep(0.07, 5)).toBe(0.01);
    expect(niceStep(730, 5)).toBe(100);
    expect(niceStep(3000, 4)).toBe(1000);
  });

  it('widens the domain to whole steps with ticks inside', () => {
    expect(niceDomain(0.31, 0.68, 4)).toEqual({ domain: [0.3, 0.7], ticks: [0.3, 0.4, 0.5, 0.6, 0.7], step: 0.1 });
    expect(niceDomain(12, 988, 5).ticks).toEqual([0, 200, 400, 600, 800, 1000]);
    const flat = niceDomain(0.5, 0.5);
    expect(flat.domain[0]).toBeLessThan(0.5);
    expect(flat.domain[1]).toBeGreaterThan(0.5);
    expect(niceDomain(NaN, 1).domain).toEqual([0, 1]);
  });

  it('puts log ticks at 1, 2, 5 × 10^k inside the range', () => {
    expect(logTicks(0.15, 0.9)).toEqual([0.2, 0.5]);
    expect(logTicks(0.011, 0.6)).toEqual([0.02, 0.05, 0.1, 0.2, 0.5]);
    expect(logTicks(1e-5, 1)).toEqual([1e-5, 1e-4, 0.001, 0.01, 0.1, 1]);
    expect(logTicks(0.3, 0.4)).toEqual([0.3, 0.4]);
  });

  it('formats ticks with the decimals the step needs', () => {
    expect(formatTick(0.3, 0.1)).toBe('0.3');
    expect(formatTick(0.25, 0.05)).toBe('0.25');
    expect(formatTick(400, 100)).toBe('400');
  });
});
