'use client';
import { useEffect } from 'react';
import { useAppStore } from '@/lib/store';
import { DataCell } from '../cells/data/DataCell';
import { EvaluateCell } from '../cells/evaluate/EvaluateCell';
import { TargetsCell } from '../cells/targets/TargetsCell';
import { SamplingCell } from '../cells/sampling/SamplingCell';
import { ModelCell } from '../cells/model/ModelCell';
import { TrainCell } from '../cells/train/TrainCell';
import { ValueCell } from '../cells/value/ValueCell';
import { ShareLink } from './ShareLink';
import { NotebookFile } from './NotebookFile';
import { NotesAfter } from './Notes';
import { ThemeToggle } from './ThemeToggle';
import { RunControls } from './RunControls';

export const SAMPLE_URL = '/data/kuairand_feedback.tsv';
export const SAMPLE_NAME = 'KuaiRand feedback sample (kuairand_feedback.tsv)';

/** The notebook: cells top to bottom, with the bundled sample loaded on first open. */
export function Notebook() {
  const hasTable = useAppStore((s) => s.table !== null);
  useEffect(() => {
    if (useAppStore.getState().table) return;
    const { loadFile, reportDataError } = useAppStore.getState();
    fetch(SAMPLE_URL)
      .then((r) => {
        if (!r.ok) throw new Error(`the bundled sample answered HTTP ${r.status}`);
        return r.blob();
      })
      .then((blob) => loadFile(blob, SAMPLE_NAME))
      .catch(reportDataError);
  }, []);
  return (
    <div className="notebook">
      <div className="toolbar">
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
        </>
      )}
    </div>
  );
}
