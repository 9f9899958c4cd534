import { describe, expect, it } from 'vitest';
import { buildSlates, formatFormula, rankSlate, topKOutcome, valueScores } from './value';

describe('value model', () => {
  // Two users: rows 0-2 belong to user 7, rows 3-4 to user 9.
  const keys = [7, 7, 7, 9, 9];
  const click = Float32Array.from([0.9, 0.5, 0.1, 0.2, 0.8]);
  const report = Float32Array.from([0.5, 0.0, 0.0, 0.0, 0.1]);

  it('scores Σ w·p and re-ranks when a weight moves', () => {
    const slates = buildSlates(keys);
    expect(slates.map((s) => [s.key, [...s.rows]])).toEqual([[7, [0, 1, 2]], [9, [3, 4]]]);
    const clickOnly = valueScores([click, report], [1, 0]);
    expect([...rankSlate(slates[0], clickOnly)]).toEqual([0, 1, 2]);
    // With report weight −1: row 0 scores 0.9 − 0.5 = 0.4 < row 1's 0.5, so row 1 moves up.
    const safe = valueScores([click, report], [1, -1]);
    expect(safe[0]).toBeCloseTo(0.4);
    expect([...rankSlate(slates[0], safe)]).toEqual([1, 0, 2]);
  });

  it('measures observed rates in the top K against all impressions', () => {
    const slates = buildSlates(keys);
    const clicked = Uint8Array.from([1, 0, 0, 0, 1]);
    const scores = valueScores([click], [1]);
    // Top 1 of user 7 is row 0 (clicked), of user 9 row 4 (clicked): top-1 rate 2/2; overall 2/5.
    const outcome = topKOutcome(slates, scores, [clicked], 1);
    expect(outcome.topK[0]).toBe(1);
    expect(outcome.all[0]).toBeCloseTo(0.4);
    expect(outcome.impressionsInTopK).toBe(2);
  });

  it('writes the formula with signs', () => {
    expect(formatFormula(['is_click', 'is_follow', 'hate'], [1, 10, -50])).toBe('1·p(is_click) + 10·p(is_follow) − 50·p(hate)');
    expect(formatFormula(['a', 'b'], [-0.5, 0])).toBe('−0.5·p(a)');
    expect(formatFormula(['a'], [0])).toBe('0');
  });
});
