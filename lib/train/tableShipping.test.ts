import { describe, expect, it } from 'vitest';
import type { Table } from '../data/table';
import { PIECE_ROWS, shipTable, TableInbox, tableIdOf, type TableMessage } from './tableShipping';

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
  return { log, post: (m: TableMessage, transfer: Transferable[] = []) => (log.push(m.type), inbox.receive(structuredClone(m, { transfer }))) };
}

describe('table shipping (lib/train/tableShipping.ts)', () => {
  it('rebuilds the table in the worker a column per message when columns are short, with a task between messages', async () => {
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
    expect(log.filter((l) => l === 'table-piece')).toHaveLength(3);
    // Other tasks ran between the posts: no single task carried the whole table.
    const tickLog = log.filter((l) => l.startsWith('ticks')).map((l) => Number(l.slice(6)));
    expect(tickLog[tickLog.length - 1]).toBeGreaterThan(tickLog[0]);
  });

  it('sends long columns in pieces of their own buffers, transferred, and puts them back together', async () => {
    const rows = 2 * PIECE_ROWS + 7;
    const t = table(rows);
    const shop = t.columns[1];
    if (shop.kind === 'string') shop.codes[rows - 1] = -1; // a missing cell in the last piece
    const price = t.columns[0];
    if (price.kind === 'number') price.missing[PIECE_ROWS] = 1; // and one at the start of the second
    const inbox = new TableInbox();
    const { log, post } = channel(inbox);
    const sent: TableMessage[] = [];
    const transferred: number[][] = []; // byte lengths, read before the transfer detaches the buffers
    expect(await shipTable(t, (m, transfer) => (sent.push(m), transferred.push(transfer.map((b) => (b as ArrayBuffer).byteLength)), post(m, transfer)), () => true)).toBe(true);
    expect(log.filter((l) => l === 'table-piece')).toHaveLength(9); // 3 columns × 3 pieces
    // Every piece travels in buffers of its own length: a clone of a view would copy the whole column's buffer.
    sent.forEach((m, i) => {
      if (m.type !== 'table-piece') return;
      const length = m.start === 2 * PIECE_ROWS ? 7 : PIECE_ROWS;
      expect(transferred[i]).toEqual(m.piece.kind === 'number' ? [8 * length, length] : [4 * length]);
      if (m.piece.kind === 'string') expect((m.piece as { dictionary: string[] }).dictionary).toEqual(m.start === 0 ? ['a', 'b'] : []);
    });
    const back = inbox.take(tableIdOf(t));
    // Byte comparisons: a deep equality over half a million elements takes seconds.
    const bytes = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
    back.columns.forEach((c, i) => {
      const sentColumn = t.columns[i];
      expect(c.name).toBe(sentColumn.name);
      if (c.kind === 'number' && sentColumn.kind === 'number') {
        expect(bytes(c.values).equals(bytes(sentColumn.values))).toBe(true);
        expect(bytes(c.missing).equals(bytes(sentColumn.missing))).toBe(true);
      } else if (c.kind === 'string' && sentColumn.kind === 'string') {
        expect(bytes(c.codes).equals(bytes(sentColumn.codes))).toBe(true);
        expect(c.dictionary).toEqual(['a', 'b']);
      } else throw new Error(`column ${c.name} changed kind`);
    });
    // The page's table is untouched by the transfers (each piece was a copy).
    expect(price.kind === 'number' && price.values.length).toBe(rows);
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
