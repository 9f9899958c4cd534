import { parquetMetadata, parquetRead } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { TableBuilder, uniqueNames } from './builder';
import { checkColumnCount, DataError } from './errors';
import { toCell } from './records';
import type { Table } from './table';

/** Read a Parquet file (all row groups, snappy/gzip/zstd/brotli/lz4 pages) into a Table. */
export async function readParquet(buffer: ArrayBuffer, source: string): Promise<Table> {
  let names: string[];
  try {
    const meta = parquetMetadata(buffer);
    names = meta.schema.slice(1).filter((s) => !s.num_children).map((s) => s.name);
  } catch (err) {
    throw new DataError('corrupt-parquet', `${source} is a Parquet file that cannot be read (${err instanceof Error ? err.message : err}); it may be truncated.`, 'Export the Parquet file again, or export the data as CSV.');
  }
  checkColumnCount(names.length, source);
  const builder = new TableBuilder(uniqueNames(names));
  try {
    await parquetRead({
      file: buffer,
      compressors,
      rowFormat: 'array',
      onComplete: (rows: unknown[][]) => {
        for (const r of rows) builder.addRow(r.map(toCell));
      },
    });
  } catch (err) {
    throw new DataError('corrupt-parquet', `${source}: reading the Parquet data failed (${err instanceof Error ? err.message : err}).`, 'Export the Parquet file again, or export the data as CSV.');
  }
  if (builder.rowCount === 0) throw new DataError('no-rows', `${source} has no rows.`, 'Provide a Parquet file with at least one row.');
  return builder.finish(source);
}
