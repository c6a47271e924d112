// --window: what grew between two readings of cumulative counters, per series of one pod.
// (Which pods count whole or not at all: test/live/sidecars-window.test.ts.)
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Sample } from '../../src/observe/exposition-line.ts';
import { grownSince, seriesValues } from '../../src/observe/live/reading-delta.ts';

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
