// The prometheus source on answers a real Prometheus here cannot produce: tens of thousands of
// rows, split by namespace, gzipped or not, cut into small chunks, slow, or broken. The
// stand-in (test/support/prometheus-api-server.ts) evaluates the queries the source sends.
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, test } from 'node:test';
import { readPrometheus } from '../../src/observe/live/prometheus-source.ts';
import { NO_CLIENT_SIDECAR } from '../../src/observe/observed-map.ts';
import { startPrometheusApi } from '../support/prometheus-api-server.ts';
import {
  closeAfter,
  expected,
  type MeshCall,
  mesh,
  seen,
  seriesOf,
  standIn,
} from '../support/prometheus-mesh-calls.ts';

/** A server that answers every query with `body` (as given, no compression), written in small pieces. */
async function rawServer(status: number, body: string, piece = 7) {
  const server = http.createServer(async (_req, res) => {
    res.writeHead(status, { 'Content-Type': 'application/json' });
    const bytes = Buffer.from(body);
    for (let at = 0; at < bytes.length; at += piece) res.write(bytes.subarray(at, at + piece));
    res.end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  closeAfter(
    () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  );
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('prometheus source: streamed answers', () => {
  test('one call per row, the destination preferred in the query, gzip asked for', async () => {
    const calls = mesh(3, 40);
    const api = await standIn(calls);
    const map = await readPrometheus({ url: api.url, since: '10m' });
    assert.deepEqual(seen(map), expected(calls));
    assert.equal(map.stats.series, calls.length);
    // Each call keeps the Service it went through (a `service` target is matched by it).
    for (const c of map.calls)
      assert.deepEqual(c.server.service, { name: c.server.name, namespace: c.server.namespace });
    // The size, then requests and TCP at once (the mesh is small), and whether a caller's
    // sidecar counted a request: the rows no longer say who reported them.
    assert.equal(api.queries.length, 4);
    assert.match(api.queries[1]!.query, /reporter="destination".* or .*reporter="source"/);
    assert.match(
      api.queries[3]!.query,
      /^sum by \(reporter\) \(\(last_over_time\(istio_requests_total\{reporter="source"\}/,
    );
    assert.ok(!map.warnings.includes(NO_CLIENT_SIDECAR), map.warnings.join('\n'));
    assert.ok(api.queries.every((q) => q.acceptEncoding?.includes('gzip') && q.method === 'POST'));
  });

  test('a large mesh is read in parts by namespace, and a namespace the size query missed is not lost', async () => {
    const calls = mesh(6, 30);
    let sized = false;
    const late: MeshCall = {
      client: 'new',
      server: 'svc',
      ns: 'ns-late',
      method: 'GET',
      path: '/late',
      destination: 4,
    };
    const api = await startPrometheusApi({
      series: () => {
        const all = calls.flatMap(seriesOf);
        // The late namespace appears once the size query has been answered.
        if (sized) all.push(...seriesOf(late));
        sized = true;
        return all;
      },
    });
    closeAfter(api.close);
    const map = await readPrometheus({ url: api.url, since: '10m', maxRowsPerQuery: 60, concurrency: 2 });
    assert.deepEqual(seen(map), expected([...calls, late]));
    const parts = api.queries.filter((q) => q.query.startsWith('sum by'));
    assert.ok(
      parts.some((q) => /source_workload_namespace=~"ns-0\|ns-1"/.test(q.query)),
      'no grouped part',
    );
    assert.ok(
      parts.some((q) => q.query.includes('source_workload_namespace!~')),
      'no part for the rest',
    );
    assert.ok(parts.length >= 8);
  });

  test('a mesh of exactly the part size is asked for at once; a mesh only waypoints report is split too', async () => {
    const calls = mesh(2, 30);
    const api = await standIn(calls);
    const map = await readPrometheus({ url: api.url, since: '10m', maxRowsPerQuery: 60 });
    assert.deepEqual(seen(map), expected(calls));
    assert.equal(api.queries.length, 4, api.queries.map((q) => q.query.slice(0, 40)).join('\n'));
    // Ambient mode: no sidecar reports, the waypoints' rows are what the size must count.
    const ambient = mesh(3, 20).map(({ source: _s, destination: _d, ...c }) => ({ ...c, waypoint: 5 }));
    const waypoints = await standIn(ambient);
    const read = await readPrometheus({ url: waypoints.url, since: '10m', maxRowsPerQuery: 30 });
    assert.deepEqual(seen(read), expected(ambient));
    const parts = waypoints.queries.filter((q) => q.query.includes('source_workload_namespace=~'));
    assert.ok(parts.length >= 3, `${parts.length} parts`);
  });

  test('no caller sidecar counted a request: the warning, asked part by part until one has one', async () => {
    const serverOnly = mesh(4, 10).map(({ source: _s, ...c }) => ({ ...c, destination: c.destination ?? 1 }));
    const outside = await standIn(serverOnly);
    const map = await readPrometheus({ url: outside.url, since: '10m', maxRowsPerQuery: 10, concurrency: 2 });
    assert.deepEqual(seen(map), expected(serverOnly));
    assert.ok(map.warnings.includes(NO_CLIENT_SIDECAR), map.warnings.join('\n'));
    const checks = (api: { queries: { query: string }[] }) =>
      api.queries.filter((q) => q.query.startsWith('sum by (reporter)')).length;
    const parts = outside.queries.filter((q) => q.query.startsWith('sum by (source_workload')).length / 2;
    assert.equal(checks(outside), parts, 'every part asked, none had one');
    // Each asks for its own part's callers, never the whole mesh at once.
    const scopeOf = (prefix: string) =>
      outside.queries
        .filter(
          (q) => q.query.startsWith(prefix) && q.query.includes('istio_requests_total{reporter="source"'),
        )
        .map((q) => /source_workload_namespace[!=]~"[^"]*"/.exec(q.query)?.[0] ?? 'all')
        .sort();
    assert.deepEqual(scopeOf('sum by (reporter)'), scopeOf('sum by (source_workload'));
    assert.ok(!scopeOf('sum by (reporter)').includes('all'));
    // Only the last part's callers have sidecars: found there, after every other part was asked.
    const lastOnly = mesh(4, 10).map((c) =>
      c.ns === 'ns-3' ? c : { ...c, source: undefined, destination: 1 },
    );
    const inside = await standIn(lastOnly);
    const seenInside = await readPrometheus({
      url: inside.url,
      since: '10m',
      maxRowsPerQuery: 10,
      concurrency: 1,
    });
    assert.ok(!seenInside.warnings.includes(NO_CLIENT_SIDECAR), seenInside.warnings.join('\n'));
    // With every caller meshed, the first part says so and the others are not asked.
    const meshed = await standIn(mesh(4, 10));
    await readPrometheus({ url: meshed.url, since: '10m', maxRowsPerQuery: 10, concurrency: 1 });
    assert.equal(checks(meshed), 1);
  });

  test('calls a waypoint reported (ambient mode) are read, each call counted once, at its larger reporter', async () => {
    const at = (server: string, counts: Partial<MeshCall>): MeshCall => ({
      client: 'web',
      server,
      ns: 'shop',
      method: 'GET',
      path: `/${server}`,
      ...counts,
    });
    const calls = [
      at('pay', { waypoint: 7 }),
      at('cart', { waypoint: 5, destination: 3, source: 4 }),
      at('stock', { destination: 9, waypoint: 2 }),
      at('legacy', { source: 6 }),
    ];
    for (const maxRowsPerQuery of [undefined, 1]) {
      const api = await standIn(calls);
      const map = await readPrometheus({
        url: api.url,
        since: '10m',
        ...(maxRowsPerQuery ? { maxRowsPerQuery } : {}),
      });
      assert.deepEqual(seen(map), [
        'shop/web -> shop/cart GET /cart 5',
        'shop/web -> shop/legacy GET /legacy 6',
        'shop/web -> shop/pay GET /pay 7',
        'shop/web -> shop/stock GET /stock 9',
      ]);
      assert.deepEqual(seen(map), expected(calls));
      assert.ok(
        map.warnings.some((w) => /^3 series reported by waypoints \(ambient mode\)/.test(w)),
        map.warnings.join('\n'),
      );
      assert.ok(!map.warnings.includes(NO_CLIENT_SIDECAR), map.warnings.join('\n'));
    }
    // Ambient mode: only waypoints report requests, and no caller has a sidecar: no warning about
    // traffic from outside the mesh.
    const ambient = await standIn([at('pay', { waypoint: 7 }), at('cart', { waypoint: 2 })]);
    const map = await readPrometheus({ url: ambient.url, since: '10m' });
    assert.deepEqual(seen(map), ['shop/web -> shop/cart GET /cart 2', 'shop/web -> shop/pay GET /pay 7']);
    assert.ok(!map.warnings.includes(NO_CLIENT_SIDECAR), map.warnings.join('\n'));
  });

  test('split or not, one at a time or four: the same map', async () => {
    const calls = mesh(5, 25);
    const api = await standIn(calls);
    const now = new Date();
    const whole = await readPrometheus({ url: api.url, since: '10m', now });
    for (const [maxRowsPerQuery, concurrency] of [
      [10, 1],
      [30, 4],
      [1, 3],
    ] as const) {
      const part = await readPrometheus({ url: api.url, since: '10m', now, maxRowsPerQuery, concurrency });
      assert.deepStrictEqual(part, whole);
    }
  });

  test('the timeout is per request: a slow answer fails with "timed out", a slow read of fast parts does not', async () => {
    const calls = mesh(4, 10);
    const slowParts = await standIn(calls, { delayMs: (q) => (q.startsWith('sum by') ? 150 : 0) });
    // Eight parts one after another take longer than one request may, and still complete.
    const map = await readPrometheus({
      url: slowParts.url,
      since: '10m',
      maxRowsPerQuery: 10,
      concurrency: 1,
      timeoutMs: 1000,
    });
    assert.deepEqual(seen(map), expected(calls));
    const stuck = await standIn(calls, { delayMs: (q) => (q.startsWith('sum by') ? 5000 : 0) });
    await assert.rejects(
      readPrometheus({ url: stuck.url, since: '10m', timeoutMs: 200, token: 'secret' }),
      (err: Error) => {
        assert.match(err.message, /\/api\/v1\/query: cannot reach: timed out/);
        assert.doesNotMatch(err.message, /query=|increase|secret/);
        return true;
      },
    );
  });

  test('an uncompressed answer in pieces of a few bytes, escapes and UTF-8 included', async () => {
    const row = (labels: Record<string, string>, value: string) =>
      JSON.stringify({ metric: labels, value: [1700000000.5, value] });
    const body = `{"status":"success","data":{"resultType":"vector","result":[${[
      row(
        {
          // A Kubernetes name (the name gate refuses others), written with an escape below.
          source_workload: 'cafe',
          source_workload_namespace: 'shop',
          destination_workload: 'api',
          destination_workload_namespace: 'shop',
          request_method: 'GET',
          request_path: '/a"b\\c/\u00fc',
        },
        '2.6',
      ),
      row(
        {
          source_workload: 'x',
          source_workload_namespace: 'shop',
          destination_workload: 'api',
          destination_workload_namespace: 'shop',
        },
        '0.4',
      ),
    ].join(',')}]}}`;
    const url = await rawServer(200, body.replace('cafe', 'caf\\u0065'));
    const map = await readPrometheus({ url, since: '10m' });
    assert.deepEqual(
      map.calls.map((c) => [c.client.name, c.path, c.count]),
      [
        ['cafe', '/a"b/c/\u00fc', 3],
        ['x', null, 1],
      ],
    );
  });

  test('a success answer with warnings (a partial answer) is an input error naming the query and the warning', async () => {
    // As a real Prometheus answers when its remote_read fails (the real one: prometheus.test.ts):
    // status success, the rows it could read, and `warnings` after them.
    const calls = mesh(2, 5);
    for (const workers of [1, 2]) {
      const api = await startPrometheusApi({
        series: () => calls.flatMap(seriesOf),
        annotations: (query) =>
          /istio_tcp_connections_opened_total/.test(query)
            ? { warnings: ['remote_read: Post "http://store:9201/read": dial tcp: connection refused'] }
            : undefined,
      });
      closeAfter(api.close);
      await assert.rejects(
        readPrometheus({ url: api.url, since: '10m', maxRowsPerQuery: 5, workers }),
        (err: Error) => {
          assert.equal(err.name, 'InputError');
          assert.match(
            err.message,
            /\/api\/v1\/query: the query for istio_tcp_connections_opened_total \(part \d\): Prometheus answered with warnings, so the calls it holds may not all be in the answer: remote_read: Post "http:\/\/store:9201\/read": dial tcp: connection refused$/,
          );
          assert.doesNotMatch(err.message, /increase|last_over_time|query=/);
          return true;
        },
      );
    }
  });

  test("Prometheus' infos are the report's warnings, once each; the answer is whole", async () => {
    const calls = mesh(2, 5);
    const api = await startPrometheusApi({
      series: () => calls.flatMap(seriesOf),
      annotations: () => ({ infos: ['PromQL info: metric might not be a counter'] }),
    });
    closeAfter(api.close);
    const map = await readPrometheus({ url: api.url, since: '10m', maxRowsPerQuery: 5 });
    assert.deepEqual(seen(map), expected(calls));
    const noted = map.warnings.filter((w) => w.startsWith('Prometheus noted: '));
    assert.deepEqual(noted, ['Prometheus noted: PromQL info: metric might not be a counter']);
    // Infos on the calls' queries alone (not on the size query) reach the report too.
    const parts = await startPrometheusApi({
      series: () => calls.flatMap(seriesOf),
      annotations: (query) => (query.startsWith('count by') ? {} : { infos: ['PromQL info: a part'] }),
    });
    closeAfter(parts.close);
    const split = await readPrometheus({ url: parts.url, since: '10m', maxRowsPerQuery: 5 });
    assert.deepEqual(
      split.warnings.filter((w) => w.startsWith('Prometheus noted: ')),
      ['Prometheus noted: PromQL info: a part'],
    );
  });

  test('every query is evaluated at the same instant, sent in seconds with its milliseconds', async () => {
    const calls = mesh(2, 5);
    const api = await startPrometheusApi({ series: () => calls.flatMap(seriesOf) });
    closeAfter(api.close);
    const now = new Date(Date.UTC(2026, 11, 3, 12, 0, 0, 456));
    await readPrometheus({ url: api.url, since: '10m', now, maxRowsPerQuery: 5 });
    assert.ok(api.queries.length > 2);
    for (const q of api.queries) assert.equal(q.time, '1796299200.456');
  });

  test('broken answers are input errors that say what was wrong', async () => {
    const cut = await rawServer(
      200,
      '{"status":"success","data":{"resultType":"vector","result":[{"metric":{',
    );
    await assert.rejects(
      readPrometheus({ url: cut }),
      /api\/v1\/query: HTTP 200: not a Prometheus API answer \(unexpected end/,
    );
    const matrix = await rawServer(200, '{"status":"success","data":{"resultType":"matrix","result":[]}}');
    await assert.rejects(readPrometheus({ url: matrix }), /expected a vector result, got matrix/);
    // A vector whose result is no list: said so, not "expected a vector result, got vector".
    const notList = await rawServer(200, '{"status":"success","data":{"resultType":"vector","result":{}}}');
    await assert.rejects(
      readPrometheus({ url: notList }),
      /api\/v1\/query: data\.result is not a list \(not a Prometheus vector answer\)$/,
    );
    // An error answer is read only as far as it needs to be, however long it goes on.
    const failed = await rawServer(
      422,
      JSON.stringify({
        status: 'error',
        errorType: 'execution',
        error: 'too many samples',
        data: 'x'.repeat(3 << 20),
      }),
      4096,
    );
    await assert.rejects(
      readPrometheus({ url: failed }),
      /api\/v1\/query: query failed: execution: too many samples$/,
    );
    // An answer that is JSON but no object is no API answer, not a failed query.
    const list = await rawServer(200, '[{"status":"success"}]');
    await assert.rejects(
      readPrometheus({ url: list }),
      /api\/v1\/query: HTTP 200: not a Prometheus API answer$/,
    );
    // An error answer without `error` is told by its status.
    const bare = await rawServer(503, '{"status":"error"}');
    await assert.rejects(readPrometheus({ url: bare }), /api\/v1\/query: query failed: HTTP 503$/);
    // A body that says success under an error status (a proxy's) is no answer to read calls from.
    const mixed = await rawServer(500, '{"status":"success","data":{"resultType":"vector","result":[]}}');
    await assert.rejects(readPrometheus({ url: mixed }), /api\/v1\/query: query failed: HTTP 500$/);
    // An auth proxy's JSON refusal is told as one, like its text or HTML refusals.
    const refused = await rawServer(401, '{"error":"invalid token"}');
    await assert.rejects(
      readPrometheus({ url: refused }),
      /api\/v1\/query: HTTP 401: not authorized: check the bearer token/,
    );
    // A sample of the wrong shape fails the read: its call is not left out quietly.
    const badSample = await rawServer(
      200,
      '{"status":"success","data":{"resultType":"vector","result":[{"metric":{"a":"b"},"value":[1,2]}]}}',
    );
    await assert.rejects(readPrometheus({ url: badSample }), /\(not a Prometheus vector sample\)$/);
    const label = 'x'.repeat(3 << 20);
    const huge = await rawServer(
      200,
      `{"status":"success","data":{"resultType":"vector","result":[{"metric":{"a":"${label}"}}]}}`,
      4096,
    );
    await assert.rejects(
      readPrometheus({ url: huge }),
      /not a Prometheus API answer \(a token longer than 1048576 bytes/,
    );
  });
});
