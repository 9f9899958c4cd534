/**
 * A trained model as one .zip archive: `model.json` (the weights manifest in tfjs' format: names, shapes,
 * dtype, paths) with `weights.bin` (the float32 weights, in that order), `encoders.json` (the fitted
 * encoders), and `valuelab-model.json` (kind, heads, each head's calibration — rate, Platt map, funnel
 * chain —, the model shape, the history rule of a sequence model, the spec and config it was trained
 * with); LightGCN adds its graph as `graph.bin` and GBDT its trees as `trees.json`
 * (lib/export/archiveParts.ts). Opening one checks every part before anything is used.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { z } from 'zod';
import type { FittedEncoders } from '../features/encode';
import { DerivedActionSchema } from '../formulate/derived';
import { FeatureSpecSchema, type ProblemSpec } from '../formulate/spec';
import type { ModelShape } from '../models/types';
import { ModelKindSchema, type TrainConfig } from '../train/config';
import type { ScoringModel } from '../train/scoringModel';
import { graphBytes, readGraph, readTrees, treesJson } from './archiveParts';

export const MODEL_ARCHIVE_VERSION = 1;

const ManifestSchema = z.object({
  format: z.literal('value-lab-model'),
  version: z.literal(MODEL_ARCHIVE_VERSION),
  kind: ModelKindSchema,
  tasks: z.array(z.string().min(1)).min(1),
  calibrationRates: z.array(z.number().positive().max(100)),
  features: z.array(FeatureSpecSchema).min(1),
  shape: z.object({ tasks: z.array(z.string()), denseDim: z.number().int().min(0), idDim: z.number().int().min(0), vocabularySize: z.number().int().min(0) }).passthrough(),
  chain: z.array(z.array(z.number())).nullable().optional(),
  platt: z.array(z.object({ a: z.number(), b: z.number() }).nullable()).optional(),
  history: z.object({ userColumn: z.string(), timeColumn: z.string(), length: z.number().int().min(1), action: z.string().nullable() }).nullable().optional(),
  /** LightGCN: edges in graph.bin. */
  graphEdges: z.number().int().min(0).optional(),
  trainedOn: z.string(),
  spec: z.unknown(),
  config: z.unknown(),
});

const WeightsManifestSchema = z.object({
  weightsManifest: z.array(z.object({ paths: z.array(z.literal('weights.bin')).length(1), weights: z.array(z.object({ name: z.string(), shape: z.array(z.number().int().min(0)), dtype: z.literal('float32') })) })).length(1),
});

const EncodersSchema = z.object({ numeric: z.array(z.unknown()), sparse: z.array(z.unknown()), bags: z.array(z.unknown()), vocabularySize: z.number().int().min(0), crosses: z.array(z.unknown()), crossVocabularySize: z.number().int().min(0) }).passthrough();

export interface OpenedModel extends ScoringModel {
  trainedOn: string;
  spec: ProblemSpec;
  config: TrainConfig;
}

export function modelArchive(m: ScoringModel, trainedOn: string, spec: ProblemSpec, config: TrainConfig): Uint8Array {
  const graph = m.shape.graph;
  const shape = { ...m.shape, graph: null };
  const manifest = { format: 'value-lab-model', version: MODEL_ARCHIVE_VERSION, kind: m.kind, tasks: m.tasks, calibrationRates: m.calibrationRates, features: m.features, shape, chain: m.chain ?? null, platt: m.platt, history: m.history ?? null, graphEdges: graph ? graph.src.length : undefined, trainedOn, spec, config };
  const weightsManifest = { weightsManifest: [{ paths: ['weights.bin'], weights: m.weightShapes.map((shape, i) => ({ name: `variable_${i}`, shape, dtype: 'float32' })) }] };
  const total = m.weights.reduce((n, w) => n + w.length, 0);
  const bin = new Float32Array(total);
  let at = 0;
  for (const w of m.weights) {
    bin.set(w, at);
    at += w.length;
  }
  return zipSync({
    'valuelab-model.json': strToU8(JSON.stringify(manifest, null, 1)),
    'model.json': strToU8(JSON.stringify(weightsManifest, null, 1)),
    'weights.bin': new Uint8Array(bin.buffer),
    'encoders.json': strToU8(JSON.stringify(m.encoders)),
    ...(graph ? { 'graph.bin': graphBytes(graph) } : {}),
    ...(m.trees ? { 'trees.json': strToU8(treesJson(m.trees)) } : {}),
  });
}

