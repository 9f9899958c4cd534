import type { GraphEdges } from '../models/types';

/**
 * The user–item graph of LightGCN over rows of the shared embedding table: one undirected edge per
 * distinct (user, item) pair among the given positive training rows, listed in both directions,
 * weighted 1/√(deg(user)·deg(item)). Built from training rows only, so propagation never carries a
 * validation interaction.
 */
export function buildGraph(userIds: ArrayLike<number>, itemIds: ArrayLike<number>, positive: ArrayLike<number>): GraphEdges {
  const pairs = new Set<string>();
  const users: number[] = [];
  const items: number[] = [];
  for (let i = 0; i < userIds.length; i++) {
    if (!positive[i]) continue;
    const key = `${userIds[i]}:${itemIds[i]}`;
    if (pairs.has(key)) continue;
    pairs.add(key);
    users.push(userIds[i]);
    items.push(itemIds[i]);
  }
  const degree = new Map<number, number>();
  for (const node of [...users, ...items]) degree.set(node, (degree.get(node) ?? 0) + 1);
  const E = users.length;
  const src = new Int32Array(2 * E);
  const dst = new Int32Array(2 * E);
  const weight = new Float32Array(2 * E);
  for (let e = 0; e < E; e++) {
    const w = 1 / Math.sqrt(degree.get(users[e])! * degree.get(items[e])!);
    src[e] = users[e];
    dst[e] = items[e];
    src[E + e] = items[e];
    dst[E + e] = users[e];
    weight[e] = w;
    weight[E + e] = w;
  }
  return { src, dst, weight };
}
