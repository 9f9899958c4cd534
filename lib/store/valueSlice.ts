import type { StateCreator } from 'zustand';
import type { AppState } from './index';

export interface ValueSlice {
  /** Weight per action in the value formula, keyed by action column. */
  weights: Record<string, number>;
  /** Slate depth for the outcome table. */
  topK: number;
  /** The user whose slate is shown; null picks the user with the most validation impressions. */
  selectedUser: number | null;
  /**
   * Use the raw, sampled-space outputs instead of recalibrated probabilities — to show what breaks
   * (calibration ratio, reliability, value weights silently scaled by 1/w). Off by default.
   */
  skipRecalibration: boolean;
  setSkipRecalibration(skip: boolean): void;
  setWeight(action: string, weight: number): void;
  resetWeights(actions: string[]): void;
  setTopK(k: number): void;
  selectUser(key: number | null): void;
}

export const createValueSlice: StateCreator<AppState, [], [], ValueSlice> = (set, get) => ({
  weights: {},
  topK: 10,
  selectedUser: null,
  skipRecalibration: false,
  setSkipRecalibration: (skip) => set({ skipRecalibration: skip }),
  setWeight: (action, weight) => set({ weights: { ...get().weights, [action]: weight } }),
  // Keep weights the person already set for actions that are still targets.
  resetWeights: (actions) => set({ weights: Object.fromEntries(actions.map((a) => [a, get().weights[a] ?? 1])) }),
  setTopK: (k) => set({ topK: k }),
  selectUser: (key) => set({ selectedUser: key }),
});
