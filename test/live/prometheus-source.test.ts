// The prometheus source's own decisions, against the stand-in that evaluates its queries
// (test/support/prometheus-api-server.ts): the range it reads without --since, the window it
// reports, what it counts as a source, and the warnings it adds: no Istio traffic at all, no
// caller's sidecar (never for TCP-only traffic), and Prometheus' notes on the size query.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readPrometheus } from '../../src/observe/live/prometheus-source.ts';
import { NO_CLIENT_SIDECAR } from '../../src/observe/observed-map.ts';
import { startPrometheusApi } from '../support/prometheus-api-server.ts';
import { closeAfter, expected, mesh, seen, seriesOf, standIn } from '../support/prometheus-mesh-calls.ts';

const NO_TRAFFIC = /has no Istio traffic/;

describe('prometheus source: the range read', () => {
  test('without --since: the last hour before the evaluation time, as the window says; one source', async () => {
    const calls = mesh(1, 3);
    const api = await standIn(calls);
    const now = new Date('2026-06-01T12:00:00.000Z');
    const map = await readPrometheus({ url: api.url, now });
    assert.deepEqual(seen(map), expected(calls));
    assert.deepEqual(map.window, { from: '2026-06-01T11:00:00.000Z', to: '2026-06-01T12:00:00.000Z' });
    // The size query has no range; every other query reads the hour.
    const ranged = api.queries.slice(1).map((q) => q.query);
    assert.ok(ranged.length >= 3 && ranged.every((q) => q.includes('[3600s]')), ranged.join('\n'));
    assert.equal(map.stats.sources, 1);
  });

  test('--since 10m: ten minutes, from then to now', async () => {
    const api = await standIn(mesh(1, 3));
    const now = new Date('2026-06-01T12:00:00.000Z');
    const map = await readPrometheus({ url: api.url, now, since: '10m' });
    assert.deepEqual(map.window, { from: '2026-06-01T11:50:00.000Z', to: '2026-06-01T12:00:00.000Z' });
    assert.ok(api.queries.slice(1).every((q) => q.query.includes('[600s]')));
  });
});

describe('prometheus source: what the report is told', () => {
  test('a Prometheus without Istio series: an empty map and the one warning that says so', async () => {
    const empty = await startPrometheusApi({ series: () => [] });
    closeAfter(empty.close);
    const map = await readPrometheus({ url: empty.url, since: '10m' });
    assert.deepEqual(map.calls, []);
    assert.deepEqual(
      map.warnings.filter((w) => NO_TRAFFIC.test(w)),
      [`Prometheus at ${empty.url} has no Istio traffic in the last 600s`],
    );
  });

  test('HTTP calls and no TCP connections: no word of missing traffic', async () => {
    const api = await standIn(mesh(2, 4));
    const map = await readPrometheus({ url: api.url, since: '10m' });
    assert.equal(map.calls.length, 8);
    assert.ok(!map.warnings.some((w) => NO_TRAFFIC.test(w)), map.warnings.join('\n'));
  });

  test("TCP connections only: the calls, and no warning that no caller's sidecar counted a request", async () => {
    // A database that only the servers' sidecars report (reporter="destination"): a TCP
    // connection says nothing of who sent requests, so the warning about traffic from outside
    // the mesh (asked of request series only) does not apply.
    const tcp = (client: string, server: string) => ({
      metric: 'istio_tcp_connections_opened_total',
      labels: {
        reporter: 'destination',
        source_workload: client,
        source_workload_namespace: 'shop',
        destination_workload: server,
        destination_workload_namespace: 'shop',
        destination_service_name: server,
        destination_service_namespace: 'shop',
        request_protocol: 'tcp',
      },
      increase: 4,
    });
    const api = await startPrometheusApi({ series: () => [tcp('web', 'db'), tcp('jobs', 'cache')] });
    closeAfter(api.close);
    const map = await readPrometheus({ url: api.url, since: '10m' });
    assert.deepEqual(
      map.calls.map((c) => `${c.client.name} -> ${c.server.name} ${c.protocol} ${c.count}`).sort(),
      ['jobs -> cache tcp 4', 'web -> db tcp 4'],
    );
    assert.ok(!map.warnings.includes(NO_CLIENT_SIDECAR), map.warnings.join('\n'));
    assert.ok(!map.warnings.some((w) => NO_TRAFFIC.test(w)), map.warnings.join('\n'));
  });

  test("Prometheus' note on the size query alone is a warning of the report", async () => {
    const calls = mesh(1, 3);
    const api = await startPrometheusApi({
      series: () => calls.flatMap(seriesOf),
      annotations: (query) =>
        query.startsWith('count by') ? { infos: ['PromQL info: the size was counted now'] } : undefined,
    });
    closeAfter(api.close);
    const map = await readPrometheus({ url: api.url, since: '10m' });
    assert.deepEqual(seen(map), expected(calls));
    assert.deepEqual(
      map.warnings.filter((w) => w.startsWith('Prometheus noted: ')),
      ['Prometheus noted: PromQL info: the size was counted now'],
    );
  });
});
