/**
 * A notebook's settings without its data: roles, derived actions, the problem spec, the model
 * config and the value formula. One versioned schema for the share link (carried in the URL's
 * fragment, which browsers never send to a server) and, later, for notebook files.
 */
import { z } from 'zod';
import { derivedInputs } from '../formulate/leaks';
import { ProblemSpecSchema } from '../formulate/spec';
import { COLUMN_ROLES } from '../data/roles';
import { POSTHOC_KINDS, type Posthoc } from '../metrics/posthoc';
import { TrainConfigSchema } from '../train/config';

export const SETTINGS_VERSION = 1;

export const ValueSettingsSchema = z.object({
  weights: z.record(z.string(), z.number().finite()),
  topK: z.number().int().min(1).max(100),
  normalised: z.record(z.string(), z.boolean()),
  slateGrouping: z.enum(['user', 'user-day', 'user-hour']),
  /** Which probabilities every cell shows and exports (absent in older settings: recalibrated, no post-hoc repair). */
  skipRecalibration: z.boolean().optional(),
  posthoc: z.enum(POSTHOC_KINDS as [Posthoc, ...Posthoc[]]).optional(),
});

export const NotebookSettingsSchema = z.object({
  format: z.literal('value-lab-settings'),
  version: z.literal(SETTINGS_VERSION),
  roleOverrides: z.record(z.string(), z.enum(COLUMN_ROLES)),
  spec: ProblemSpecSchema,
  config: TrainConfigSchema,
  value: ValueSettingsSchema,
});
export type NotebookSettings = z.infer<typeof NotebookSettingsSchema>;

/** The fragment key of a share link: `#settings=<base64url of deflated JSON>`. */
export const SHARE_KEY = 'settings';

export async function encodeSettings(settings: NotebookSettings): Promise<string> {
  const bytes = await pipe(new TextEncoder().encode(JSON.stringify(settings)), new CompressionStream('deflate-raw'));
  let binary = '';
  bytes.forEach((b) => (binary += String.fromCharCode(b)));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Decode and validate; throws an Error whose message says what is wrong with the link. */
export async function decodeSettings(encoded: string): Promise<NotebookSettings> {
  let json: unknown;
  try {
    const binary = atob(encoded.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = await pipe(Uint8Array.from(binary, (c) => c.charCodeAt(0)), new DecompressionStream('deflate-raw'));
    json = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw new Error('the link is damaged (it could not be decoded); copy the whole link again');
  }
  const version = (json as { version?: unknown } | null)?.version;
  if (typeof version === 'number' && version > SETTINGS_VERSION) throw new Error(`the link was made by a newer Value Lab (settings version ${version}); update this copy`);
  const parsed = NotebookSettingsSchema.safeParse(json);
  if (!parsed.success) throw new Error(`the link's settings are invalid: ${parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || 'settings'}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

/** Every column the settings name: roles, derived actions' inputs (unless left out), targets, features, keys and the split. */
function namedColumns(settings: NotebookSettings, withDerivedInputs = true): string[] {
  const { spec } = settings;
  return [
    ...Object.keys(settings.roleOverrides),
    ...(withDerivedInputs ? spec.derived.flatMap(derivedInputs) : []),
    ...spec.targets,
    ...spec.features.map((f) => f.column),
    ...[spec.userColumn, spec.itemColumn, spec.timeColumn, spec.sampling.split.kind === 'random' ? null : spec.sampling.split.column].filter((c): c is string => Boolean(c)),
  ];
}

/** Columns the settings name that the table lacks (derived actions are made from the table, so their names do not count). */
export function missingColumns(settings: NotebookSettings, columns: string[]): string[] {
  const present = new Set([...columns, ...settings.spec.derived.map((d) => d.name)]);
  return [...new Set(namedColumns(settings).filter((c) => !present.has(c)))];
}

/**
 * The part of the settings a table can take: derived actions whose inputs it has (in order, so one
 * built on another that cannot be built goes too), and roles, targets, features, keys and a split
 * that name its columns. What was left out is listed in words, each with the column it needs. Null
 * when the table has fewer than half the columns named: it is another dataset, and nothing applies.
 */
export function fitSettings(settings: NotebookSettings, columns: string[]): { settings: NotebookSettings; skipped: string[] } | null {
  const named = [...new Set(namedColumns(settings))];
  const have = new Set(columns);
  const built = new Set<string>();
  const skipped: string[] = [];
  const derived = settings.spec.derived.filter((d) => {
    const lacking = derivedInputs(d).filter((c) => !have.has(c) && !built.has(c));
    if (lacking.length > 0) skipped.push(`the derived action "${d.name}" (needs ${lacking.map((c) => `"${c}"`).join(', ')})`);
    else built.add(d.name);
    return lacking.length === 0;
  });
  const ok = (c: string | null | undefined) => !c || have.has(c) || built.has(c);
  if (named.filter((c) => have.has(c)).length < named.length / 2) return null;
  const { spec } = settings;
  // A derived action left out was listed with the column it needs; its name and inputs are not listed again.
  const missing = [...new Set(namedColumns(settings, false).filter((c) => !ok(c) && !spec.derived.some((d) => d.name === c)))];
  for (const c of missing) skipped.push(`"${c}" (not in this table)`);
  const targets = spec.targets.filter(ok);
  const split = spec.sampling.split.kind !== 'random' && !ok(spec.sampling.split.column) ? { kind: 'random' as const } : spec.sampling.split;
  return {
    skipped,
    settings: {
      ...settings,
      roleOverrides: Object.fromEntries(Object.entries(settings.roleOverrides).filter(([c]) => ok(c))),
      spec: {
        ...spec,
        derived,
        targets,
        features: spec.features.filter((f) => ok(f.column)),
        userColumn: ok(spec.userColumn) ? spec.userColumn : null,
        itemColumn: ok(spec.itemColumn) ? (spec.itemColumn ?? null) : null,
        timeColumn: ok(spec.timeColumn) ? (spec.timeColumn ?? null) : null,
        formulation: spec.formulation.kind === 'funnel' ? { ...spec.formulation, chain: spec.formulation.chain.filter(ok) } : spec.formulation.kind === 'ranking' && !ok(spec.formulation.action) ? { kind: 'pointwise' } : spec.formulation,
        sampling: { ...spec.sampling, split },
      },
    },
  };
}

async function pipe(bytes: Uint8Array, transform: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(transform);
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
