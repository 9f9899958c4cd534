'use client';
import { targetSources } from '@/lib/formulate/leaks';
import { useAppStore } from '@/lib/store';

/** Why the leak guard leaves a feature out (or that the person keeps it anyway), with the click that reverses it. */
export interface LeakStatus {
  text: string;
  kept: boolean;
}

/**
 * Per column, what the leak guard says: the columns a target was built from (known from the
 * settings, before any training), and the features the last run on this table found to predict a
 * target alone (single-feature AUC on training rows).
 */
export function useLeakStatus(): Map<string, LeakStatus> {
  const derived = useAppStore((s) => s.derived);
  const targets = useAppStore((s) => s.targets);
  const allowed = useAppStore((s) => s.allowedLeaks);
  const table = useAppStore((s) => s.table);
  const run = useAppStore((s) => s.run);
  const out = new Map<string, LeakStatus>();
  for (const [column, built] of targetSources(derived, targets)) {
    out.set(column, { kept: allowed.includes(column), text: `${built.map((t) => `"${t}"`).join(', ')} ${built.length > 1 ? 'are' : 'is'} built from it: as a feature it is the label itself` });
  }
  // Findings of a run on another table say nothing about this one.
  if (run?.table === table) {
    for (const f of run.prepared?.leaks?.findings ?? []) {
      if (out.has(f.column)) continue;
      out.set(f.column, { kept: allowed.includes(f.column), text: `alone it predicts "${f.target}" with AUC ${f.auc.toFixed(3)} on training rows (found when run ${run.runId} started)` });
    }
  }
  return out;
}

/** One feature's leak status and its toggle. */
export function LeakNotice({ column, status }: { column: string; status: LeakStatus }) {
  const setLeakAllowed = useAppStore((s) => s.setLeakAllowed);
  return (
    <span className={status.kept ? 'muted' : 'down'} data-testid="leak-notice" data-column={column} data-kept={status.kept}>
      {status.kept ? 'kept on purpose, though ' : 'left out as a leak: '}
      {status.text}.{' '}
      <button className="link-button" onClick={() => setLeakAllowed(column, !status.kept)} aria-label={status.kept ? `Leave ${column} out as a leak` : `Use ${column} as a feature anyway`}>
        {status.kept ? 'leave it out' : 'use it anyway'}
      </button>
    </span>
  );
}
