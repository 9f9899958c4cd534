/// <reference lib="webworker" />
/**
 * Every head's evaluation report, off the main thread: on the reference machine the reports of a
 * finished five-head run took 150–430 ms, one long task right as the run finished (bench/README).
 */
import { headReport } from './report';
import type { ReportRequest, ReportResponse } from './reportsClient';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (message: MessageEvent<ReportRequest>) => {
  const { id, heads } = message.data;
  let response: ReportResponse;
  try {
    response = { id, reports: heads.map((h) => headReport(h.scores, h.labels, h.groups, h.truth)) };
  } catch (err) {
    response = { id, error: err instanceof Error ? err.message : String(err) };
  }
  scope.postMessage(response);
};
