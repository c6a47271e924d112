import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Sample } from '../../src/observe/exposition-line.ts';
import { ObservedMapBuilder } from '../../src/observe/observed-map.ts';

const NS = 'demo';
function series(
  reporter: string,
  client: string,
  server: string,
  value: number,
  more: Record<string, string> = {},
  metric = 'istio_requests_total',
): Sample {
  return {
    metric,
    value,
    line: 1,
    labels: {
      reporter,
      source_workload: client,
      source_workload_namespace: NS,
      destination_workload: server,
      destination_workload_namespace: NS,
      destination_service: `${server}-service.${NS}.svc.cluster.local`,
      destination_service_name: `${server}-service`,
      destination_service_namespace: NS,
      request_protocol: 'http',
      ...more,
    },
  };
}

function build(samples: Sample[]) {
  const b = new ObservedMapBuilder();
  for (const s of samples) b.add(s);
  return { builder: b, map: b.build() };
}

const GET_A = { request_method: 'GET', request_path: '/a' };

describe('ObservedMapBuilder', () => {
  test('sums per reporter, then takes the larger reporter (both sidecars saw the same calls)', () => {
    const { builder, map } = build([
      series('source', 'client', 'nginx', 10, { ...GET_A, response_code: '200' }),
      series('source', 'client', 'nginx', 2, { ...GET_A, response_code: '503' }),
      series('destination', 'client', 'nginx', 11, { ...GET_A, response_code: '200' }),
      series('destination', 'client', 'nginx', 2, { ...GET_A, response_code: '503' }),
    ]);
    assert.equal(map.calls.length, 1);
    assert.equal(map.calls[0]?.count, 13);
    assert.deepEqual(map.calls[0]?.server, {
      name: 'nginx',
      namespace: NS,
      service: { name: 'nginx-service', namespace: NS },
    });
    assert.deepEqual(map.warnings, []);
    assert.equal(map.stats.series, 4);
    const [counts] = builder.perReporterCounts().values();
    assert.deepEqual(Object.fromEntries(counts?.byReporter ?? []), { source: 12, destination: 13 });
  });

  test('TCP evidence is dropped for pairs with HTTP or gRPC series, kept for TCP-only pairs', () => {
    const tcp = 'istio_tcp_connections_opened_total';
    const grpc = { request_protocol: 'grpc', request_method: 'POST', request_path: '/shop.Cart/Add' };
    const { map } = build([
      series('source', 'client', 'nginx', 5, GET_A),
      series('source', 'client', 'nginx', 3, {}, tcp),
      series('source', 'client', 'cart', 4, grpc),
      series('source', 'client', 'cart', 2, {}, tcp),
      series('source', 'client', 'postgres', 7, { request_protocol: 'tcp' }, tcp),
    ]);
    assert.deepEqual(
      map.calls.map((c) => [c.server.name, c.method, c.path, c.protocol, c.count]),
      [
        ['cart', 'POST', '/shop.Cart/Add', 'grpc', 4],
        ['nginx', 'GET', '/a', 'http', 5],
        ['postgres', null, null, 'tcp', 7],
      ],
    );
  });

  test('no method/path labels anywhere: service-level calls and the Telemetry warning', () => {
    const { map } = build([series('source', 'client', 'nginx', 5)]);
    assert.deepEqual([map.calls[0]?.method, map.calls[0]?.path], [null, null]);
    assert.match(
      map.warnings.join('\n'),
      /mesh-default Telemetry \(tagOverrides request_method, request_path\) seems missing/,
    );
  });

  test('method-less series of a pair that also has detailed series are dropped, with a warning', () => {
    const { map } = build([
      series('source', 'client', 'nginx', 5, GET_A),
      series('source', 'client', 'nginx', 9),
    ]);
    assert.equal(map.calls.length, 1);
    assert.equal(map.calls[0]?.path, '/a');
    assert.match(map.warnings.join('\n'), /1 call\(s\) without request_method\/request_path were dropped/);
  });

  test("a pair is the client's namespace too: a same-named client elsewhere keeps its method-less and TCP calls", () => {
    const edge = { source_workload_namespace: 'edge' };
    const { map } = build([
      series('source', 'client', 'nginx', 5, GET_A),
      series('source', 'client', 'nginx', 3, edge),
      series(
        'source',
        'client',
        'nginx',
        2,
        { request_protocol: 'tcp' },
        'istio_tcp_connections_opened_total',
      ),
      series('source', 'client', 'db', 4, { ...GET_A, ...edge }),
      series('source', 'client', 'db', 6, { request_protocol: 'tcp' }, 'istio_tcp_connections_opened_total'),
    ]);
    assert.deepEqual(
      map.calls.map((c) => [c.client.namespace, c.server.name, c.protocol, c.method, c.count]),
      [
        ['demo', 'db', 'tcp', null, 6],
        ['demo', 'nginx', 'http', 'GET', 5],
        ['edge', 'db', 'http', 'GET', 4],
        ['edge', 'nginx', 'http', null, 3],
      ],
    );
  });

  test("a method without a path is detail too: the pair's method-less series are dropped", () => {
    // A Telemetry that adds request_method only: its series name a method and no path.
    const { map } = build([
      series('source', 'client', 'nginx', 5, { request_method: 'GET' }),
      series('source', 'client', 'nginx', 9),
    ]);
    assert.deepEqual(
      map.calls.map((c) => [c.method, c.path, c.count]),
      [['GET', null, 5]],
    );
    assert.match(map.warnings.join('\n'), /1 call\(s\) without request_method\/request_path were dropped/);
  });

  test('the pair past the first 1,024 keeps its flags: its method-less series are dropped too', () => {
    // The per-pair flags start at 1,024 entries and grow: pair 1,024 is the first one past them.
    const samples: Sample[] = [];
    for (let i = 0; i < 1024; i++) samples.push(series('source', `client-${i}`, 'nginx', 1, GET_A));
    samples.push(
      series('source', 'client-last', 'nginx', 5, GET_A),
      series('source', 'client-last', 'nginx', 9),
    );
    const { map } = build(samples);
    assert.deepEqual(
      map.calls.filter((c) => c.client.name === 'client-last').map((c) => [c.method, c.path, c.count]),
      [['GET', '/a', 5]],
    );
    assert.match(map.warnings.join('\n'), /1 call\(s\) without request_method\/request_path were dropped/);
  });

  test('a third reporter that saw the most calls (a waypoint) gives the count, also after a worker hands it over', () => {
    const samples = [
      series('source', 'client', 'nginx', 5, GET_A),
      series('destination', 'client', 'nginx', 4, GET_A),
      series('waypoint', 'client', 'nginx', 9, GET_A),
    ];
    const { builder, map } = build(samples);
    assert.deepEqual(
      map.calls.map((c) => c.count),
      [9],
    );
    const main = new ObservedMapBuilder();
    main.absorb(builder.export());
    assert.deepEqual(
      main.build().calls.map((c) => c.count),
      [9],
    );
    const [counts] = main.perReporterCounts().values();
    assert.deepEqual(Object.fromEntries(counts?.byReporter ?? []), {
      source: 5,
      destination: 4,
      waypoint: 9,
    });
  });

  test('parts handed over by workers add their calls and the files or pods each read', () => {
    const main = new ObservedMapBuilder();
    main.sources = 1;
    main.add(series('source', 'client', 'nginx', 2, GET_A));
    for (const [client, sources] of [
      ['a', 3],
      ['b', 4],
    ] as const) {
      const part = new ObservedMapBuilder();
      part.sources = sources;
      part.add(series('source', client, 'nginx', 1, GET_A));
      main.absorb(part.export());
    }
    const map = main.build();
    assert.deepEqual(
      map.calls.map((c) => c.client.name),
      ['a', 'b', 'client'],
    );
    assert.deepEqual(map.stats, { series: 3, sources: 8 });
  });

  test('calls past the first 1,024 list the reporters that saw them, and no other', () => {
    // The per-call reporter slots start at 1,024 calls and grow: call 1,024 is the first one past them.
    const samples: Sample[] = [];
    for (let i = 0; i < 1030; i++) {
      samples.push(series('source', `client-${i}`, 'nginx', 2, GET_A));
      samples.push(series('destination', `client-${i}`, 'nginx', 3, GET_A));
    }
    const { builder, map } = build(samples);
    assert.equal(map.calls.length, 1030);
    assert.ok(map.calls.every((c) => c.count === 3));
    const byReporter = [...builder.perReporterCounts().values()].map((c) =>
      JSON.stringify(Object.fromEntries(c.byReporter)),
    );
    assert.equal(byReporter.length, 1030);
    assert.deepEqual(new Set(byReporter), new Set(['{"source":2,"destination":3}']));
  });

  test('unknown caller -> unattributed; unknown destination workload -> external with host', () => {
    const { map } = build([
      series('destination', 'unknown', 'nginx', 4, GET_A),
      series('source', 'client', 'unknown', 6, {
        ...GET_A,
        destination_service: 'api.example.com',
        destination_service_name: 'api.example.com',
        destination_service_namespace: 'unknown',
      }),
    ]);
    assert.equal(map.calls.length, 0);
    assert.deepEqual(map.unattributed[0]?.client, { name: 'unknown', namespace: 'unknown' });
    assert.equal(map.unattributed[0]?.server.name, 'nginx');
    assert.equal(map.external[0]?.host, 'api.example.com');
    assert.deepEqual(map.external[0]?.server, { name: 'api.example.com', namespace: 'unknown' });
  });

  // istio/proxy istio_stats.cc: with no upstream host the client sidecar knows the Service from the
  // cluster's metadata (destination_service, _name, _namespace) but no peer: every destination_*
  // workload label reads unknown, response_flags UH.
  const UNANSWERED = {
    ...GET_A,
    response_code: '503',
    response_flags: 'UH',
    destination_workload: 'unknown',
    destination_workload_namespace: 'unknown',
    destination_service: `nginx-service.${NS}.svc.cluster.local`,
    destination_service_name: 'nginx-service',
    destination_service_namespace: NS,
  };

  test('503 UH to a mesh Service: the workload the Service leads to, never an external host', () => {
    const { map } = build([
      series('source', 'client', 'unknown', 3, UNANSWERED),
      series('source', 'client', 'nginx', 284, { ...GET_A, response_code: '404' }),
      series('destination', 'client', 'nginx', 284, { ...GET_A, response_code: '404' }),
    ]);
    assert.deepEqual(map.external, []);
    assert.equal(map.calls.length, 1);
    // The client's sidecar saw 287 calls, the server's 284 (the 3 never reached it).
    assert.equal(map.calls[0]?.count, 287);
    assert.equal(map.calls[0]?.server.name, 'nginx');
    assert.equal(map.calls[0]?.host, undefined);
    assert.deepEqual(map.warnings, []);
  });

  test('503 UH to a mesh Service whose workload the metrics never name: a call to the Service', () => {
    const { map } = build([series('source', 'client', 'unknown', 5, UNANSWERED)]);
    assert.deepEqual(map.external, []);
    assert.deepEqual(map.calls[0]?.server, {
      name: 'nginx-service',
      namespace: NS,
      kind: 'Service',
      service: { name: 'nginx-service', namespace: NS },
    });
    assert.match(map.warnings.join('\n'), /1 call\(s\) to a Service that no workload answered/);
  });

  test('a host that only looks like a Service (other namespace in the name) stays external', () => {
    const { map } = build([
      series('source', 'client', 'unknown', 2, {
        ...UNANSWERED,
        destination_service: 'nginx-service.other.svc.cluster.local',
      }),
    ]);
    assert.equal(map.external.length, 1);
  });

  test('a host under another domain that starts with the Service and its namespace stays external', () => {
    // Only <service>.<namespace>.svc.<cluster domain> is the mesh Service; nginx-service.demo.example.com is not.
    const { map } = build([
      series('source', 'client', 'unknown', 2, {
        ...UNANSWERED,
        destination_service: `nginx-service.${NS}.example.com`,
      }),
    ]);
    assert.deepEqual(
      map.external.map((c) => c.host),
      [`nginx-service.${NS}.example.com`],
    );
    assert.deepEqual(map.calls, []);
  });

  test('503 UH to the 70th Service of the map: still the workload that Service leads to', () => {
    // The workloads behind each Service are kept for 64 Services at first, and grow.
    const samples: Sample[] = [];
    for (let i = 0; i < 70; i++) samples.push(series('destination', 'client', `server-${i}`, 1, GET_A));
    samples.push(
      series('source', 'client', 'unknown', 7, {
        ...UNANSWERED,
        request_path: '/b',
        destination_service: `server-69-service.${NS}.svc.cluster.local`,
        destination_service_name: 'server-69-service',
      }),
    );
    const { map } = build(samples);
    assert.deepEqual(map.external, []);
    const toB = map.calls.filter((c) => c.path === '/b');
    assert.deepEqual(
      toB.map((c) => [c.server.name, c.server.kind, c.count]),
      [['server-69', undefined, 7]],
    );
    assert.doesNotMatch(map.warnings.join('\n'), /no workload answered/);
  });

  test('503 UH to a mesh Service on two paths: each becomes a call to the Service, none stays external', () => {
    const { map } = build([
      series('source', 'client', 'unknown', 5, UNANSWERED),
      series('source', 'client', 'unknown', 2, { ...UNANSWERED, request_path: '/b' }),
    ]);
    assert.deepEqual(map.external, []);
    assert.deepEqual(
      map.calls.map((c) => [c.path, c.server.name, c.server.kind, c.count]),
      [
        ['/a', 'nginx-service', 'Service', 5],
        ['/b', 'nginx-service', 'Service', 2],
      ],
    );
    assert.match(map.warnings.join('\n'), /2 call\(s\) to a Service that no workload answered/);
  });

  test('503 UH to a Service behind which two workloads of one name in two namespaces answered: a call to the Service', () => {
    const answered = (ns: string) =>
      series('source', 'client', 'nginx', 1, {
        ...GET_A,
        destination_workload_namespace: ns,
        destination_service_name: 'nginx-service',
      });
    const { map } = build([
      answered(NS),
      answered('other'),
      series('source', 'client', 'unknown', 4, { ...UNANSWERED, request_path: '/b' }),
    ]);
    const toB = map.calls.filter((c) => c.path === '/b');
    assert.deepEqual(
      toB.map((c) => [c.server.name, c.server.kind, c.count]),
      [['nginx-service', 'Service', 4]],
    );
  });

  test('build() twice: the second map says each warning once, as the first', () => {
    const b = new ObservedMapBuilder();
    b.add(series('source', 'client', 'unknown', 5, UNANSWERED));
    b.addWarning('a note');
    const first = [...b.build().warnings];
    assert.equal(first.length, 2);
    assert.deepEqual(b.build().warnings, first);
  });

  test('a method is kept as sent: `get` and `GET` are two calls (Istio matches :method case-sensitively)', () => {
    const { map } = build([
      series('source', 'client', 'nginx', 3, GET_A),
      series('source', 'client', 'nginx', 2, { request_method: 'get', request_path: '/a' }),
      series('source', 'client', 'nginx', 1, { request_method: 'Post', request_path: '/a' }),
    ]);
    assert.deepEqual(map.calls.map((c) => `${c.method} ${c.path} ${c.count}`).sort(), [
      'GET /a 3',
      'Post /a 1',
      'get /a 2',
    ]);
  });

  test('stable order by client, server, path, method; zero and NaN counts left out', () => {
    const { map } = build([
      series('source', 'zed', 'nginx', 1, GET_A),
      series('source', 'client', 'nginx', 1, { request_method: 'POST', request_path: '/b' }),
      series('source', 'client', 'nginx', 1, { request_method: 'GET', request_path: '/z' }),
      series('source', 'client', 'nginx', 1, GET_A),
      series('source', 'client', 'api', 1, GET_A),
      series('source', 'client', 'idle', 0, GET_A),
      series('source', 'client', 'weird', Number.NaN, GET_A),
    ]);
    assert.deepEqual(
      map.calls.map((c) => `${c.client.name} ${c.server.name} ${c.method} ${c.path}`),
      [
        'client api GET /a',
        'client nginx GET /a',
        'client nginx POST /b',
        'client nginx GET /z',
        'zed nginx GET /a',
      ],
    );
    assert.match(map.warnings.join('\n'), /1 series with a NaN or infinite value were ignored/);
  });

  test('ambient mode: TCP-only evidence and waypoint reporters are said, not silently mapped', () => {
    const tcpOnly = build([
      series('source', 'client', 'db', 3, {}, 'istio_tcp_connections_opened_total'),
    ]).map;
    assert.equal(tcpOnly.calls.length, 1);
    assert.equal(tcpOnly.calls[0]!.method, null);
    assert.match(
      tcpOnly.warnings.join('\n'),
      /only istio_tcp_connections_opened_total series .* HTTP rules cannot be checked/,
    );
    const waypoint = build([series('waypoint', 'client', 'nginx', 4, GET_A)]).map;
    assert.equal(waypoint.calls[0]!.path, '/a');
    assert.match(waypoint.warnings.join('\n'), /1 series reported by waypoints \(ambient mode\)/);
    const sidecars = build([series('source', 'client', 'nginx', 4, GET_A)]).map;
    assert.doesNotMatch(sidecars.warnings.join('\n'), /ambient|TCP connections/);
  });

  test('a note added once is keyed by its scrubbed text: notes differing only in a credential or a query are one warning', () => {
    const b = new ObservedMapBuilder();
    b.addWarningOnce('Prometheus note: query at http://prom:9090/api/v1/query?token=first was partial');
    b.addWarningOnce('Prometheus note: query at http://prom:9090/api/v1/query?token=second was partial');
    b.addWarningOnce('Prometheus note: authorization: Bearer abc rejected');
    b.addWarningOnce('Prometheus note: authorization: Bearer xyz rejected');
    // A worker's part carries its warnings scrubbed already; the raw note after it is the same one.
    const part = new ObservedMapBuilder();
    part.addWarning('Prometheus note: password=hunter2 ignored');
    b.absorb(part.export(), { warningsOnce: true });
    b.addWarningOnce('Prometheus note: password=hunter2 ignored');
    const notes = b.build().warnings.filter((w) => w.startsWith('Prometheus note'));
    assert.deepEqual(notes, [
      'Prometheus note: query at http://prom:9090/api/v1/query was partial',
      'Prometheus note: authorization: *** rejected',
      'Prometheus note: password=*** ignored',
    ]);
  });

  test('other families are not taken', () => {
    const b = new ObservedMapBuilder();
    assert.equal(b.add({ metric: 'istio_request_bytes_sum', labels: {}, value: 1, line: 1 }), false);
    assert.equal(b.build().stats.series, 0);
  });
});
