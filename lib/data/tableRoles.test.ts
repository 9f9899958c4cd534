import { describe, expect, it } from 'vitest';
import { parseDelimited } from './parse';
import { inferRoles } from './roles';

const roleMap = (text: string, source = 't.csv') => Object.fromEntries(inferRoles(parseDelimited(text, source)).map((p) => [p.name, p]));
const lines = (header: string, n: number, row: (i: number) => string) => [header, ...Array.from({ length: n }, (_, i) => row(i))].join('\n');

describe('role inference from values and the other columns', () => {
  it('reads typed header names (user_id:token, rating:float, genre:token_seq) as name plus type', () => {
    const roles = roleMap(lines('user_id:token\titem_id:token\trating:float\ttimestamp:float\tgenre:token_seq\tprice:float\tsegment:token', 60, (i) => `${i % 12}\t${100 + (i % 17)}\t${1 + (i % 5)}\t${881250949 + i}\t${['Action Comedy', 'Drama', 'Comedy Drama Thriller'][i % 3]}\t${(i * 1.7).toFixed(1)}\t${i % 2}`));
    expect(roles['user_id:token']).toMatchObject({ role: 'user-id', declaredType: 'token' });
    expect(roles['item_id:token'].role).toBe('item-id');
    expect(roles['rating:float']).toMatchObject({ role: 'engagement' });
    expect(roles['timestamp:float'].role).toBe('timestamp');
    expect(roles['genre:token_seq']).toMatchObject({ role: 'id-list', listSeparator: ' ' });
    expect(roles['price:float'].role).toBe('numeric');
    // A 0/1 declared as a token is a category, not an action.
    expect(roles['segment:token'].role).toBe('categorical');
  });

  it('tells a list from a multi-word category by how its tokens recur', () => {
    const marital = ['Married-civilian spouse present', 'Never married', 'Divorced', 'Widowed', 'Married-A F spouse present', 'Separated', 'Married-spouse absent'];
    const genres = ['Action Comedy', 'Comedy Drama', 'Drama', 'Action Thriller', 'Thriller Drama Comedy', 'Comedy', 'Drama Action', 'Romance Comedy', 'Romance Drama', 'Action'];
    const roles = roleMap(lines('marital,genres,clicked', 80, (i) => `${marital[i % 7]},${genres[(i * 3) % 10]},${i % 2}`));
    expect(roles.marital).toMatchObject({ role: 'categorical' });
    expect(roles.genres).toMatchObject({ role: 'id-list', listSeparator: ' ' });
    expect(roles.genres.reason).toContain('recur');
  });

  it('takes the leading id columns of a headerless file as the user and the item, and its rating as the outcome', () => {
    // u.data-like: user, item, rating 1–5, epoch seconds; no header, so names say nothing.
    const text = Array.from({ length: 900 }, (_, i) => `${1 + ((i * 7) % 150)}\t${1 + ((i * 13) % 280)}\t${1 + (i % 5)}\t${881250949 + i * 61}`).join('\n');
    const roles = roleMap(text, 'u.data');
    expect(roles.col_1.role).toBe('user-id');
    expect(roles.col_2.role).toBe('item-id');
    expect(roles.col_3).toMatchObject({ role: 'engagement' });
    expect(roles.col_3.reason).toContain('like a rating');
    expect(roles.col_4.role).toBe('timestamp');
  });

  it('reads many-valued whole numbers of a headerless file as ids, and skewed counts as numbers', () => {
    const text = Array.from({ length: 400 }, (_, i) => `${((i % 150) * 7919) % 50000},${Math.floor(Math.exp((i % 40) / 6))},${i % 3 === 0 ? 1 : 0}`).join('\n');
    const roles = roleMap(text, 'h.csv');
    expect(roles.col_1.role).toBe('id');
    expect(roles.col_2.role).not.toBe('id');
    expect(roles.col_3.role).toBe('action');
  });

  it('calls a 0/1 column that never changes within a user an attribute, and one that does an action', () => {
    const roles = roleMap(lines('user_id,item_id,is_video_author,is_click', 300, (i) => `u${i % 30},i${i % 41},${i % 30 < 12 ? 1 : 0},${(i * 7) % 11 === 0 ? 1 : 0}`));
    expect(roles.is_video_author.role).toBe('categorical');
    expect(roles.is_video_author.reason).toContain('the same in every row of each user');
    expect(roles.is_click.role).toBe('action');
  });

  it('needs evidence before calling a rare 0/1 column an attribute', () => {
    // Two positives, each in a user seen once: too little to say the column belongs to users.
    const roles = roleMap(lines('user_id,item_id,is_follow', 200, (i) => `u${i < 2 ? 900 + i : i % 20},i${i % 31},${i < 2 ? 1 : 0}`));
    expect(roles.is_follow.role).toBe('action');
  });

  it('calls the 0/1 columns of a table of one row per user attributes', () => {
    const roles = roleMap(lines('user_id,is_video_author,follow_count', 150, (i) => `${i},${i % 3 === 0 ? 1 : 0},${i * 2}`));
    expect(roles.is_video_author.role).toBe('categorical');
    expect(roles.is_video_author.reason).toContain('one row per user');
  });

  it('reads 0/1 columns named like features (one-hot slots, positions, affinities) as inputs', () => {
    const roles = roleMap(lines('click,onehot_feat3,banner_pos,user-item_affinity_2,categorical_11', 60, (i) => `${i % 2},${i % 3 === 0 ? 1 : 0},${i % 4 === 0 ? 1 : 0},${i % 5 === 0 ? 1 : 0},${i % 7 === 0 ? 1 : 0}`));
    expect(roles.click.role).toBe('action');
    for (const name of ['onehot_feat3', 'banner_pos', 'user-item_affinity_2', 'categorical_11']) expect(roles[name].role, name).toBe('categorical');
  });

  it('leaves out a row-index column and a key unique per row, and keeps a propensity out of the features', () => {
    const roles = roleMap(lines(',request_id,item_id,propensity_score,click', 120, (i) => `${i},${(i * 7919) % 1_000_003},i${i % 9},0.0294,${i % 3 === 0 ? 1 : 0}`));
    expect(roles.col_1).toMatchObject({ role: 'row-id' });
    expect(roles.col_1.reason).toContain('0…119 in order');
    expect(roles.request_id.role).toBe('row-id');
    // Constant under a uniform random logging policy, and still a propensity.
    expect(roles.propensity_score.role).toBe('propensity');
  });
});
