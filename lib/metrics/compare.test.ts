import { describe, expect, it } from 'vitest';
import { compareReports, sameRows } from './compare';
import { headReport } from './report';

describe('compareReports', () => {
  const y = Uint8Array.from([1, 0, 1, 0, 0, 1, 0, 0]);
  const good = headReport(Float32Array.from([0.9, 0.1, 0.8, 0.2, 0.3, 0.7, 0.1, 0.2]), y, null, null);
  const poor = headReport(Float32Array.from([0.5, 0.5, 0.4, 0.6, 0.5, 0.4, 0.6, 0.5]), y, null, null);

  it('marks what got better and what got worse', () => {
    const rows = Object.fromEntries(compareReports(poor, good).map((r) => [r.label, r]));
    expect(rows.AUC.verdict).toBe(1);
    expect(rows['log loss'].verdict).toBe(1);
    expect(rows.AUC.difference).toBeCloseTo(good.auc - poor.auc, 12);
    expect(rows.GAUC).toMatchObject({ a: null, difference: null, verdict: 0 });
    expect(Object.fromEntries(compareReports(good, poor).map((r) => [r.label, r.verdict])).AUC).toBe(-1);
  });

  it('knows whether two runs share their validation rows', () => {
    expect(sameRows(Int32Array.from([1, 2]), Int32Array.from([1, 2]))).toBe(true);
    expect(sameRows(Int32Array.from([1, 2]), Int32Array.from([1, 3]))).toBe(false);
  });
});
