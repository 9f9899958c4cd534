import { describe, expect, it } from 'vitest';
import { DelimitedReader } from './parse';
import type { Table } from './table';

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

/** A table as plain data; NaN and −0 kept distinguishable. */
function plain(table: Table) {
  return {
    rows: table.rowCount,
    warnings: table.warnings ?? [],
    columns: table.columns.map((c) => (c.kind === 'number' ? { name: c.name, kind: c.kind, values: Array.from(c.values, (v) => (Object.is(v, -0) ? '-0' : Number.isNaN(v) ? 'NaN' : v)), missing: Array.from(c.missing) } : { name: c.name, kind: c.kind, codes: Array.from(c.codes), dictionary: c.dictionary })),
  };
}

function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296);
}

/** Rows that mix the plain case with everything the one-pass path must hand back to the general one. */
function trickyCsv(rows: number, seed: number): string {
  const rand = seeded(seed);
  const pick = <T,>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
  const numbers = ['12', '-3.5', '0.0073', '+4', '-0', '.5', '7.', '1e5', ' 42 ', '', 'NA', 'nan', 'inf', '12345678901234567', '"8"', '3.14159265358979'];
  const texts = ['cat1', 'cat2', 'cat2', 'cat3', '', 'na', 'none', 'n/a', ' padded ', '"quoted, comma"', '"say ""hi"""', 'é', '17', 'nix', 'New York'];
  const lines = ['id,price,category,later_text,clicked'];
  for (let r = 0; r < rows; r++) {
    const plainRow = rand() < 0.7;
    const price = plainRow ? (rand() * 100).toFixed(2) : pick(numbers);
    const category = plainRow ? `cat${Math.floor(rand() * 4)}` : pick(texts);
    const later = r < rows / 2 ? String(Math.floor(rand() * 50)) : rand() < 0.5 ? `w${Math.floor(rand() * 5)}` : String(r); // numbers, then text: the column changes kind midway
    const fields = [String(r), price, category, later, rand() < 0.3 ? '1' : '0'];
    if (rand() < 0.004) fields.push('extra'); // a ragged row
    const end = rand() < 0.2 ? '\r\n' : rand() < 0.02 ? '\n\n' : '\n';
    lines.push(fields.join(',') + end);
  }
  return lines[0] + '\n' + lines.slice(1).join('');
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
