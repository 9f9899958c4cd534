/** The keep-rate slider's range: 1% of negatives at the least. */
export const MIN_KEEP_RATE = 0.01;

/** A preset of the Sampling cell: negatives kept so positives : negatives is 1 : `negativesPerPositive`. */
export interface KeepPreset {
  name: string;
  rate: number;
  /** Set when the preset cannot do what its name says on this action, in words. */
  note: string | null;
}

/**
 * The presets for an action with the given positive rate: keep all, balance 1:1 and 1:10 — each
 * keep rate clamped to the slider's range, and saying so when the clamp (or an action already at
 * least as frequent as the target ratio) means the preset does not make the ratio its name promises.
 */
export function keepPresets(positiveRate: number): KeepPreset[] {
  const ratio = positiveRate > 0 && positiveRate < 1 ? positiveRate / (1 - positiveRate) : 1;
  const preset = (name: string, negativesPerPositive: number): KeepPreset => {
    const needed = ratio * negativesPerPositive;
    const rate = Math.min(1, Math.max(MIN_KEEP_RATE, Number(needed.toPrecision(3))));
    let note: string | null = null;
    if (needed >= 1) note = `does nothing here: positives are already ${(positiveRate * 100).toFixed(1)}% of rows, at least 1:${negativesPerPositive}`;
    else if (needed < MIN_KEEP_RATE) {
      const reached = MIN_KEEP_RATE / ratio;
      const weight = Math.min(100, Math.ceil(MIN_KEEP_RATE / needed));
      note = `clamped at the ${MIN_KEEP_RATE * 100}% floor: 1:${negativesPerPositive} would need keeping ${(needed * 100).toPrecision(2)}% of negatives, so it gives about 1:${reached.toPrecision(2)}; a positive weight of ${weight} gets close`;
    }
    return { name, rate, note };
  };
  return [{ name: 'keep all', rate: 1, note: null }, preset('balance 1:1', 1), preset('1:10', 10)];
}
