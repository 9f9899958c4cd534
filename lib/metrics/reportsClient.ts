/** The page's door to the reports worker (lib/metrics/reports.worker.ts): one worker, requests by id. */
import { headReport, type HeadReport } from './report';

/** What one head's report is computed from. */
export interface ReportInput {
  scores: Float32Array;
  labels: Uint8Array;
  groups: Float64Array | null;
  truth: Float32Array | null;
}

export interface ReportRequest {
  id: number;
  heads: ReportInput[];
}

export type ReportResponse = { id: number; reports: HeadReport[] } | { id: number; error: string };

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, { resolve(r: HeadReport[]): void; reject(e: Error): void }>();

/** The reports of these heads, computed in the worker (in place where workers do not exist: Node tests). */
export function computeReports(heads: ReportInput[]): Promise<HeadReport[]> {
  if (typeof Worker === 'undefined') return Promise.resolve(heads.map((h) => headReport(h.scores, h.labels, h.groups, h.truth)));
  if (!worker) {
    worker = new Worker(new URL('./reports.worker.ts', import.meta.url), { type: 'module', name: 'value-lab-reports' });
    worker.onmessage = (message: MessageEvent<ReportResponse>) => {
      const response = message.data;
      const waiting = pending.get(response.id);
      pending.delete(response.id);
      if (!waiting) return;
      if ('error' in response) waiting.reject(new Error(response.error));
      else waiting.resolve(response.reports);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      // A dead worker fails what it held; the next request starts a fresh one.
      pending.forEach((p) => p.reject(new Error(`the evaluation worker stopped${event.message ? ` (${event.message})` : ''}`)));
      pending.clear();
      worker?.terminate();
      worker = null;
    };
  }
  const id = nextId++;
  const result = new Promise<HeadReport[]>((resolve, reject) => pending.set(id, { resolve, reject }));
  worker.postMessage({ id, heads } satisfies ReportRequest);
  return result;
}
