'use client';
import type { HeaderMode } from '@/lib/data/parse';
import { useAppStore } from '@/lib/store';

/** Override the header-row detection of delimited files by reading the same file again. */
export function HeaderChoice() {
  const source = useAppStore((s) => s.sourceFile);
  const loadFile = useAppStore((s) => s.loadFile);
  if (!source) return null;
  return (
    <label className="field" style={{ maxWidth: 280 }}>
      <span>Header row (CSV/TSV)</span>
      <select value={source.header} onChange={(e) => void loadFile(source.blob, source.name, e.target.value as HeaderMode)}>
        <option value="auto">detect</option>
        <option value="yes">first row is the header</option>
        <option value="no">no header row</option>
      </select>
    </label>
  );
}
