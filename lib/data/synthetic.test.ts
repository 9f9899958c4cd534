import { describe, expect, it } from 'vitest';
import { actionStats } from '../profile/actions';
import { inferRoles } from './roles';
import { generateShopLog, SHOP_ACTIONS } from './synthetic';
import { binaryValues, getColumn } from './table';

describe('generateShopLog', () => {
  const table = generateShopLog({ rows: 20000, seed: 3 });

  it('is seeded', () => {
    const again = generateShopLog({ rows: 20000, seed: 3 });
    expect([...binaryValues(getColumn(again, 'clicked'))]).toEqual([...binaryValues(getColumn(table, 'clicked'))]);
    const other = generateShopLog({ rows: 20000, seed: 4 });
    expect([...binaryValues(getColumn(other, 'clicked'))]).not.toEqual([...binaryValues(getColumn(table, 'clicked'))]);
  });

  it('has the roles and the funnel the app expects', () => {
    const roles = Object.fromEntries(inferRoles(table).map((p) => [p.name, p.role]));
    expect(roles).toMatchObject({ user_id: 'user-id', item_id: 'item-id', category: 'categorical', price: 'numeric', tags: 'id-list', position: 'categorical', timestamp: 'timestamp' });
    for (const a of SHOP_ACTIONS) expect(roles[a]).toBe('action');
    const [click, cart, buy] = ['clicked', 'added_to_cart', 'bought'].map((a) => binaryValues(getColumn(table, a)));
    for (let i = 0; i < table.rowCount; i++) {
      expect(buy[i] <= cart[i] && cart[i] <= click[i]).toBe(true);
    }
  });

  it('matches its own true probabilities, with rarer heavy actions and users who never favourite', () => {
    const stats = Object.fromEntries(actionStats(table, [...SHOP_ACTIONS], 'user_id').map((s) => [s.action, s]));
    for (const a of SHOP_ACTIONS) {
      const truth = table.truth![a];
      const expected = truth.reduce((s, p) => s + p, 0) / truth.length;
      // observed rate within 4 standard errors of the mean true probability
      expect(Math.abs(stats[a].rate - expected)).toBeLessThan(4 * Math.sqrt((expected * (1 - expected)) / table.rowCount) + 1e-4);
    }
    expect(stats.clicked.rate).toBeGreaterThan(stats.added_to_cart.rate);
    expect(stats.added_to_cart.rate).toBeGreaterThan(stats.bought.rate);
    expect(stats.reported.rate).toBeLessThan(0.01);
    expect(stats.favourited.usersNeverActing).toBeGreaterThan(0.25);
  });

  it('refuses sizes outside 1..1M', () => {
    expect(() => generateShopLog({ rows: 0, seed: 1 })).toThrow('rows must be');
    expect(() => generateShopLog({ rows: 2_000_000, seed: 1 })).toThrow('rows must be');
  });
});
