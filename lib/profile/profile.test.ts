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
    // price 1..10 in 3 bins of width 3: [1,4) → 1,2,3; [4,7) → 4,5; [7,10] → 10
    expect(histogram(getColumn(table, 'price'), 3).map((b) => b.count)).toEqual([3, 2, 1]);
  });
});
