/**
 * The notebook file: settings (the same schema as the share link), the person's note cells, and
 * optionally the dataset itself as typed arrays (base64 in JSON). Versioned: `migrate` brings older
 * shapes up to date on import (today: a bare settings file, as the share link carries, becomes a
 * notebook without notes or data), and every array is checked against the row count before anything
 * is replaced.
 */
import { z } from 'zod';
import type { Column, Table } from '../data/table';
import { NotebookSettingsSchema } from './settings';

export const NOTEBOOK_VERSION = 1;

const NoteSchema = z.object({
  id: z.string().min(1).max(64),
  /** The cell the note follows (a built-in cell id). */
  after: z.string().min(1).max(32),
  markdown: z.string().max(100_000),
});
export type Note = z.infer<typeof NoteSchema>;

const ColumnFileSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('number'), name: z.string(), values: z.string(), missing: z.string() }),
  z.object({ kind: z.literal('string'), name: z.string(), codes: z.string(), dictionary: z.array(z.string()) }),
]);

const TableFileSchema = z.object({ source: z.string(), rowCount: z.number().int().min(0), columns: z.array(ColumnFileSchema).min(1) });

export const NotebookFileSchema = z.object({
  format: z.literal('value-lab-notebook'),
  version: z.literal(NOTEBOOK_VERSION),
  savedAt: z.string(),
  settings: NotebookSettingsSchema,
  notes: z.array(NoteSchema),
  data: TableFileSchema.nullable(),
});
export type NotebookFile = z.infer<typeof NotebookFileSchema>;

export interface OpenedNotebook {
  settings: NotebookFile['settings'];
  notes: Note[];
  table: Table | null;
}

export function notebookFile(settings: NotebookFile['settings'], notes: Note[], table: Table | null): NotebookFile {
  return { format: 'value-lab-notebook', version: NOTEBOOK_VERSION, savedAt: new Date().toISOString(), settings, notes, data: table ? tableToFile(table) : null };
}

/**
 * Read a notebook file's text (or a settings file, migrated). Anything that does not validate is
 * refused with the first problems named.
 */
export function openNotebook(text: string): OpenedNotebook {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error('this is not a notebook file (it is not JSON); choose a .valuelab.json file saved by Value Lab');
  }
  const migrated = migrate(json);
  const parsed = NotebookFileSchema.safeParse(migrated);
  if (!parsed.success) throw new Error(`the notebook file is invalid: ${parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || 'file'}: ${i.message}`).join('; ')}`);
  return { settings: parsed.data.settings, notes: parsed.data.notes, table: parsed.data.data ? tableFromFile(parsed.data.data) : null };
}

/** Bring an older or smaller shape up to NOTEBOOK_VERSION. */
export function migrate(json: unknown): unknown {
  const file = json as { format?: unknown; version?: unknown } | null;
  if (file && typeof file === 'object' && file.format === 'value-lab-settings') {
    return { format: 'value-lab-notebook', version: NOTEBOOK_VERSION, savedAt: '', settings: file, notes: [], data: null };
  }
  if (!file || typeof file !== 'object' || file.format !== 'value-lab-notebook') throw new Error('this is not a Value Lab notebook file (its "format" field is missing or different)');
  if (typeof file.version !== 'number') throw new Error('the notebook file has no version number');
  if (file.version > NOTEBOOK_VERSION) throw new Error(`the notebook was saved by a newer Value Lab (file version ${file.version}); update this copy to open it`);
  // Future versions migrate here, one step at a time: if (file.version === 1) file = {...file, version: 2, …}.
  return file;
}

function tableToFile(table: Table): NonNullable<NotebookFile['data']> {
  return {
    source: table.source,
    rowCount: table.rowCount,
    columns: table.columns.map((c) => (c.kind === 'number' ? { kind: 'number', name: c.name, values: toBase64(c.values), missing: toBase64(c.missing) } : { kind: 'string', name: c.name, codes: toBase64(c.codes), dictionary: c.dictionary })),
  };
}

function tableFromFile(data: NonNullable<NotebookFile['data']>): Table {
  const columns: Column[] = data.columns.map((c) => {
    if (c.kind === 'number') {
      const values = new Float64Array(fromBase64(c.values, 8, data.rowCount, c.name));
      const missing = new Uint8Array(fromBase64(c.missing, 1, data.rowCount, c.name));
      return { kind: 'number', name: c.name, values, missing };
    }
    const codes = new Int32Array(fromBase64(c.codes, 4, data.rowCount, c.name));
    for (const code of codes) if (code < -1 || code >= c.dictionary.length) throw new Error(`the notebook file's column "${c.name}" refers to text value ${code}, which its dictionary does not have`);
    return { kind: 'string', name: c.name, codes, dictionary: c.dictionary };
  });
  return { source: data.source, rowCount: data.rowCount, columns };
}

function toBase64(array: ArrayBufferView): string {
  const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}

function fromBase64(text: string, bytesPerValue: number, rows: number, column: string): ArrayBuffer {
  let binary: string;
  try {
    binary = atob(text);
  } catch {
    throw new Error(`the notebook file's column "${column}" is damaged (not base64)`);
  }
  if (binary.length !== rows * bytesPerValue) throw new Error(`the notebook file's column "${column}" holds ${binary.length / bytesPerValue} values for ${rows} rows`);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes.buffer;
}
