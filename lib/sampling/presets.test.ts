import { describe, expect, it } from 'vitest';
import { keepPresets } from './presets';

describe('keep-rate presets', () => {
  it('compute 1:1 and 1:10 from the positive rate, worked by hand', () => {
    // 5% positives: odds 0.05/0.95 = 0.0526 → keep 5.26% of negatives for 1:1, 52.6% for 1:10.
    const [all, one, ten] = keepPresets(0.05);
    expect(all).toEqual({ name: 'keep all', rate: 1, note: null });
    expect(one).toEqual({ name: 'balance 1:1', rate: 0.0526, note: null });
    expect(ten.rate).toBe(0.526);
  });

  it('say when the 1% floor clamps a preset, and what a positive weight would do', () => {
    // 0.2% positives: 1:1 needs 0.2004% of negatives; at 1% the ratio is about 1:5.
    const [, one] = keepPresets(0.002);
    expect(one.rate).toBe(0.01);
    expect(one.note).toBe('clamped at the 1% floor: 1:1 would need keeping 0.20% of negatives, so it gives about 1:5.0; a positive weight of 5 gets close');
  });

  it('say when a preset does nothing because the action is already as frequent', () => {
    const [, one, ten] = keepPresets(0.6);
    expect(one).toMatchObject({ rate: 1 });
    expect(one.note).toContain('does nothing here: positives are already 60.0% of rows');
    expect(ten.note).toContain('at least 1:10');
  });
});
