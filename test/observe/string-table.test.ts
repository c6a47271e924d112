// The string table against a Map, the model it replaced: the same ids for any sequence of
// strings (lone surrogates, the empty string, strings that collide in FNV-1a included), and a
// seed of its own in each process.
import assert from 'node:assert/strict';
import { Buffer } from 'node:buffer';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { ByteInterner } from '../../src/observe/compact/byte-interner.ts';
import { StringTable } from '../../src/observe/compact/string-table.ts';

/** Pairs that collide in unseeded 32-bit FNV-1a (known examples): the table must tell them apart. */
const FNV_COLLISIONS = ['costarring', 'liquid', 'declinate', 'macallums', 'altarage', 'zinke'];

function model(values: readonly string[]): { ids: number[]; table: string[] } {
  const ids = new Map<string, number>();
  const table: string[] = [];
  return {
    ids: values.map((v) => {
      let id = ids.get(v);
      if (id === undefined) {
        id = table.length;
        table.push(v);
        ids.set(v, id);
      }
      return id;
    }),
    table,
  };
}

describe('StringTable', () => {
  test('the ids a Map gives, for any strings, through every growth of the table', () => {
    const strings = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 12 }),
      fc.constantFrom('', ...FNV_COLLISIONS, '\ud800', '\udc00', 'a\u0000b'),
      fc.nat(3000).map((n) => `/api/v1/items/${n}`),
    );
    fc.assert(
      fc.property(
        fc.array(strings, { maxLength: 3000 }),
        fc.array(strings, { maxLength: 50 }),
        (values, probes) => {
          // Unseeded FNV-1a (its own basis): the known collisions collide here.
          const table = new StringTable(0x811c9dc5);
          const expected = model(values);
          assert.deepEqual(
            values.map((v) => table.intern(v)),
            expected.ids,
          );
          assert.deepEqual(table.values, expected.table);
          assert.equal(table.size, expected.table.length);
          for (const p of probes) assert.equal(table.find(p), expected.table.indexOf(p));
          expected.table.forEach((v, id) => {
            assert.equal(table.find(v), id);
            assert.equal(table.value(id), v);
          });
        },
      ),
      { numRuns: 200 },
    );
  });

  test('thousands of strings, each interned again after every growth: one id each, all found', () => {
    const table = new StringTable();
    for (let i = 0; i < 5000; i++) {
      assert.equal(table.intern(`/q/${i}`), i);
      // Every string so far at a power of two, when the table has just grown.
      if ((i & (i + 1)) === 0) for (let j = 0; j <= i; j++) assert.equal(table.intern(`/q/${j}`), j);
    }
    for (let i = 0; i < 5000; i++) assert.equal(table.find(`/q/${i}`), i);
    assert.equal(table.size, 5000);
  });

  test('a million distinct strings keep their ids', () => {
    const table = new StringTable();
    for (let i = 0; i < 1_000_000; i++) assert.equal(table.intern(`/p/${i}`), i);
    for (let i = 0; i < 1_000_000; i += 997) assert.equal(table.find(`/p/${i}`), i);
    assert.equal(table.find('/p/1000000'), -1);
  });

  test('each process draws its own seed: slots are not predictable from outside', () => {
    const seed = path.resolve(import.meta.dirname, '..', '..', 'src', 'observe', 'compact', 'hash-seed.ts');
    const draw = () =>
      execFileSync(
        process.execPath,
        ['-e', `import(${JSON.stringify(seed)}).then((m) => console.log(m.HASH_SEED))`],
        {
          encoding: 'utf8',
        },
      ).trim();
    const seeds = new Set([draw(), draw(), draw()]);
    // Three draws of 31 random bits agree by chance once in 2^62.
    assert.equal(seeds.size, 3);
    for (const s of seeds) assert.equal(Number(s) % 2 !== 0, true, 'the seed is odd');
  });
});

/**
 * `count` paths whose unseeded FNV-1a hash (MurmurHash3-finished, as the tables spread it) has
 * bits 12 to 19 clear: in a table of up to 2^20 slots they all fall in a few windows of 4,096
 * slots, where linear probing walks one cluster for each. What anyone sending requests could
 * make without the seed.
 */
function collidingPaths(count: number): string[] {
  const finish = (hash: number) => {
    let h = hash ^ (hash >>> 16);
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    return h ^ (h >>> 16);
  };
  const paths: string[] = [];
  for (let i = 0; paths.length < count; i++) {
    const path = `/x/${i.toString(36)}`;
    let h = 0x811c9dc5;
    for (let c = 0; c < path.length; c++) h = Math.imul(h ^ path.charCodeAt(c), 0x01000193);
    if (((finish(h) >>> 12) & 0xff) === 0) paths.push(path);
  }
  return paths;
}

