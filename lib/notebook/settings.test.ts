import { describe, expect, it } from 'vitest';
import { DEFAULT_SAMPLING } from '../formulate/defaults';
import { DEFAULT_TRAIN_CONFIG } from '../train/config';
import { decodeSettings, encodeSettings, missingColumns, type NotebookSettings } from './settings';

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
  it('name the columns a table lacks', () => {
    expect(missingColumns(settings, ['clicked', 'bought', 'price', 'user_id', 'item_id'])).toEqual(['position']);
  });
});
