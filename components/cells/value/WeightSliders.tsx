'use client';
import { useAppStore } from '@/lib/store';

const RANGE = 100;

/** One slider plus exact entry per action; negative weights penalise an action. */
export function WeightSliders({ tasks }: { tasks: string[] }) {
  const weights = useAppStore((s) => s.weights);
  const setWeight = useAppStore((s) => s.setWeight);
  return (
    <div className="weights">
      {tasks.map((t) => {
        const w = weights[t] ?? 0;
        const id = `weight-${t}`;
        return (
          <div className="weight" key={t} data-testid={`weight-${t}`}>
            <label htmlFor={id}>
              weight of p({t}): <strong>{w}</strong>
            </label>
            <input id={id} type="range" min={-RANGE} max={RANGE} step={0.5} value={Math.max(-RANGE, Math.min(RANGE, w))} onChange={(e) => setWeight(t, Number(e.target.value))} />
            <input
              type="number"
              aria-label={`exact weight of p(${t})`}
              value={w}
              step={0.5}
              onChange={(e) => {
                const v = Number(e.target.value);
                if (e.target.value.trim() !== '' && Number.isFinite(v)) setWeight(t, v);
              }}
            />
          </div>
        );
      })}
    </div>
  );
}
