/**
 * The bench's stand-in for a browser File: a Blob-shaped view of a file on disk whose stream() hands
 * out 1 MB chunks, reading the next while the current one is parsed — as Chromium's File.stream()
 * does in a worker (measured here on the 1M-row CSV's second half: chunks of 1.5–1.8 MB, 3–17 ms of
 * waiting in a 520–680 ms read).
 *
 * Node's own file-backed Blob (fs.openAsBlob) streams 64 KB chunks, each one a round trip through
 * this thread's event loop even when it was asked for early: 0.14–0.2 ms median wait per chunk, 150–190
 * ms idle per half of that file — a cost the app in the browser does not pay, so the ingest row would
 * time Node's blob rather than the app. Only what readTable and parsePart call is implemented:
 * size, slice, arrayBuffer, text, stream.
 */
import { open } from 'node:fs/promises';
import { statSync } from 'node:fs';

const CHUNK_BYTES = 1 << 20;

export function fileBlob(path: string): Blob {
  return new FileSlice(path, 0, statSync(path).size) as unknown as Blob;
}

class FileSlice {
  readonly type = '';

  constructor(
    private readonly path: string,
    private readonly start: number,
    private readonly end: number,
  ) {}

  get size(): number {
    return this.end - this.start;
  }

  slice(from = 0, to = this.size): FileSlice {
    const clamp = (at: number) => Math.min(this.size, Math.max(0, at < 0 ? this.size + at : at));
    const a = clamp(from);
    return new FileSlice(this.path, this.start + a, this.start + Math.max(a, clamp(to)));
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    const file = await open(this.path);
    try {
      const bytes = new Uint8Array(this.size);
      let done = 0;
      while (done < bytes.length) {
        const { bytesRead } = await file.read(bytes, done, bytes.length - done, this.start + done);
        if (bytesRead === 0) break;
        done += bytesRead;
      }
      return bytes.buffer;
    } finally {
      await file.close();
    }
  }

  async text(): Promise<string> {
    return new TextDecoder().decode(await this.arrayBuffer());
  }

  stream(): ReadableStream<Uint8Array> {
    const { path, end } = this;
    let at = this.start;
    let file: Awaited<ReturnType<typeof open>> | null = null;
    let ahead: Promise<Uint8Array> | null = null;
    const read = (from: number): Promise<Uint8Array> => {
      const bytes = new Uint8Array(Math.min(CHUNK_BYTES, end - from));
      return file!.read(bytes, 0, bytes.length, from).then(({ bytesRead }) => bytes.subarray(0, bytesRead));
    };
    return new ReadableStream<Uint8Array>({
      async start() {
        file = await open(path);
      },
      async pull(controller) {
        if (at >= end) {
          await file!.close();
          controller.close();
          return;
        }
        const chunk = await (ahead ?? read(at));
        at += chunk.length;
        ahead = at < end ? read(at) : null; // the next chunk is read while this one is parsed
        if (chunk.length === 0) throw new Error(`${path} ended before its size said`);
        controller.enqueue(chunk);
      },
      async cancel() {
        await ahead?.catch(() => undefined);
        await file?.close();
      },
    });
  }
}
