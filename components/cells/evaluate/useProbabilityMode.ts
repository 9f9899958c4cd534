'use client';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '@/lib/store';
import type { ProbabilityMode } from '@/lib/store/runProbabilities';

/** Which probabilities the cells show: recalibrated or raw (Sampling cell), repaired post hoc or not (Evaluate cell). */
export function useProbabilityMode(): ProbabilityMode {
  return useAppStore(useShallow((s) => ({ skipRecalibration: s.skipRecalibration, posthoc: s.posthoc })));
}
