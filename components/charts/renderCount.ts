import { bumpCount } from '@/lib/renderCounts';

/** Count one render of `name` for the re-render bound test (lib/renderCounts.ts). */
export function countRender(name: string): void {
  bumpCount(name);
}
