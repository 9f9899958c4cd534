/** Tables for the parser's tests: rows of every kind, and a table as comparable plain data. */
import type { Table } from './table';

/** A table as plain data; NaN and −0 kept distinguishable. */
export function plain(table: Table) {
  return {
    rows: table.rowCount,
    warnings: table.warnings ?? [],
    columns: table.columns.map((c) => (c.kind === 'number' ? { name: c.name, kind: c.kind, values: Array.from(c.values, (v) => (Object.is(v, -0) ? '-0' : Number.isNaN(v) ? 'NaN' : v)), missing: Array.from(c.missing) } : { name: c.name, kind: c.kind, codes: Array.from(c.codes), dictionary: c.dictionary })),
  };
}

export function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296);
}

/** Rows that mix the plain case with everything the one-pass path must hand back to the general one. */
export function trickyCsv(rows: number, seed: number): string {
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
