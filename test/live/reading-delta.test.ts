// --window: what grew between two readings of cumulative counters, per pod and series.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Sample } from '../../src/observe/exposition-line.ts';
import { samplesGrown } from '../../src/observe/live/reading-delta.ts';

const sample = (path: string, value: number): Sample => ({
  metric: 'istio_requests_total',
  labels: { request_path: path },
  value,
  line: 1,
});

describe('samplesGrown', () => {
  test('the growth per series; a counter that went down restarted: its whole value counts', () => {
    const before = new Map([['shop/web-0', [sample('/a', 100), sample('/b', 40), sample('/idle', 5)]]]);
    const after = new Map([['shop/web-0', [sample('/a', 130), sample('/b', 7), sample('/idle', 5)]]]);
    assert.deepEqual(
      samplesGrown(before, after, new Set()).map((s) => [s.labels.request_path, s.value]),
      [
        ['/a', 30],
        ['/b', 7],
      ],
    );
  });

  test('a pod new in the second reading counts whole; one unread the first time is left out', () => {
    const before = new Map<string, Sample[]>();
    const after = new Map([
      ['shop/new-0', [sample('/a', 12)]],
      ['shop/unknown-0', [sample('/a', 99)]],
    ]);
    assert.deepEqual(
      samplesGrown(before, after, new Set(['shop/unknown-0'])).map((s) => s.value),
      [12],
    );
  });
});
