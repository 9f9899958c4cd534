/**
 * The CSV of a scored file: its own columns, then each action's probability (named for what it holds)
 * and the value score. Text that a spreadsheet would run as a formula (=, +, -, @, tab, CR first) is written
 * with a leading apostrophe, so opening the export never executes anything from the data.
 */
import type { Table } from '../data/table';

const FORMULA_START = /^[=+\-@\t\r]/;

/** One text cell, inert in spreadsheets and quoted per RFC 4180 when it needs to be. */
export function csvText(text: string): string {
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function csvNumber(v: number): string {
  return Number.isFinite(v) ? String(v) : '';
}

/**
 * What the probability columns hold, in their names: `p_<action>` recalibrated for the sampling (the
 * default), `p_raw_<action>` the raw sampled-space outputs, with `_platt` or `_isotonic` after a
 * post-hoc repair.
 */
export interface ScoredColumns {
  recalibrated: boolean;
  posthoc: 'none' | 'platt' | 'isotonic';
}

export function probabilityColumn(task: string, columns: ScoredColumns = { recalibrated: true, posthoc: 'none' }): string {
  return `p_${columns.recalibrated ? '' : 'raw_'}${task}${columns.posthoc === 'none' ? '' : `_${columns.posthoc}`}`;
}

export function scoredCsv(table: Table, tasks: string[], calibrated: Float32Array[], weights: Record<string, number>, columns?: ScoredColumns): string {
  const header = [...table.columns.map((c) => c.name), ...tasks.map((t) => probabilityColumn(t, columns)), 'value_score'].map(csvText).join(',');
  const lines = [header];
  const w = tasks.map((t) => weights[t] ?? 0);
  for (let r = 0; r < table.rowCount; r++) {
    const cells = table.columns.map((c) => (c.kind === 'number' ? (c.missing[r] ? '' : csvNumber(c.values[r])) : c.codes[r] < 0 ? '' : csvText(c.dictionary[c.codes[r]])));
    let value = 0;
    for (let t = 0; t < tasks.length; t++) {
      const p = calibrated[t][r];
      cells.push(p.toPrecision(6));
      value += w[t] * p;
    }
    cells.push(value.toPrecision(6));
    lines.push(cells.join(','));
  }
  return lines.join('\n') + '\n';
}
