/** A small impression log shared by the model-zoo pipeline tests. */
import type { Table } from '../data/table';
import type { ProblemSpec } from '../formulate/spec';
/**
 * A small impression log with users, items and time: users have a taste (0/1), items a genre
 * (0/1, constant per item, like its price); a click is likely when taste matches genre, a buy
 * when the click happened and the price is low.
 */
export function impressionLog(rows = 3000, seed = 5): Table {
  let s = seed;
  const rand = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296);
  const USERS = 40;
  const ITEMS = 30;
  const user = new Float64Array(rows);
  const item = new Float64Array(rows);
  const time = new Float64Array(rows);
  const hour = new Float64Array(rows);
  const genre = new Int32Array(rows);
  const price = new Float64Array(rows);
  const click = new Float64Array(rows);
  const buy = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    user[i] = Math.floor(rand() * USERS);
    item[i] = Math.floor(rand() * ITEMS);
    time[i] = 1_700_000_000 + i * 60;
    hour[i] = Math.floor(rand() * 24);
    genre[i] = item[i] % 2;
    price[i] = 5 + (item[i] % 7) * 3;
    const match = user[i] % 2 === genre[i];
    click[i] = rand() < (match ? 0.6 : 0.1) ? 1 : 0;
    buy[i] = click[i] && rand() < (price[i] < 12 ? 0.5 : 0.1) ? 1 : 0;
  }
  const num = (name: string, values: Float64Array) => ({ kind: 'number' as const, name, values, missing: new Uint8Array(rows) });
  return {
    source: 'log',
    rowCount: rows,
    columns: [num('user', user), num('item', item), num('time', time), num('hour', hour), { kind: 'string', name: 'genre', codes: genre, dictionary: ['drama', 'sport'] }, num('price', price), num('click', click), num('buy', buy)],
  };
}

export const spec: ProblemSpec = {
  version: 1,
  targets: ['click', 'buy'],
  derived: [],
  formulation: { kind: 'pointwise' },
  features: [
    { column: 'user', encoding: 'embedding', minCount: 1 },
    { column: 'item', encoding: 'embedding', minCount: 1 },
    { column: 'genre', encoding: 'embedding', minCount: 1 },
    { column: 'price', encoding: 'numeric', log: false },
    { column: 'hour', encoding: 'numeric', log: false },
  ],
  userColumn: 'user',
  itemColumn: 'item',
  timeColumn: 'time',
  sampling: { split: { kind: 'time', column: 'time' }, seed: 2, validationFraction: 0.2, rowFraction: 1, keepRates: { click: 1, buy: 1 }, upsample: {}, capPerUser: null, dropDuplicates: false, dropMissingLabels: true },
};

export const table = impressionLog();
