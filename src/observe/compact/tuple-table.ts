// Fixed-width tuples of integers (interned ids) -> dense indexes, in an open-addressing hash
// table over typed arrays: no string key and no object per entry, so a table of a million
// calls costs a few dozen megabytes and no garbage.

import { HASH_SEED } from './hash-seed.ts';

const EMPTY = -1;

/** Mixes one integer into a running 32-bit hash (MurmurHash3's step: every input bit reaches every output bit). */
export function mixHash(hash: number, value: number): number {
  let k = Math.imul(value, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  let h = hash ^ k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/** MurmurHash3's finish: spreads the bits so that the low ones (the slot) depend on all of them. */
export function finishHash(hash: number): number {
  let h = hash ^ (hash >>> 16);
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

export class TupleTable {
  readonly width: number;
  /** width ints per entry, in insertion order. */
  private data: Int32Array;
  /** Each entry's hash, so that growing the table never hashes again. */
  private hashes: Int32Array;
  private slots: Int32Array;
  private mask: number;
  size = 0;

  constructor(width: number, capacity = 1024) {
    this.width = width;
    let slots = 16;
    while (slots < capacity * 2) slots *= 2;
    this.slots = new Int32Array(slots).fill(EMPTY);
    this.mask = slots - 1;
    this.data = new Int32Array(Math.max(16, capacity) * width);
    this.hashes = new Int32Array(Math.max(16, capacity));
  }

  private hashOf(key: ArrayLike<number>): number {
    let h = HASH_SEED;
    for (let i = 0; i < this.width; i++) h = mixHash(h, key[i]!);
    return finishHash(h);
  }

  private equalsAt(index: number, key: ArrayLike<number>): boolean {
    const base = index * this.width;
    for (let i = 0; i < this.width; i++) if (this.data[base + i] !== key[i]) return false;
    return true;
  }

  /** The index of `key` (its first `width` ints), or -1. */
  find(key: ArrayLike<number>): number {
    for (let slot = this.hashOf(key) & this.mask; ; slot = (slot + 1) & this.mask) {
      const index = this.slots[slot]!;
      if (index === EMPTY || this.equalsAt(index, key)) return index;
    }
  }

  /** The index of `key`, adding it when new (`added` then tells so). */
  intern(key: ArrayLike<number>): number {
    const hash = this.hashOf(key);
    let slot = hash & this.mask;
    for (; ; slot = (slot + 1) & this.mask) {
      const index = this.slots[slot]!;
      if (index === EMPTY) break;
      if (this.hashes[index] === hash && this.equalsAt(index, key)) {
        this.added = false;
        return index;
      }
    }
    const index = this.size++;
    if (this.size > this.hashes.length) this.growData();
    this.hashes[index] = hash;
    const base = index * this.width;
    for (let i = 0; i < this.width; i++) this.data[base + i] = key[i]!;
    this.slots[slot] = index;
    this.added = true;
    if (this.size * 2 > this.slots.length) this.rehash();
    return index;
  }

  /** Whether the last intern() added its key. */
  added = false;

  /** Field `field` of entry `index`. */
  at(index: number, field: number): number {
    return this.data[index * this.width + field]!;
  }

  /** The entries, width ints each (a copy, trimmed to size). */
  entries(): Int32Array {
    return this.data.slice(0, this.size * this.width);
  }

  private growData(): void {
    const data = new Int32Array(this.data.length * 2);
    data.set(this.data);
    this.data = data;
    const hashes = new Int32Array(this.hashes.length * 2);
    hashes.set(this.hashes);
    this.hashes = hashes;
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2).fill(EMPTY);
    const mask = slots.length - 1;
    for (let index = 0; index < this.size; index++) {
      let slot = this.hashes[index]! & mask;
      while (slots[slot] !== EMPTY) slot = (slot + 1) & mask;
      slots[slot] = index;
    }
    this.slots = slots;
    this.mask = mask;
  }
}
