'use client';
import type { HeaderMode } from '@/lib/data/parse';
import { useAppStore } from '@/lib/store';
import { SelectField } from '../../ui/SelectField';

/** Override the header-row detection of delimited files by reading the same file again. */
export function HeaderChoice() {
  const source = useAppStore((s) => s.sourceFile);
  const loadFile = useAppStore((s) => s.loadFile);
  if (!source) return null;
  return (
    <SelectField<HeaderMode>
      label="Header row (CSV/TSV)"
      value={source.header}
      onChange={(header) => void loadFile(source.blob, source.name, header)}
      options={[
        { value: 'auto', label: 'detect' },
        { value: 'yes', label: 'first row is the header' },
        { value: 'no', label: 'no header row' },
      ]}
    />
  );
}
