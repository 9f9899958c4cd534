'use client';
import type { BackendInfo } from '@/lib/train/protocol';

const LIMIT_LABELS: Record<string, string> = {
  maxBufferSize: 'largest buffer',
  maxStorageBufferBindingSize: 'largest storage binding',
  maxComputeWorkgroupStorageSize: 'workgroup memory',
  maxComputeInvocationsPerWorkgroup: 'invocations per workgroup',
  maxComputeWorkgroupsPerDimension: 'workgroups per dimension',
};

function formatLimit(key: string, value: number): string {
  return /Size$/.test(key) ? `${(value / 2 ** 20).toFixed(value < 2 ** 20 ? 3 : 0)} MB` : value.toLocaleString('en-US');
}

/** The backend the run uses: adapter, whether it is software, the benchmark that chose it, device limits. */
export function BackendBadge({ backend }: { backend: BackendInfo }) {
  return (
    <span data-testid="backend" data-backend={backend.name} data-software={backend.isSoftware}>
      Backend: <strong>{backend.name}</strong> — {backend.description}
      {backend.benchmark && (
        <span className="muted" data-testid="backend-benchmark">
          {' '}
          (rows/s in the benchmark: {backend.benchmark.map((b) => `${b.name} ${Math.round(b.rowsPerSecond).toLocaleString('en-US')}`).join(', ')})
        </span>
      )}
      {backend.limits && Object.keys(backend.limits).length > 0 && (
        <details data-testid="backend-limits">
          <summary>WebGPU device limits</summary>
          <dl className="limits">
            {Object.entries(backend.limits).map(([key, value]) => (
              <div key={key}>
                <dt>{LIMIT_LABELS[key] ?? key}</dt>
                <dd>{formatLimit(key, value)}</dd>
              </div>
            ))}
          </dl>
        </details>
      )}
      {backend.fallbacks.length > 0 && <span className="muted"> · skipped: {backend.fallbacks.join('; ')}</span>}
    </span>
  );
}
