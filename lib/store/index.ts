import { create } from 'zustand';
import { createDataSlice, type DataSlice } from './dataSlice';
import { createFormulationSlice, type FormulationSlice } from './formulationSlice';
import { createJoinSlice, type JoinSlice } from './joinSlice';
import { createNotebookSlice, type NotebookSlice } from './notebookSlice';
import { createNotesSlice, type NotesSlice } from './notesSlice';
import { createRunSlice, type RunSlice } from './runSlice';
import { createSettingsSlice, type SettingsSlice } from './settingsSlice';
import { createSpecSlice, type SpecSlice } from './specSlice';
import { createValueSlice, type ValueSlice } from './valueSlice';

/** The whole app state: one zustand store made of slices, each owned by one stage. */
export type AppState = DataSlice & JoinSlice & FormulationSlice & SpecSlice & RunSlice & ValueSlice & NotebookSlice & SettingsSlice & NotesSlice;

export const useAppStore = create<AppState>()((...a) => ({
  ...createDataSlice(...a),
  ...createJoinSlice(...a),
  ...createFormulationSlice(...a),
  ...createSpecSlice(...a),
  ...createRunSlice(...a),
  ...createValueSlice(...a),
  ...createNotebookSlice(...a),
  ...createSettingsSlice(...a),
  ...createNotesSlice(...a),
}));
