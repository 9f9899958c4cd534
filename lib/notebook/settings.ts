/**
 * A notebook's settings without its data: roles, derived actions, the problem spec, the model
 * config and the value formula. One versioned schema for the share link (carried in the URL's
 * fragment, which browsers never send to a server) and, later, for notebook files.
 */
import { z } from 'zod';
import { ProblemSpecSchema } from '../formulate/spec';
import { COLUMN_ROLES } from '../data/roles';
import { TrainConfigSchema } from '../train/config';

export const SETTINGS_VERSION = 1;

export const ValueSettingsSchema = z.object({
  weights: z.record(z.string(), z.number().finite()),
  topK: z.number().int().min(1).max(100),
  normalised: z.record(z.string(), z.boolean()),
  slateGrouping: z.enum(['user', 'user-day', 'user-hour']),
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

/** Columns the settings name that the table lacks (derived actions are made from the table, so they do not count). */
export function missingColumns(settings: NotebookSettings, columns: string[]): string[] {
  const present = new Set([...columns, ...settings.spec.derived.map((d) => d.name)]);
  const named = [
    ...Object.keys(settings.roleOverrides),
    ...settings.spec.targets,
    ...settings.spec.features.map((f) => f.column),
    ...[settings.spec.userColumn, settings.spec.itemColumn, settings.spec.timeColumn].filter((c): c is string => Boolean(c)),
  ];
  return [...new Set(named.filter((c) => !present.has(c)))];
}

async function pipe(bytes: Uint8Array, transform: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(transform);
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
