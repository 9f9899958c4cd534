import { describe, expect, it } from 'vitest';
import { calibrationRatio } from './calibration';
import { logLoss } from './logloss';
import { applyPosthoc, crossFitPosthoc, fitPosthoc } from './posthoc';

/** A head that over-predicts: the true rate is p/3 where it says p. */
function overconfident(n: number) {
  let s = 9;
  const rand = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296);
  const p = Float32Array.from({ length: n }, () => 0.05 + rand() * 0.6);
  const y = Uint8Array.from(p, (q) => (rand() < q / 3 ? 1 : 0));
  return { p, y };
}

describe('post-hoc calibration repair', () => {
  it.each(['platt', 'isotonic'] as const)('%s, cross-fitted on held-out halves, brings a ratio of ~3 back to ~1 and lowers the log loss', (kind) => {
    const { p, y } = overconfident(20_000);
    expect(calibrationRatio(p, y)).toBeGreaterThan(2.5);
    const repaired = crossFitPosthoc(kind, p, y);
    expect(Math.abs(calibrationRatio(repaired, y) - 1)).toBeLessThan(0.05);
    expect(logLoss(repaired, y)).toBeLessThan(logLoss(p, y));
  });

  it('fits on all rows to apply elsewhere, and leaves rows of unknown label out of the fit', () => {
    const { p, y } = overconfident(4000);
    const map = fitPosthoc('platt', p, y);
    const applied = applyPosthoc(map, [0.3, 0.6]);
    expect(applied[0]).toBeLessThan(0.3);
    expect(applied[1]).toBeGreaterThan(applied[0]);
    // Half the rows claim positives they do not know: with them excluded, the repair is the same as on the known rows alone.
    const known = Uint8Array.from(p, (_, i) => (i % 4 === 3 ? 0 : 1));
    const lying = Uint8Array.from(y, (v, i) => (known[i] ? v : 1));
    const repaired = crossFitPosthoc('isotonic', p, lying, known);
    const knownRows = Array.from(p.keys()).filter((i) => known[i]);
    expect(calibrationRatio(knownRows.map((i) => repaired[i]), knownRows.map((i) => y[i]))).toBeLessThan(1.1);
  });
});
