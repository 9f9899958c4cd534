/**
 * The trade-off one weight controls: sweep it (e.g. the report weight from 0 to −200), re-rank all
 * slates at each value, and read two actions' top-K rates (clicks against reports). Each point is a
 * full re-rank from the cached predictions.
 */
import { valueScores } from './value';
import { topKPerSlate, type SlateIndex } from './rerank';

export interface FrontierPoint {
  weight: number;
  /** Per action, observed rate in the top K at this weight. */
  topKRate: number[];
  /** No other point is at least as good on both axes and better on one. */
  efficient: boolean;
}

/** `steps` evenly spaced values from `from` to `to`, both included. */
export function sweepValues(from: number, to: number, steps: number): number[] {
  const n = Math.max(2, Math.round(steps));
  return Array.from({ length: n }, (_, i) => Number((from + ((to - from) * i) / (n - 1)).toPrecision(6)));
}

/** Higher or lower is better on an axis: an action with a negative weight is one to avoid. */
export type Direction = 1 | -1;

export function frontierSweep(
  index: SlateIndex,
  probabilities: Float32Array[],
  labels: Uint8Array[],
  weights: number[],
  swept: number,
  values: number[],
  k: number,
  axes: { x: number; y: number; xDirection: Direction; yDirection: Direction },
): FrontierPoint[] {
  const points = values.map((weight) => {
    const w = weights.slice();
    w[swept] = weight;
    const lists = topKPerSlate(index, valueScores(probabilities, w), k);
    const rates = labels.map((y) => {
      let sum = 0;
      for (let j = 0; j < lists.top.length; j++) sum += y[lists.top[j]];
      return lists.top.length ? sum / lists.top.length : 0;
    });
    return { weight, topKRate: rates, efficient: true };
  });
  const score = (p: FrontierPoint) => [p.topKRate[axes.x] * axes.xDirection, p.topKRate[axes.y] * axes.yDirection];
  for (const p of points) {
    const [px, py] = score(p);
    p.efficient = !points.some((o) => {
      const [ox, oy] = score(o);
      return ox >= px && oy >= py && (ox > px || oy > py);
    });
  }
  return points;
}
