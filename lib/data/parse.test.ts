import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataError } from './errors';
import { parseDelimited } from './parse';
import { inferRoles } from './roles';
import { cellText, getColumn } from './table';

const fixture = (name: string) => readFileSync(join(__dirname, 'corpus', name), 'utf8');
const sample = () => readFileSync(join(__dirname, '../../public/data/kuairand_feedback.tsv'), 'utf8');

describe('parseDelimited', () => {
  it('reads the bundled KuaiRand TSV with its detected actions and rates', () => {
    const table = parseDelimited(sample(), 'kuairand_feedback.tsv');
    expect(table.rowCount).toBe(41828);
    expect(table.columns).toHaveLength(16);
    const roles = Object.fromEntries(inferRoles(table).map((p) => [p.name, p]));
    const actions = Object.values(roles).filter((p) => p.role === 'action').map((p) => p.name);
    expect(actions.sort()).toEqual(['is_click', 'is_comment', 'is_follow', 'is_forward', 'is_profile_enter', 'label', 'long_view'].sort());
    // Rates published in shared/datasets/README.md.
    expect(roles.is_click.positiveRate).toBeCloseTo(0.657, 3);
    expect(roles.label.positiveRate).toBeCloseTo(0.807, 3);
    expect(roles.is_follow.positiveRate).toBeCloseTo(0.0073, 4);
    expect(roles.user_id.role).toBe('user-id');
    expect(roles.video_id.role).toBe('item-id');
    expect(roles.play_time_ms.role).toBe('engagement');
    expect(roles.time_ms.role).toBe('timestamp');
    expect(roles.date.role).toBe('timestamp');
    expect(roles.timestamp.role).toBe('timestamp');
    expect(roles.duration_ms.role).toBe('numeric');
  });

  it('detects a missing header row and names columns col_1..', () => {
    const table = parseDelimited(fixture('deepctrtorch_byterec_sample.txt'), 'byterec');
    expect(table.rowCount).toBe(200);
    expect(table.columns[0].name).toBe('col_1');
  });

  it('keeps numeric-looking header names such as "101" when other columns prove a header', () => {
    const table = parseDelimited(fixture('rechub_ali_ccp_train_sample.csv'), 'ali_ccp');
    expect(table.columns.slice(0, 3).map((c) => c.name)).toEqual(['click', 'purchase', '101']);
    expect(table.rowCount).toBe(100);
  });

  it('handles quotes, CRLF, a BOM, semicolons and missing cells', () => {
    const text = '\uFEFFid;note;clicked\r\n1;"a; b";1\r\n2;;0\r\n3;"line\nbreak";NA\r\n';
    const table = parseDelimited(text, 'mini.csv');
    expect(table.columns.map((c) => c.name)).toEqual(['id', 'note', 'clicked']);
    expect(cellText(getColumn(table, 'note'), 0)).toBe('a; b');
    expect(cellText(getColumn(table, 'note'), 1)).toBe('');
    const clicked = getColumn(table, 'clicked');
    expect(clicked.kind === 'number' && clicked.missing[2]).toBe(1);
  });

  it('renames empty and repeated column names and says so', () => {
    const table = parseDelimited('a,,a,clicked\n1,2,3,1\n4,5,6,0\n', 'dup.csv');
    expect(table.columns.map((c) => c.name)).toEqual(['a', 'col_2', 'a_2', 'clicked']);
    expect(table.warnings).toEqual(['Empty or repeated column names were renamed: column 2 (no name) → col_2, "a" → a_2.']);
  });

  it.each([
    ['', 'empty-file'],
    ['   \n\n', 'empty-file'],
    ['a,b,c\n', 'no-rows'],
    ['just one column\nvalue\n', 'too-few-columns'],
    ['a,b\n1,2\n3\n4,5,6,7\n8\n9,9,9\n', 'ragged-rows'],
    ['PK\u0003\u0004\u0000\u0000binary', 'binary-file'],
    ['a,b,c\n1,"x,2\n3,4,5\n6,7,8\n', 'unterminated-quote'],
  ])('rejects bad input %j with %s', (text, code) => {
    let caught: unknown;
    try {
      parseDelimited(text, 'bad.csv');
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(DataError);
    expect((caught as DataError).code).toBe(code);
    expect((caught as DataError).hint.length).toBeGreaterThan(10);
  });
});
