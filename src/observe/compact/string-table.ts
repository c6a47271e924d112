// Distinct strings as dense ids: label values, names and paths repeat across hundreds of
// thousands of series, so the observe stage keeps each once and works on the ids.
//
// An open-addressing table over typed arrays rather than a Map: a Map took 350 to 520 ms to
// intern 400,000 new paths on the benchmark machine, this about a third of that, and merging
// the Prometheus workers' tables interns every string of theirs again. The hash is seeded per
// thread (hash-seed.ts): the strings are label values anyone sending a request chooses.
import { HASH_SEED } from './hash-seed.ts';
import { finishHash } from './tuple-table.ts';

const EMPTY = -1;

/** The seeded FNV-1a hash of a string's UTF-16 code units, spread by MurmurHash3's finish. */
function hashOf(value: string, seed: number): number {
  let h = seed;
  for (let i = 0; i < value.length; i++) h = Math.imul(h ^ value.charCodeAt(i), 0x01000193);
  return finishHash(h);
}

export class StringTable {
  readonly values: string[] = [];
  /** Per id, its string's hash: growing the table never hashes again. */
  private hashes = new Int32Array(256);
  private slots = new Int32Array(512).fill(EMPTY);
  private mask = 511;
  private readonly seed: number;
  /** Occupied slots passed over by lookups: about one per lookup, unless hashes were made to collide. */
  probes = 0;

  /** `seed`: the process's (tests give FNV-1a's own basis, to meet its known collisions). */
  constructor(seed: number = HASH_SEED) {
    this.seed = seed;
  }

  /** The id of `value`, adding it when new. */
  intern(value: string): number {
    const hash = hashOf(value, this.seed);
    let slot = hash & this.mask;
    for (; ; slot = (slot + 1) & this.mask) {
      const id = this.slots[slot]!;
      if (id === EMPTY) break;
      if (this.hashes[id] === hash && this.values[id] === value) return id;
      this.probes++;
    }
    const id = this.values.length;
    this.values.push(value);
    if (id === this.hashes.length) {
      const hashes = new Int32Array(id * 2);
      hashes.set(this.hashes);
      this.hashes = hashes;
    }
    this.hashes[id] = hash;
    this.slots[slot] = id;
    if (this.values.length * 2 > this.slots.length) this.rehash();
    return id;
  }

  /** The id of `value`, or -1 when it was never interned. */
  find(value: string): number {
    const hash = hashOf(value, this.seed);
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const id = this.slots[slot]!;
      if (id === EMPTY) return EMPTY;
      if (this.hashes[id] === hash && this.values[id] === value) return id;
    }
  }

  value(id: number): string {
    return this.values[id]!;
  }

  get size(): number {
    return this.values.length;
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2).fill(EMPTY);
    const mask = slots.length - 1;
    for (let id = 0; id < this.values.length; id++) {
      let slot = this.hashes[id]! & mask;
      while (slots[slot] !== EMPTY) slot = (slot + 1) & mask;
      slots[slot] = id;
    }
    this.slots = slots;
    this.mask = mask;
  }
}
