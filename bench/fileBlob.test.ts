import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileBlob } from './fileBlob';
import { readTable } from '../lib/data/formats';

/** The bench's File stand-in must hand the parser exactly the bytes a Blob of the file would. */
describe('fileBlob', () => {
  const dir = mkdtempSync(join(tmpdir(), 'file-blob-'));
  // 3.5 MB: several 1 MB chunks and a short last one.
  const bytes = new Uint8Array(3.5 * 2 ** 20 + 17);
  for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919) % 251;
  const path = join(dir, 'bytes.bin');
  writeFileSync(path, bytes);

  async function streamed(blob: Blob): Promise<Buffer> {
    return Buffer.from(await new Response(blob.stream()).arrayBuffer());
  }
  // Buffer.equals: a deep toEqual over megabytes of elements takes tens of seconds.
  const same = (a: Uint8Array | ArrayBuffer, b: Uint8Array | ArrayBuffer) => Buffer.from(a as ArrayBuffer).equals(Buffer.from(b as ArrayBuffer));

  it('streams, slices and reads the same bytes as an in-memory Blob', async () => {
    const file = fileBlob(path);
    const memory = new Blob([bytes]);
    expect(file.size).toBe(bytes.length);
    expect(same(await streamed(file), bytes)).toBe(true);
    for (const [a, b] of [[0, 4], [2 ** 20 - 3, 2 ** 20 + 5], [1_000_000, undefined], [-10, undefined], [5, 2]] as const) {
      const [fromFile, fromMemory] = [await file.slice(a, b).arrayBuffer(), await memory.slice(a, b).arrayBuffer()];
      expect(fromFile.byteLength).toBe(fromMemory.byteLength);
      expect(same(fromFile, fromMemory)).toBe(true);
      expect(same(await streamed(file.slice(a, b).slice(1)), await streamed(memory.slice(a, b).slice(1)))).toBe(true);
    }
  });

  it('reads a CSV into the same table as a Blob of its text', async () => {
    const csv = `a,b\n${Array.from({ length: 50_000 }, (_, i) => `${i},x${i % 7}`).join('\n')}\n`;
    writeFileSync(join(dir, 't.csv'), csv);
    const fromFile = await readTable(fileBlob(join(dir, 't.csv')), 't.csv');
    const fromMemory = await readTable(new Blob([csv]), 't.csv');
    expect(fromFile).toEqual(fromMemory);
  });
});
