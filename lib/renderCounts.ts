/**
 * Counters for the browser test that bounds re-renders per batch of worker events
 * (e2e/monitoring.spec.ts). Counts only when the test opted in before the app loaded, by setting
 * `window.__valueLabRenderCounts = {}`; otherwise this is one property read.
 */
export function bumpCount(name: string, by = 1): void {
  if (typeof window === 'undefined') return;
  const counts = (window as unknown as { __valueLabRenderCounts?: Record<string, number> }).__valueLabRenderCounts;
  if (counts) counts[name] = (counts[name] ?? 0) + by;
}
