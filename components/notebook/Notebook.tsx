'use client';
import { useAppStore } from '@/lib/store';
import { DataCell } from '../cells/data/DataCell';
import { EvaluateCell } from '../cells/evaluate/EvaluateCell';
import { TargetsCell } from '../cells/targets/TargetsCell';
import { SamplingCell } from '../cells/sampling/SamplingCell';
import { ModelCell } from '../cells/model/ModelCell';
import { TrainCell } from '../cells/train/TrainCell';
import { ValueCell } from '../cells/value/ValueCell';
import { ScoreCell } from '../cells/score/ScoreCell';
import { ShareLink } from './ShareLink';
import { NotebookFile } from './NotebookFile';
import { NotesAfter } from './Notes';
import { ThemeToggle } from './ThemeToggle';
import { RunControls } from './RunControls';
import { NotebookManager } from './NotebookManager';

/** The notebook: a toolbar, then the cells top to bottom. The notebook manager opens the saved notebook or the sample. */
export function Notebook() {
  const hasTable = useAppStore((s) => s.table !== null);
  return (
    <div className="notebook">
      <div className="toolbar">
        <NotebookManager />
        {hasTable && <RunControls />}
        <ShareLink />
        <NotebookFile />
        <ThemeToggle />
      </div>
      <DataCell />
      <NotesAfter cell="data" />
      {hasTable && (
        <>
          <TargetsCell />
          <NotesAfter cell="targets" />
          <SamplingCell />
          <NotesAfter cell="sampling" />
          <ModelCell />
          <NotesAfter cell="model" />
          <TrainCell />
          <NotesAfter cell="train" />
          <EvaluateCell />
          <NotesAfter cell="evaluate" />
          <ValueCell />
          <NotesAfter cell="value" />
          <ScoreCell />
        </>
      )}
    </div>
  );
}
