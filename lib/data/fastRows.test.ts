import { describe, expect, it } from 'vitest';
import { DelimitedReader } from './parse';
import type { Table } from './table';
import { plain, seeded, trickyCsv } from './testTables';

/** Parse `text` in chunks cut at `cuts`, with or without the one-pass row path. */
function parse(text: string, onePassRows: boolean, cuts: number[] = []): Table {
  const bytes = new TextEncoder().encode(text);
  const reader = new DelimitedReader('t.csv', bytes.length, { onePassRows });
  let from = 0;
  for (const cut of [...cuts, bytes.length]) {
    reader.push(bytes.subarray(from, cut));
    from = cut;
  }
  return reader.end();
}

describe('one-pass rows (lib/data/fastRows.ts)', () => {
  it('build exactly the table the field-by-field path builds, on rows of every kind', () => {
    for (const seed of [1, 2, 3]) {
      const text = trickyCsv(3000, seed);
      expect(plain(parse(text, true))).toEqual(plain(parse(text, false)));
    }
  });

  it('give the same table wherever the chunks are cut, and without a final newline', () => {
    const text = trickyCsv(60, 9).replace(/\s+$/, '');
    const reference = plain(parse(text, false));
    const length = new TextEncoder().encode(text).length;
    for (let cut = 1; cut < length; cut += 7) expect(plain(parse(text, true, [cut, Math.min(length, cut + 13)]))).toEqual(reference);
  });

  it('take the plain rows themselves, and parse numbers as Number() does', () => {
    const rand = seeded(4);
    const values = Array.from({ length: 2000 }, () => ((rand() - 0.5) * 10 ** Math.floor(rand() * 10 - 4)).toFixed(Math.floor(rand() * 9)));
    const text = `x,label\n${values.map((v, i) => `${v},${i % 2}`).join('\n')}\n`;
    const table = parse(text, true);
    const column = table.columns[0];
    expect(column.kind).toBe('number');
    if (column.kind === 'number') expect(Array.from(column.values)).toEqual(values.map(Number));
  });
});
