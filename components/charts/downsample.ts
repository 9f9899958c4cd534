/**
 * Keep at most `max` points by averaging consecutive buckets: a chart a few hundred pixels wide
 * cannot show more, and recharts slows down at thousands of points (DESIGN §3).
 */
export function downsample<T extends Record<string, number>>(points: T[], max: number, keys: (keyof T)[]): T[] {
  if (points.length <= max) return points;
  const size = points.length / max;
  const out: T[] = [];
  for (let b = 0; b < max; b++) {
    const from = Math.floor(b * size);
    const to = Math.max(from + 1, Math.floor((b + 1) * size));
    const bucket = points.slice(from, to);
    const merged = { ...bucket[bucket.length - 1] };
    for (const k of keys) merged[k] = (bucket.reduce((s, p) => s + p[k], 0) / bucket.length) as T[keyof T];
    out.push(merged);
  }
  return out;
}
