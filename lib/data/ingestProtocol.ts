/** Messages between the page (lib/data/ingestClient.ts) and the file-reading worker. */
import type { DataErrorInfo } from './errors';
import type { HeaderMode, ParseProgress } from './parse';
import type { ColumnProfile } from './roles';
import type { Column, Table } from './table';

export type IngestRequest = { type: 'read'; file: Blob; name: string; header: HeaderMode } | { type: 'synthetic'; rows: number; seed: number };

/** `profiles`: the columns' inferred roles, computed here so the page does not (lib/data/roles.ts adoptInferredRoles). */
export type IngestEvent = { type: 'progress'; progress: ParseProgress } | { type: 'done'; table: Table; profiles: ColumnProfile[] } | { type: 'error'; error: DataErrorInfo };

/** The column buffers of a table, handed over with `transfer` instead of being copied. */
export function tableTransferables(table: Table): Transferable[] {
  const truth = Object.values(table.truth ?? {}).map((t) => t.buffer);
  return [...columnTransferables(table.columns), ...truth] as Transferable[];
}

/** The buffers of some columns (a file's second half goes back to the reading worker this way). */
export function columnTransferables(columns: Column[]): Transferable[] {
  return columns.flatMap((c) => (c.kind === 'number' ? [c.values.buffer, c.missing.buffer] : [c.codes.buffer])) as Transferable[];
}

/** How often a reading worker reports progress: more often only costs messages and renders. */
const PROGRESS_MS = 100;

/** `report`, called at most once per PROGRESS_MS (both reading workers post their progress through it). */
export function throttledProgress<T>(report: (progress: T) => void): (progress: T) => void {
  let last = 0;
  return (progress) => {
    const now = performance.now();
    if (now - last < PROGRESS_MS) return;
    last = now;
    report(progress);
  };
}
