/**
 * Each key's code 0…count−1, in order of first appearance: users or slates as array indices. A
 * Map<number, number> over a million user ids took ~0.3 s of the page's main thread when a file
 * loaded (lib/profile/actions.ts); open addressing over typed arrays takes a few milliseconds.
 * Keys compare as a Map's do: −0 is 0, and every NaN (a missing id) is one key.
 */
export function denseCodes(keys: ArrayLike<number>): { codes: Int32Array; count: number } {
  const n = keys.length;
  const codes = new Int32Array(n);
  let capacity = 16;
  while (capacity < 2 * Math.min(n, 1 << 16)) capacity *= 2;
  let table = { keys: new Float64Array(capacity), codes: new Int32Array(capacity).fill(-1) };
  let count = 0;
  let nanCode = -1;
  const scratch = new Float64Array(1);
  const bits = new Int32Array(scratch.buffer);
  const slotOf = (t: typeof table, v: number): number => {
    scratch[0] = v;
    let h = Math.imul(bits[0] ^ Math.imul(bits[1], 0x9e3779b1), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    const mask = t.keys.length - 1;
    let slot = (h ^ (h >>> 16)) & mask;
    while (t.codes[slot] >= 0 && t.keys[slot] !== v) slot = (slot + 1) & mask;
    return slot;
  };
  for (let i = 0; i < n; i++) {
    const key = keys[i];
    if (key !== key) {
      codes[i] = nanCode >= 0 ? nanCode : (nanCode = count++);
      continue;
    }
    const v = key === 0 ? 0 : key;
    const slot = slotOf(table, v);
    if (table.codes[slot] >= 0) {
      codes[i] = table.codes[slot];
      continue;
    }
    table.keys[slot] = v;
    table.codes[slot] = count;
    codes[i] = count++;
    if (count * 2 > table.keys.length) {
      // Grow: every key so far moves to the larger table with its code.
      const old = table;
      table = { keys: new Float64Array(old.keys.length * 2), codes: new Int32Array(old.keys.length * 2).fill(-1) };
      for (let s = 0; s < old.keys.length; s++) {
        if (old.codes[s] < 0) continue;
        const at = slotOf(table, old.keys[s]);
        table.keys[at] = old.keys[s];
        table.codes[at] = old.codes[s];
      }
    }
  }
  return { codes, count };
}
