'use client';
import { useId, useState } from 'react';
import { useAppStore } from '@/lib/store';

/** Pause/Resume and the learning rate of the running run (applied from the next step). */
export function RunControls() {
  const run = useAppStore((s) => s.run);
  const togglePause = useAppStore((s) => s.togglePause);
  const setRunLearningRate = useAppStore((s) => s.setRunLearningRate);
  const id = useId();
  const running = run?.status === 'running';
  const current = run?.learningRateOverride ?? run?.config.learningRate ?? 0;
  // null while not editing: the field shows the run's current rate.
  const [draft, setDraft] = useState<string | null>(null);
  const text = draft ?? String(current);
  const value = Number(text);
  const problem = text.trim() === '' || !Number.isFinite(value) || value < 0 || value > 10 ? 'enter a rate from 0 to 10' : null;
  return (
    <>
      <button className="secondary" onClick={togglePause} disabled={!running} aria-pressed={Boolean(run?.paused)}>
        {run?.paused ? 'Resume' : 'Pause'}
      </button>
      <div className="field">
        <label htmlFor={id}>Learning rate of this run</label>
        <div className="row" style={{ gap: 6 }}>
          <input id={id} type="number" step={0.001} min={0} max={10} value={text} disabled={!running} aria-invalid={problem !== null} onChange={(e) => setDraft(e.target.value)} style={{ width: 100 }} />
          <button className="secondary" disabled={!running || problem !== null || value === current} onClick={() => {
              setRunLearningRate(value);
              setDraft(null);
            }}>
            Apply
          </button>
        </div>
        {running && problem && (
          <span className="down" role="alert">
            Learning rate: {problem}
          </span>
        )}
      </div>
    </>
  );
}
