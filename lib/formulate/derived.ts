import { z } from 'zod';
import { binaryValues, getColumn, type Column, type NumericColumn, type Table } from '../data/table';

/**
 * Derived actions: labels built from other columns, e.g. `play_time_ms ≥ 5000` → "watched_5s",
 * `label == 0` → "hate", `play_time_ms / duration_ms ≥ 0.5`, or an AND/OR of actions.
 * They are part of the ProblemSpec, so a notebook rebuilds them from the raw columns.
 */
export const COMPARISONS = ['>=', '>', '<=', '<', '==', '!='] as const;
const ComparisonSchema = z.enum(COMPARISONS);
export type Comparison = z.infer<typeof ComparisonSchema>;
const NameSchema = z.string().trim().min(1, 'give the action a name').max(60).regex(/^[\p{L}\p{N}_ .:-]+$/u, 'use letters, digits, spaces, _ . : or - in the name');

export const DerivedActionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('compare'), name: NameSchema, column: z.string().min(1), op: ComparisonSchema, value: z.union([z.number(), z.string()]) }),
  z.object({ kind: z.literal('ratio'), name: NameSchema, numerator: z.string().min(1), denominator: z.string().min(1), op: ComparisonSchema, value: z.number() }),
  z.object({ kind: z.literal('combine'), name: NameSchema, op: z.enum(['and', 'or']), inputs: z.array(z.string().min(1)).min(2, 'combine at least two actions') }),
]);
export type DerivedAction = z.infer<typeof DerivedActionSchema>;

/** A 0/1 column with a missing mask (missing where an input is missing). */
export interface DerivedValues {
  values: Float64Array;
  missing: Uint8Array;
  positives: number;
  present: number;
}

/** Compute a derived action over the table. Throws Error with a readable message for bad definitions. */
export function evaluateDerived(table: Table, d: DerivedAction): DerivedValues {
  const n = table.rowCount;
  const values = new Float64Array(n);
  const missing = new Uint8Array(n);
  if (d.kind === 'combine') {
    const inputs = d.inputs.map((name) => binaryValues(getColumn(table, name)));
    for (let i = 0; i < n; i++) values[i] = d.op === 'and' ? Number(inputs.every((y) => y[i] === 1)) : Number(inputs.some((y) => y[i] === 1));
  } else if (d.kind === 'ratio') {
    const num = numeric(getColumn(table, d.numerator));
    const den = numeric(getColumn(table, d.denominator));
    for (let i = 0; i < n; i++) {
      // A zero or missing denominator has no ratio: the label is missing there, not 0.
      if (num.missing[i] || den.missing[i] || den.values[i] === 0) missing[i] = 1;
      else values[i] = Number(compare(num.values[i] / den.values[i], d.op, d.value));
    }
  } else {
    const col = getColumn(table, d.column);
    if (col.kind === 'number') {
      const threshold = Number(d.value);
      if (!Number.isFinite(threshold)) throw new Error(`"${d.column}" holds numbers; compare it with a number, not "${d.value}"`);
      for (let i = 0; i < n; i++) {
        if (col.missing[i]) missing[i] = 1;
        else values[i] = Number(compare(col.values[i], d.op, threshold));
      }
    } else {
      if (d.op !== '==' && d.op !== '!=') throw new Error(`"${d.column}" holds text; only == and != apply`);
      const target = col.dictionary.indexOf(String(d.value));
      for (let i = 0; i < n; i++) {
        if (col.codes[i] < 0) missing[i] = 1;
        else values[i] = Number((col.codes[i] === target) === (d.op === '=='));
      }
    }
  }
  let positives = 0;
  for (let i = 0; i < n; i++) if (!missing[i]) positives += values[i];
  return { values, missing, positives, present: n - missing.reduce((s, m) => s + m, 0) };
}

/** The table with every derived action appended as a 0/1 column, in order (later ones may use earlier ones). */
export function applyDerived(table: Table, derived: DerivedAction[]): Table {
  let out = table;
  for (const d of derived) {
    if (out.columns.some((c) => c.name === d.name)) throw new Error(`a column named "${d.name}" already exists`);
    const { values, missing } = evaluateDerived(out, d);
    for (let i = 0; i < values.length; i++) if (missing[i]) values[i] = NaN;
    out = { ...out, columns: [...out.columns, { kind: 'number', name: d.name, values, missing }] };
  }
  return out;
}

/** The definition written out, e.g. "play_time_ms / duration_ms ≥ 0.5". */
export function describeDerived(d: DerivedAction): string {
  const op = (o: Comparison) => ({ '>=': '≥', '<=': '≤', '!=': '≠', '==': '=', '>': '>', '<': '<' })[o];
  if (d.kind === 'combine') return d.inputs.join(d.op === 'and' ? ' AND ' : ' OR ');
  if (d.kind === 'ratio') return `${d.numerator} / ${d.denominator} ${op(d.op)} ${d.value}`;
  return `${d.column} ${op(d.op)} ${d.value}`;
}

function numeric(col: Column): NumericColumn {
  if (col.kind !== 'number') throw new Error(`"${col.name}" holds text, not numbers`);
  return col;
}

function compare(a: number, op: Comparison, b: number | string): boolean {
  const v = Number(b);
  switch (op) {
    case '>=':
      return a >= v;
    case '>':
      return a > v;
    case '<=':
      return a <= v;
    case '<':
      return a < v;
    case '==':
      return a === v;
    case '!=':
      return a !== v;
  }
}
