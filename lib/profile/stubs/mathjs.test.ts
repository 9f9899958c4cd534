import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import * as stub from './mathjs.js';

// The real mathjs is installed (danfojs depends on it); the app ships the stub instead.
const real = createRequire(import.meta.url)('mathjs') as typeof stub;

describe('the mathjs stand-in matches mathjs on what danfojs calls', () => {
  const cases: number[][] = [[3], [1, 2], [5, 1, 4, 2, 3], [2, 2, 3, 3, 1], [-1.5, 2.25, 1e6, 0, 7, 7, 7], Array.from({ length: 101 }, (_, i) => Math.sin(i) * 100)];
  it.each(cases.map((c) => [c.length, c] as const))('%i values', (_, xs) => {
    for (const fn of ['mean', 'median', 'std', 'variance'] as const) expect(stub[fn](xs)).toBeCloseTo(real[fn](xs) as number, 9);
    expect(stub.mode(xs)).toEqual(real.mode(xs));
  });

  it('refuses an empty array as mathjs does', () => {
    expect(() => stub.mean([])).toThrow(SyntaxError);
    expect(() => real.mean([])).toThrow();
  });
});
