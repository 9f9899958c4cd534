'use client';
import { useRef, useState, type DragEvent } from 'react';
import { useAppStore } from '@/lib/store';

const MAX_BYTES = 512 * 1024 * 1024;

/** File picker and drop zone for CSV/TSV files. Reading never replaces the current data unless it succeeds. */
export function FileLoader() {
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);

  const load = async (file: File | undefined) => {
    if (!file) return;
    const { setDataLoading, loadText, reportDataError } = useAppStore.getState();
    if (file.size > MAX_BYTES) {
      reportDataError(new Error(`${file.name} is ${(file.size / 1e6).toFixed(0)} MB; this version reads files up to ${MAX_BYTES / 1e6} MB`));
      return;
    }
    setDataLoading(file.name);
    try {
      const text = await file.text();
      // Let the "Loading…" line paint before the parse takes the main thread.
      await new Promise((r) => setTimeout(r, 0));
      loadText(text, file.name);
    } catch (err) {
      reportDataError(err);
    }
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
      <p>Drop a CSV or TSV impression log here, or</p>
      <label className="field" style={{ alignItems: 'center' }}>
        <span>Choose a file (CSV or TSV, header row, one row per impression)</span>
        <input
          ref={input}
          type="file"
          accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values,text/plain"
          onChange={(e) => {
            void load(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
      </label>
    </div>
  );
}
