// Label values straight from the bytes of a line to string ids: each distinct byte sequence
// is decoded once, later occurrences are found by hash and a byte comparison, so a reader of
// hundreds of thousands of series neither decodes nor allocates per value.
import { Buffer } from 'node:buffer';
import { HASH_SEED } from './hash-seed.ts';
import type { StringTable } from './string-table.ts';
import { finishHash } from './tuple-table.ts';

const EMPTY = -1;

export class ByteInterner {
  readonly strings: StringTable;
  /** The bytes of every distinct sequence, back to back. */
  // Small to start with: the live source makes one per pod; all of it doubles as it fills.
  private arena = new Uint8Array(4096);
  private used = 0;
  // Per distinct byte sequence: where its bytes are, their hash, and the string id.
  private offsets = new Int32Array(64);
  private lengths = new Int32Array(64);
  private hashes = new Int32Array(64);
  private ids = new Int32Array(64);
  private count = 0;
  private slots = new Int32Array(128).fill(EMPTY);
  private mask = 127;

  private readonly seed: number;
  /** Occupied slots passed over by lookups: about one per lookup, unless hashes were made to collide. */
  probes = 0;

  /** `seed`: the process's (tests give FNV-1a's own basis, to meet collisions made for it). */
  constructor(strings: StringTable, seed: number = HASH_SEED) {
    this.strings = strings;
    this.seed = seed;
  }

  /** The entry (distinct byte sequence) the last intern() found or added. */
  lastEntry = -1;

  /** Whether buf[start, end) holds the bytes of `entry` (a cheap test before hashing). */
  holds(entry: number, buf: Uint8Array, start: number, end: number): boolean {
    return this.lengths[entry] === end - start && this.sameBytes(entry, buf, start, end - start);
  }

  /** The string id of an entry. */
  idOf(entry: number): number {
    return this.ids[entry]!;
  }

  /** The string id of buf[start, end), decoded as UTF-8 (as the whole line would decode). */
  intern(buf: Buffer, start: number, end: number): number {
    let h = this.seed;
    for (let i = start; i < end; i++) h = Math.imul(h ^ buf[i]!, 0x01000193);
    h = finishHash(h);
    const length = end - start;
    let slot = h & this.mask;
    for (; ; slot = (slot + 1) & this.mask) {
      const e = this.slots[slot]!;
      if (e === EMPTY) break;
      if (this.hashes[e] === h && this.lengths[e] === length && this.sameBytes(e, buf, start, length)) {
        this.lastEntry = e;
        return this.ids[e]!;
      }
      this.probes++;
    }
    return this.add(slot, h, buf, start, end);
  }

  private sameBytes(e: number, buf: Uint8Array, start: number, length: number): boolean {
    const arena = this.arena;
    const at = this.offsets[e]!;
    for (let i = 0; i < length; i++) if (arena[at + i] !== buf[start + i]) return false;
    return true;
  }

  private add(slot: number, hash: number, buf: Buffer, start: number, end: number): number {
    const length = end - start;
    if (this.count === this.offsets.length) this.growEntries();
    while (this.used + length > this.arena.length) {
      const bigger = new Uint8Array(this.arena.length * 2);
      bigger.set(this.arena.subarray(0, this.used));
      this.arena = bigger;
    }
    this.arena.set(buf.subarray(start, end), this.used);
    const e = this.count++;
    this.offsets[e] = this.used;
    this.lengths[e] = length;
    this.hashes[e] = hash;
    // Two byte sequences may decode to one string (invalid UTF-8 becomes U+FFFD): the string
    // table keeps them one id.
    this.ids[e] = this.strings.intern(Buffer.prototype.toString.call(buf, 'utf8', start, end));
    this.used += length;
    this.slots[slot] = e;
    this.lastEntry = e;
    if (this.count * 2 > this.slots.length) this.rehash();
    return this.ids[e]!;
  }

  private growEntries(): void {
    const grow = (a: Int32Array) => {
      const b = new Int32Array(a.length * 2);
      b.set(a);
      return b;
    };
    this.offsets = grow(this.offsets);
    this.lengths = grow(this.lengths);
    this.hashes = grow(this.hashes);
    this.ids = grow(this.ids);
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2).fill(EMPTY);
    const mask = slots.length - 1;
    for (let e = 0; e < this.count; e++) {
      let slot = this.hashes[e]! & mask;
      while (slots[slot] !== EMPTY) slot = (slot + 1) & mask;
      slots[slot] = e;
    }
    this.slots = slots;
    this.mask = mask;
  }
}
