// The string table against a Map, the model it replaced: the same ids for any sequence of
// strings (lone surrogates, the empty string, strings that collide in FNV-1a included), and a
// seed of its own in each process.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, test } from 'node:test';
import fc from 'fast-check';
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
