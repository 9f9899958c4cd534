import type { DerivedAction } from './derived';

/** Columns a derived action reads (its inputs, not what those inputs were built from). */
export function derivedInputs(d: DerivedAction): string[] {
  return d.kind === 'combine' ? d.inputs : d.kind === 'ratio' ? [d.numerator, d.denominator] : [d.column];
}

/**
 * For each column a target was built from, the targets built from it, following derived actions built
 * on derived actions (`great = like AND long_view`, `like = rating ≥ 4` → rating). Such a column is
 * the label itself, or the label up to a threshold: as a feature it gives an AUC of 1 and teaches nothing.
 */
export function targetSources(derived: DerivedAction[], targets: string[]): Map<string, string[]> {
  const byName = new Map(derived.map((d) => [d.name, d]));
  const out = new Map<string, string[]>();
  for (const target of targets) {
    const seen = new Set<string>();
    const visit = (name: string) => {
      const d = byName.get(name);
      if (!d) return;
      for (const input of derivedInputs(d)) {
        if (seen.has(input)) continue;
        seen.add(input);
        out.set(input, [...(out.get(input) ?? []), target]);
        visit(input);
      }
    };
    visit(target);
  }
  return out;
}
