// The rows a Prometheus read takes are bounded (MAX_PROMETHEUS_ROWS): a series count above the
// bound is refused before any part is asked for, and answers that outgrow the count are refused
// once the read passes it, on one thread or summed over the worker threads that share the read.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { InputError } from '../../src/errors.ts';
import { MAX_PROMETHEUS_ROWS, readPrometheus } from '../../src/observe/live/prometheus-source.ts';
import { mesh, standIn } from '../support/prometheus-mesh-calls.ts';
import { scriptedPrometheus } from '../support/scripted-prometheus.ts';

const REQUESTS_PART = 'istio_requests_total{reporter="destination"';

describe('prometheus source: the most rows a read takes', () => {
  test('a count at the bound is read; one row more is refused before any part is asked for', async () => {
    const api = await standIn(mesh(6, 25));
    const now = new Date();
    const read = (maxRows?: number) =>
      readPrometheus({ url: api.url, since: '10m', now, workers: 1, ...(maxRows ? { maxRows } : {}) });
    const whole = await read();
    assert.equal(whole.calls.length, 150);
    assert.ok(150 < MAX_PROMETHEUS_ROWS);
    assert.deepStrictEqual(await read(150), whole);
    const before = api.queries.length;
    await assert.rejects(read(149), (err: unknown) => {
      assert.ok(err instanceof InputError, String(err));
      assert.match(
        err.message,
        /counts 150 istio_requests_total series in 6 callers' namespaces, more than the 149 rows intent-drift reads/,
      );
      assert.match(err.message, /a label holding IDs/);
      return true;
    });
    assert.equal(api.queries.length - before, 1, 'the size query only');
    assert.ok(!api.queries.slice(before).some((q) => q.query.includes(REQUESTS_PART)));
  });
});

/**
 * A Prometheus whose series count says `counted` per namespace, and whose requests queries each
 * answer `answered` rows, all distinct (the last part, every other namespace, answers none).
 */
function outgrowingPrometheus(counted: Record<string, number>, answered: number) {
  let next = 0;
  return scriptedPrometheus((query) => {
    const at = Date.now() / 1000;
    if (query.startsWith('count by (source_workload_namespace)')) {
      return Object.entries(counted).map(([ns, n]) => ({
        metric: { source_workload_namespace: ns },
        value: [at, String(n)],
      }));
    }
    if (!query.includes(REQUESTS_PART) || query.includes('!~')) return [];
    return Array.from({ length: answered }, () => {
      const n = next++;
      return {
        metric: {
          source_workload: `c${n}`,
          source_workload_namespace: 'team-0',
          destination_workload: 'api',
          destination_workload_namespace: 'team-0',
          request_protocol: 'http',
          request_method: 'GET',
          request_path: `/items/${n}`,
        },
        value: [at, '3'],
      };
    });
  });
}

const refusedAt = (max: number) => (err: unknown) => {
  assert.ok(err instanceof InputError, String(err));
  assert.match(
    err.message,
    new RegExp(`^Prometheus at http://127\\.0\\.0\\.1:\\d+ answered more than ${max} rows of calls`),
  );
  assert.match(err.message, /its series count promised fewer/);
  return true;
};

describe('prometheus source: answers that outgrow the series count', () => {
  test('one thread stops once its rows pass the bound', async () => {
    const api = await outgrowingPrometheus({ 'team-0': 10 }, 300);
    try {
      await assert.rejects(
        readPrometheus({ url: api.url, since: '10m', workers: 1, maxRows: 100 }),
        refusedAt(100),
      );
      // Within the bound, the same answers are read whole.
      const map = await readPrometheus({ url: api.url, since: '10m', workers: 1, maxRows: 300 });
      assert.equal(map.calls.length, 300);
    } finally {
      await api.close();
    }
  });

  test('two worker threads count the read together: 80 rows each pass a bound of 150', async () => {
    // Counted 60 a namespace, split at 60 rows a part: team-0, team-1, then every other one.
    const counted = { 'team-0': 60, 'team-1': 60 };
    const api = await outgrowingPrometheus(counted, 80);
    const read = (workers: number, maxRows: number) =>
      readPrometheus({ url: api.url, since: '10m', workers, maxRowsPerQuery: 60, maxRows });
    try {
      await assert.rejects(read(2, 150), refusedAt(150));
      assert.equal(
        api.queries.filter((q) => q.includes(REQUESTS_PART) && !q.includes('!~')).length,
        2,
        'both parts were asked for',
      );
      await assert.rejects(read(1, 150), refusedAt(150));
      // At the bound: read whole, on two threads or one.
      assert.equal((await read(2, 160)).calls.length, 160);
      assert.equal((await read(1, 160)).calls.length, 160);
    } finally {
      await api.close();
    }
  });
});
