'use client';
import type { RunView } from '@/lib/store/runSlice';

/**
 * What the run's preparation found before the first step: features left out as leaks of a target,
 * and heads too thin to learn from or to judge. Shown as soon as the worker has sampled the rows.
 */
export function PreparedNotices({ run }: { run: RunView }) {
  const leaks = run.prepared?.leaks;
  const checks = run.prepared?.checks ?? [];
  const leftOut = leaks ? leaks.excluded.map((column) => leakReason(column, leaks)) : [];
  const kept = leaks ? [...leaks.sources.filter((s) => s.kept).map((s) => s.column), ...leaks.findings.filter((f) => f.kept).map((f) => f.column)] : [];
  if (leftOut.length === 0 && kept.length === 0 && checks.length === 0) return null;
  return (
    <div className="alert warn" role="alert" data-testid="prepared-notices">
      {leftOut.length > 0 && (
        <p data-testid="leaks-excluded">
          Left out as leaks (before the first step): {leftOut.join('; ')}. Keep one with &ldquo;use it anyway&rdquo; in the Model cell only if it is known before the impression.
        </p>
      )}
      {kept.length > 0 && <p>Kept on purpose although they leak a target: {kept.map((c) => `"${c}"`).join(', ')}. Expect a validation AUC that teaches little.</p>}
      {checks.length > 0 && (
        <ul data-testid="head-checks">
          {checks.map((c, i) => (
            <li key={i} data-task={c.task}>
              {c.text} {c.fix}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function leakReason(column: string, leaks: NonNullable<NonNullable<RunView['prepared']>['leaks']>): string {
  const source = leaks.sources.find((s) => s.column === column);
  if (source) return `"${column}" (${source.targets.map((t) => `"${t}"`).join(', ')} ${source.targets.length > 1 ? 'are' : 'is'} built from it)`;
  const finding = leaks.findings.find((f) => f.column === column);
  return finding ? `"${column}" (alone it predicts "${finding.target}" with AUC ${finding.auc.toFixed(3)})` : `"${column}"`;
}
