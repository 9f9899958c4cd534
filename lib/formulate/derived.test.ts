import { describe, expect, it } from 'vitest';
import { parseDelimited } from '../data/parse';
import { inferRoles } from '../data/roles';
import { applyDerived, describeDerived, evaluateDerived, type DerivedAction } from './derived';

const table = parseDelimited(['label,play_time_ms,duration_ms,is_click,city', '1,6000,10000,1,paris', '0,2000,0,1,rome', '1,,8000,0,paris', '0,9000,9000,0,'].join('\n'), 'kr.csv');

describe('derived actions', () => {
  it.each<[DerivedAction, number[], number[]]>([
    // definition, values (NaN = missing), missing mask
    [{ kind: 'compare', name: 'hate', column: 'label', op: '==', value: 0 }, [0, 1, 0, 1], [0, 0, 0, 0]],
    [{ kind: 'compare', name: 'watched_5s', column: 'play_time_ms', op: '>=', value: 5000 }, [1, 0, 0, 1], [0, 0, 1, 0]],
    // 6000/10000 = 0.6 ✓; 2000/0 has no ratio; missing play time; 9000/9000 = 1 ✓
    [{ kind: 'ratio', name: 'half', numerator: 'play_time_ms', denominator: 'duration_ms', op: '>=', value: 0.5 }, [1, 0, 0, 1], [0, 1, 1, 0]],
    [{ kind: 'combine', name: 'click_and_like', op: 'and', inputs: ['is_click', 'label'] }, [1, 0, 0, 0], [0, 0, 0, 0]],
    [{ kind: 'combine', name: 'click_or_like', op: 'or', inputs: ['is_click', 'label'] }, [1, 1, 1, 0], [0, 0, 0, 0]],
    [{ kind: 'compare', name: 'in_paris', column: 'city', op: '==', value: 'paris' }, [1, 0, 1, 0], [0, 0, 0, 1]],
  ])('%o', (d, values, missing) => {
    const out = evaluateDerived(table, d);
    expect([...out.missing]).toEqual(missing);
    expect([...out.values].map((v, i) => (missing[i] ? 0 : v))).toEqual(values.map((v, i) => (missing[i] ? 0 : v)));
    expect(out.positives).toBe(values.filter((v, i) => !missing[i] && v === 1).length);
  });

  it('appends 0/1 columns that become actions, later ones using earlier ones', () => {
    const derived: DerivedAction[] = [
      { kind: 'compare', name: 'hate', column: 'label', op: '==', value: 0 },
      { kind: 'combine', name: 'click_and_hate', op: 'and', inputs: ['is_click', 'hate'] },
    ];
    const out = applyDerived(table, derived);
    const roles = Object.fromEntries(inferRoles(out).map((p) => [p.name, p]));
    expect(roles.hate).toMatchObject({ role: 'action', positiveRate: 0.5 });
    expect(roles.click_and_hate).toMatchObject({ role: 'action', positiveRate: 0.25 });
    expect(table.columns).toHaveLength(5); // the input table is untouched
    expect(describeDerived(derived[0])).toBe('label = 0');
  });

  it('explains bad definitions', () => {
    expect(() => evaluateDerived(table, { kind: 'compare', name: 'x', column: 'city', op: '>=', value: 'a' })).toThrow('only == and != apply');
    expect(() => evaluateDerived(table, { kind: 'ratio', name: 'x', numerator: 'city', denominator: 'label', op: '>', value: 1 })).toThrow('holds text');
    expect(() => applyDerived(table, [{ kind: 'compare', name: 'label', column: 'label', op: '==', value: 0 }])).toThrow('already exists');
  });
});
