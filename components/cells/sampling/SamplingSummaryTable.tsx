'use client';
import { useMemo } from 'react';
import { ProblemSpecSchema } from '@/lib/formulate/spec';
import { sampleRows } from '@/lib/sampling/sample';
import { headChecks } from '@/lib/sampling/trainability';
import { useAppStore } from '@/lib/store';
import { currentSpec } from '@/lib/store/specSlice';

/** Before/after counts and class balance per action, computed from the current settings. */
export function SamplingSummaryTable() {
  const table = useAppStore((s) => s.table);
  const targets = useAppStore((s) => s.targets);
  const features = useAppStore((s) => s.features);
  const userColumn = useAppStore((s) => s.userColumn);
  const allowedLeaks = useAppStore((s) => s.allowedLeaks);
  const sampling = useAppStore((s) => s.sampling);
  const derived = useAppStore((s) => s.derived);
  const formulation = useAppStore((s) => s.formulation);
  const result = useMemo(() => {
    if (!table) return null;
    const spec = ProblemSpecSchema.safeParse(currentSpec({ targets, features, userColumn, itemColumn: null, timeColumn: null, sampling, derived, formulation, allowedLeaks }));
    if (!spec.success) return { error: spec.error.issues.map((i) => i.message).join('; ') };
    try {
      return { summary: sampleRows(table, spec.data).summary };
    } catch (err) {
      return { error: err instanceof Error ? err.message : String(err) };
    }
  }, [table, targets, features, userColumn, sampling, derived, formulation, allowedLeaks]);
  if (!result) return null;
  if ('error' in result) return <p className="muted">{result.error}</p>;
  const s = result.summary;
  const checks = headChecks(s);
  return (
    <div data-testid="sampling-summary">
      <p className="muted">
        {s.rows.toLocaleString()} rows
        {s.duplicatesRemoved ? `, ${s.duplicatesRemoved.toLocaleString()} duplicates removed` : ''} → {s.validationRows.toLocaleString()} validation rows (never sampled) and{' '}
        {s.trainRows.toLocaleString()} training rows kept by at least one head
        {s.cappedRemoved ? ` (${s.cappedRemoved.toLocaleString()} dropped by the per-user cap)` : ''}.
      </p>
      <table className="grid" style={{ maxWidth: 760 }} aria-label="Training rows per action before and after sampling">
        <thead>
          <tr>
            <th>action</th>
            <th className="num">positives</th>
            <th className="num">negatives before</th>
            <th className="num">negatives after</th>
            <th className="num">missing labels</th>
            <th className="num">positive share seen</th>
            <th className="num">validation positives</th>
            <th className="num">validation negatives</th>
          </tr>
        </thead>
        <tbody>
          {s.perTask.map((t) => (
            <tr key={t.task} data-task={t.task}>
              <td>{t.task}</td>
              <td className="num">{t.after.positives.toLocaleString()}</td>
              <td className="num">{t.before.negatives.toLocaleString()}</td>
              <td className="num">{t.after.negatives.toLocaleString()}</td>
              <td className="num">{t.missing.toLocaleString()}</td>
              <td className="num">{(t.positiveShare * 100).toFixed(1)}%</td>
              <td className="num">{t.validation.positives.toLocaleString()}</td>
              <td className="num">{t.validation.negatives.toLocaleString()}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {checks.length > 0 && (
        <ul className="alert warn" data-testid="sampling-checks" aria-label="Heads too thin to learn from or to judge">
          {checks.map((c, i) => (
            <li key={i} data-task={c.task} data-level={c.level}>
              {c.level === 'refuse' ? 'Cannot train: ' : ''}
              {c.text} {c.fix}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