function part(files: Record<string, Uint8Array>, name: string): Uint8Array {
  const found = files[name];
  if (!found) throw new Error(`the archive has no ${name}`);
  return found;
}

function json(files: Record<string, Uint8Array>, name: string): unknown {
  try {
    return JSON.parse(strFromU8(part(files, name)));
  } catch (err) {
    throw new Error(err instanceof SyntaxError ? `${name} is not valid JSON` : (err as Error).message);
  }
}

/** Read an archive made by modelArchive; anything missing or inconsistent is refused with the reason. */
export function openModelArchive(bytes: Uint8Array): OpenedModel {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch {
    throw new Error('this is not a model archive (not a readable .zip); choose a .valuelab-model.zip downloaded from Value Lab');
  }
  const manifest = ManifestSchema.safeParse(json(files, 'valuelab-model.json'));
  if (!manifest.success) throw new Error(`valuelab-model.json is not a Value Lab model of version ${MODEL_ARCHIVE_VERSION}: ${manifest.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const weightsManifest = WeightsManifestSchema.safeParse(json(files, 'model.json'));
  if (!weightsManifest.success) throw new Error('model.json is not a weights manifest of one float32 weights.bin');
  const encoders = EncodersSchema.safeParse(json(files, 'encoders.json'));
  if (!encoders.success) throw new Error('encoders.json does not hold fitted encoders');
  const m = manifest.data;
  if (m.calibrationRates.length !== m.tasks.length) throw new Error('valuelab-model.json has a calibration rate count different from its heads');
  if (m.platt && m.platt.length !== m.tasks.length) throw new Error('valuelab-model.json has a Platt map count different from its heads');
  if (m.chain && (m.chain.length !== m.tasks.length || m.chain.some((r) => r.length !== m.tasks.length))) throw new Error('valuelab-model.json has a funnel chain that is not heads × heads');
  const graph = m.graphEdges !== undefined ? readGraph(part(files, 'graph.bin'), m.graphEdges) : null;
  if (m.kind === 'lightgcn' && !graph) throw new Error('a LightGCN archive needs graph.bin and its edge count');
  const trees = m.kind === 'gbdt' ? readTrees(strFromU8(part(files, 'trees.json')), m.tasks.length) : null;
  const bin = part(files, 'weights.bin');
  const entries = weightsManifest.data.weightsManifest[0].weights;
  const sizes = entries.map((e) => e.shape.reduce((a, b) => a * b, 1));
  const total = sizes.reduce((a, b) => a + b, 0);
  if (bin.byteLength !== total * 4) throw new Error(`weights.bin holds ${bin.byteLength} bytes; model.json describes ${total * 4}`);
  const all = new Float32Array(bin.slice().buffer);
  const weights: Float32Array[] = [];
  let at = 0;
  for (const size of sizes) {
    weights.push(all.slice(at, at + size));
    at += size;
  }
  return {
    kind: m.kind,
    tasks: m.tasks,
    calibrationRates: m.calibrationRates,
    features: m.features,
    shape: { ...(m.shape as unknown as ModelShape), graph },
    encoders: encoders.data as unknown as FittedEncoders,
    weights,
    weightShapes: entries.map((e) => e.shape),
    chain: m.chain ?? null,
    platt: m.platt,
    history: m.history ?? null,
    trees,
    trainedOn: m.trainedOn,
    spec: m.spec as ProblemSpec,
    derived: z.array(DerivedActionSchema).safeParse((m.spec as { derived?: unknown } | null)?.derived).data ?? [],
    config: m.config as TrainConfig,
  };
}
