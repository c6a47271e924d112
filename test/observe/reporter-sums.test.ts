// The per-(call, reporter) counter sums against a Map keyed by the pair: the same sums, sizes and
// largest sums for any sequence of additions, through each growth of the per-call arrays (call
// indexes past the first 1,024, and past twice the table at once) and of the third reporters' sums.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { ReporterSums } from '../../src/observe/compact/reporter-sums.ts';

type Add = [call: number, reporter: number, value: number];

function model(adds: readonly Add[]): Map<string, { call: number; reporter: number; sum: number }> {
  const sums = new Map<string, { call: number; reporter: number; sum: number }>();
  for (const [call, reporter, value] of adds) {
    const key = `${call},${reporter}`;
    const entry = sums.get(key) ?? { call, reporter, sum: 0 };
    entry.sum += value;
    sums.set(key, entry);
  }
  return sums;
}

function agrees(adds: readonly Add[], calls: number): void {
  const sums = new ReporterSums();
  for (const [call, reporter, value] of adds) sums.add(call, reporter, value);
  const want = model(adds);
  const byPair = (a: { call: number; reporter: number }, b: { call: number; reporter: number }) =>
    a.call - b.call || a.reporter - b.reporter;
  assert.deepEqual([...sums.entries()].sort(byPair), [...want.values()].sort(byPair));
  assert.equal(sums.size, want.size);
  const largest = new Float64Array(calls);
  for (const { call, sum } of want.values()) if (call < calls && sum > largest[call]!) largest[call] = sum;
  assert.deepEqual(sums.largest(calls), largest);
}

describe('ReporterSums', () => {
  test('one sum per (call, reporter), as a Map gives them, for sparse and dense calls', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.oneof(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1000, max: 6000 })),
            fc.integer({ min: 0, max: 4 }),
            fc.integer({ min: 0, max: 1000 }),
          ),
          { maxLength: 200 },
        ),
        (adds) => agrees(adds, 6001),
      ),
      { numRuns: 300 },
    );
  });

  test('call 1024, the first past the initial arrays, and a call far past twice their size', () => {
    agrees(
      [
        [1024, 0, 3],
        [1024, 1, 4],
        [1024, 0, 2],
      ],
      1025,
    );
    agrees(
      [
        [1024, 0, 3],
        [1024, 1, 4],
        [1024, 0, 2],
        [9000, 2, 5],
        [9000, 3, 1],
        [9000, 2, 1],
      ],
      9001,
    );
  });

  test('third and later reporters of many calls: the sums past the first sixteen are kept', () => {
    const adds: Add[] = [];
    for (let call = 0; call < 40; call++) {
      for (let reporter = 0; reporter < 4; reporter++) adds.push([call, reporter, call * 10 + reporter + 1]);
    }
    agrees([...adds, ...adds], 40);
  });

  test('the largest sum is of any reporter, the third included; 0 when none is positive', () => {
    const sums = new ReporterSums();
    sums.add(0, 7, 1);
    sums.add(0, 8, 5);
    sums.add(0, 9, 9);
    sums.add(1, 7, 4);
    sums.add(1, 8, 2);
    sums.add(3, 7, 0);
    assert.deepEqual([...sums.largest(4)], [9, 4, 0, 0]);
    assert.deepEqual([...sums.largest(1)], [9]);
  });
});
