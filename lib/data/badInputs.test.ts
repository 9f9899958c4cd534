import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { badInputs } from '../../e2e/badInputs';
import { INITIAL_STATUSES } from '../notebook/cells';
import { useAppStore } from '../store';
import { DataError } from './errors';
import { readTable } from './formats';
import type { StringColumn } from './table';
import { whyNoActions } from '../formulate/suggest';

const shop = readFileSync(join(__dirname, '../../e2e/fixtures/shop_small.csv'), 'utf8');
const corpus = badInputs();

/** Read a file the way the app does: bytes → table → roles (acceptTable); the error code or the table. */
async function load(name: string, data: Uint8Array): Promise<{ error: string } | { ok: true }> {
  try {
    const table = await readTable(new Blob([new Uint8Array(data)]), name);
    if (useAppStore.getState().acceptTable(table)) return { ok: true };
    return { error: useAppStore.getState().dataError!.code };
  } catch (err) {
    expect(err).toBeInstanceOf(DataError);
    return { error: (err as DataError).code };
  }
}

describe('the bad-input corpus (e2e/badInputs.ts)', () => {
  beforeAll(() => useAppStore.setState({ table: null, baseTable: null, profiles: [], dataError: null, run: null, cells: INITIAL_STATUSES }));

  it('has at least 40 files', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(40);
    expect(new Set(corpus.map((c) => c.name)).size).toBe(corpus.length);
  });

  it.each(corpus.map((c) => [c.name, c] as const))('%s: a typed error that keeps the previous dataset, or a correct load', async (_, entry) => {
    useAppStore.getState().loadText(shop, 'previous.csv');
    const before = useAppStore.getState().baseTable;
    const outcome = await load(entry.name, entry.data);
    const after = useAppStore.getState();
    if ('error' in entry.expect) {
      expect(outcome).toEqual({ error: entry.expect.error });
      expect(after.baseTable).toBe(before);
      expect(after.targets.length).toBeGreaterThan(0); // still usable: the previous formulation is intact
      return;
    }
    expect(outcome).toEqual({ ok: true });
    const table = after.baseTable!;
    expect(table.rowCount).toBe(entry.expect.rows);
    for (const name of entry.expect.columns ?? []) expect(table.columns.map((c) => c.name)).toContain(name);
    if (entry.expect.noTarget) {
      expect(after.targets).toEqual([]);
      expect(whyNoActions(table, after.profiles)).toContain(entry.expect.noTarget);
    }
    if (entry.expect.check === 'no-prototype-pollution') {
      expect(Object.keys(Object.prototype)).toEqual([]);
      expect(({} as Record<string, unknown>).constructor).toBe(Object);
      expect(table.columns.map((c) => c.name)).toContain('__proto__');
    }
    if (entry.expect.check === 'formulas-are-text') {
      const title = table.columns.find((c) => c.name === 'title') as StringColumn;
      expect(title.kind).toBe('string');
      expect(title.dictionary).toEqual(expect.arrayContaining(['=cmd()', '+1+1', '@SUM(A1:A9)', '=HYPERLINK("http://x")']));
    }
    if (entry.expect.check === 'finite-or-missing') {
      const score = table.columns.find((c) => c.name === 'score')!;
      expect(score.kind).toBe('number');
      if (score.kind === 'number') score.values.forEach((v, i) => expect(Number.isFinite(v) || score.missing[i] === 1).toBe(true));
      expect(table.warnings).toContain('score: 5 infinite or out-of-range number(s) (such as Infinity or 1e309) are treated as missing.');
    }
  }, 60_000);
});
