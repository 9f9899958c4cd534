'use client';
import { useState } from 'react';
import type { ColumnProfile } from '@/lib/data/roles';
import { getColumn, type Table } from '@/lib/data/table';
import { presentQuantiles } from '@/lib/profile/quantiles';
import { evaluateDerived, COMPARISONS, type Comparison, type DerivedAction } from '@/lib/formulate/derived';
import { useAppStore } from '@/lib/store';
import { SelectField } from '../../ui/SelectField';
import { ThresholdInput } from './ThresholdInput';

type Kind = DerivedAction['kind'];

/** Build a new action from other columns; the count of positives updates live as the threshold moves. */
export function DerivedActionForm() {
  const table = useAppStore((s) => s.table);
  const profiles = useAppStore((s) => s.profiles);
  const addDerived = useAppStore((s) => s.addDerived);
  const [kind, setKind] = useState<Kind>('compare');
  const [column, setColumn] = useState('');
  const [denominator, setDenominator] = useState('');
  const [op, setOp] = useState<Comparison>('>=');
  // null: the chosen column's own middle value (its median, or its first text value) until one is typed.
  const [typedValue, setValue] = useState<string | null>(null);
  const [inputs, setInputs] = useState<string[]>([]);
  const [combineOp, setCombineOp] = useState<'and' | 'or'>('and');
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const numeric = table?.columns.filter((c) => c.kind === 'number').map((c) => c.name) ?? [];
  const allColumns = table?.columns.map((c) => c.name) ?? [];
  const actions = profiles.filter((p) => p.role === 'action').map((p) => p.name);
  // A column chosen for an earlier table may not be in this one: fall back rather than read a missing column.
  const chosenColumn = allColumns.includes(column) ? column : defaultColumn(profiles, allColumns);
  const chosenDenominator = numeric.includes(denominator) ? denominator : numeric[0] || '';
  const isText = table?.columns.find((c) => c.name === chosenColumn)?.kind === 'string';
  const value = typedValue ?? (table && chosenColumn ? middleValue(table, chosenColumn) : '');

  const draft = buildDraft({ kind, name, inputs, combineOp, isText, value, column: chosenColumn, denominator: chosenDenominator, op });
  // Recomputed on every change (one pass over the rows), so counts follow the slider live.
  const preview = table && draft ? previewOf(table, draft) : null;

  if (!table) return null;
  const submit = () => {
    if (!draft) return setError(kind === 'combine' ? 'choose at least two actions to combine' : 'enter a number to compare with');
    const problem = addDerived({ ...draft, name: name.trim() });
    setError(problem);
    if (!problem) setName('');
  };

  return (
    <fieldset className="derived" data-testid="derived-form">
      <legend>New action from other columns</legend>
      <div className="row">
        <SelectField<Kind>
          label="Kind"
          value={kind}
          onChange={setKind}
          options={[
            { value: 'compare', label: 'column compared with a value' },
            { value: 'ratio', label: 'ratio of two columns' },
            { value: 'combine', label: 'AND / OR of actions' },
          ]}
        />
        {kind !== 'combine' && (
          <>
            <SelectField
              label={kind === 'ratio' ? 'Numerator' : 'Column'}
              value={chosenColumn}
              onChange={(c) => {
                setColumn(c);
                setValue(null);
              }}
              options={kind === 'ratio' ? numeric : allColumns}
            />
            {kind === 'ratio' && <SelectField label="Denominator" value={chosenDenominator} onChange={setDenominator} options={numeric} />}
            <SelectField<Comparison> label="Comparison" value={op} onChange={setOp} options={COMPARISONS.filter((o) => !isText || kind !== 'compare' || o === '==' || o === '!=')} />
            <ThresholdInput table={table} column={kind === 'compare' ? chosenColumn : null} value={value} onChange={setValue} />
          </>
        )}
        {kind === 'combine' && (
          <>
            <SelectField<'and' | 'or'>
              label="Operator"
              value={combineOp}
              onChange={setCombineOp}
              options={[
                { value: 'and', label: 'AND (all of)' },
                { value: 'or', label: 'OR (any of)' },
              ]}
            />
            <fieldset className="row" style={{ border: 'none' }}>
              <legend className="muted">Actions</legend>
              {actions.map((a) => (
                <label key={a} className="row" style={{ gap: 4 }}>
                  <input type="checkbox" checked={inputs.includes(a)} onChange={(e) => setInputs(e.target.checked ? [...inputs, a] : inputs.filter((x) => x !== a))} />
                  {a}
                </label>
              ))}
            </fieldset>
          </>
        )}
        <div className="field">
          <label htmlFor="derived-name">Name</label>
          <input id="derived-name" value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. hate" />
        </div>
        <button onClick={submit}>Add action</button>
      </div>
      {preview && (
        <p className={preview.ok ? 'muted' : 'down'} data-testid="derived-preview" aria-live="polite">
          {preview.text}
        </p>
      )}
      {error && (
        <p className="down" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}

/** The column the form opens on: an outcome (rating, watch time) if there is one, else a plain number, never an id. */
function defaultColumn(profiles: ColumnProfile[], names: string[]): string {
  const pick = profiles.find((p) => p.role === 'engagement') ?? profiles.find((p) => p.type === 'number' && (p.role === 'numeric' || p.role === 'categorical')) ?? profiles.find((p) => p.role === 'categorical');
  return pick?.name ?? names[0] ?? '';
}

/** A threshold that splits the column: its median (numbers), or its first value (text). */
function middleValue(table: Table, column: string): string {
  const col = getColumn(table, column);
  if (col.kind === 'string') return col.dictionary[0] ?? '';
  const median = presentQuantiles(col.values.slice(), col.missing, [0.5])?.[0];
  return median === undefined ? '0' : String(Number.isInteger(median) ? median : Number(median.toPrecision(3)));
}

function buildDraft(f: { kind: Kind; name: string; inputs: string[]; combineOp: 'and' | 'or'; isText: boolean; value: string; column: string; denominator: string; op: Comparison }): DerivedAction | null {
  const name = f.name.trim() || 'new_action';
  if (f.kind === 'combine') return f.inputs.length >= 2 ? { kind: 'combine', name, op: f.combineOp, inputs: f.inputs } : null;
  const number = Number(f.value);
  if (f.kind === 'compare' && f.isText) return { kind: 'compare', name, column: f.column, op: f.op, value: f.value };
  if (f.value.trim() === '' || !Number.isFinite(number)) return null;
  if (f.kind === 'ratio') return { kind: 'ratio', name, numerator: f.column, denominator: f.denominator, op: f.op, value: number };
  return { kind: 'compare', name, column: f.column, op: f.op, value: number };
}

function previewOf(table: Table, draft: DerivedAction): { text: string; ok: boolean } {
  try {
    const r = evaluateDerived(table, draft);
    const missing = table.rowCount - r.present;
    const share = ((r.positives / Math.max(1, r.present)) * 100).toFixed(2);
    return { text: `${r.positives.toLocaleString()} positives of ${r.present.toLocaleString()} rows (${share}%)${missing ? `, ${missing.toLocaleString()} missing` : ''}`, ok: true };
  } catch (err) {
    return { text: err instanceof Error ? err.message : String(err), ok: false };
  }
}
