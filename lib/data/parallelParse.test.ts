import { afterEach, describe, expect, it, vi } from 'vitest';
import { readTable } from './formats';
import { parsePart, type PartRunner } from './parallelParse';
import { DelimitedReader, type DelimitedOptions } from './parse';
import { plain, trickyCsv } from './testTables';

/** The second half read in this thread: the same code the worker runs (lib/data/parsePart.worker.ts). */
const inProcess: PartRunner = {
  run: (rest, layout, source, onProgress) => ({ result: parsePart(rest, layout, source, onProgress), cancel: () => undefined }),
};

/** Read `text` both ways; returns both tables as plain data and whether the halves were joined. */
async function bothWays(text: string, options: DelimitedOptions = {}) {
  const appendPart = vi.spyOn(DelimitedReader.prototype, 'appendPart');
  const blob = new Blob([text]);
  const inParts = plain(await readTable(blob, 't.csv', { ...options, parts: inProcess, parallelFromBytes: 0 }));
  const joined = appendPart.mock.results.some((r) => r.value === true);
  const tried = appendPart.mock.calls.length > 0;
  appendPart.mockRestore();
  const single = plain(await readTable(blob, 't.csv', options));
  return { inParts, single, joined, tried };
}

/** Rows of `id,price,category`, with `middle` and `last` lines placed around the split. */
function csv(rows: number, row: (r: number) => string, header = 'id,price,category'): string {
  return `${header}\n${Array.from({ length: rows }, (_, r) => row(r)).join('\n')}\n`;
}

async function errorOf(read: Promise<unknown>): Promise<string> {
  return read.then(
    () => 'no error',
    (err: Error) => err.message,
  );
}

afterEach(() => vi.restoreAllMocks());

