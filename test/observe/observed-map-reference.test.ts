// The observed map built on interned tables against the builder it replaced, with main's rules
// in it (test/support/reference-observed-map.ts): on random series between a few workloads,
// with names the gate refuses, calls to a mesh Service no workload answered (503 UH), hosts
// outside the mesh, several reporters, TCP, and NaN or infinite values, both give the same map,
// the same warnings and the same per-reporter counts; also when the series are read by two
// builders and one takes in the other's export, as the metrics workers hand their tables over.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import type { Sample } from '../../src/observe/exposition-line.ts';
import { ObservedMapBuilder } from '../../src/observe/observed-map.ts';
import { ReferenceObservedMapBuilder } from '../support/reference-observed-map.ts';

const RUNS = Number(process.env.OBSERVED_MAP_RUNS ?? 800);

const workload = fc.constantFrom(
  'web',
  'cart',
  'nginx',
  'db.v2',
  'unknown',
  '',
  'Bad_Name',
  '../etc',
  'a\nb',
);
const namespace = fc.constantFrom('shop', 'shop', 'other', 'unknown', 'UPPER', 'x.y');
const service = fc.constantFrom('nginx', 'cart', 'db', 'unknown', 'svc.dotted', 'PassthroughCluster');
const host = fc.constantFrom(
  'nginx.shop.svc.cluster.local',
  'cart.shop.svc.cluster.local',
  'db.other.svc.cluster.local',
  'nginx.other.svc.cluster.local',
  'svc.dotted.shop.svc.cluster.local',
  'httpbin.org',
  'unknown',
  '',
);
const value = fc.constantFrom(0, 1, 3, 12, 0.5, Number.NaN, Number.POSITIVE_INFINITY, -1);

/** One series: a few labels left out at random, as sidecars, Prometheus and hand-made files differ. */
const series = fc
  .record({
    metric: fc.constantFrom(
      'istio_requests_total',
      'istio_requests_total',
      'istio_tcp_connections_opened_total',
    ),
    reporter: fc.option(fc.constantFrom('source', 'destination', 'destination', 'waypoint', '', 'unknown'), {
      nil: undefined,
    }),
    client: workload,
    clientNs: namespace,
    server: fc.oneof({ weight: 3, arbitrary: workload }, { weight: 1, arbitrary: fc.constant(undefined) }),
    serverNs: namespace,
    host: fc.option(host, { nil: undefined }),
    service: fc.option(service, { nil: undefined }),
    serviceNs: namespace,
    protocol: fc.option(fc.constantFrom('http', 'grpc', 'tcp'), { nil: undefined }),
    method: fc.option(fc.constantFrom('GET', 'post', ''), { nil: undefined }),
    path: fc.option(fc.constantFrom('/a', '/b/../c', '/items/7', 'unknown'), { nil: undefined }),
    value,
  })
  .map((s): Sample => {
    const labels: Record<string, string> = {
      source_workload: s.client,
      source_workload_namespace: s.clientNs,
      destination_workload_namespace: s.serverNs,
      destination_service_namespace: s.serviceNs,
    };
    const set = (name: string, v: string | undefined) => {
      if (v !== undefined) labels[name] = v;
    };
    set('reporter', s.reporter);
    set('destination_workload', s.server);
    set('destination_service', s.host);
    set('destination_service_name', s.service);
    set('request_protocol', s.protocol);
    set('request_method', s.method);
    set('request_path', s.path);
    return { metric: s.metric, labels, value: s.value, line: 0 };
  });

const warning = fc.constantFrom(
  'plain',
  'cannot reach https://admin:hunter2@prom.example/api?token=abc',
  'Authorization: Bearer abc123',
);

/** The reference's per-reporter sums, as a comparable list. */
function sums(counts: ReadonlyMap<string, { call: unknown; byReporter: Map<string, number> }>): string[] {
  return [...counts.values()]
    .map(({ call, byReporter }) => JSON.stringify([call, [...byReporter].sort()]))
    .sort();
}

