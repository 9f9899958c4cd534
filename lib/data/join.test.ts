import { describe, expect, it } from 'vitest';
import { parseDelimited } from './parse';
import { leftJoin } from './join';
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
  });
});
