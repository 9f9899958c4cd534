/** Messages between the page (lib/data/ingestClient.ts) and the file-reading worker. */
import type { DataErrorInfo } from './errors';
import type { HeaderMode, ParseProgress } from './parse';
import type { Table } from './table';

export type IngestRequest = { type: 'read'; file: Blob; name: string; header: HeaderMode };

export type IngestEvent = { type: 'progress'; progress: ParseProgress } | { type: 'done'; table: Table } | { type: 'error'; error: DataErrorInfo };

/** The column buffers of a table, handed over with `transfer` instead of being copied. */
export function tableTransferables(table: Table): Transferable[] {
  return table.columns.flatMap((c) => (c.kind === 'number' ? [c.values.buffer, c.missing.buffer] : [c.codes.buffer])) as Transferable[];
}
