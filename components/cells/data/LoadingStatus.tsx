'use client';
import { useAppStore } from '@/lib/store';

/** Progress of the file being read (bytes and rows) with Cancel; the current dataset stays meanwhile. */
export function LoadingStatus() {
  const loading = useAppStore((s) => s.dataLoading);
  const cancel = useAppStore((s) => s.cancelLoad);
  if (!loading) return null;
  const p = loading.progress;
  return (
    <div className="row" role="status" data-testid="data-loading">
      <span>Reading {loading.name}…</span>
      <progress value={p ? p.bytes : undefined} max={p ? p.totalBytes : undefined} aria-label={`Reading ${loading.name}`} />
      {p && (
        <span className="muted">
          {p.rows.toLocaleString()} rows, {(p.bytes / 1e6).toFixed(1)} of {(p.totalBytes / 1e6).toFixed(1)} MB
        </span>
      )}
      <button className="secondary" onClick={cancel}>
        Cancel
      </button>
    </div>
  );
}
