import { describe, expect, it } from 'vitest';
import type { Table } from '../data/table';
import { shipTable, TableInbox, tableIdOf, type TableMessage } from './tableShipping';

function table(rows = 5): Table {
  return {
    source: 'log.csv',
    rowCount: rows,
    warnings: ['2 rows skipped'],
    truth: { click: new Float32Array(rows).fill(0.25) },
    columns: [
      { kind: 'number', name: 'price', values: Float64Array.from({ length: rows }, (_, i) => i * 1.5), missing: new Uint8Array(rows) },
      { kind: 'string', name: 'shop', codes: Int32Array.from({ length: rows }, (_, i) => i % 2), dictionary: ['a', 'b'] },
      { kind: 'number', name: 'click', values: Float64Array.from({ length: rows }, (_, i) => i % 2), missing: new Uint8Array(rows) },
    ],
  };
}

/** Messages cloned as postMessage would (structuredClone), with the tasks that ran between them. */
function channel(inbox: TableInbox) {
  const log: string[] = [];
  return { log, post: (m: TableMessage) => (log.push(m.type), inbox.receive(structuredClone(m))) };
}

describe('table shipping (lib/train/tableShipping.ts)', () => {
  it('rebuilds the table in the worker a column per message, with a task between columns', async () => {
    const inbox = new TableInbox();
    const { log, post } = channel(inbox);
    const t = table();
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 0);
    const shipping = shipTable(t, (m) => (post(m), log.push(`ticks ${ticks}`)), () => true);
    expect(() => inbox.take(tableIdOf(t))).toThrow(/does not hold/); // not complete before the columns arrive
    expect(await shipping).toBe(true);
    clearInterval(ticker);
    expect(inbox.take(tableIdOf(t))).toEqual(t);
    expect(log.filter((l) => l === 'table-column')).toHaveLength(3);
    // Other tasks ran between the posts: no single task carried the whole table.
    const tickLog = log.filter((l) => l.startsWith('ticks')).map((l) => Number(l.slice(6)));
    expect(tickLog[tickLog.length - 1]).toBeGreaterThan(tickLog[0]);
  });

  it('gives the same table the same id, and another table another', () => {
    const a = table();
    expect(tableIdOf(a)).toBe(tableIdOf(a));
    expect(tableIdOf(table())).not.toBe(tableIdOf(a));
  });

  it('stops when the worker is replaced mid-way, and that partial table is never handed out', async () => {
    const inbox = new TableInbox();
    const { post } = channel(inbox);
    const first = table();
    await shipTable(first, post, () => true);
    let sent = 0;
    const second = table(8);
    expect(await shipTable(second, (m) => (sent++, post(m)), () => sent < 2)).toBe(false);
    expect(() => inbox.take(tableIdOf(second))).toThrow(/does not hold/);
    // The worker dropped its older table when the new one began: one copy at a time.
    expect(() => inbox.take(tableIdOf(first))).toThrow(/does not hold/);
  });
});
