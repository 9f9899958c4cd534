import { describe, expect, it } from 'vitest';
import { parseDelimited } from './parse';
import { adoptInferredRoles, allowedRoles, inferRoles } from './roles';
import { binaryValues, getColumn } from './table';

const csv = [
  'user_id,liked,rating_sign,bought,genres,review,sparse,hour,price,watch_time_ms,ts',
  'u1,yes,1,true,a|b,"This was a long and thoughtful review of the product, with detail",,1,9.5,300,2022-04-08 10:00:00',
  'u2,no,-1,false,b,"Another rather long review text that goes on for quite a while indeed",,2,12.25,0,2022-04-08 11:00:00',
  'u3,no,-1,false,a|c|d,"Short-ish but still a sentence that is longer than forty characters",,3,7,1200,2022-04-09 10:00:00',
  'u4,yes,1,true,c,"Yet another review that the model should not mistake for an identifier",,1,30,55,2022-04-09 12:00:00',
  'u5,no,1,false,a,"The fifth review is here to make the averages honest and long enough",7,2,4.5,80,2022-04-10 08:00:00',
].join('\n');

describe('inferRoles', () => {
  const table = parseDelimited(csv, 'roles.csv');
  const roles = Object.fromEntries(inferRoles(table).map((p) => [p.name, p]));

  it('counts yes/no, −1/1 and true/false as actions with their positive rate', () => {
    expect(roles.liked).toMatchObject({ role: 'action', positiveRate: 0.4 });
    expect(roles.liked.reason).toContain('40.0%');
    expect(roles.rating_sign).toMatchObject({ role: 'action', positiveRate: 0.6 });
    expect(roles.bought).toMatchObject({ role: 'action', positiveRate: 0.4 });
    expect([...binaryValues(getColumn(table, 'liked'))]).toEqual([1, 0, 0, 1, 0]);
    expect([...binaryValues(getColumn(table, 'rating_sign'))]).toEqual([1, 0, 0, 1, 1]);
  });

  it('recognises id lists, free text, mostly-missing, engagement, time and categorical columns', () => {
    expect(roles.genres).toMatchObject({ role: 'id-list', listSeparator: '|' });
    expect(roles.review.role).toBe('text');
    expect(roles.sparse.role).toBe('constant'); // one value in 5 rows: constant beats the 80% missing
    expect(roles.watch_time_ms.role).toBe('engagement');
    expect(roles.ts.role).toBe('timestamp');
    expect(roles.hour.role).toBe('categorical');
    expect(roles.price.role).toBe('numeric');
    expect(roles.user_id.role).toBe('user-id');
  });

  it('applies overrides, but never makes a non-binary column an action', () => {
    const overridden = Object.fromEntries(inferRoles(table, { hour: 'numeric', price: 'action', liked: 'categorical' }).map((p) => [p.name, p]));
    expect(overridden.hour).toMatchObject({ role: 'numeric', overridden: true, reason: 'set by you (detected: categorical)' });
    expect(overridden.price.role).toBe('numeric');
    expect(overridden.liked.role).toBe('categorical');
    expect(allowedRoles(overridden.price)).not.toContain('action');
    expect(allowedRoles(overridden.liked)).toContain('action');
  });

  it('marks a column missing in more than 90% of rows', () => {
    const rows = ['a,b,clicked', ...Array.from({ length: 20 }, (_, i) => `${i === 0 ? 5 : ''},${i},${i % 2}`)].join('\n');
    const p = inferRoles(parseDelimited(rows, 'm.csv'));
    expect(p[0]).toMatchObject({ role: 'mostly-missing', reason: '95% missing' });
  });

  it('profiles a column once, takes the reading worker\'s profiles for its columns, and still applies overrides', () => {
    const text = ['user_id,clicked,price', ...Array.from({ length: 30 }, (_, i) => `u${i % 4},${i % 3 === 0 ? 1 : 0},${i * 1.5}`)].join('\n');
    const table = parseDelimited(text, 'c.csv');
    const first = inferRoles(table);
    expect(inferRoles(table)[2]).toBe(first[2]); // the same object: not computed again
    // Profiles made by the worker for this table (a clone: other objects, same content) are taken as they are.
    const fromWorker = structuredClone(first).map((p) => (p.name === 'price' ? { ...p, reason: 'from the worker' } : p));
    const copy = structuredClone(table);
    adoptInferredRoles(copy, fromWorker);
    expect(inferRoles(copy).map((p) => p.reason)).toEqual(fromWorker.map((p) => p.reason));
    expect(inferRoles(copy, { price: 'categorical' })[2]).toMatchObject({ role: 'categorical', overridden: true });
    // Profiles of other columns (another file's) are not taken.
    const other = structuredClone(table);
    adoptInferredRoles(other, [{ ...fromWorker[0], name: 'elsewhere' }]);
    expect(inferRoles(other)[0].name).toBe('user_id');
  });

  it('gives columns named like Object\'s properties their own roles (the profiles travel between workers)', () => {
    const text = ['constructor,__proto__,toString,clicked', ...Array.from({ length: 20 }, (_, i) => `c${i % 3},p${i % 4},${i},${i % 2}`)].join('\n');
    const profiles = inferRoles(parseDelimited(text, 'o.csv'));
    expect(profiles.map((p) => typeof p.role)).toEqual(['string', 'string', 'string', 'string']);
    expect(profiles.some((p) => p.overridden)).toBe(false);
    expect(structuredClone(profiles)).toEqual(profiles);
  });
});

