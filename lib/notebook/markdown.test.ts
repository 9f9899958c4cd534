import { describe, expect, it } from 'vitest';
import { parseInline, parseMarkdown } from './markdown';

describe('note markdown', () => {
  it('parses headings, lists, paragraphs and code blocks', () => {
    const blocks = parseMarkdown('# Why\nKeep **rare** actions.\nSecond line.\n\n- one\n- `two`\n1. first\n```\nx = 1\n```');
    expect(blocks.map((b) => b.kind)).toEqual(['heading', 'paragraph', 'list', 'list', 'code']);
    expect(blocks[1]).toEqual({ kind: 'paragraph', content: [{ kind: 'text', text: 'Keep ' }, { kind: 'bold', text: 'rare' }, { kind: 'text', text: ' actions. Second line.' }] });
    expect(blocks[3]).toMatchObject({ kind: 'list', ordered: true });
    expect(blocks[4]).toEqual({ kind: 'code', text: 'x = 1' });
  });
  it('keeps HTML as text and drops links that are not http(s) or mailto', () => {
    expect(parseInline('<img src=x onerror=alert(1)>')).toEqual([{ kind: 'text', text: '<img src=x onerror=alert(1)>' }]);
    expect(parseInline('[x](javascript:alert(1))')[0]).toMatchObject({ kind: 'text' });
    expect(parseInline('see [docs](https://example.org)')[1]).toEqual({ kind: 'link', text: 'docs', href: 'https://example.org' });
  });
});
