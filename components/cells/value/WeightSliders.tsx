'use client';
import { useAppStore } from '@/lib/store';
import { SLIDER_HALF_RANGE, sliderToWeight, weightToSlider } from '@/lib/value/weightScale';

/**
 * One slider plus exact entry per action. The slider is cubic (lib/value/weightScale.ts): ±1000 at
 * the ends, steps of 0.001 near zero; arrow keys move it, the number field takes any exact value.
 */
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
            <input
              id={id}
              type="range"
              min={-SLIDER_HALF_RANGE}
              max={SLIDER_HALF_RANGE}
              step={0.1}
              value={weightToSlider(w)}
              aria-valuetext={String(w)}
              onChange={(e) => setWeight(t, sliderToWeight(Number(e.target.value)))}
            />
            <input
              type="number"
              aria-label={`exact weight of p(${t})`}
              value={w}
              step="any"
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
