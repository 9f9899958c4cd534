import type { Column } from '../data/table';

/** Parts of a timestamp the model can use: hour of day (−1 when the value is a date only) and weekday. */
export interface TimeParts {
  hour: number;
  weekday: number;
}

/**
 * Read a timestamp cell as a UTC date: epoch milliseconds, epoch seconds, YYYYMMDD numbers, or
 * date text. Returns null when missing or unreadable.
 */
export function timeParts(col: Column, row: number, parsedText?: (number | null)[]): TimeParts | null {
  const t = timestampMs(col, row, parsedText);
  if (!t) return null;
  const d = new Date(t.ms);
  return { hour: t.dateOnly ? -1 : d.getUTCHours(), weekday: d.getUTCDay() };
}

/** The timestamp of a cell in epoch milliseconds (see timeParts for the accepted forms), or null. */
export function timestampMs(col: Column, row: number, parsedText?: (number | null)[]): { ms: number; dateOnly: boolean } | null {
  let ms: number;
  let dateOnly = false;
  if (col.kind === 'number') {
    if (col.missing[row]) return null;
    const v = col.values[row];
    if (v >= 19700101 && v <= 21001231 && Number.isInteger(v)) {
      ms = Date.UTC(Math.floor(v / 10000), Math.floor((v % 10000) / 100) - 1, v % 100);
      dateOnly = true;
    } else if (v > 1e11) ms = v;
    else ms = v * 1000;
  } else {
    const code = col.codes[row];
    if (code < 0) return null;
    const parsed = parsedText ? parsedText[code] : parseText(col.dictionary[code]);
    if (parsed === null) return null;
    ms = parsed;
    dateOnly = !/\d{2}:\d{2}/.test(col.dictionary[code]);
  }
  return Number.isNaN(new Date(ms).getTime()) ? null : { ms, dateOnly };
}

/** Parse every dictionary entry once (text columns repeat values). */
export function parseTimeDictionary(col: Column): (number | null)[] | undefined {
  return col.kind === 'string' ? col.dictionary.map(parseText) : undefined;
}

function parseText(s: string): number | null {
  const iso = /^\d{4}-\d{2}-\d{2} \d/.test(s) ? s.replace(' ', 'T') + (/[zZ]|[+-]\d{2}:?\d{2}$/.test(s) ? '' : 'Z') : s;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? null : t;
}
