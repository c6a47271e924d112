// The seed of the hashes the observe stage's tables use for strings and byte sequences. Label
// values are chosen by whoever sends a request or names a pod: with a fixed hash, paths made to
// collide would turn each table's lookups into a walk over all of them. A seed drawn once per
// thread (each worker draws its own: their tables never share hashes) makes the slots
// unpredictable; ids and every output stay the same, as they follow the order values arrive in.
// Math.random is enough here: V8 seeds it from the system's entropy per isolate, and nothing it
// draws is ever shown. node:crypto would cost each metrics worker 6 to 8 ms to load.

/** FNV-1a's offset basis mixed with 32 random bits, kept odd (never the weak basis 0). */
export const HASH_SEED = (0x811c9dc5 ^ Math.floor(Math.random() * 0x1_0000_0000)) | 1;
