import { describe, expect, it } from 'vitest';
import { parseDecimal } from './columnBuilder';
import { CsvTokenizer, UnterminatedQuoteError } from './csvTokenizer';

function tokenize(text: string, cuts: number[] = []): string[][] {
  const bytes = new TextEncoder().encode(text);
  const rows: string[][] = [];
  const decoder = new TextDecoder();
  const tok = new CsvTokenizer(44, {
    row: (b, starts, ends, quoted, count) => rows.push(Array.from({ length: count }, (_, i) => (quoted[i] ? decoder.decode(b.subarray(starts[i], ends[i])).replace(/""/g, '"') : decoder.decode(b.subarray(starts[i], ends[i]))))),
  });
  let from = 0;
  for (const cut of [...cuts, bytes.length]) {
    tok.push(bytes.subarray(from, cut));
    from = cut;
  }
  tok.end();
  return rows;
}

const tricky = 'id,text,n\r\n1,"a, b",2\n2,"say ""hi""\nthere",3\r\n\n3,,4\n4,"é, ü",5';
const expected = [
  ['id', 'text', 'n'],
  ['1', 'a, b', '2'],
  ['2', 'say "hi"\nthere', '3'],
  ['3', '', '4'],
  ['4', 'é, ü', '5'],
];

describe('CsvTokenizer', () => {
  it('handles quotes, escaped quotes, embedded newlines, CRLF, blank lines and a last row without newline', () => {
    expect(tokenize(tricky)).toEqual(expected);
  });

  it('gives the same rows wherever the chunks are cut', () => {
    const length = new TextEncoder().encode(tricky).length;
    for (let cut = 1; cut < length; cut++) expect(tokenize(tricky, [cut])).toEqual(expected);
    expect(tokenize(tricky, [3, 9, 17, 18, 19, 30])).toEqual(expected);
  });

  it('gives the same rows wherever the chunks are cut with lone CR endings and quoted line breaks', () => {
    const text = 'a,b\r1,2\r3,"x\ny\nz"\r4,"p\r\nq"\r5,6\n7,8\r';
    const want = tokenize(text);
    expect(want).toEqual([['a', 'b'], ['1', '2'], ['3', 'x\ny\nz'], ['4', 'p\r\nq'], ['5', '6'], ['7', '8']]);
    const length = new TextEncoder().encode(text).length;
    for (let cut = 1; cut < length; cut++) for (const second of [cut + 1, cut + 3, cut + 7]) expect(tokenize(text, [cut, Math.min(length, second)])).toEqual(want);
  });

  it('accepts lone CR line endings', () => {
    expect(tokenize('a,b\r1,2\r3,4\r')).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
    ]);
  });

  it('reports a quote that is never closed with its row', () => {
    expect(() => tokenize('a,b\n1,2\n3,"open\n4,5\n')).toThrow(UnterminatedQuoteError);
    try {
      tokenize('a,b\n1,2\n3,"open\n4,5\n');
    } catch (err) {
      expect((err as UnterminatedQuoteError).row).toBe(3);
    }
  });
});

describe('parseDecimal', () => {
  const enc = (s: string) => new TextEncoder().encode(s);
  it('equals Number() for plain decimals', () => {
    let seed = 5;
    const rand = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 4294967296);
    for (let k = 0; k < 2000; k++) {
      const text = (rand() < 0.3 ? '-' : '') + (rand() * 10 ** Math.floor(rand() * 8)).toFixed(Math.floor(rand() * 7));
      expect(parseDecimal(enc(text), 0, text.length)).toBe(Number(text));
    }
  });
  it.each(['1e5', '0x10', 'abc', '1.2.3', '-', '.', '', '12345678901234567'])('leaves %j to the general path', (text) => {
    expect(parseDecimal(enc(text), 0, text.length)).toBeNaN();
  });
});
