'use client';
import { allowedRoles, distinctText, type ColumnProfile, type ColumnRole } from '@/lib/data/roles';
import { useAppStore } from '@/lib/store';

/** Every column's inferred role with the reason, editable; detected actions first with their positive rates. */
export function ActionsTable() {
  const profiles = useAppStore((s) => s.profiles);
  const actions = profiles.filter((p) => p.role === 'action');
  const others = profiles.filter((p) => p.role !== 'action');
  return (
    <div className="row" style={{ alignItems: 'flex-start' }}>
      <div>
        <h3>Detected actions ({actions.length})</h3>
        <table className="grid" data-testid="actions-table" aria-label="Detected binary action columns">
          <thead>
            <tr>
              <th>action</th>
              <th className="num">positive rate</th>
              <th>role</th>
            </tr>
          </thead>
          <tbody>
            {actions.map((p) => (
              <tr key={p.name} data-action={p.name}>
                <td>{p.name}</td>
                <td className="num">{((p.positiveRate ?? 0) * 100).toFixed(2)}%</td>
                <td>
                  <RoleSelect profile={p} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div style={{ flex: 1, minWidth: 320 }}>
        <h3>Other columns</h3>
        <table className="grid" aria-label="Column roles">
          <thead>
            <tr>
              <th>column</th>
              <th>type</th>
              <th>role</th>
              <th>why</th>
              <th className="num">distinct</th>
              <th className="num">missing</th>
            </tr>
          </thead>
          <tbody>
            {others.map((p) => (
              <tr key={p.name} data-column={p.name}>
                <td>{p.name}</td>
                <td className="muted">{p.type}</td>
                <td>
                  <RoleSelect profile={p} />
                </td>
                <td className="muted">{p.reason}</td>
                <td className="num">{distinctText(p)}</td>
                <td className="num">{(p.missingShare * 100).toFixed(1)}%</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function RoleSelect({ profile }: { profile: ColumnProfile }) {
  const setRole = useAppStore((s) => s.setRole);
  return (
    <select aria-label={`Role of ${profile.name}`} value={profile.role} onChange={(e) => setRole(profile.name, e.target.value as ColumnRole)}>
      {allowedRoles(profile).map((r) => (
        <option key={r} value={r}>
          {r}
        </option>
      ))}
    </select>
  );
}
