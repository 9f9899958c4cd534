'use client';
import { useRef, useState, type DragEvent } from 'react';
import { useAppStore } from '@/lib/store';

/** File picker and drop zone for CSV/TSV files. Reading never replaces the current data unless it succeeds. */
export function FileLoader() {
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);

  const load = async (file: File | undefined) => {
    if (!file) return;
    await useAppStore.getState().loadFile(file, file.name);
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    void load(event.dataTransfer.files[0]);
  };

  return (
    <div
      className={`dropzone${dragging ? ' active' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
      data-testid="dropzone"
    >
      <p>Drop an impression log here (CSV, TSV, JSON, JSON Lines, Parquet, or any of the text formats gzipped), or</p>
      <label className="field" style={{ alignItems: 'center' }}>
        <span>Choose a file (one row per impression)</span>
        <input
          ref={input}
          type="file"
          accept=".csv,.tsv,.txt,.json,.jsonl,.ndjson,.parquet,.gz,text/csv,text/tab-separated-values,text/plain,application/json,application/gzip"
          onChange={(e) => {
            void load(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
      </label>
    </div>
  );
}