describe('hash flooding: label values made to collide', () => {
  const paths = collidingPaths(8000);
  const bytes = paths.map((p) => Buffer.from(p));

  test('the byte interner, seeded, passes about one slot per lookup; unseeded, it walks clusters', () => {
    const seeded = new ByteInterner(new StringTable());
    const unseeded = new ByteInterner(new StringTable(), 0x811c9dc5);
    for (const b of bytes) {
      seeded.intern(b, 0, b.length);
      unseeded.intern(b, 0, b.length);
    }
    // The crafted paths do collide without the seed: this test could fail.
    assert.ok(unseeded.probes > 100 * paths.length, `${unseeded.probes}`);
    assert.ok(seeded.probes < 4 * paths.length, `${seeded.probes}`);
  });

  test('the string table, seeded, likewise', () => {
    const seeded = new StringTable();
    const unseeded = new StringTable(0x811c9dc5);
    for (const p of paths) {
      seeded.intern(p);
      unseeded.intern(p);
    }
    assert.ok(unseeded.probes > 100 * paths.length, `${unseeded.probes}`);
    assert.ok(seeded.probes < 4 * paths.length, `${seeded.probes}`);
  });
});

describe('ByteInterner', () => {
  // What it must give: the string table's id of each value decoded as UTF-8, whatever came before.
  test('the ids of the decoded strings, for any byte values, through every growth', () => {
    const utf8 = fc.string({ unit: fc.constantFrom('a', 'b', 'é', '😀', '/', '\u0000'), maxLength: 8 });
    const values = fc.oneof(
      utf8.map((s) => Buffer.from(s)),
      fc.constantFrom(...FNV_COLLISIONS, '', 'x'.repeat(9000)).map((s) => Buffer.from(s)),
      fc.uint8Array({ maxLength: 6 }).map((a) => Buffer.from(a)),
      fc.nat(300).map((n) => Buffer.from(`/api/v1/items/${n}`)),
    );
    fc.assert(
      fc.property(fc.array(values, { minLength: 50, maxLength: 400 }), (list) => {
        // Unseeded, as the known collisions need; a line of other bytes around each value.
        const strings = new StringTable(0x811c9dc5);
        const interner = new ByteInterner(strings, 0x811c9dc5);
        const expected = model(list.map((b) => b.toString('utf8')));
        const got = list.map((b) => {
          const line = Buffer.concat([Buffer.from('{"k":"'), b, Buffer.from('"}')]);
          return interner.intern(line, 6, 6 + b.length);
        });
        assert.deepEqual(got, expected.ids);
        assert.deepEqual(strings.values, expected.table);
      }),
      { numRuns: 150 },
    );
  });

  test('values whose FNV-1a hashes collide, of one length, stay apart', () => {
    const interner = new ByteInterner(new StringTable(0x811c9dc5), 0x811c9dc5);
    const ids = FNV_COLLISIONS.map((v) => interner.intern(Buffer.from(v), 0, v.length));
    assert.deepEqual(ids, [0, 1, 2, 3, 4, 5]);
    assert.deepEqual(
      FNV_COLLISIONS.map((v) => interner.intern(Buffer.from(v), 0, v.length)),
      ids,
    );
  });

  test('holds: the same bytes, no more and no fewer; lastEntry the entry found or added', () => {
    const interner = new ByteInterner(new StringTable());
    const shop = Buffer.from('shop');
    interner.intern(shop, 0, 4);
    const entry = interner.lastEntry;
    assert.equal(interner.holds(entry, shop, 0, 4), true);
    assert.equal(interner.holds(entry, shop, 0, 3), false, 'a prefix');
    assert.equal(interner.holds(entry, shop, 0, 0), false, 'the empty string');
    assert.equal(interner.holds(entry, Buffer.from('shoe'), 0, 4), false);
    interner.intern(Buffer.from('web'), 0, 3);
    assert.notEqual(interner.lastEntry, entry);
    interner.intern(shop, 0, 4);
    assert.equal(interner.lastEntry, entry, 'found again');
    assert.equal(interner.idOf(entry), 0);
    // A value larger than the arena grows it (more than once): the bytes before stay.
    const large = Buffer.alloc(20_000, 'x');
    interner.intern(large, 0, large.length);
    assert.equal(interner.holds(interner.lastEntry, large, 0, large.length), true);
    assert.equal(interner.holds(entry, shop, 0, 4), true, 'after the arena grew');
    interner.intern(shop, 0, 4);
    assert.equal(interner.lastEntry, entry, 'found again after the arena grew');
  });

  test('thousands of distinct values, each interned again later: one id each', () => {
    const interner = new ByteInterner(new StringTable());
    const bytes = Array.from({ length: 3000 }, (_, i) => Buffer.from(`/api/v1/items/${i}`));
    const entries: number[] = [];
    const first = bytes.map((b) => {
      const id = interner.intern(b, 0, b.length);
      entries.push(interner.lastEntry);
      return id;
    });
    assert.deepEqual(
      first,
      bytes.map((_, i) => i),
    );
    for (const [i, b] of bytes.entries()) {
      assert.equal(interner.intern(b, 0, b.length), i);
      assert.equal(interner.lastEntry, entries[i], 'found, not added again');
    }
    assert.equal(interner.strings.size, 3000);
  });
});
