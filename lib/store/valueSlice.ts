import type { StateCreator } from 'zustand';
import type { Posthoc } from '../metrics/posthoc';
import type { SlateGrouping } from '../value/slateKeys';
import type { AppState } from './index';

/** The frontier: which weight to sweep over which range, and which two actions' top-K rates to plot. */
export interface FrontierSettings {
  swept: string | null;
  from: number;
  to: number;
  steps: number;
  x: string | null;
  y: string | null;
}

export interface ValueSlice {
  /** Weight per action in the value formula, keyed by action column. */
  weights: Record<string, number>;
  /** Slate depth for the outcome table. */
  topK: number;
  /** The slate shown as a sample; null picks the largest. */
  selectedUser: number | string | null;
  /**
   * Use the raw, sampled-space outputs instead of recalibrated probabilities — to show what breaks
   * (calibration ratio, reliability, value weights silently scaled by 1/w). Off by default.
   */
  skipRecalibration: boolean;
  /** A post-hoc calibration map fitted on validation rows, applied wherever the run's probabilities are shown or exported. */
  posthoc: Posthoc;
  /** Actions whose probability is normalised by each user's base rate (lib/value/userNormalize.ts). */
  normalised: Record<string, boolean>;
  slateGrouping: SlateGrouping;
  frontier: FrontierSettings;
  setSkipRecalibration(skip: boolean): void;
  setPosthoc(posthoc: Posthoc): void;
  setWeight(action: string, weight: number): void;
  /** Replace several weights at once (a preset, a frontier point). */
  setWeights(weights: Record<string, number>): void;
  resetWeights(actions: string[]): void;
  setTopK(k: number): void;
  selectUser(key: number | string | null): void;
  setNormalised(action: string, on: boolean): void;
  setSlateGrouping(grouping: SlateGrouping): void;
  setFrontier(patch: Partial<FrontierSettings>): void;
}

export const createValueSlice: StateCreator<AppState, [], [], ValueSlice> = (set, get) => ({
  weights: {},
  topK: 10,
  selectedUser: null,
  skipRecalibration: false,
  posthoc: 'none',
  normalised: {},
  slateGrouping: 'user',
  frontier: { swept: null, from: 0, to: -200, steps: 21, x: null, y: null },
  setSkipRecalibration: (skip) => set({ skipRecalibration: skip }),
  setPosthoc: (posthoc) => set({ posthoc }),
  setWeight: (action, weight) => set({ weights: { ...get().weights, [action]: weight } }),
  setWeights: (weights) => set({ weights: { ...get().weights, ...weights } }),
  // Keep weights the person already set for actions that are still targets.
  resetWeights: (actions) => set({ weights: Object.fromEntries(actions.map((a) => [a, get().weights[a] ?? 1])) }),
  setTopK: (k) => set({ topK: k }),
  selectUser: (key) => set({ selectedUser: key }),
  setNormalised: (action, on) => set({ normalised: { ...get().normalised, [action]: on } }),
  setSlateGrouping: (grouping) => set({ slateGrouping: grouping, selectedUser: null }),
  setFrontier: (patch) => set({ frontier: { ...get().frontier, ...patch } }),
});
