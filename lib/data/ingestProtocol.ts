/** Messages between the page (lib/data/ingestClient.ts) and the file-reading worker. */
import type { DataErrorInfo } from './errors';
import type { HeaderMode, ParseProgress } from './parse';
import type { Table } from './table';

export type IngestRequest = { type: 'read'; file: Blob; name: string; header: HeaderMode } | { type: 'synthetic'; rows: number; seed: number };

export type IngestEvent = { type: 'progress'; progress: ParseProgress } | { type: 'done'; table: Table } | { type: 'error'; error: DataErrorInfo };

/** The column buffers of a table, handed over with `transfer` instead of being copied. */
export function tableTransferables(table: Table): Transferable[] {
  const columns = table.columns.flatMap((c) => (c.kind === 'number' ? [c.values.buffer, c.missing.buffer] : [c.codes.buffer]));
  const truth = Object.values(table.truth ?? {}).map((t) => t.buffer);
  return [...columns, ...truth] as Transferable[];
}
