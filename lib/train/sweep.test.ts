import { describe, expect, it } from 'vitest';
import { DEFAULT_TRAIN_CONFIG } from './config';
import { expandSweep, parseSweepValues } from './sweep';

describe('sweeps', () => {
  const grid = { mode: 'grid' as const, budget: 100, seed: 1, parameters: [{ name: 'learningRate' as const, values: [0.01, 0.1] }, { name: 'epochs' as const, values: [1, 2, 3] }] };

  it('a grid is the full product, first parameter fastest', () => {
    const points = expandSweep(grid, DEFAULT_TRAIN_CONFIG);
    expect(points.map((p) => [p.config.learningRate, p.config.epochs])).toEqual([
      [0.01, 1],
      [0.1, 1],
      [0.01, 2],
      [0.1, 2],
      [0.01, 3],
      [0.1, 3],
    ]);
    expect(points[0].values).toEqual({ learningRate: 0.01, epochs: 1 });
  });

  it('the budget cuts the grid; random mode draws distinct points reproducibly', () => {
    expect(expandSweep({ ...grid, budget: 4 }, DEFAULT_TRAIN_CONFIG)).toHaveLength(4);
    const a = expandSweep({ ...grid, mode: 'random', budget: 4 }, DEFAULT_TRAIN_CONFIG).map((p) => JSON.stringify(p.values));
    const b = expandSweep({ ...grid, mode: 'random', budget: 4 }, DEFAULT_TRAIN_CONFIG).map((p) => JSON.stringify(p.values));
    expect(a).toEqual(b);
    expect(new Set(a).size).toBe(4);
  });

  it('refuses out-of-range values and bad text with the reason', () => {
    expect(() => expandSweep({ ...grid, parameters: [{ name: 'epochs', values: [0] }] }, DEFAULT_TRAIN_CONFIG)).toThrow('epochs 0: train for at least 1 epoch');
    expect(parseSweepValues('batchSize', '256, 51.5')).toBe('batch size: "51.5" is not a whole number');
    expect(parseSweepValues('learningRate', '0.1, 0.1, 0.3')).toEqual([0.1, 0.3]);
    expect(parseSweepValues('l2', ' ')).toBe('give at least one value for L2 penalty');
  });
});
