import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataError } from './errors';
import { MAX_FILE_BYTES, readTable, sniffTextFormat } from './formats';
import { inferRoles } from './roles';
import { cellText, getColumn } from './table';

const fixture = (name: string) => new Blob([readFileSync(join(__dirname, '../../e2e/fixtures', name))]);

async function readError(name: string): Promise<DataError> {
  try {
    await readTable(fixture(name), name);
  } catch (err) {
    if (err instanceof DataError) return err;
    throw err;
  }
  throw new Error(`${name} was read without an error`);
}

describe('readTable: one table from every format', () => {
  it.each(['shop_small.csv', 'shop_small.csv.gz', 'shop_small.json', 'shop_small.jsonl', 'shop_small.parquet'])('%s gives the same 12 impressions', async (name) => {
    const table = await readTable(fixture(name), name);
    expect(table.source).toBe(name.replace(/\.gz$/, ''));
    expect(table.rowCount).toBe(12);
    expect(table.columns.map((c) => c.name)).toEqual(['user_id', 'item_id', 'category', 'price', 'clicked', 'bought']);
    const roles = Object.fromEntries(inferRoles(table).map((p) => [p.name, p]));
    expect(roles.clicked.positiveRate).toBeCloseTo(7 / 12, 10);
    // JSON and Parquet store "bought" as booleans: they still count as an action.
    expect(roles.bought).toMatchObject({ role: 'action', positiveRate: 0.25 });
    expect(cellText(getColumn(table, 'price'), 0)).toBe('35.5');
    expect(roles.user_id.role).toBe('user-id');
  });

  it.each([
    ['truncated.csv.gz', 'corrupt-gzip'],
    ['truncated.parquet', 'corrupt-parquet'],
    ['utf16.csv', 'wrong-encoding'],
    ['not_records.json', 'not-records'],
    ['broken.xlsx.csv', 'binary-file'],
  ])('%s fails with %s and a hint', async (name, code) => {
    const err = await readError(name);
    expect(err.code).toBe(code);
    expect(err.hint.length).toBeGreaterThan(10);
  });

  it('reports an empty file and invalid JSON', async () => {
    await expect(readTable(new Blob([]), 'empty.csv')).rejects.toMatchObject({ code: 'empty-file' });
    await expect(readTable(new Blob(['[{"a": 1}, {"a": ']), 'cut.json')).rejects.toMatchObject({ code: 'invalid-json' });
    await expect(readTable(new Blob(['{"a": 1}\n{oops}\n']), 'bad.jsonl')).rejects.toMatchObject({ code: 'invalid-json', message: expect.stringContaining('line 2') });
  });

  it('refuses Latin-1 text and files over the memory budget', async () => {
    const latin1 = new Uint8Array([...new TextEncoder().encode('city,clicked\n'), 0x4d, 0xfc, 0x6e, 0x63, 0x68, 0x65, 0x6e, 0x2c, 0x31, 0x0a]); // "München" in Latin-1
    await expect(readTable(new Blob([latin1]), 'latin1.csv')).rejects.toMatchObject({ code: 'wrong-encoding' });
    const huge = { size: MAX_FILE_BYTES + 1 } as Blob;
    await expect(readTable(huge, 'huge.csv')).rejects.toMatchObject({ code: 'too-large' });
  });

  it('keeps hostile CSV headers and formula-like cells as plain data', async () => {
    const table = await readTable(new Blob(['__proto__,constructor,<script>alert(1)</script>,clicked\n=cmd(),1,2,1\n3,4,5,0\n']), 'hostile.csv');
    expect(table.columns.map((c) => c.name)).toEqual(['__proto__', 'constructor', '<script>alert(1)</script>', 'clicked']);
    expect(cellText(table.columns[0], 0)).toBe('=cmd()');
    expect(({} as Record<string, unknown>).constructor).toBe(Object);
  });

  it('keeps hostile column names as plain data', async () => {
    const table = await readTable(new Blob(['[{"__proto__": 1, "constructor": 0, "<img src=x onerror=alert(1)>": 1, "ok": 0}, {"__proto__": 0, "constructor": 1, "<img src=x onerror=alert(1)>": 0, "ok": 1}]']), 'hostile.json');
    expect(table.columns.map((c) => c.name)).toEqual(['__proto__', 'constructor', '<img src=x onerror=alert(1)>', 'ok']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(table.columns)).toBe(Array.prototype);
  });

  it('sniffs text formats from the first character', () => {
    expect(sniffTextFormat('  [{"a":1}]')).toBe('json');
    expect(sniffTextFormat('\uFEFF{"a":1}\n')).toBe('jsonl');
    expect(sniffTextFormat('a,b\n1,2')).toBe('delimited');
  });
});
