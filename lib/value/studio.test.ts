import { describe, expect, it } from 'vitest';
import { formulaFile, formulaText } from './exportFormula';
import { frontierSweep, sweepValues } from './frontier';
import { rankingOutcome, valueCapturedShare } from './outcomes';
import { PRESETS, mapPreset, weightsFromMapping } from './presets';
import { buildSlateIndex, rankOneSlate, topKPerSlate } from './rerank';
import { normaliseByUser, userBaseRates } from './userNormalize';
import { valueScores } from './value';
import { sliderToWeight, weightToSlider } from './weightScale';

// Two users: rows 0-3 are user 7's slate, rows 4-5 user 9's.
const keys = [7, 7, 9, 7, 9, 7];
const click = Float32Array.from([0.9, 0.5, 0.2, 0.1, 0.8, 0.5]);
const report = Float32Array.from([0.5, 0.0, 0.0, 0.0, 0.1, 0.0]);
const clicked = Uint8Array.from([1, 1, 0, 0, 1, 0]);
const reported = Uint8Array.from([1, 0, 0, 0, 0, 0]);

describe('re-ranking every slate', () => {
  const index = buildSlateIndex(keys);
  it('groups impressions by key, keeping first-seen order', () => {
    expect(index.keys).toEqual([7, 9]);
    expect([...index.starts]).toEqual([0, 4, 6]);
    expect([...index.order]).toEqual([0, 1, 3, 5, 2, 4]);
  });
  it('keeps the top K of each slate best first, ties to the earlier impression', () => {
    const lists = topKPerSlate(index, click, 2);
    // User 7: 0.9 (row 0), then rows 1 and 5 tie at 0.5: row 1 first. User 9: row 4 (0.8), row 2.
    expect([...lists.top]).toEqual([0, 1, 4, 2]);
    expect([...lists.topStarts]).toEqual([0, 2, 4]);
    expect([...topKPerSlate(index, click, 10).top]).toEqual([0, 1, 5, 3, 4, 2]);
    expect([...rankOneSlate(index, 0, click)]).toEqual([0, 1, 5, 3]);
  });
  it('matches a full sort on random slates', () => {
    let s = 3;
    const rand = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296);
    const n = 3000;
    const users = Array.from({ length: n }, () => Math.floor(rand() * 40));
    const scores = Float64Array.from({ length: n }, () => Math.round(rand() * 50) / 50); // many ties
    const idx = buildSlateIndex(users);
    const lists = topKPerSlate(idx, scores, 7);
    for (let slate = 0; slate < idx.keys.length; slate++) {
      const expected = [...rankOneSlate(idx, slate, scores)].slice(0, 7);
      expect([...lists.top.slice(lists.topStarts[slate], lists.topStarts[slate + 1])]).toEqual(expected);
    }
  });
});

describe('ranking outcomes', () => {
  const index = buildSlateIndex(keys);
  it('rates in the top K, NDCG@K and value captured, worked by hand', () => {
    const weights = [1, -10];
    const lists = topKPerSlate(index, valueScores([click, report], weights), 1);
    // Scores: row0 0.9−5 = −4.1, row1 0.5, row3 0.1, row5 0.5 → user 7's top 1 is row 1 (tie with 5, earlier).
    // User 9: row2 0.2, row4 0.8−1 = −0.2 → top 1 is row 2.
    expect([...lists.top]).toEqual([1, 2]);
    const o = rankingOutcome(index, lists, [clicked, reported], weights);
    expect(o.topKRate).toEqual([0.5, 0]); // row 1 clicked, row 2 not
    expect(o.allRate[0]).toBeCloseTo(3 / 6);
    // NDCG@1 for clicks: user 7 has positives, top is clicked → 1; user 9 has one positive (row 4), top row 2 → 0.
    expect(o.ndcg[0]).toBeCloseTo(0.5);
    // Realised value: row0 1−10 = −9, row1 1, row4 1. Top 1: user 7 → 1, user 9 → 0. Best: 1 + 1.
    expect(o.valueInTopK).toBe(1);
    expect(o.valueBest).toBe(2);
    expect(valueCapturedShare(o)).toBe(0.5);
    // Random: user 7 has 1/4 of (−9 + 1), user 9 has 1/2 of 1.
    expect(o.valueRandom).toBeCloseTo(-2 + 0.5);
  });
  it('NDCG with two positives and K = 3 uses the discounts 1, 1/log2 3, 1/2', () => {
    const idx = buildSlateIndex([1, 1, 1, 1]);
    const y = Uint8Array.from([0, 1, 0, 1]);
    const lists = topKPerSlate(idx, Float32Array.from([0.9, 0.8, 0.7, 0.6]), 3); // order 0, 1, 2
    const o = rankingOutcome(idx, lists, [y], [1]);
    // DCG = 1/log2(3); ideal = 1 + 1/log2(3).
    const d = 1 / Math.log2(3);
    expect(o.ndcg[0]).toBeCloseTo(d / (1 + d), 10);
  });
});

