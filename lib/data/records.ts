import { TableBuilder } from './builder';
import { checkColumnCount, DataError } from './errors';
import type { Table } from './table';

type Cell = string | number | boolean | null | undefined;

/**
 * Normalise one JSON/Parquet value to a cell: numbers and text as they are, booleans as 1/0 (so
 * true/false labels are actions), bigints as numbers, arrays of scalars as a "|"-joined id list,
 * other objects as JSON text. Everything stays data; nothing is ever evaluated or rendered as HTML.
 */
export function toCell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value) && value.every((v) => v === null || ['string', 'number', 'bigint'].includes(typeof v))) return value.join('|');
  return JSON.stringify(value, (_, v) => (typeof v === 'bigint' ? Number(v) : v));
}

/** Build a table from records (JSON objects); columns are the union of keys in order of first appearance. */
export function tableFromRecords(records: unknown[], source: string): Table {
  if (records.length === 0) throw new DataError('no-rows', `${source} holds no records.`, 'Provide at least one record (one impression per object).');
  const names: string[] = [];
  const seen = new Set<string>();
  records.forEach((r, i) => {
    if (r === null || typeof r !== 'object' || Array.isArray(r)) {
      throw new DataError('not-records', `${source}: item ${i + 1} is not an object with named fields.`, 'Use an array of objects such as [{"user_id": 1, "clicked": 0}, …], or one such object per line (JSON Lines).');
    }
    for (const key of Object.keys(r)) {
      if (!seen.has(key)) {
        seen.add(key);
        names.push(key);
      }
    }
  });
  checkColumnCount(names.length, source);
  const builder = new TableBuilder(names);
  const row: Cell[] = new Array(names.length);
  for (const r of records as Record<string, unknown>[]) {
    for (let c = 0; c < names.length; c++) row[c] = Object.prototype.hasOwnProperty.call(r, names[c]) ? toCell(r[names[c]]) : null;
    builder.addRow(row);
  }
  return builder.finish(source);
}

/** Parse a JSON document that must be an array of records. */
export function parseJsonArray(text: string, source: string): Table {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new DataError('invalid-json', `${source} is not valid JSON: ${err instanceof Error ? err.message : err}.`, 'Check the file is complete (not cut off) and valid JSON, or export it as CSV.');
  }
  if (!Array.isArray(value)) {
    throw new DataError('not-records', `${source} is JSON but not an array of records.`, 'Use an array of objects such as [{"user_id": 1, "clicked": 0}, …].');
  }
  return tableFromRecords(value, source);
}

/** Parse JSON Lines: one record per non-empty line. */
export function parseJsonLines(text: string, source: string): Table {
  const records: unknown[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (!line) continue;
    try {
      records.push(JSON.parse(line));
    } catch {
      if (isWholeJsonObject(text)) {
        throw new DataError('not-records', `${source} is one JSON object, not a list of records.`, 'Provide an array of objects ([{…}, {…}]) or one object per line (JSON Lines); if the records sit under a key such as "data", export that array.');
      }
      throw new DataError('invalid-json', `${source}: line ${i + 1} is not valid JSON.`, 'Each line of a JSON Lines file must be one complete JSON object.');
    }
  }
  return tableFromRecords(records, source);
}

function isWholeJsonObject(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value);
  } catch {
    return false;
  }
}
