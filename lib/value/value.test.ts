import { describe, expect, it } from 'vitest';
import { formatFormula, valueScores } from './value';

describe('value model', () => {
  it('scores Σ w·p', () => {
    const click = Float32Array.from([0.9, 0.5]);
    const report = Float32Array.from([0.5, 0.0]);
    const scores = valueScores([click, report], [1, -1]);
    expect(scores[0]).toBeCloseTo(0.4);
    expect(scores[1]).toBeCloseTo(0.5);
    expect(() => valueScores([click], [1, 2])).toThrow(/1 actions but 2 weights/);
  });

  it('writes the formula with signs', () => {
    expect(formatFormula(['is_click', 'is_follow', 'hate'], [1, 10, -50])).toBe('1·p(is_click) + 10·p(is_follow) − 50·p(hate)');
    expect(formatFormula(['a', 'b'], [-0.5, 0])).toBe('−0.5·p(a)');
    expect(formatFormula(['a'], [0])).toBe('0');
  });
});
