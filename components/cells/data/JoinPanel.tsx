'use client';
import { useMemo, useState } from 'react';
import { keyPairOverlap, suggestJoinKeys } from '@/lib/data/joinKeys';
import { useAppStore } from '@/lib/store';
import { SelectField } from '../../ui/SelectField';

const pct = (share: number) => `${(share * 100).toFixed(share > 0 && share < 0.01 ? 2 : 0)}%`;

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
  // The best pair by value overlap and names (item_id ↔ item_id:token, never user_id ↔ item_id by chance).
  const best = useMemo(() => (table && candidate ? (suggestJoinKeys(table, candidate)[0] ?? null) : null), [table, candidate]);
  const leftNames = table?.columns.map((c) => c.name) ?? [];
  const rightNames = candidate?.columns.map((c) => c.name) ?? [];
  const left = leftNames.includes(leftKey) ? leftKey : (best?.leftKey ?? leftNames[0]);
  const right = rightNames.includes(rightKey) ? rightKey : (best?.rightKey ?? rightNames[0]);
  const preview = useMemo(() => (table && candidate && left && right ? keyPairOverlap(table, candidate, left, right) : null), [table, candidate, left, right]);
  if (!table) return null;
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
          {preview && (
            <p className={preview.conflict || preview.matchedRowShare < 0.5 ? 'alert warn' : 'muted'} data-testid="join-preview" style={{ flexBasis: '100%' }}>
              {left} = {right}: {pct(preview.matchedRowShare)} of the log&rsquo;s rows find a match; {pct(preview.leftKeysMatched)} of its distinct keys and {pct(preview.rightKeysMatched)} of the joined table&rsquo;s are found on the other side
              {preview.rightUnique ? '' : '; the joined table repeats keys (the first row per key is used)'}.{preview.conflict && ` ${preview.conflict}`}
            </p>
          )}
        </div>
      )}
      {report && (
        <p data-testid="join-report" role="status">
          Joined {report.rightSource} on {report.leftKey} = {report.rightKey}: {report.matchedRows.toLocaleString()} of {report.leftRows.toLocaleString()} rows
          matched; {report.unmatchedKeys.toLocaleString()} keys without a match{report.unmatchedExamples.length ? ` (e.g. ${report.unmatchedExamples.join(', ')})` : ''}
          {report.duplicateRightKeys ? `; ${report.duplicateRightKeys} repeated keys in the joined table (first row used)` : ''}. Distinct keys: {report.leftKeysMatched.toLocaleString()} of the log&rsquo;s {report.leftKeys.toLocaleString()} and{' '}
          {report.rightKeysMatched.toLocaleString()} of the joined table&rsquo;s {report.rightKeys.toLocaleString()} matched. Added {report.addedColumns.length} columns.
          {report.warning && <strong className="down"> {report.warning}</strong>}
        </p>
      )}
    </details>
  );
}
