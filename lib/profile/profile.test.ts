import { describe, expect, it } from 'vitest';
import { parseDelimited } from '../data/parse';
import { getColumn } from '../data/table';
import { actionStats, cooccurrence } from './actions';
import { histogram, topValues } from './columns';

// 3 users; u3 never likes. click: 4 of 6; like: 2 of 6, both on clicked rows.
const table = parseDelimited(['user,click,like,price,city', 'u1,1,1,1,paris', 'u1,0,0,2,paris', 'u2,1,1,3,rome', 'u2,1,0,4,paris', 'u3,1,0,5,oslo', 'u3,0,0,10,'].join('\n'), 'p.csv');

describe('action profile', () => {
  it('counts positives, positives per user and users who never act', () => {
    const [click, like] = actionStats(table, ['click', 'like'], 'user');
    expect(click).toEqual({ action: 'click', positives: 4, rate: 4 / 6, positivesPerUser: 4 / 3, usersNeverActing: 0 });
    expect(like).toEqual({ action: 'like', positives: 2, rate: 2 / 6, positivesPerUser: 2 / 3, usersNeverActing: expect.closeTo(1 / 3, 12) });
    expect(actionStats(table, ['like'], null)[0].usersNeverActing).toBeNull();
  });

  it('gives P(B | A) for every pair of actions', () => {
    // P(like | click) = 2/4; P(click | like) = 2/2
    expect(cooccurrence(table, ['click', 'like'])).toEqual([
      [1, 0.5],
      [1, 1],
    ]);
  });

  it('lists top values and bins numbers', () => {
    expect(topValues(getColumn(table, 'city'), 2)).toEqual([
      { value: 'paris', count: 3 },
      { value: 'oslo', count: 1 },
    ]);
    // Numbers: counted by value; ties in numeric order ("10" after "9"), missing cells left out.
    const values = Float64Array.from({ length: 5000 }, (_, i) => [9, 10, 2.5, -1, 7][i % 5] + (i % 7 === 0 ? 100 + i : 0));
    const missing = Uint8Array.from({ length: 5000 }, (_, i) => (i % 11 === 0 ? 1 : 0));
    const expected = new Map<number, number>();
    values.forEach((v, i) => missing[i] || expected.set(v, (expected.get(v) ?? 0) + 1));
    const reference = [...expected].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, 7).map(([v, n]) => ({ value: String(v), count: n }));
    expect(topValues({ kind: 'number', name: 'n', values, missing }, 7)).toEqual(reference);
    expect(reference.slice(5).every((r) => r.count === 1)).toBe(true); // the tail is a tie, broken by value
    // price 1..10 in 3 bins of width 3: [1,4) → 1,2,3; [4,7) → 4,5; [7,10] → 10
    expect(histogram(getColumn(table, 'price'), 3).map((b) => b.count)).toEqual([3, 2, 1]);
  });
});