function agrees(samples: readonly Sample[], warnings: readonly string[], split: number): void {
  const want = new ReferenceObservedMapBuilder();
  const got = new ObservedMapBuilder();
  // The same series, read half by a worker's builder whose tables this one takes in.
  const first = new ObservedMapBuilder();
  const second = new ObservedMapBuilder();
  samples.forEach((s, i) => {
    want.add(s);
    got.add(s);
    (i < split ? first : second).add(s);
  });
  for (const w of warnings) {
    want.addWarning(w);
    got.addWarning(w);
    second.addWarning(w);
  }
  first.absorb(second.export());
  const expected = want.build();
  assert.deepStrictEqual(got.build(), expected);
  assert.deepStrictEqual(first.build(), expected);
  for (const b of [got, first]) {
    for (const reporter of ['source', 'destination', 'waypoint', 'unknown']) {
      assert.equal(b.requestSeriesReportedBy(reporter), want.requestSeriesReportedBy(reporter), reporter);
    }
    assert.equal(b.requestSeriesCounted(), want.requestSeriesCounted());
  }
  assert.deepStrictEqual(sums(got.perReporterCounts()), sums(want.perReporterCounts()));
}

describe('the observed map against the builder it replaced, with the name gate and 503 UH', () => {
  test('the same map, warnings and reporter counts on random series', () => {
    fc.assert(
      fc.property(
        fc.array(series, { maxLength: 40 }),
        fc.array(warning, { maxLength: 2 }),
        fc.nat(),
        (samples, warnings, split) => agrees(samples, warnings, split % (samples.length + 1)),
      ),
      { numRuns: RUNS },
    );
  });

  test('a Service no workload answered: its one workload, else the Service itself, counts per reporter', () => {
    const labels = (over: Record<string, string>) => ({
      source_workload: 'web',
      source_workload_namespace: 'shop',
      destination_service_name: 'nginx',
      destination_service_namespace: 'shop',
      request_method: 'GET',
      request_path: '/a',
      ...over,
    });
    const unanswered = labels({
      reporter: 'source',
      destination_workload: 'unknown',
      destination_service: 'nginx.shop.svc.cluster.local',
    });
    const answered = (server: string) =>
      labels({
        reporter: 'destination',
        destination_workload: server,
        destination_workload_namespace: 'shop',
      });
    const cases: Sample[][] = [
      [{ metric: 'istio_requests_total', labels: unanswered, value: 4, line: 0 }],
      [
        { metric: 'istio_requests_total', labels: unanswered, value: 4, line: 0 },
        { metric: 'istio_requests_total', labels: answered('nginx'), value: 3, line: 0 },
      ],
      [
        { metric: 'istio_requests_total', labels: unanswered, value: 4, line: 0 },
        { metric: 'istio_requests_total', labels: answered('nginx'), value: 3, line: 0 },
        { metric: 'istio_requests_total', labels: answered('nginx-canary'), value: 1, line: 0 },
      ],
      // The Service stands in for its server, a server of its own: its call without detail is
      // kept beside the workload nginx's calls with detail, not taken for their coarse twin.
      [
        { metric: 'istio_requests_total', labels: answered('nginx'), value: 3, line: 0 },
        { metric: 'istio_requests_total', labels: answered('nginx-canary'), value: 1, line: 0 },
        {
          metric: 'istio_requests_total',
          labels: {
            reporter: 'source',
            source_workload: 'web',
            source_workload_namespace: 'shop',
            destination_workload: 'unknown',
            destination_service: 'nginx.shop.svc.cluster.local',
            destination_service_name: 'nginx',
            destination_service_namespace: 'shop',
          },
          value: 2,
          line: 0,
        },
      ],
    ];
    for (const samples of cases) agrees(samples, [], 1);
  });
});
