import { describe, expect, it } from 'vitest';
import { DEFAULT_SAMPLING } from '../formulate/defaults';
import { DEFAULT_TRAIN_CONFIG } from '../train/config';
import { decodeSettings, encodeSettings, fitSettings, missingColumns, type NotebookSettings } from './settings';

const settings: NotebookSettings = {
  format: 'value-lab-settings',
  version: 1,
  roleOverrides: { position: 'numeric' },
  spec: {
    version: 1,
    targets: ['clicked', 'bought'],
    derived: [],
    formulation: { kind: 'pointwise' },
    features: [{ column: 'price', encoding: 'numeric', log: true }],
    userColumn: 'user_id',
    itemColumn: 'item_id',
    timeColumn: null,
    sampling: { ...DEFAULT_SAMPLING, keepRates: { clicked: 0.1, bought: 1 } },
  },
  config: { ...DEFAULT_TRAIN_CONFIG, modelKind: 'mlp', hiddenLayers: [16] },
  value: { weights: { clicked: 1, bought: 10 }, topK: 5, normalised: {}, slateGrouping: 'user' },
};

describe('share-link settings', () => {
  it('round-trip through the URL-safe encoding', async () => {
    const encoded = await encodeSettings(settings);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(await decodeSettings(encoded)).toEqual(settings);
  });
  it('refuse a damaged link, a newer version and invalid settings with a message saying which', async () => {
    await expect(decodeSettings('not-a-link')).rejects.toThrow(/damaged/);
    await expect(decodeSettings(await encodeSettings({ ...settings, version: 2 } as unknown as NotebookSettings))).rejects.toThrow(/newer Value Lab \(settings version 2\)/);
    const bad = { ...settings, value: { ...settings.value, topK: 0 } };
    await expect(decodeSettings(await encodeSettings(bad))).rejects.toThrow(/value\.topK/);
  });
  it('name the columns a table lacks, derived actions\' inputs included', () => {
    expect(missingColumns(settings, ['clicked', 'bought', 'price', 'user_id', 'item_id'])).toEqual(['position']);
    const rated = { ...settings, spec: { ...settings.spec, derived: [{ kind: 'compare' as const, name: 'like', column: 'rating', op: '>=' as const, value: 4 }] } };
    expect(missingColumns(rated, ['clicked', 'bought', 'price', 'user_id', 'item_id', 'position'])).toEqual(['rating']);
  });
  it('fit a table that lacks a few of their columns: what names them is left out and listed, the rest applies', () => {
    const derived = [
      { kind: 'compare' as const, name: 'like', column: 'rating', op: '>=' as const, value: 4 },
      { kind: 'combine' as const, name: 'like_and_buy', op: 'and' as const, inputs: ['like', 'bought'] },
      { kind: 'compare' as const, name: 'pricey', column: 'price', op: '>=' as const, value: 10 },
    ];
    const rated: NotebookSettings = { ...settings, spec: { ...settings.spec, derived, targets: ['clicked', 'like', 'like_and_buy', 'pricey'], sampling: { ...settings.spec.sampling, split: { kind: 'time', column: 'ts' } } } };
    const fitted = fitSettings(rated, ['clicked', 'bought', 'price', 'user_id', 'item_id', 'position'])!;
    expect(fitted.settings.spec.derived.map((d) => d.name)).toEqual(['pricey']);
    expect(fitted.settings.spec.targets).toEqual(['clicked', 'pricey']);
    expect(fitted.settings.spec.sampling.split).toEqual({ kind: 'random' });
    expect(fitted.skipped).toEqual(['the derived action "like" (needs "rating")', 'the derived action "like_and_buy" (needs "like")', '"ts" (not in this table)']);
    // Another dataset altogether (fewer than half the columns): nothing applies.
    expect(fitSettings(rated, ['a', 'b', 'clicked'])).toBeNull();
  });
});
