import type { StateCreator } from 'zustand';
import type { CellId } from '../notebook/cells';
import type { Note } from '../notebook/file';
import type { AppState } from './index';

/** The person's own markdown note cells, each placed after one of the built-in cells. */
export interface NotesSlice {
  notes: Note[];
  /** Add an empty note after `after`; returns its id. */
  addNote(after: CellId): string;
  updateNote(id: string, markdown: string): void;
  removeNote(id: string): void;
  setNotes(notes: Note[]): void;
}

let counter = 0;

export const createNotesSlice: StateCreator<AppState, [], [], NotesSlice> = (set, get) => ({
  notes: [],
  addNote(after) {
    const id = `note-${Date.now().toString(36)}-${(counter++).toString(36)}`;
    set({ notes: [...get().notes, { id, after, markdown: '' }] });
    return id;
  },
  updateNote: (id, markdown) => set({ notes: get().notes.map((n) => (n.id === id ? { ...n, markdown } : n)) }),
  removeNote: (id) => set({ notes: get().notes.filter((n) => n.id !== id) }),
  setNotes: (notes) => set({ notes }),
});
