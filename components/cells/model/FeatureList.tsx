'use client';
import { FEATURE_ROLES } from '@/lib/data/roles';
import type { FeatureSpec } from '@/lib/formulate/spec';
import { useAppStore } from '@/lib/store';
import { LeakNotice, useLeakStatus } from './LeakGuard';

const ENCODING_TEXT: Record<FeatureSpec['encoding'], string> = {
  numeric: 'standardised',
  embedding: 'embedding',
  bag: 'bag of embeddings',
  time: 'hour + weekday',
};

/** Which columns feed the model, and each one's encoding options. */
export function FeatureList() {
  const profiles = useAppStore((s) => s.profiles);
  const features = useAppStore((s) => s.features);
  const targets = useAppStore((s) => s.targets);
  const toggleFeature = useAppStore((s) => s.toggleFeature);
  const candidates = profiles.filter((p) => FEATURE_ROLES.has(p.role) || p.role === 'engagement');
  const leaks = useLeakStatus();
  const leftOut = [...leaks].filter(([column, status]) => !status.kept && features.some((f) => f.column === column));
  return (
    <>
      {leftOut.length > 0 && (
        <p className="alert" role="alert" data-testid="leak-guard">
          Leak guard: {leftOut.map(([c]) => `"${c}"`).join(', ')} {leftOut.length > 1 ? 'are' : 'is'} left out of the model. A feature that is the label, or predicts
          it almost perfectly on its own, gives a validation AUC near 1 that teaches nothing (see each row below; keep one only if it is known before the impression).
        </p>
      )}
    <table className="grid" style={{ maxWidth: 760 }} aria-label="Feature columns and their encodings" data-testid="feature-list">
      <thead>
        <tr>
          <th>use</th>
          <th>encoding</th>
          <th>options</th>
        </tr>
      </thead>
      <tbody>
        {candidates.map((p) => {
          const isTarget = targets.includes(p.name);
          const feature = isTarget ? undefined : features.find((f) => f.column === p.name);
          return (
            <tr key={p.name}>
              <td>
                <label className="row" style={{ gap: 6 }}>
                  <input type="checkbox" disabled={isTarget} checked={feature !== undefined} onChange={(e) => toggleFeature(p.name, e.target.checked)} />
                  {p.name}
                  {p.role === 'engagement' && <span className="muted">(outcome: leaks the label)</span>}
                </label>
                {feature && leaks.has(p.name) && <LeakNotice column={p.name} status={leaks.get(p.name)!} />}
              </td>
              <td className="muted">{feature ? (leaks.get(p.name)?.kept === false ? 'left out (leak)' : ENCODING_TEXT[feature.encoding]) : isTarget ? 'target' : '—'}</td>
              <td>{feature && <FeatureOptions feature={feature} />}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
    </>
  );
}

function FeatureOptions({ feature }: { feature: FeatureSpec }) {
  const update = useAppStore((s) => s.updateFeature);
  const count = (label: string, value: number, min: number, max: number, apply: (v: number) => FeatureSpec) => (
    <label className="row" style={{ gap: 4 }}>
      {label}
      <input
        type="number"
        value={value}
        min={min}
        max={max}
        style={{ width: 64 }}
        onChange={(e) => {
          const v = Math.round(Number(e.target.value));
          if (Number.isFinite(v) && v >= min && v <= max) update(apply(v));
        }}
      />
    </label>
  );
  switch (feature.encoding) {
    case 'numeric':
      return (
        <label className="row" style={{ gap: 4 }}>
          <input type="checkbox" checked={feature.log} onChange={(e) => update({ ...feature, log: e.target.checked })} />
          log1p first (for skewed counts and durations)
        </label>
      );
    case 'embedding':
      return count(`min count (rarer → out of vocabulary) for ${feature.column}`, feature.minCount, 1, 1000, (v) => ({ ...feature, minCount: v }));
    case 'bag':
      return (
        <span className="row" style={{ gap: 12 }}>
          {count(`max ids per row for ${feature.column}`, feature.maxLength, 1, 256, (v) => ({ ...feature, maxLength: v }))}
          {count(`min count for ${feature.column}`, feature.minCount, 1, 1000, (v) => ({ ...feature, minCount: v }))}
        </span>
      );
    case 'time':
      return <span className="muted">UTC hour of day and weekday, each an embedding</span>;
  }
}
