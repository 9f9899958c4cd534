/** How the learning rate moves over a run: linear warm-up, then constant, cosine or linear decay. */
export type Decay = 'none' | 'cosine' | 'linear';

/** Decay never goes below this share of the base rate, so the last steps still learn. */
const FLOOR = 0.05;

/**
 * The learning rate for step s (1-based) of totalSteps: base × warm-up × decay. Warm-up ramps
 * linearly from base/warmupSteps to base over the first warmupSteps steps (large early steps on
 * fresh embeddings are what warm-up avoids); decay then runs over the remaining steps.
 */
export function learningRateAt(step: number, totalSteps: number, base: number, warmupSteps: number, decay: Decay): number {
  if (warmupSteps > 0 && step <= warmupSteps) return (base * step) / warmupSteps;
  if (decay === 'none') return base;
  const span = Math.max(1, totalSteps - warmupSteps);
  const progress = Math.min(1, Math.max(0, (step - warmupSteps) / span));
  const factor = decay === 'cosine' ? 0.5 * (1 + Math.cos(Math.PI * progress)) : 1 - progress;
  return base * (FLOOR + (1 - FLOOR) * factor);
}
