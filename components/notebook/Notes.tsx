'use client';
import { useState } from 'react';
import type { CellId } from '@/lib/notebook/cells';
import { useAppStore } from '@/lib/store';
import type { Note } from '@/lib/notebook/file';
import { Markdown } from './Markdown';

/** One note cell: rendered markdown, or a text area while editing. */
function NoteCell({ note, startEditing }: { note: Note; startEditing: boolean }) {
  const update = useAppStore((s) => s.updateNote);
  const remove = useAppStore((s) => s.removeNote);
  const [editing, setEditing] = useState(startEditing);
  return (
    <section className="cell note" aria-label="Note" data-testid="note">
      {editing ? (
        <textarea aria-label="Note text (markdown)" value={note.markdown} rows={Math.max(3, note.markdown.split('\n').length + 1)} autoFocus onChange={(e) => update(note.id, e.target.value)} />
      ) : note.markdown.trim() ? (
        <Markdown source={note.markdown} />
      ) : (
        <p className="muted">Empty note.</p>
      )}
      <div className="row">
        <button className="secondary" onClick={() => setEditing(!editing)}>
          {editing ? 'Done' : 'Edit note'}
        </button>
        <button className="secondary" onClick={() => remove(note.id)}>
          Delete note
        </button>
      </div>
    </section>
  );
}

/** The notes placed after one built-in cell, and a button to add another there. */
export function NotesAfter({ cell }: { cell: CellId }) {
  const notes = useAppStore((s) => s.notes);
  const add = useAppStore((s) => s.addNote);
  const [fresh, setFresh] = useState<string | null>(null);
  return (
    <>
      {notes
        .filter((n) => n.after === cell)
        .map((n) => (
          <NoteCell key={n.id} note={n} startEditing={n.id === fresh} />
        ))}
      <div className="add-note">
        <button className="link-button" onClick={() => setFresh(add(cell))} aria-label={`Add a note after the ${cell} cell`}>
          + note
        </button>
      </div>
    </>
  );
}
