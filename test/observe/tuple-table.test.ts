// The tuple table (calls, reporter sums and Services as fixed-width tuples of ids) against a Map
// keyed by the tuple's text: the same indexes for any sequence of tuples, through every growth of
// its arrays and slots; find() tells apart tuples that differ only in their last field, and
// entries() holds the tuples added, no spare capacity.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { HASH_SEED } from '../../src/observe/compact/hash-seed.ts';
import { finishHash, mixHash, TupleTable } from '../../src/observe/compact/tuple-table.ts';

describe('TupleTable', () => {
  test('the index of each tuple, as a Map gives it, across growth', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: -1, max: 40 }), fc.integer({ min: -1, max: 40 })), {
          maxLength: 300,
        }),
        fc.integer({ min: 1, max: 64 }),
        (keys, capacity) => {
          const table = new TupleTable(2, capacity);
          const model = new Map<string, number>();
          for (const key of keys) {
            const want = model.get(key.join()) ?? model.size;
            const fresh = !model.has(key.join());
            model.set(key.join(), want);
            assert.equal(table.intern(key), want);
            assert.equal(table.added, fresh);
          }
          assert.equal(table.size, model.size);
          for (const [text, index] of model) assert.equal(table.find(text.split(',').map(Number)), index);
          assert.deepEqual(
            [...table.entries()],
            [...model.keys()].flatMap((t) => t.split(',').map(Number)),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  test('200,000 tuples: each found again after every rehash, none added twice', () => {
    const table = new TupleTable(3);
    const n = 200_000;
    for (let i = 0; i < n; i++) assert.equal(table.intern([i, i % 7, -1]), i);
    for (let i = 0; i < n; i++) {
      if (table.find([i, i % 7, -1]) !== i) assert.fail(`tuple ${i} is lost`);
      if (table.intern([i, i % 7, -1]) !== i || table.added) assert.fail(`tuple ${i} was added again`);
    }
    assert.equal(table.size, n);
  });

  test('tuples whose slot is the last one wrap to the first, in intern(), find() and the rehash', () => {
    // This process's seed is known here, so the keys can be picked: each hashes to the last slot of
    // 16 and of 32 (the table's slots before and after its first rehash).
    const last: number[] = [];
    for (let k = 0; last.length < 3; k++) if ((finishHash(mixHash(HASH_SEED, k)) & 31) === 31) last.push(k);
    const [a, b, c] = last as [number, number, number];
    const table = new TupleTable(1, 8);
    assert.equal(table.intern([a]), 0);
    assert.equal(table.intern([b]), 1);
    assert.equal(table.find([c]), -1);
    for (let k = 1; table.size < 9; k++) table.intern([-k]); // the ninth tuple rehashes to 32 slots
    assert.equal(table.size, 9);
    assert.deepEqual([table.find([a]), table.find([b]), table.find([c])], [0, 1, -1]);
    assert.deepEqual([table.intern([b]), table.added], [1, false]);
  });

  test('find() of a tuple that differs only in its last field is -1', () => {
    const table = new TupleTable(2);
    for (let i = 0; i < 1000; i++) table.intern([7, i]);
    const found = [];
    for (let i = 1000; i < 3000; i++) if (table.find([7, i]) !== -1) found.push(i);
    assert.deepEqual(found, []);
    assert.equal(table.find([7, 999]), 999);
  });

  test('entries() is the tuples added, in order, and nothing of the spare capacity', () => {
    const table = new TupleTable(3, 16);
    table.intern([1, 2, 3]);
    table.intern([4, 5, 6]);
    table.intern([1, 2, 3]);
    assert.deepEqual([...table.entries()], [1, 2, 3, 4, 5, 6]);
  });
});
