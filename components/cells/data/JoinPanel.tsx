'use client';
import { useState } from 'react';
import { useAppStore } from '@/lib/store';
import { SelectField } from '../../ui/SelectField';

export const USER_FEATURES_URL = '/data/kuairand_user_features.csv';

/** Join a second table (e.g. user features) onto the log by a key, with a report of what did not match. */
export function JoinPanel() {
  const table = useAppStore((s) => s.baseTable);
  const candidate = useAppStore((s) => s.joinCandidate);
  const loading = useAppStore((s) => s.joinLoading);
  const error = useAppStore((s) => s.joinError);
  const report = useAppStore((s) => s.joinReport);
  const { loadJoinFile, applyJoin, cancelJoin } = useAppStore.getState();
  const [leftKey, setLeftKey] = useState('');
  const [rightKey, setRightKey] = useState('');
  if (!table) return null;
  const leftNames = table.columns.map((c) => c.name);
  const rightNames = candidate?.columns.map((c) => c.name) ?? [];
  // Default to a column name both tables share (user_id ↔ user_id).
  const shared = rightNames.find((n) => leftNames.includes(n) && /id/i.test(n)) ?? rightNames.find((n) => leftNames.includes(n));
  const left = leftNames.includes(leftKey) ? leftKey : (shared ?? leftNames[0]);
  const right = rightNames.includes(rightKey) ? rightKey : (shared ?? rightNames[0]);
  const loadSampleUsers = async () => {
    const r = await fetch(USER_FEATURES_URL);
    await loadJoinFile(await r.blob(), 'kuairand_user_features.csv');
  };
  return (
    <details data-testid="join-panel">
      <summary>Join another table (e.g. user features)</summary>
      <div className="row">
        <label className="field">
          <span>Table to join (any supported format)</span>
          <input type="file" onChange={(e) => e.target.files?.[0] && void loadJoinFile(e.target.files[0], e.target.files[0].name)} />
        </label>
        {table.source.startsWith('KuaiRand') && (
          <button className="secondary" onClick={() => void loadSampleUsers()}>
            Use the KuaiRand user features
          </button>
        )}
      </div>
      {loading && <p role="status">Reading {loading}…</p>}
      {error && (
        <p className="alert" role="alert">
          {error.message} {error.hint}
        </p>
      )}
      {candidate && (
        <div className="row">
          <span>
            <strong>{candidate.source}</strong>: {candidate.rowCount.toLocaleString()} rows × {candidate.columns.length} columns
          </span>
          <SelectField label="Key in the log" value={left} options={leftNames} onChange={setLeftKey} />
          <SelectField label="Key in the joined table" value={right} options={rightNames} onChange={setRightKey} />
          <button onClick={() => applyJoin(left, right)}>Join</button>
          <button className="secondary" onClick={cancelJoin}>
            Cancel
          </button>
        </div>
      )}
      {report && (
        <p data-testid="join-report" role="status">
          Joined {report.rightSource} on {report.leftKey} = {report.rightKey}: {report.matchedRows.toLocaleString()} of {report.leftRows.toLocaleString()} rows
          matched; {report.unmatchedKeys.toLocaleString()} keys without a match{report.unmatchedExamples.length ? ` (e.g. ${report.unmatchedExamples.join(', ')})` : ''}
          {report.duplicateRightKeys ? `; ${report.duplicateRightKeys} repeated keys in the joined table (first row used)` : ''}. Added {report.addedColumns.length} columns.
        </p>
      )}
    </details>
  );
}
