/**
 * Fault injection for browser tests: a test sets `window.__valueLabFaultInjection = true` before the
 * app loads (page.addInitScript) and then calls `window.valueLabFaults.inject('crash' | 'device-lost')`.
 * Without the opt-in nothing is exposed, so a user's page has no such handle.
 */
import type { TrainingClient } from './client';
import type { InjectedFault } from './protocol';

interface FaultWindow {
  __valueLabFaultInjection?: boolean;
  valueLabFaults?: { inject(fault: InjectedFault): void };
}

export function exposeFaultInjection(client: TrainingClient): void {
  if (typeof window === 'undefined') return;
  const w = window as unknown as FaultWindow;
  if (w.__valueLabFaultInjection === true) w.valueLabFaults = { inject: (fault) => client.injectFault(fault) };
}
