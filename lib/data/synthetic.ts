import { mulberry32 } from '../sampling/random';
import type { Column, Table } from './table';

/**
 * A seeded synthetic shop log whose true action probabilities are known, so predictions can be
 * checked against the truth. Users and items have latent taste vectors; a funnel click → add to
 * cart → buy; a favourite action that 30% of users never take; a rare report driven by a few bad
 * items; a position effect on clicks; prices by category; tag lists per item.
 */
export interface ShopOptions {
  rows: number;
  seed: number;
  users?: number;
  items?: number;
}

export const SHOP_ACTIONS = ['clicked', 'added_to_cart', 'bought', 'favourited', 'reported'] as const;
const CATEGORIES = ['shoes', 'bags', 'hats', 'coats', 'shirts', 'watches', 'toys', 'books'];
const DIM = 4;
const DAY = 86400;
const START = Date.UTC(2024, 2, 4) / 1000; // a Monday

export const MAX_SYNTHETIC_ROWS = 1_000_000;

export function generateShopLog({ rows, seed, users = Math.max(50, Math.round(rows / 40)), items = Math.max(100, Math.round(rows / 20)) }: ShopOptions): Table {
  if (!Number.isInteger(rows) || rows < 1 || rows > MAX_SYNTHETIC_ROWS) throw new Error(`rows must be a whole number from 1 to ${MAX_SYNTHETIC_ROWS.toLocaleString()}`);
  const rand = mulberry32(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(rand() + 1e-12)) * Math.cos(2 * Math.PI * rand());
  const userTaste = Float64Array.from({ length: users * DIM }, () => gauss() * 0.6);
  const neverFavourites = Uint8Array.from({ length: users }, () => (rand() < 0.3 ? 1 : 0));
  const priceSensitivity = Float64Array.from({ length: users }, () => 0.2 + rand() * 0.6);
  const itemTaste = Float64Array.from({ length: items * DIM }, () => gauss() * 0.6);
  const itemCategory = Int32Array.from({ length: items }, () => Math.floor(rand() * CATEGORIES.length));
  const itemPrice = Float64Array.from(itemCategory, (c) => Math.round(Math.exp(2.5 + c * 0.25 + gauss() * 0.5) * 100) / 100);
  const itemBad = Uint8Array.from({ length: items }, () => (rand() < 0.02 ? 1 : 0));
  const tagDictionary: string[] = [];
  const tagIndex = new Map<string, number>();
  const itemTags = Int32Array.from({ length: items }, () => {
    const count = 1 + Math.floor(rand() * 3);
    const tags = [...new Set(Array.from({ length: count }, () => `t${Math.floor(rand() * 30)}`))].sort().join('|');
    if (!tagIndex.has(tags)) tagIndex.set(tags, tagDictionary.push(tags) - 1);
    return tagIndex.get(tags)!;
  });

  const col = () => new Float64Array(rows);
  const [user, item, price, position, time] = [col(), col(), col(), col(), col()];
  const category = new Int32Array(rows);
  const tags = new Int32Array(rows);
  const actions = SHOP_ACTIONS.map(() => col());
  const truth: Record<string, Float32Array> = Object.fromEntries(SHOP_ACTIONS.map((a) => [a, new Float32Array(rows)]));
  for (let i = 0; i < rows; i++) {
    const u = zipf(rand(), users);
    const it = zipf(rand(), items);
    const pos = 1 + Math.floor(rand() * 10);
    let affinity = 0;
    for (let d = 0; d < DIM; d++) affinity += userTaste[u * DIM + d] * itemTaste[it * DIM + d];
    const logPrice = Math.log(itemPrice[it]);
    const pClick = sigmoid(-0.8 + 1.5 * affinity - 0.12 * (pos - 1) - priceSensitivity[u] * (logPrice - 3));
    const pCartGivenClick = sigmoid(-1.2 + 1.2 * affinity - 0.5 * (logPrice - 3));
    const pBuyGivenCart = sigmoid(-0.4 + 0.8 * affinity - 0.3 * (logPrice - 3));
    const pFavourite = neverFavourites[u] ? 0 : sigmoid(-3 + 1.5 * affinity);
    const pReport = sigmoid(-7 + 5 * itemBad[it]);
    const clicked = rand() < pClick;
    const carted = clicked && rand() < pCartGivenClick;
    const bought = carted && rand() < pBuyGivenCart;
    const outcomes = [clicked, carted, bought, rand() < pFavourite, rand() < pReport];
    const marginals = [pClick, pClick * pCartGivenClick, pClick * pCartGivenClick * pBuyGivenCart, pFavourite, pReport];
    SHOP_ACTIONS.forEach((a, k) => {
      actions[k][i] = outcomes[k] ? 1 : 0;
      truth[a][i] = marginals[k];
    });
    user[i] = u + 1;
    item[i] = it + 1;
    category[i] = itemCategory[it];
    price[i] = itemPrice[it];
    position[i] = pos;
    tags[i] = itemTags[it];
    // 14 days, busier in the evening
    time[i] = START + Math.floor(rand() * 14) * DAY + Math.floor(((rand() + rand() + rand()) / 3) * DAY * 0.999 + 6 * 3600) % DAY;
  }
  const num = (name: string, values: Float64Array): Column => ({ kind: 'number', name, values, missing: new Uint8Array(rows) });
  return {
    source: `synthetic shop log (${rows.toLocaleString()} rows, seed ${seed})`,
    rowCount: rows,
    columns: [
      num('user_id', user),
      num('item_id', item),
      { kind: 'string', name: 'category', codes: category, dictionary: CATEGORIES },
      num('price', price),
      { kind: 'string', name: 'tags', codes: tags, dictionary: tagDictionary },
      num('position', position),
      num('timestamp', time),
      ...SHOP_ACTIONS.map((a, k) => num(a, actions[k])),
    ],
    truth,
  };
}

function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** Popularity skew: index k with probability ∝ 1/(k+1)^0.8 (approximately, by inverse transform). */
function zipf(r: number, n: number): number {
  const s = 0.8;
  const hn = (Math.pow(n, 1 - s) - 1) / (1 - s);
  return Math.min(n - 1, Math.floor(Math.pow(r * hn * (1 - s) + 1, 1 / (1 - s))) - 1);
}
