import type { ColumnProfile } from '../data/roles';
import { cellText, getColumn, type Column, type Table } from '../data/table';
import { presentQuantiles } from '../profile/quantiles';
import type { DerivedAction } from './derived';

/** A label the Targets cell offers to build, with why it makes sense for this column. */
export interface TargetSuggestion {
  action: DerivedAction;
  why: string;
}

const MAX_SUGGESTIONS = 8;

/**
 * Labels worth building from the columns that hold outcomes but are not 0/1: a rating (≥ 4 of 5,
 * and the top score), a two-valued text column (each value), a watch time or other duration (above
 * its median), a count (at least one). A table whose only outcome is one of these loads, and the
 * Targets cell opens on these.
 */
export function targetSuggestions(table: Table, profiles: ColumnProfile[]): TargetSuggestion[] {
  const out: TargetSuggestion[] = [];
  const taken = new Set(table.columns.map((c) => c.name));
  const add = (action: DerivedAction, why: string) => {
    if (taken.has(action.name)) return;
    taken.add(action.name);
    out.push({ action, why });
  };
  const engagement = profiles.filter((p) => p.role === 'engagement' && p.type === 'number');
  for (const p of engagement) {
    const scale = ratingScale(getColumn(table, p.name));
    if (!scale) continue;
    const like = Math.ceil(scale.max * 0.8);
    add({ kind: 'compare', name: labelName(p.name, `ge_${like}`), column: p.name, op: '>=', value: like }, `liked: a rating of ${like} or more out of ${scale.max}`);
    add({ kind: 'compare', name: labelName(p.name, `eq_${scale.max}`), column: p.name, op: '==', value: scale.max }, `loved: the top rating (${scale.max})`);
  }
  // UCI-style tables put the label last: their two-valued columns are offered from the right.
  const twoValued = profiles.filter((p) => p.type === 'text' && p.distinct === 2 && p.positiveRate === undefined && !p.overridden).reverse();
  for (const p of twoValued) {
    for (const value of textValues(getColumn(table, p.name))) add({ kind: 'compare', name: labelName(p.name, `is_${value}`), column: p.name, op: '==', value }, `"${p.name}" is "${value}" (one of its two values)`);
  }
  for (const p of engagement) {
    const col = getColumn(table, p.name);
    if (ratingScale(col) || col.kind !== 'number') continue;
    const median = presentQuantiles(col.values.slice(), col.missing, [0.5])?.[0];
    if (median === undefined) continue;
    if (/count$|^n_/i.test(p.name) || median === 0) add({ kind: 'compare', name: labelName(p.name, 'ge_1'), column: p.name, op: '>=', value: 1 }, `at least one (a count of later actions)`);
    else add({ kind: 'compare', name: labelName(p.name, 'ge_median'), column: p.name, op: '>=', value: median }, `above its median (${formatNumber(median)}): the longer half of the engagement`);
  }
  return out.slice(0, MAX_SUGGESTIONS);
}

/** Why no column can be a target as the file stands, in a sentence naming what was found. */
export function whyNoActions(table: Table, profiles: ColumnProfile[]): string {
  const constant = profiles.find((p) => p.role === 'constant' && p.distinct === 1 && /^(0|1|yes|no|true|false|-1)$/i.test(firstText(getColumn(table, p.name))));
  if (constant) return `"${constant.name}" looks like a label but is ${firstText(getColumn(table, constant.name))} in every row, so there is nothing to learn from it.`;
  const attributes = profiles.filter((p) => p.positiveRate !== undefined && p.role !== 'action');
  if (attributes.length > 0) return `The 0/1 columns here (${attributes.slice(0, 3).map((p) => `"${p.name}"`).join(', ')}${attributes.length > 3 ? '…' : ''}) read as attributes, not actions (see their reasons in the Data cell; set one's role to "action" there if it is one).`;
  return 'No column holds two values such as 0/1, yes/no or true/false.';
}

/** The scale of a rating column: whole numbers up to 5 or 10 (or halves up to 5), at least three of them used. */
function ratingScale(col: Column): { max: number } | null {
  if (col.kind !== 'number') return null;
  const seen = new Set<number>();
  for (let i = 0; i < col.values.length && seen.size <= 20; i++) if (!col.missing[i]) seen.add(col.values[i]);
  const values = [...seen];
  const max = Math.max(...values);
  if (values.length < 3 || values.length > 20 || Math.min(...values) < 0 || !values.every((v) => Number.isInteger(v * 2))) return null;
  return max === 5 || max === 10 ? { max } : null;
}

function textValues(col: Column): string[] {
  return col.kind === 'string' ? col.dictionary.filter((_, code) => col.codes.includes(code)) : [];
}

function firstText(col: Column): string {
  const n = col.kind === 'number' ? col.values.length : col.codes.length;
  for (let i = 0; i < n; i++) {
    const text = cellText(col, i);
    if (text !== '') return text.trim();
  }
  return '';
}

/** A derived action's name from a column and a suffix, within the names' alphabet (letters, digits, _ . : -). */
function labelName(column: string, suffix: string): string {
  const clean = (s: string) => s.replace(/[^\p{L}\p{N}_.:-]+/gu, '_').replace(/^_+|_+$/g, '');
  return `${clean(column.replace(/:(token|float)$/, ''))}_${clean(suffix) || 'value'}`.slice(0, 60);
}

function formatNumber(v: number): string {
  return Number.isInteger(v) ? v.toLocaleString('en-US') : v.toPrecision(4);
}
