/// <reference lib="webworker" />
/**
 * Reads the second half of a large delimited file for the file-reading worker (lib/data/parallelParse.ts)
 * and hands its columns back without copying. Started and terminated by that worker.
 */
import { toDataErrorInfo } from './errors';
import { columnTransferables, throttledProgress } from './ingestProtocol';
import { parsePart } from './parallelParse';
import type { PartEvent, PartRequest } from './partProtocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = async (message: MessageEvent<PartRequest>) => {
  const { rest, layout, source } = message.data;
  try {
    const part = await parsePart(rest, layout, source, throttledProgress((progress) => scope.postMessage({ type: 'progress', progress } satisfies PartEvent)));
    scope.postMessage({ type: 'done', part } satisfies PartEvent, columnTransferables(part.columns));
  } catch (err) {
    scope.postMessage({ type: 'error', error: toDataErrorInfo(err) } satisfies PartEvent);
  }
};
