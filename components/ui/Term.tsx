'use client';
import { useId, useState, type ReactNode } from 'react';
import { GLOSSARY, type Term as TermName } from '@/lib/notebook/glossary';

/**
 * A term with its definition as a tooltip, on hover and on keyboard focus; Escape hides it. The tip is
 * rendered only while shown, so it never leaks into the text of the table or heading around it.
 */
export function Term({ term, children }: { term: TermName; children?: ReactNode }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  return (
    <span className="term" onMouseEnter={() => setOpen(true)} onMouseLeave={() => setOpen(false)}>
      <span
        className="term-word"
        tabIndex={0}
        aria-describedby={open ? id : undefined}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') setOpen(false);
        }}
      >
        {children ?? term}
      </span>
      {open && (
        <span role="tooltip" id={id} className="term-tip">
          {GLOSSARY[term]}
        </span>
      )}
    </span>
  );
}
