import { describe, expect, it } from 'vitest';
import { sampleRows } from './sample';

const n = 20000;
const labelsA = Uint8Array.from({ length: n }, (_, i) => (i % 10 === 0 ? 1 : 0)); // 10% positives
const labelsB = Uint8Array.from({ length: n }, (_, i) => (i % 2 === 0 ? 1 : 0)); // 50% positives
const sampling = { seed: 11, validationFraction: 0.2, rowFraction: 1, keepRates: {} };

describe('sampleRows', () => {
  it('gives the same rows for the same seed and different rows for another seed', () => {
    const a = sampleRows(n, [labelsA], [0.1], sampling);
    const b = sampleRows(n, [labelsA], [0.1], sampling);
    const c = sampleRows(n, [labelsA], [0.1], { ...sampling, seed: 12 });
    expect([...a.train]).toEqual([...b.train]);
    expect([...a.validation]).toEqual([...b.validation]);
    expect([...a.validation]).not.toEqual([...c.validation]);
  });

  it('keeps every positive, keeps negatives at the keep rate, and never samples validation', () => {
    const s = sampleRows(n, [labelsA], [0.1], sampling);
    expect(s.validation.length / n).toBeCloseTo(0.2, 1);
    const positives = [...s.train].filter((r) => labelsA[r] === 1).length;
    const negatives = s.train.length - positives;
    const trainPool = n - s.validation.length;
    expect(positives).toBe([...Array(n).keys()].filter((r) => labelsA[r] === 1 && !s.validation.includes(r)).length);
    expect(negatives / (trainPool * 0.9)).toBeCloseTo(0.1, 1);
    expect([...s.validation].filter((r) => labelsA[r] === 1).length / s.validation.length).toBeCloseTo(0.1, 1);
  });

  it('gives each task its own mask; a row stays when any task keeps it', () => {
    const s = sampleRows(n, [labelsA, labelsB], [0.1, 1], sampling);
    expect(s.taskMasks[1].every((m) => m === 1)).toBe(true);
    const keptA = s.taskMasks[0].reduce((a, m) => a + m, 0);
    expect(keptA).toBeLessThan(s.train.length * 0.3);
    // changing one keep rate does not move the split
    const other = sampleRows(n, [labelsA, labelsB], [0.5, 1], sampling);
    expect([...other.validation]).toEqual([...s.validation]);
  });
});