describe('presets', () => {
  const shop = ['clicked', 'added_to_cart', 'purchased', 'reported'];
  const kuai = ['is_click', 'is_like', 'is_follow', 'is_comment', 'is_forward', 'long_view', 'is_hate', 'is_profile_enter'];
  const preset = (id: string) => PRESETS.find((p) => p.id === id)!;
  it('maps the guide example onto a shop log', () => {
    expect(weightsFromMapping(mapPreset(preset('guide-example'), shop), shop)).toEqual({ clicked: 1, added_to_cart: 2, purchased: 10, reported: -50 });
  });
  it("maps Twitter's heavy ranker onto the closest KuaiRand actions and says which found none", () => {
    const rows = mapPreset(preset('heavy-ranker'), kuai);
    const byConcept = Object.fromEntries(rows.map((r) => [r.concept, r.action]));
    expect(byConcept).toMatchObject({ favorite: 'is_like', retweet: 'is_forward', 'good click': 'is_click', 'profile click & engage': 'is_profile_enter', reply: 'is_comment', 'video 50% playback': 'long_view', 'negative feedback': 'is_hate', report: null });
    expect(weightsFromMapping(rows, kuai)).toMatchObject({ is_like: 0.5, is_click: 11, is_hate: -74, is_follow: 0 });
  });
  it('safety first penalises every negative action; an edited mapping adds weights on one action', () => {
    expect(weightsFromMapping(mapPreset(preset('safety-first'), kuai), kuai)).toMatchObject({ is_click: 1, is_hate: -200 });
    expect(weightsFromMapping([{ concept: 'a', weight: 2, action: 'x' }, { concept: 'b', weight: 3, action: 'x' }, { concept: 'c', weight: 5, action: null }], ['x', 'y'])).toEqual({ x: 5, y: 0 });
  });
});

describe('per-user normalisation by base rate', () => {
  it('scales by overall rate over the smoothed user rate, and counts users who never acted', () => {
    // Training: user a 4 impressions 2 likes, user b 5 impressions 0 likes → overall 2/9.
    const base = userBaseRates(['a', 'a', 'a', 'a', 'b', 'b', 'b', 'b', 'b'], Uint8Array.from([1, 1, 0, 0, 0, 0, 0, 0, 0]));
    const g = 2 / 9;
    expect(base.overall).toBeCloseTo(g);
    const effect = normaliseByUser(Float32Array.from([0.1, 0.01, 0.3]), ['a', 'b', 'c'], base);
    const rateA = (2 + 5 * g) / (4 + 5);
    const rateB = (0 + 5 * g) / (5 + 5);
    expect(effect.normalised[0]).toBeCloseTo((0.1 * g) / rateA, 6);
    expect(effect.normalised[1]).toBeCloseTo((0.01 * g) / rateB, 6); // ×2: the never-liker's noise is doubled
    expect(effect.normalised[2]).toBeCloseTo(0.3, 6); // unseen user: unchanged
    expect(effect).toMatchObject({ neverActed: 1, unseen: 1, users: 3 });
    expect(effect.medianNeverActedFactor).toBeCloseTo(2, 6);
    expect([...effect.neverActedRow]).toEqual([0, 1, 0]);
  });
});

describe('frontier and export', () => {
  it('sweeps one weight and marks the efficient points', () => {
    const index = buildSlateIndex(keys);
    const points = frontierSweep(index, [click, report], [clicked, reported], [1, 0], 1, sweepValues(0, -20, 3), 1, { x: 0, y: 1, xDirection: 1, yDirection: -1 });
    expect(points.map((p) => p.weight)).toEqual([0, -10, -20]);
    // Weight 0: tops are rows 0 (clicked, reported) and 4 → clicks 1, reports 0.5. Weight −10: rows 1 and 2 → clicks 0.5, reports 0.
    expect(points[0].topKRate).toEqual([1, 0.5]);
    expect(points[1].topKRate).toEqual([0.5, 0]);
    expect(points.map((p) => p.efficient)).toEqual([true, true, true]);
  });
  it('writes the formula as JSON and text', () => {
    const file = formulaFile({ weights: { clicked: 1, reported: -50 }, calibrationRates: { clicked: 0.1, reported: 1 }, normalisedByUserBaseRate: [], topK: 10, slates: 'validation impressions by user', model: 'mlp run 3' });
    expect(file.formula).toBe('score = 1·p(clicked) − 50·p(reported)');
    expect(formulaText(file)).toContain('clicked: w = 0.1');
    expect(JSON.parse(JSON.stringify(file))).toEqual(file);
  });
});

describe('weight slider scale', () => {
  it('spans ±1000 with fine steps near zero, and inverts', () => {
    expect(sliderToWeight(100)).toBe(1000);
    expect(sliderToWeight(-100)).toBe(-1000);
    expect(sliderToWeight(10)).toBe(1);
    expect(sliderToWeight(1)).toBe(0.001);
    expect(sliderToWeight(0)).toBe(0);
    expect(sliderToWeight(weightToSlider(-369))).toBe(-369);
    expect(weightToSlider(5000)).toBe(100);
  });
});
