/**
 * Value-formula presets, written in terms of kinds of action ("a click", "a report") and mapped
 * onto the actions this dataset has by their names. The mapping is a starting point the person sees
 * and edits before applying it.
 */

export type PresetId = 'click-only' | 'guide-example' | 'heavy-ranker' | 'safety-first';

export interface PresetTerm {
  /** The kind of action, as the source of the preset names it. */
  concept: string;
  weight: number;
  /** Action names this concept maps onto, most specific first. */
  patterns: RegExp[];
}

export interface Preset {
  id: PresetId;
  label: string;
  source: string;
  terms: PresetTerm[];
}

const CLICK = [/good.?click/i, /click/i];
const CART = [/cart/i, /basket/i, /add.?to/i];
const BUY = [/buy|bought|purchase|order|convert|checkout/i];
/** Names of actions that hurt the experience: the "safety first" preset penalises all of them. */
export const NEGATIVE_ACTION = /report|hate|dislike|negative|block|hide|unfollow|not.?interested|spam|complain/i;

export const PRESETS: Preset[] = [
  { id: 'click-only', label: 'Click only', source: 'the engagement baseline', terms: [{ concept: 'click', weight: 1, patterns: CLICK }] },
  {
    id: 'guide-example',
    label: 'p(click) + 2·p(cart) + 10·p(buy) − 50·p(report)',
    source: 'the modeling guide (DESIGN.md §4)',
    terms: [
      { concept: 'click', weight: 1, patterns: CLICK },
      { concept: 'cart', weight: 2, patterns: CART },
      { concept: 'buy', weight: 10, patterns: BUY },
      { concept: 'report', weight: -50, patterns: [/report/i, NEGATIVE_ACTION] },
    ],
  },
  {
    id: 'heavy-ranker',
    label: 'Heavy ranker (Twitter, 2023)',
    source: "Twitter's open-sourced heavy ranker weights",
    terms: [
      { concept: 'favorite', weight: 0.5, patterns: [/fav/i, /like/i] },
      { concept: 'retweet', weight: 1, patterns: [/retweet|repost|share|forward/i] },
      { concept: 'good click', weight: 11, patterns: CLICK },
      { concept: 'profile click & engage', weight: 12, patterns: [/profile/i, /follow/i] },
      { concept: 'reply', weight: 27, patterns: [/reply|comment/i] },
      { concept: 'reply engaged by author', weight: 75, patterns: [/author/i] },
      { concept: 'video 50% playback', weight: 0.005, patterns: [/playback|long.?view|watch|play/i] },
      { concept: 'negative feedback', weight: -74, patterns: [/negative|dislike|hate|not.?interested|hide/i] },
      { concept: 'report', weight: -369, patterns: [/report/i] },
    ],
  },
  {
    id: 'safety-first',
    label: 'Safety first',
    source: 'every positive action 1, every negative action −200',
    terms: [
      { concept: 'any positive action', weight: 1, patterns: [] },
      { concept: 'any negative action', weight: -200, patterns: [NEGATIVE_ACTION] },
    ],
  },
];

/** One row of a preset's mapping: which action takes the concept's weight (null: none fits). */
export interface MappingRow {
  concept: string;
  weight: number;
  action: string | null;
}

/**
 * Map a preset onto the available actions. Each concept takes the first action its patterns match
 * that no earlier concept took; "safety first" expands to every action.
 */
export function mapPreset(preset: Preset, actions: string[]): MappingRow[] {
  if (preset.id === 'safety-first') {
    return actions.map((action) => (NEGATIVE_ACTION.test(action) ? { concept: 'negative action', weight: -200, action } : { concept: 'positive action', weight: 1, action }));
  }
  const taken = new Set<string>();
  return preset.terms.map((term) => {
    for (const pattern of term.patterns) {
      const action = actions.find((a) => !taken.has(a) && pattern.test(a));
      if (action) {
        taken.add(action);
        return { concept: term.concept, weight: term.weight, action };
      }
    }
    return { concept: term.concept, weight: term.weight, action: null };
  });
}

/** Weights from a (possibly edited) mapping: concepts on the same action add up; unmapped actions get 0. */
export function weightsFromMapping(rows: MappingRow[], actions: string[]): Record<string, number> {
  const weights: Record<string, number> = Object.fromEntries(actions.map((a) => [a, 0]));
  for (const row of rows) if (row.action !== null && row.action in weights) weights[row.action] += row.weight;
  return weights;
}

/** The action a click-only ranking uses: the first whose name says click, else the first action. */
export function clickAction(actions: string[]): number {
  const i = actions.findIndex((a) => CLICK.some((p) => p.test(a)));
  return i >= 0 ? i : 0;
}
