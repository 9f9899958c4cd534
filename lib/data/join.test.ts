import { describe, expect, it } from 'vitest';
import { parseDelimited } from './parse';
import { leftJoin } from './join';
import { keyPairOverlap, suggestJoinKeys } from './joinKeys';
import { cellText, getColumn } from './table';

describe('leftJoin', () => {
  const log = parseDelimited('user_id,clicked,price\n1,1,10\n2,0,20\n3,1,30\n1,0,40\n9,1,50\n', 'log.csv');
  const users = parseDelimited('user_id,segment,price\n1,gold,7\n2,silver,8\n2,bronze,9\n3,,10\n', 'users.csv');

  it('keeps every left row, adds right columns, and reports what did not match', () => {
    const { table, report } = leftJoin(log, users, 'user_id', 'user_id');
    expect(table.rowCount).toBe(5);
    expect(table.source).toBe('log.csv + users.csv');
    // "price" exists on both sides: the right one is renamed
    expect(table.columns.map((c) => c.name)).toEqual(['user_id', 'clicked', 'price', 'segment', 'price_2']);
    const segment = getColumn(table, 'segment');
    expect([0, 1, 2, 3, 4].map((i) => cellText(segment, i))).toEqual(['gold', 'silver', '', 'gold', '']);
    expect(cellText(getColumn(table, 'price_2'), 1)).toBe('8'); // first row per key wins
    expect(report).toMatchObject({ leftRows: 5, matchedRows: 4, unmatchedKeys: 1, unmatchedExamples: ['9'], duplicateRightKeys: 1, addedColumns: ['segment', 'price_2'] });
    // Distinct keys: 1, 2, 3 of the log's 4 found; all 3 of the table's used.
    expect(report).toMatchObject({ leftKeys: 4, leftKeysMatched: 3, rightKeys: 3, rightKeysMatched: 3, warning: null });
  });

  it('suggests keys by value overlap and name, and warns when the names identify different things', () => {
    // A ratings log and an item table whose ids overlap the user ids (both count from 1).
    const ratings = parseDelimited(['user_id,item_id,rating', ...Array.from({ length: 300 }, (_, i) => `${1 + (i % 40)},${1 + ((i * 7) % 90)},${1 + (i % 5)}`)].join('\n'), 'r.csv');
    const items = parseDelimited(['item_id:token\ttitle:token', ...Array.from({ length: 120 }, (_, i) => `${i + 1}\tmovie ${i + 1}`)].join('\n'), 'i.item');
    const [best, ...rest] = suggestJoinKeys(ratings, items);
    expect([best.leftKey, best.rightKey]).toEqual(['item_id', 'item_id:token']);
    expect(best).toMatchObject({ matchedRowShare: 1, rightUnique: true, conflict: null });
    const wrong = rest.find((c) => c.leftKey === 'user_id' && c.rightKey === 'item_id:token')!;
    expect(wrong.matchedRowShare).toBe(1); // the values alone cannot tell
    expect(wrong.conflict).toContain('"user_id" names a user and "item_id:token" an item');
    expect(wrong.score).toBeLessThan(best.score);
    const { report } = leftJoin(ratings, items, 'user_id', 'item_id:token');
    expect(report.warning).toContain('ids of different things can overlap by chance');
    expect(report.rightKeysMatched).toBe(40);
    expect(keyPairOverlap(ratings, items, 'item_id', 'item_id:token').rightKeysMatched).toBe(90 / 120);
  });
});
