'use client';
import { useAppStore } from '@/lib/store';
import type { GbdtParams } from '@/lib/train/config';
import { NumberField } from '../../ui/NumberField';

/** Boosting settings, with XGBoost's names in the labels for people who know them. */
export function GbdtSettings() {
  const gbdt = useAppStore((s) => s.config.gbdt);
  const features = useAppStore((s) => s.features);
  const bags = features.filter((f) => f.encoding === 'bag').map((f) => f.column);
  const setConfig = useAppStore((s) => s.setConfig);
  const set = (patch: Partial<GbdtParams>) => setConfig({ gbdt: { ...gbdt, ...patch } });
  return (
    <div data-testid="gbdt-settings">
      {bags.length > 0 && (
        <p className="alert" role="status" style={{ borderColor: 'var(--warn)', color: 'var(--warn)', background: '#fff8e6' }}>
          Trees cannot use id lists directly, so {bags.map((b) => `"${b}"`).join(', ')} will be left out. A neural model can read them as bags of embeddings.
        </p>
      )}
      <div className="row">
        <NumberField label="Trees (n_estimators)" value={gbdt.trees} min={1} max={2000} step={10} onChange={(v) => set({ trees: Math.round(v) })} />
        <NumberField label="Max depth" value={gbdt.maxDepth} min={1} max={16} step={1} onChange={(v) => set({ maxDepth: Math.round(v) })} />
        <NumberField label="Max leaves" value={gbdt.maxLeaves} min={2} max={1024} step={1} onChange={(v) => set({ maxLeaves: Math.round(v) })} />
        <NumberField label="Tree learning rate (eta)" value={gbdt.learningRate} min={0.001} max={1} step={0.01} onChange={(v) => set({ learningRate: v })} />
        <NumberField label="Min child weight (hessian)" value={gbdt.minChildWeight} min={0} max={1e6} step={1} onChange={(v) => set({ minChildWeight: v })} />
        <NumberField label="Leaf L2 (lambda)" value={gbdt.lambda} min={0} max={1e6} step={0.5} onChange={(v) => set({ lambda: v })} />
        <NumberField label="Row subsample" value={gbdt.rowSubsample} min={0.05} max={1} step={0.05} onChange={(v) => set({ rowSubsample: v })} />
        <NumberField label="Column subsample" value={gbdt.columnSubsample} min={0.05} max={1} step={0.05} onChange={(v) => set({ columnSubsample: v })} />
        <NumberField label="Bins per number" value={gbdt.maxBins} min={4} max={255} step={1} onChange={(v) => set({ maxBins: Math.round(v) })} />
        <NumberField label="Early stopping rounds (0 = off)" value={gbdt.earlyStoppingRounds} min={0} max={1000} step={1} onChange={(v) => set({ earlyStoppingRounds: Math.round(v) })} />
      </div>
    </div>
  );
}
