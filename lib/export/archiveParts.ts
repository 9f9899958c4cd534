/**
 * The parts of a model archive that are not plain JSON: LightGCN's graph (typed arrays, as binary) and
 * GBDT's trees (typed bin edges and category sets, as JSON lists). Each reader checks what it reads.
 */
import { z } from 'zod';
import type { GraphEdges } from '../models/types';
import { MAX_CATEGORY_BINS } from '../models/trees/binning';
import type { TreeModel } from '../train/scoringModel';

/** graph.bin: src (int32 × E), dst (int32 × E), weight (float32 × E). */
export function graphBytes(g: GraphEdges): Uint8Array {
  const E = g.src.length;
  const out = new Uint8Array(12 * E);
  out.set(new Uint8Array(g.src.buffer, g.src.byteOffset, 4 * E), 0);
  out.set(new Uint8Array(g.dst.buffer, g.dst.byteOffset, 4 * E), 4 * E);
  out.set(new Uint8Array(g.weight.buffer, g.weight.byteOffset, 4 * E), 8 * E);
  return out;
}

export function readGraph(bytes: Uint8Array, edges: number): GraphEdges {
  if (bytes.byteLength !== 12 * edges) throw new Error(`graph.bin holds ${bytes.byteLength} bytes; ${edges} edges need ${12 * edges}`);
  const copy = bytes.slice().buffer;
  return { src: new Int32Array(copy, 0, edges), dst: new Int32Array(copy, 4 * edges, edges), weight: new Float32Array(copy, 8 * edges, edges) };
}

const NodeSchema = z.object({ feature: z.number().int().min(-1), threshold: z.number(), leftSet: z.array(z.number().int().min(0).max(MAX_CATEGORY_BINS - 1)).nullable(), left: z.number().int(), right: z.number().int(), value: z.number().nullable() });
const TreesSchema = z.object({
  features: z.array(z.object({ name: z.string(), kind: z.enum(['numeric', 'categorical']), edges: z.array(z.number()), bins: z.number().int().min(1).max(MAX_CATEGORY_BINS) })),
  boosters: z.array(z.object({ base: z.number(), trees: z.array(z.array(NodeSchema).min(1)) })),
});

/** trees.json: edges as lists, a categorical split's left set as the list of its bins, NaN values (inner nodes) as null. */
export function treesJson(t: TreeModel): string {
  return JSON.stringify({
    features: t.features.map((f) => ({ ...f, edges: Array.from(f.edges) })),
    boosters: t.boosters.map((b) => ({
      base: b.base,
      trees: b.trees.map((nodes) => nodes.map((n) => ({ ...n, value: Number.isNaN(n.value) ? null : n.value, leftSet: n.leftSet ? Array.from(n.leftSet.keys()).filter((k) => n.leftSet![k] === 1) : null }))),
    })),
  });
}

export function readTrees(text: string, heads: number): TreeModel {
  let parsed: z.infer<typeof TreesSchema>;
  try {
    parsed = TreesSchema.parse(JSON.parse(text));
  } catch (err) {
    throw new Error(`trees.json does not hold GBDT trees (${err instanceof SyntaxError ? 'not valid JSON' : 'wrong shape'})`);
  }
  if (parsed.boosters.length !== heads) throw new Error(`trees.json has ${parsed.boosters.length} boosters for ${heads} heads`);
  const F = parsed.features.length;
  for (const b of parsed.boosters) {
    for (const nodes of b.trees) {
      // Every node's children and feature must exist, or scoring would loop or read past the bins.
      nodes.forEach((n, i) => {
        const leaf = n.left < 0;
        if (!leaf && (n.feature >= F || n.left <= i || n.right <= i || n.left >= nodes.length || n.right >= nodes.length)) throw new Error('trees.json has a tree whose splits point outside it');
        if (leaf && n.value === null) throw new Error('trees.json has a leaf without a value');
        if (!leaf && n.leftSet && n.leftSet.some((k) => k >= parsed.features[n.feature].bins)) throw new Error('trees.json has a split on a category its feature does not have');
      });
    }
  }
  return {
    features: parsed.features.map((f) => ({ ...f, edges: Float64Array.from(f.edges) })),
    boosters: parsed.boosters.map((b) => ({
      base: b.base,
      trees: b.trees.map((nodes) =>
        nodes.map((n) => {
          let leftSet: Uint8Array | null = null;
          if (n.leftSet) {
            // One flag per bin of the split's feature (a categorical feature has up to 65,536 bins).
            leftSet = new Uint8Array(parsed.features[n.feature].bins);
            for (const k of n.leftSet) leftSet[k] = 1;
          }
          return { ...n, value: n.value ?? NaN, leftSet };
        }),
      ),
    })),
  };
}
