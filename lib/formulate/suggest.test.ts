import { describe, expect, it } from 'vitest';
import { parseDelimited } from '../data/parse';
import { inferRoles } from '../data/roles';
import { evaluateDerived } from './derived';
import { targetSuggestions, whyNoActions } from './suggest';

const load = (text: string) => {
  const table = parseDelimited(text, 't.csv');
  return { table, profiles: inferRoles(table) };
};

describe('labels offered for a table without 0/1 actions', () => {
  it('offers "≥ 4" and "== 5" for a rating, and each value of a two-valued text column', () => {
    const { table, profiles } = load(['user_id,item_id,rating,income', ...Array.from({ length: 50 }, (_, i) => `u${i % 7},i${i % 11},${1 + (i % 5)},${i % 4 === 0 ? '50000+.' : '- 50000.'}`)].join('\n'));
    const suggestions = targetSuggestions(table, profiles);
    expect(suggestions.map((s) => s.action)).toEqual([
      { kind: 'compare', name: 'rating_ge_4', column: 'rating', op: '>=', value: 4 },
      { kind: 'compare', name: 'rating_eq_5', column: 'rating', op: '==', value: 5 },
      { kind: 'compare', name: 'income_is_50000_.', column: 'income', op: '==', value: '50000+.' },
      { kind: 'compare', name: 'income_is_-_50000.', column: 'income', op: '==', value: '- 50000.' },
    ]);
    // Each one builds: 2 of 5 ratings are 4 or 5, a quarter of the incomes are "50000+.".
    expect(evaluateDerived(table, suggestions[0].action).positives).toBe(20);
    expect(evaluateDerived(table, suggestions[2].action).positives).toBe(13);
    expect(whyNoActions(table, profiles)).toBe('No column holds two values such as 0/1, yes/no or true/false.');
  });

  it('offers "above its median" for a watch time', () => {
    const { table, profiles } = load(['user_id,video_id,play_time_ms', ...Array.from({ length: 41 }, (_, i) => `u${i % 5},v${i % 9},${i * 100}`)].join('\n'));
    const [s] = targetSuggestions(table, profiles);
    expect(s.action).toEqual({ kind: 'compare', name: 'play_time_ms_ge_median', column: 'play_time_ms', op: '>=', value: 2000 });
    expect(s.why).toContain('median (2,000)');
  });

  it('says why a 0/1 column is not offered: constant, or an attribute', () => {
    const zeros = load('user,clicked,price\na,0,1\nb,0,2\n');
    expect(whyNoActions(zeros.table, zeros.profiles)).toContain('"clicked" looks like a label but is 0 in every row');
    const users = load(['user_id,item_id,is_vip', ...Array.from({ length: 200 }, (_, i) => `u${i % 20},i${i % 13},${i % 20 < 6 ? 1 : 0}`)].join('\n'));
    expect(users.profiles.find((p) => p.name === 'is_vip')?.role).toBe('categorical');
    expect(whyNoActions(users.table, users.profiles)).toContain('"is_vip") read as attributes, not actions');
  });
});
