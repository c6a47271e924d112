// The parts of a large capture: claimed once each from a counter the threads share, and merged
// in file order whatever order they are read in.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { InputError } from '../../src/errors.ts';
import { ObservedMapBuilder } from '../../src/observe/observed-map.ts';
import { OrderedMerge, PartQueue } from '../../src/observe/part-queue.ts';

/** A part's tables: one call (so the counts add up) and one warning naming the part. */
function part(name: string, count: number) {
  const b = new ObservedMapBuilder();
  b.sources = 1;
  b.add({
    metric: 'istio_requests_total',
    value: count,
    line: 1,
    labels: {
      reporter: 'source',
      source_workload: 'client',
      source_workload_namespace: 'shop',
      destination_workload: 'api',
      destination_workload_namespace: 'shop',
      request_protocol: 'http',
      request_method: 'GET',
      request_path: '/items',
    },
  });
  b.addWarning(`read ${name}`);
  return b.export();
}

describe('PartQueue', () => {
  test('hands out each part once, in order, across queues on one counter; none after close', () => {
    const a = new PartQueue(4);
    const b = new PartQueue(4, a.shared);
    assert.deepEqual([a.claim(), b.claim(), b.claim()], [0, 1, 2]);
    a.close();
    assert.deepEqual([a.claim(), b.claim()], [-1, -1]);
    const c = new PartQueue(2);
    assert.deepEqual([c.claim(), c.claim(), c.claim(), c.claim()], [0, 1, -1, -1]);
  });
});

describe('OrderedMerge', () => {
  test('parts that come out of order are merged in file order', () => {
    const merge = new OrderedMerge(3);
    merge.put(2, { part: part('c', 4) });
    merge.put(0, { part: part('a', 1) });
    merge.put(1, { part: part('b', 2) });
    const map = merge.finish();
    assert.deepEqual(
      map.warnings.filter((w) => w.startsWith('read ')),
      ['read a', 'read b', 'read c'],
    );
    assert.equal(map.calls.length, 1);
    assert.equal(map.calls[0]!.count, 7);
    assert.equal(map.stats.sources, 3);
  });

  test('the first failure in file order wins, whichever came first', () => {
    const merge = new OrderedMerge(4);
    merge.put(0, { part: part('a', 1) });
    merge.put(3, { reason: new InputError('late', { file: 'd.prom', line: 9 }) });
    merge.put(1, { reason: new InputError('early', { file: 'b.prom', line: 2 }) });
    assert.throws(() => merge.finish(), { message: 'early', file: 'b.prom', line: 2 });
  });

  test("a part never read is an error: the lost worker's, else one that says which part", () => {
    const lost = new Error('reading the metrics stopped (exit code 1) without an answer');
    const merge = new OrderedMerge(3);
    merge.put(0, { part: part('a', 1) });
    merge.put(2, { part: part('c', 1) });
    assert.throws(() => merge.finish(lost), lost);
    assert.throws(() => merge.finish(), { message: 'part 2 of 3 of the metrics was never read' });
  });

  test('a part that failed wins over a worker lost later: the reading error keeps its file and line', () => {
    const lost = new Error('reading the metrics stopped (exit code 1) without an answer');
    const merge = new OrderedMerge(3);
    merge.put(0, { part: part('a', 1) });
    merge.put(1, { reason: new InputError('bad label', { file: 'b.prom', line: 4 }) });
    assert.throws(() => merge.finish(lost), { message: 'bad label', file: 'b.prom', line: 4 });
  });
});
