// --window: what grew between two readings of cumulative counters, per series of one pod.
// (Which pods count whole or not at all: test/live/sidecars-window.test.ts.)
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Sample } from '../../src/observe/exposition-line.ts';
import {
  grownSince,
  type ProxyClock,
  seriesValues,
  startedBetween,
  UPTIME_SLACK_SECONDS,
} from '../../src/observe/live/reading-delta.ts';

const sample = (path: string, value: number, labels: Record<string, string> = {}): Sample => ({
  metric: 'istio_requests_total',
  labels: { request_path: path, ...labels },
  value,
  line: 1,
});

describe('grownSince', () => {
  test('the growth per series; a counter that went down restarted: its whole value counts', () => {
    const then = seriesValues([sample('/a', 100), sample('/b', 40), sample('/idle', 5)]);
    assert.deepEqual(
      grownSince(then, [sample('/a', 130), sample('/b', 7), sample('/idle', 5), sample('/new', 3)]).map(
        (s) => [s.labels.request_path, s.value],
      ),
      [
        ['/a', 30],
        ['/b', 7],
        ['/new', 3],
      ],
    );
  });

  test('a series is its metric and every label, whatever the values hold, in any order', () => {
    // Joined with separators, these two label sets would read the same.
    const then = seriesValues([sample('/a', 50, { x: 'b\u0000y=c' })]);
    assert.deepEqual(
      grownSince(then, [sample('/a', 60, { x: 'b', y: 'c' })]).map((s) => s.value),
      [60],
      'another series: counted whole',
    );
    const reordered: Sample = { ...sample('/a', 80), labels: { x: 'b\u0000y=c', request_path: '/a' } };
    assert.deepEqual(
      grownSince(then, [reordered]).map((s) => s.value),
      [30],
    );
    const otherMetric: Sample = {
      ...sample('/a', 80, { x: 'b\u0000y=c' }),
      metric: 'istio_tcp_connections_opened_total',
    };
    assert.deepEqual(
      grownSince(then, [otherMetric]).map((s) => s.value),
      [80],
    );
  });
});

describe('grownSince: series told apart and repeated', () => {
  test('the same value under another label name is another series', () => {
    const then = seriesValues([sample('/a', 50, { x: 'v' })]);
    assert.deepEqual(
      grownSince(then, [sample('/a', 60, { y: 'v' })]).map((s) => s.value),
      [60],
    );
  });

  test('a series written twice in each answer grows by the growth of its sum', () => {
    // An app appending its own copy of a series to the merged answer: 10 + 5, then 12 + 5.
    const then = seriesValues([sample('/a', 10), sample('/a', 5), sample('/b', 1)]);
    assert.deepEqual(
      grownSince(then, [sample('/a', 12), sample('/b', 1), sample('/a', 5)]).map((s) => [
        s.labels.request_path,
        s.value,
      ]),
      [['/a', 2]],
    );
    // Written twice only in the second answer: its sum against the one value before.
    assert.deepEqual(
      grownSince(seriesValues([sample('/a', 10)]), [sample('/a', 10), sample('/a', 4)]).map((s) => s.value),
      [4],
    );
  });
});

describe('startedBetween (Envoy uptime across the two readings)', () => {
  // The first answer read whole at 1,000 ms (uptime 5,000 s); the second asked for 300 s later.
  const first: ProxyClock = { sentMs: 900, answeredMs: 1_000, uptimeSeconds: 5_000 };
  const second = (uptimeSeconds: number | undefined, afterSeconds = 300): ProxyClock => ({
    sentMs: 1_000 + afterSeconds * 1000,
    answeredMs: 1_000 + afterSeconds * 1000 + 50,
    uptimeSeconds,
  });

  test('no restart: the uptime grew by the time between, up to a flush behind', () => {
    assert.equal(startedBetween(first, second(5_300)), false);
    assert.equal(startedBetween(first, second(5_300 - UPTIME_SLACK_SECONDS)), false, 'at the margin');
    // Asked again at once: the same flush's value.
    assert.equal(startedBetween(first, second(5_000, 0.02)), false);
  });

  test('a restart: an uptime below that, even one above the first reading', () => {
    assert.equal(startedBetween(first, second(3)), true, 'started 3 s before the second answer');
    assert.equal(startedBetween(first, second(5_300 - UPTIME_SLACK_SECONDS - 1)), true, 'past the margin');
    // Asked 10,000 s later, 5,100 s of uptime: above the first reading's 5,000, yet it started
    // about 4,900 s into the window.
    assert.equal(startedBetween(first, second(5_100, 10_000)), true);
  });

  test('unknown when either answer has no uptime: false (the other checks stand alone)', () => {
    assert.equal(startedBetween({ ...first, uptimeSeconds: undefined }, second(3)), false);
    assert.equal(startedBetween(first, second(undefined)), false);
  });
});
