'use client';
import dynamic from 'next/dynamic';
import { useAppStore } from '@/lib/store';
import { CellFrame } from '../../notebook/CellFrame';
import { ActionProfile } from './ActionProfile';
import { ActionsTable } from './ActionsTable';
import { DataPreview } from './DataPreview';
import { FileLoader } from './FileLoader';
import { HeaderChoice } from './HeaderChoice';
import { JoinPanel } from './JoinPanel';
import { LoadingStatus } from './LoadingStatus';
import { ProfileSummary } from './ProfileSummary';
import { SyntheticPanel } from './SyntheticPanel';

// Its histogram is a recharts chart: loaded on demand (components/charts/lazy.tsx).
const ColumnDetail = dynamic(() => import('./ColumnDetail').then((m) => m.ColumnDetail), { ssr: false });

const SAMPLE_NOTE =
  'Bundled sample: KuaiRand (Gao et al., CIKM 2022, CC BY-SA 4.0), 41,828 impressions of 664 users. Caveat: it holds only impressions on which the user gave explicit feedback (liked or hated), so every rate here is conditional on that, not a natural click-through rate.';

/** Data cell: what is loaded, its detected actions, a preview, and loading another file. */
export function DataCell() {
  const table = useAppStore((s) => s.table);
  const error = useAppStore((s) => s.dataError);
  const dismiss = useAppStore((s) => s.dismissDataError);
  return (
    <CellFrame id="data" title="1 · Data">
      <p className="explain">
        Rows are impressions (a user was shown an item); 0/1 columns are the actions the user took. Labels come from actions, because nobody can
        say what the &ldquo;correct&rdquo; label is.
      </p>
      <LoadingStatus />
      {error && (
        <div className="alert" role="alert" data-testid="data-error" data-code={error.code}>
          <strong>{error.message}</strong>
          <p className="hint">{error.hint}</p>
          {table && <p className="hint">The current dataset ({table.source}) is unchanged.</p>}
          <button className="secondary" onClick={dismiss}>
            Dismiss
          </button>
        </div>
      )}
      {table && (
        <>
          <p data-testid="data-summary">
            <strong>{table.source}</strong>: {table.rowCount.toLocaleString()} rows × {table.columns.length} columns
          </p>
          {table.source.startsWith('KuaiRand') && <p className="muted">{SAMPLE_NOTE}</p>}
          {table.warnings?.map((w) => (
            <p key={w} className="muted" data-testid="data-warning">
              ⚠ {w}
            </p>
          ))}
          <HeaderChoice />
          <ActionsTable />
          <ActionProfile />
          <DataPreview table={table} />
          <ColumnDetail />
          <JoinPanel />
          <ProfileSummary table={table} />
        </>
      )}
      <FileLoader />
      <SyntheticPanel />
    </CellFrame>
  );
}
