// The bad-input corpus: files a warehouse export, a careless rename or a hostile person could hand the
// app. Each entry says what must happen: a typed error (its DataErrorCode), or a table that loads with
// the given rows (and, where it matters, columns). Used by lib/data/badInputs.test.ts (the real read
// path in Node) and e2e/bad-inputs.spec.ts (the UI, keeping the previous dataset and runs);
// `npx vite-node scripts/make-bad-inputs.ts DIR` writes the files out for a look.
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const fixture = (name: string): Buffer => readFileSync(join(__dirname, 'fixtures', name));
const text = (s: string): Buffer => Buffer.from(s, 'utf8');
const shop = fixture('shop_small.csv').toString('utf8');

/** A deterministic stream of pseudo-random bytes (no Math.random: the corpus is the same every run). */
function bytes(n: number, seed = 7): Buffer {
  const out = Buffer.alloc(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

function rows(n: number, make: (i: number) => string): string {
  const lines: string[] = [];
  for (let i = 0; i < n; i++) lines.push(make(i));
  return lines.join('\n') + '\n';
}

export interface BadInput {
  name: string;
  data: Buffer;
  /** A typed error, or the table that loads (`noTarget`: it loads with no target, and the Targets cell says this). */
  expect: { error: string } | { rows: number; columns?: string[]; check?: 'no-prototype-pollution' | 'formulas-are-text' | 'finite-or-missing'; noTarget?: string };
}

export function badInputs(): BadInput[] {
  const wideHeader = Array.from({ length: 100_000 }, (_, i) => `c${i}`);
  return [
    { name: 'empty.csv', data: Buffer.alloc(0), expect: { error: 'empty-file' } },
    { name: 'whitespace.csv', data: text('\n  \n\t\n'), expect: { error: 'empty-file' } },
    { name: 'header_only.csv', data: text('user_id,item_id,clicked\n'), expect: { error: 'no-rows' } },
    { name: 'binary.csv', data: bytes(4096), expect: { error: 'binary-file' } },
    { name: 'png_renamed.csv', data: Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), bytes(2048, 3)]), expect: { error: 'binary-file' } },
    { name: 'xlsx_renamed.csv', data: fixture('broken.xlsx.csv'), expect: { error: 'binary-file' } },
    { name: 'nul_bytes.csv', data: text('user_id,clicked,note\nu1,1,a\0b\nu2,0,c\n'), expect: { error: 'binary-file' } },
    { name: 'ragged.csv', data: text('user_id,item_id,clicked\n' + rows(30, (i) => (i % 2 ? `u${i},i${i},1,extra,more` : `u${i},0`))), expect: { error: 'ragged-rows' } },
    { name: 'unterminated_quote.csv', data: text('user_id,title,clicked\nu1,"never closed,1\nu2,ok,0\nu3,ok,1\n'), expect: { error: 'unterminated-quote' } },
    { name: 'bom_utf8.csv', data: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), text(shop)]), expect: { rows: 12, columns: ['user_id'] } },
    { name: 'utf16le_bom.csv', data: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(shop, 'utf16le')]), expect: { error: 'wrong-encoding' } },
    { name: 'utf16be_bom.csv', data: Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(shop, 'utf16le').swap16()]), expect: { error: 'wrong-encoding' } },
    { name: 'latin1.csv', data: Buffer.from('user_id,city,clicked\nu1,M\xfcnchen,1\nu2,Z\xfcrich,0\nu3,Bern,1\n', 'latin1'), expect: { error: 'wrong-encoding' } },
    { name: 'one_column.csv', data: text('clicked\n1\n0\n1\n'), expect: { error: 'too-few-columns' } },
    { name: 'no_action.csv', data: text('user_id,price\n' + rows(20, (i) => `u${i},${i * 1.5}`)), expect: { rows: 20, noTarget: 'No column holds two values' } },
    { name: 'all_zero_labels.csv', data: text('user_id,item_id,clicked\n' + rows(50, (i) => `u${i % 7},i${i},0`)), expect: { rows: 50, noTarget: '"clicked" looks like a label but is 0 in every row' } },
    { name: 'all_one_labels.csv', data: text('user_id,item_id,clicked\n' + rows(50, (i) => `u${i % 7},i${i},1`)), expect: { rows: 50, noTarget: '"clicked" looks like a label but is 1 in every row' } },
    { name: 'single_positive.csv', data: text('user_id,item_id,clicked\n' + rows(200, (i) => `u${i % 9},i${i},${i === 57 ? 1 : 0}`)), expect: { rows: 200 } },
    { name: 'wide_100k_columns.csv', data: text(['clicked', ...wideHeader].join(',') + '\n' + ['1', ...wideHeader.map(() => '0')].join(',') + '\n' + ['0', ...wideHeader.map(() => '1')].join(',') + '\n'), expect: { error: 'too-many-columns' } },
    { name: 'wide_2000_columns.csv', data: text(['user_id', 'clicked', ...wideHeader.slice(0, 1998)].join(',') + '\n' + rows(20, (i) => [`u${i}`, i % 2, ...wideHeader.slice(0, 1998).map((_, c) => (i * c) % 7)].join(','))), expect: { rows: 20 } },
    { name: 'single_10mb_line.csv', data: text('user_id,blob,clicked\n' + `u1,${'x'.repeat(10 * 1024 * 1024)},1\n` + 'u2,y,0\n'), expect: { rows: 2 } },
    { name: 'proto_names.csv', data: text('__proto__,constructor,prototype,hasOwnProperty,clicked\n' + rows(20, (i) => `a${i % 3},b,c,d,${i % 2}`)), expect: { rows: 20, columns: ['__proto__', 'constructor', 'prototype', 'hasOwnProperty'], check: 'no-prototype-pollution' } },
    { name: 'html_names.csv', data: text('"<script>alert(1)</script>",<img src=x onerror=alert(2)>,clicked\n' + rows(20, (i) => `<b>${i}</b>,"<iframe src=javascript:alert(3)>",${i % 2}`)), expect: { rows: 20, columns: ['<script>alert(1)</script>', '<img src=x onerror=alert(2)>'] } },
    { name: 'formula_cells.csv', data: text('user_id,title,clicked\n' + rows(20, (i) => `u${i},${['=cmd()', '+1+1', '-2+3', '@SUM(A1:A9)', '=HYPERLINK("http://x")'][i % 5].replace(/"/g, '""').replace(/^(.*)$/, '"$1"')},${i % 2}`)), expect: { rows: 20, check: 'formulas-are-text' } },
    { name: 'nan_inf_numbers.csv', data: text('user_id,score,clicked\n' + rows(24, (i) => `u${i},${i % 4 === 0 ? ['NaN', 'Infinity', '-Infinity', '1e309', '-1e309', 'inf'][i / 4] : (i * 0.37).toFixed(2)},${i % 2}`)), expect: { rows: 24, check: 'finite-or-missing' } },
    { name: 'mixed_types.csv', data: text('user_id,age,clicked\n' + rows(40, (i) => `u${i},${i % 4 === 0 ? 'unknown' : i},${i % 2}`)), expect: { rows: 40 } },
    { name: 'ids_1m_distinct.csv', data: text('request_id,clicked\n' + rows(1_000_000, (i) => `r${i.toString(36)},${i % 3 === 0 ? 1 : 0}`)), expect: { rows: 1_000_000 } },
    { name: 'yes_no_labels.csv', data: text('user_id,liked\n' + rows(20, (i) => `u${i},${i % 2 ? 'yes' : 'no'}`)), expect: { rows: 20 } },
    { name: 'duplicate_headers.csv', data: text('user_id,user_id,clicked\n' + rows(10, (i) => `u${i},v${i},${i % 2}`)), expect: { rows: 10 } },
    { name: 'empty_header_names.csv', data: text(',,clicked\n' + rows(10, (i) => `u${i},v${i},${i % 2}`)), expect: { rows: 10 } },
    { name: 'embedded_newlines.csv', data: text('user_id,title,clicked\n' + rows(10, (i) => `u${i},"line one\nline two, with comma",${i % 2}`)), expect: { rows: 10 } },
    { name: 'cr_only_lines.csv', data: text('user_id,clicked\r' + rows(10, (i) => `u${i},${i % 2}`).replace(/\n/g, '\r')), expect: { rows: 10 } },
    { name: 'stray_control_chars.csv', data: text('user_id,note,clicked\n' + rows(10, (i) => `u${i},a title with one stray \x01 control character in it,${i % 2}`)), expect: { rows: 10 } },
    { name: 'dense_control_chars.csv', data: text('user_id,note,clicked\n' + rows(10, (i) => `u${i},a\x01b\x1bc\x02,${i % 2}`)), expect: { error: 'binary-file' } },
    { name: 'huge_integers.csv', data: text('user_id,big,clicked\n' + rows(10, (i) => `u${i},${9007199254740993n + BigInt(i)},${i % 2}`)), expect: { rows: 10 } },
    { name: 'truncated.csv.gz', data: fixture('truncated.csv.gz'), expect: { error: 'corrupt-gzip' } },
    { name: 'gzip_of_binary.csv.gz', data: gzipSync(bytes(4096, 11)), expect: { error: 'binary-file' } },
    { name: 'gzip_of_nothing.csv.gz', data: gzipSync(Buffer.alloc(0)), expect: { error: 'empty-file' } },
    { name: 'truncated.parquet', data: fixture('truncated.parquet'), expect: { error: 'corrupt-parquet' } },
    { name: 'parquet_named_csv.csv', data: fixture('shop_small.parquet'), expect: { rows: 12 } },
    { name: 'json_not_records.json', data: fixture('not_records.json'), expect: { error: 'not-records' } },
    { name: 'json_numbers.json', data: text('[1, 2, 3]'), expect: { error: 'not-records' } },
    { name: 'json_invalid.json', data: text('[{"user_id": "u1", "clicked": 1}, {"user_id": '), expect: { error: 'invalid-json' } },
    { name: 'jsonl_broken_line.jsonl', data: text('{"user_id":"u1","clicked":1}\n{"user_id":"u2","clicked":0}\n{"user_id": oops}\n'), expect: { error: 'invalid-json' } },
    { name: 'json_proto_keys.json', data: text(JSON.stringify(Array.from({ length: 10 }, (_, i) => ({ ['__proto__']: `p${i}`, user_id: `u${i}`, clicked: i % 2 }))).replace(/"__proto__"/g, '"__proto__"')), expect: { rows: 10, check: 'no-prototype-pollution' } },
    { name: 'html_page.csv', data: text('<!doctype html><html><head><title>Login</title></head><body><p>Session expired</p></body></html>\n'), expect: { error: 'too-few-columns' } },
  ];
}
