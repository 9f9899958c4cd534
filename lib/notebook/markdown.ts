/**
 * A small Markdown subset for note cells, parsed into plain data (never HTML): headings, paragraphs,
 * bullet and numbered lists, code blocks, and inline bold, italics, code and links. Raw HTML in a
 * note stays text. Links keep only http(s) and mailto targets.
 */
export type Inline = { kind: 'text' | 'bold' | 'italic' | 'code'; text: string } | { kind: 'link'; text: string; href: string };
export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; content: Inline[] }
  | { kind: 'paragraph'; content: Inline[] }
  | { kind: 'list'; ordered: boolean; items: Inline[][] }
  | { kind: 'code'; text: string };

export function parseMarkdown(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (line.trim() === '') {
      i++;
      continue;
    }
    if (line.startsWith('```')) {
      const body: string[] = [];
      for (i++; i < lines.length && !lines[i].startsWith('```'); i++) body.push(lines[i]);
      i++;
      blocks.push({ kind: 'code', text: body.join('\n') });
      continue;
    }
    const heading = /^(#{1,3})\s+(.*)$/.exec(line);
    if (heading) {
      blocks.push({ kind: 'heading', level: heading[1].length as 1 | 2 | 3, content: parseInline(heading[2]) });
      i++;
      continue;
    }
    const item = /^\s*([-*]|\d+[.)])\s+/;
    if (item.test(line)) {
      const ordered = /^\s*\d/.test(line);
      const items: Inline[][] = [];
      for (; i < lines.length && item.test(lines[i]) && /^\s*\d/.test(lines[i]) === ordered; i++) items.push(parseInline(lines[i].replace(item, '')));
      blocks.push({ kind: 'list', ordered, items });
      continue;
    }
    const paragraph: string[] = [];
    for (; i < lines.length && lines[i].trim() !== '' && !/^(#{1,3}\s|```)/.test(lines[i]) && !item.test(lines[i]); i++) paragraph.push(lines[i].trim());
    blocks.push({ kind: 'paragraph', content: parseInline(paragraph.join(' ')) });
  }
  return blocks;
}

const INLINE = /(\*\*[^*]+\*\*|`[^`]+`|\[[^\]]+\]\([^)\s]+\)|\*[^*]+\*|_[^_]+_)/;

export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  for (const part of text.split(INLINE)) {
    if (!part) continue;
    if (part.startsWith('**') && part.endsWith('**') && part.length > 4) out.push({ kind: 'bold', text: part.slice(2, -2) });
    else if (part.startsWith('`') && part.endsWith('`') && part.length > 2) out.push({ kind: 'code', text: part.slice(1, -1) });
    else if (/^\[[^\]]+\]\([^)\s]+\)$/.test(part)) {
      const [, label, href] = /^\[([^\]]+)\]\(([^)\s]+)\)$/.exec(part)!;
      out.push(/^(https?:|mailto:)/i.test(href) ? { kind: 'link', text: label, href } : { kind: 'text', text: label });
    } else if ((part.startsWith('*') && part.endsWith('*')) || (part.startsWith('_') && part.endsWith('_'))) out.push({ kind: 'italic', text: part.slice(1, -1) });
    else out.push({ kind: 'text', text: part });
  }
  return out;
}
