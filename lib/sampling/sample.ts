import type { SamplingSpec } from '../formulate/spec';
import { uniform } from './random';

/** Independent random streams, so changing one keep rate never moves the split (stream 1 is the split's). */
const STREAM_ROW_FRACTION = 0;
const STREAM_TASK_BASE = 100;

export interface SampledRows {
  /** Training rows kept for at least one task, ascending. */
  train: Int32Array;
  /** Per task, aligned with `train`: 1 where that task's head sees the row (positives always, negatives with its keep rate). */
  taskMasks: Uint8Array[];
  /** Held-out rows, never negative-sampled: metrics and slates need the natural distribution. */
  validation: Int32Array;
}

/**
 * Per-task negative downsampling of the training side of a split (see split.ts).
 * `labels[t][row]` is 1 for a positive of task t; `isValidation[row]` is 1 for held-out rows.
 * Same spec and seed → same rows.
 */
export function sampleRows(labels: Uint8Array[], keepRates: number[], sampling: SamplingSpec, isValidation: Uint8Array): SampledRows {
  const rowCount = isValidation.length;
  const train: number[] = [];
  const validation: number[] = [];
  const masks: number[][] = labels.map(() => []);
  for (let row = 0; row < rowCount; row++) {
    if (sampling.rowFraction < 1 && uniform(sampling.seed, row, STREAM_ROW_FRACTION) >= sampling.rowFraction) continue;
    if (isValidation[row]) {
      validation.push(row);
      continue;
    }
    let any = false;
    const keep = labels.map((y, t) => {
      const k = y[row] === 1 || uniform(sampling.seed, row, STREAM_TASK_BASE + t) < keepRates[t];
      any ||= k;
      return k;
    });
    if (!any) continue;
    train.push(row);
    keep.forEach((k, t) => masks[t].push(k ? 1 : 0));
  }
  return { train: Int32Array.from(train), taskMasks: masks.map((m) => Uint8Array.from(m)), validation: Int32Array.from(validation) };
}

/** Share of positives a head sees after keeping negatives with rate w: P / (P + w·N). */
export function positiveShareAfterSampling(positiveRate: number, keepRate: number): number {
  const kept = positiveRate + keepRate * (1 - positiveRate);
  return kept > 0 ? positiveRate / kept : 0;
}