describe('reading a delimited file in two parts (lib/data/parallelParse.ts)', () => {
  it('joins the halves into exactly the single reader\'s table, on rows of every kind', async () => {
    for (const seed of [1, 2, 3]) {
      const { inParts, single, tried } = await bothWays(trickyCsv(4000, seed));
      expect(tried).toBe(true);
      expect(inParts).toEqual(single);
    }
  });

  it('joins plain halves without reading the second one again, progress counting every byte once', async () => {
    const text = csv(15000, (r) => `${r},${(r * 0.37).toFixed(2)},cat${r % 7}`);
    const { inParts, single, joined } = await bothWays(text);
    expect(joined).toBe(true);
    expect(inParts).toEqual(single);
    const seen: number[] = [];
    await readTable(new Blob([text]), 't.csv', { parts: inProcess, parallelFromBytes: 0, onProgress: (p) => seen.push(p.bytes) });
    expect(Math.max(...seen)).toBe(text.length);
  });

  it('turns a column that is numeric in the first half and text in the second into text, as one reader does', async () => {
    const text = csv(12000, (r) => `${r},${r > 11900 ? 'unknown' : (r / 8).toFixed(3)},c${r % 3}`);
    const { inParts, single, joined } = await bothWays(text);
    expect(joined).toBe(true);
    expect(inParts).toEqual(single);
    expect(single.columns[1].kind).toBe('string');
  });

  it('reads the second half again when its numbers would have kept their spelling as text', async () => {
    // "1.50" and "007" in a column that is already text: one reader keeps them as written.
    const text = csv(12000, (r) => `${r},${r === 0 ? 'free' : r % 2 ? '1.50' : '007'},c${r % 3}`);
    const { inParts, single, joined, tried } = await bothWays(text);
    expect(tried).toBe(true);
    expect(joined).toBe(false);
    expect(inParts).toEqual(single);
    if (single.columns[1].kind === 'string') expect(single.columns[1].dictionary).toEqual(['free', '1.50', '007']);
  });

  it('reads on itself when the split falls inside a quoted field with line breaks', async () => {
    const before = Array.from({ length: 4000 }, (_, r) => `${r},1.5,a`);
    const note = `"${Array.from({ length: 8000 }, (_, k) => `line ${k}`).join('\n')}"`; // spans the middle of the file
    const after = Array.from({ length: 4000 }, (_, r) => `${r + 4001},2.5,b`);
    const text = `id,price,note\n${[...before, `4000,3,${note}`, ...after].join('\n')}\n`;
    const { inParts, single, joined } = await bothWays(text);
    expect(joined).toBe(false);
    expect(inParts).toEqual(single);
    expect(single.rows).toBe(8001);
    // Reading on while the other worker still reports its half, the progress never counts those bytes twice.
    const seen: number[] = [];
    let report: (() => void) | null = null; // the other worker's progress message, arriving between this reader's chunks
    const stillReading: PartRunner = {
      run: (rest, _layout, _source, onProgress) => {
        report = () => onProgress({ rows: 1, bytes: rest.size - 1 });
        return { result: new Promise(() => undefined), cancel: () => (report = null) };
      },
    };
    let inReport = false;
    const onProgress = (p: { bytes: number }) => {
      seen.push(p.bytes);
      if (inReport) return;
      inReport = true;
      report?.();
      inReport = false;
    };
    await readTable(new Blob([text]), 't.csv', { parts: stillReading, parallelFromBytes: 0, onProgress });
    expect(Math.max(...seen)).toBe(text.length);
  });

  it('counts ragged rows and infinite numbers of both halves, and names the same rows in errors', async () => {
    const ragged = csv(12000, (r) => (r % 1500 === 7 ? `${r},1,a,extra` : `${r},${r % 500 === 3 ? 'inf' : r},a`));
    const both = await bothWays(ragged);
    expect(both.joined).toBe(true);
    expect(both.inParts).toEqual(both.single);
    expect(both.single.warnings.join(' ')).toMatch(/8 row\(s\) with a wrong number of fields were skipped \(first at data row 8\)/);
    expect(both.single.warnings.join(' ')).toMatch(/price: 24 infinite/);

    const tooRagged = csv(12000, (r) => (r > 9000 && r % 20 === 0 ? `${r},1` : `${r},2,b`));
    const inParts = await errorOf(readTable(new Blob([tooRagged]), 't.csv', { parts: inProcess, parallelFromBytes: 0 }));
    expect(inParts).toMatch(/rows do not have 3 fields \(first at data row 9021\)/);
    expect(inParts).toBe(await errorOf(readTable(new Blob([tooRagged]), 't.csv')));

    const unclosed = csv(12000, (r) => (r === 10500 ? `${r},1,"never closed` : `${r},2,b`));
    const unclosedError = await errorOf(readTable(new Blob([unclosed]), 't.csv', { parts: inProcess, parallelFromBytes: 0 }));
    expect(unclosedError).toMatch(/data row 10501 is never closed/);
    expect(unclosedError).toBe(await errorOf(readTable(new Blob([unclosed]), 't.csv')));
  });

  it('keeps the BOM, CRLF line ends, a header-less file and semicolons as the single reader reads them', async () => {
    const crlf = '\uFEFF' + csv(12000, (r) => `${r};${r % 9};x${r % 4}`, 'id;n;tag').replace(/\n/g, '\r\n');
    const a = await bothWays(crlf);
    expect(a.joined).toBe(true);
    expect(a.inParts).toEqual(a.single);
    expect(a.single.columns[0].name).toBe('id');
    const headerless = Array.from({ length: 30000 }, (_, r) => `${r},${r % 5}`).join('\n');
    const b = await bothWays(headerless, { header: 'no' });
    expect(b.joined).toBe(true);
    expect(b.inParts).toEqual(b.single);
    expect(b.single.rows).toBe(30000);
  });

  it('leaves small files, and files with no newline past the middle, to the single reader', async () => {
    const runner = { run: vi.fn(inProcess.run) };
    await readTable(new Blob([csv(100, (r) => `${r},1,a`)]), 't.csv', { parts: runner });
    expect(runner.run).not.toHaveBeenCalled();
    const loneCr = csv(12000, (r) => `${r},1,a`).replace(/\n/g, '\r');
    const { inParts, single, tried } = await bothWays(loneCr);
    expect(tried).toBe(false);
    expect(inParts).toEqual(single);
  });
});
