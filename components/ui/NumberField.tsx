'use client';
import { useId, useState } from 'react';

/**
 * A labelled number input that only commits valid values: while the text is not a number in
 * range, the last valid value stays in force and the problem is shown next to the field.
 */
export function NumberField({ label, value, min, max, step, onChange }: { label: string; value: number; min: number; max: number; step: number; onChange(value: number): void }) {
  const id = useId();
  const [text, setText] = useState<string | null>(null);
  const shown = text ?? String(value);
  const parsed = Number(shown);
  const problem = shown.trim() === '' || !Number.isFinite(parsed) ? 'enter a number' : parsed < min ? `at least ${min}` : parsed > max ? `at most ${max}` : null;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        value={shown}
        min={min}
        max={max}
        step={step}
        aria-invalid={problem !== null}
        aria-describedby={problem ? `${id}-problem` : undefined}
        onChange={(e) => {
          const next = e.target.value;
          const n = Number(next);
          if (next.trim() !== '' && Number.isFinite(n) && n >= min && n <= max) {
            setText(null);
            onChange(n);
          } else setText(next);
        }}
        onBlur={() => setText(null)}
      />
      {problem && (
        <span id={`${id}-problem`} className="down" role="alert">
          {label}: {problem}
        </span>
      )}
    </div>
  );
}
