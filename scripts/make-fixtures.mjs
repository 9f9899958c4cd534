// Regenerates the format fixtures in e2e/fixtures from shop_small.csv: the same 12 impressions as
// JSON, JSON Lines, gzip and Parquet, plus broken variants. Run: node scripts/make-fixtures.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { parquetWriteBuffer } from 'hyparquet-writer';

const dir = new URL('../e2e/fixtures/', import.meta.url);
const csv = readFileSync(new URL('shop_small.csv', dir), 'utf8');
const [header, ...lines] = csv.trim().split('\n');
const names = header.split(',');
const records = lines.map((line) => {
  const cells = line.split(',');
  return Object.fromEntries(names.map((n, i) => [n, ['price', 'clicked', 'bought'].includes(n) ? Number(cells[i]) : cells[i]]));
});
// JSON uses true/false for "bought" to prove booleans count as actions.
writeFileSync(new URL('shop_small.json', dir), JSON.stringify(records.map((r) => ({ ...r, bought: r.bought === 1 })), null, 1));
writeFileSync(new URL('shop_small.jsonl', dir), records.map((r) => JSON.stringify(r)).join('\n') + '\n');
const gz = gzipSync(Buffer.from(csv));
writeFileSync(new URL('shop_small.csv.gz', dir), gz);
writeFileSync(new URL('truncated.csv.gz', dir), gz.subarray(0, Math.floor(gz.length / 2)));
const parquet = Buffer.from(
  parquetWriteBuffer({
    columnData: [
      { name: 'user_id', data: records.map((r) => r.user_id), type: 'STRING' },
      { name: 'item_id', data: records.map((r) => r.item_id), type: 'STRING' },
      { name: 'category', data: records.map((r) => r.category), type: 'STRING' },
      { name: 'price', data: records.map((r) => r.price), type: 'DOUBLE' },
      { name: 'clicked', data: records.map((r) => r.clicked), type: 'INT32' },
      { name: 'bought', data: records.map((r) => r.bought === 1), type: 'BOOLEAN' },
    ],
  }),
);
writeFileSync(new URL('shop_small.parquet', dir), parquet);
writeFileSync(new URL('truncated.parquet', dir), parquet.subarray(0, Math.floor(parquet.length * 0.6)));
// UTF-16 LE with BOM, as Excel's "Unicode text" export writes it.
writeFileSync(new URL('utf16.csv', dir), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv, 'utf16le')]));
writeFileSync(new URL('not_records.json', dir), JSON.stringify({ data: records.slice(0, 2) }, null, 2));
console.log('fixtures written to', dir.pathname);
