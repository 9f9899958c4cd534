'use client';
import { Fragment } from 'react';
import { parseMarkdown, type Inline } from '@/lib/notebook/markdown';

function InlineText({ parts }: { parts: Inline[] }) {
  return (
    <>
      {parts.map((p, i) => {
        if (p.kind === 'bold') return <strong key={i}>{p.text}</strong>;
        if (p.kind === 'italic') return <em key={i}>{p.text}</em>;
        if (p.kind === 'code') return <code key={i}>{p.text}</code>;
        if (p.kind === 'link')
          return (
            <a key={i} href={p.href} target="_blank" rel="noopener noreferrer">
              {p.text}
            </a>
          );
        return <Fragment key={i}>{p.text}</Fragment>;
      })}
    </>
  );
}

/** A note's markdown as React elements (lib/notebook/markdown.ts): no HTML string is ever inserted. */
export function Markdown({ source }: { source: string }) {
  return (
    <div className="markdown">
      {parseMarkdown(source).map((b, i) => {
        if (b.kind === 'heading') {
          const Heading = (['h3', 'h4', 'h5'] as const)[b.level - 1];
          return (
            <Heading key={i}>
              <InlineText parts={b.content} />
            </Heading>
          );
        }
        if (b.kind === 'code') return <pre key={i}>{b.text}</pre>;
        if (b.kind === 'list') {
          const List = b.ordered ? 'ol' : 'ul';
          return (
            <List key={i}>
              {b.items.map((item, j) => (
                <li key={j}>
                  <InlineText parts={item} />
                </li>
              ))}
            </List>
          );
        }
        return (
          <p key={i}>
            <InlineText parts={b.content} />
          </p>
        );
      })}
    </div>
  );
}
