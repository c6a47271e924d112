import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { readPrometheus } from '../../src/observe/live/prometheus-source.ts';
import { NO_CLIENT_SIDECAR } from '../../src/observe/observed-map.ts';
import { type BearerGate, startBearerGate } from '../support/bearer-gate.ts';
import { startPrometheusApi } from '../support/prometheus-api-server.ts';
import {
  freePort,
  PROMETHEUS_BIN,
  type PrometheusProcess,
  startPrometheus,
  waitFor,
} from '../support/prometheus-process.ts';
import { type SeriesSpec, sidecarExposition } from '../support/sidecar-metrics.ts';

const NS = 'shop';

/** A sidecar endpoint whose counters grow with time: `perSecond` requests a second per series. */
async function growingSidecar(series: (Omit<SeriesSpec, 'count'> & { perSecond: number })[]) {
  const start = Date.now();
  const server = http.createServer((req, res) => {
    if (req.url !== '/stats/prometheus') {
      res.writeHead(404);
      return res.end();
    }
    const seconds = (Date.now() - start) / 1000;
    res.writeHead(200, { 'Content-Type': 'text/plain; version=0.0.4' });
    res.end(sidecarExposition(series.map((s) => ({ ...s, count: Math.floor(100 + s.perSecond * seconds) }))));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, target: `127.0.0.1:${(server.address() as AddressInfo).port}` };
}

describe('prometheus source against a real Prometheus', {
  skip: !existsSync(PROMETHEUS_BIN) && `${PROMETHEUS_BIN} missing`,
}, () => {
  let prom: PrometheusProcess;
  /** Prometheus as clusters expose it to CI: behind a proxy that wants a bearer token. */
  let gate: BearerGate;
  const servers: http.Server[] = [];
  before(async () => {
    // web's sidecar reports both of its calls as the source; cart's sidecar reports web -> cart as the
    // destination, at a tenth of the rate, so the test can tell which reporter was used. legacy has no sidecar.
    const web = await growingSidecar([
      {
        reporter: 'source',
        client: 'web',
        server: 'cart',
        namespace: NS,
        method: 'GET',
        path: '/cart',
        perSecond: 1000,
      },
      {
        reporter: 'source',
        client: 'web',
        server: 'legacy',
        namespace: NS,
        method: 'POST',
        path: '/old',
        perSecond: 1000,
      },
    ]);
    const cart = await growingSidecar([
      {
        reporter: 'destination',
        client: 'web',
        server: 'cart',
        namespace: NS,
        method: 'GET',
        path: '/cart',
        perSecond: 10,
      },
    ]);
    servers.push(web.server, cart.server);
    prom = await startPrometheus([web.target, cart.target]);
    gate = await startBearerGate(prom.url, 'secret-token');
  });
  after(async () => {
    await gate?.close();
    await prom?.stop();
    for (const s of servers) {
      s.closeAllConnections();
      s.close();
    }
  });

  test('increase() over --since, destination preferred, source where the server has no sidecar', async () => {
    // increase() needs two samples of a series: wait until Prometheus holds them for both reporters.
    const scraped = encodeURIComponent(
      'min(count_over_time(istio_requests_total[5m])) >= 2 and count(istio_requests_total) == 3',
    );
    await waitFor('two scrapes of both sidecars', 60_000, async () => {
      const res = await fetch(`${prom.url}/api/v1/query?query=${scraped}`);
      const body = (await res.json()) as { data?: { result?: unknown[] } };
      return (body.data?.result?.length ?? 0) > 0 ? true : undefined;
    });
    const map = await readPrometheus({ url: gate.url, since: '5m', token: 'secret-token' });
    assert.ok(gate.seen.length >= 2 && gate.seen.every((r) => r.authorized), 'every query carried the token');
    assert.equal(map.calls.length, 2);
    const byServer = Object.fromEntries(map.calls.map((c) => [c.server.name, c]));
    assert.equal(byServer.cart?.method, 'GET');
    assert.equal(byServer.cart?.path, '/cart');
    assert.deepEqual(byServer.cart?.server.service, { name: 'cart-service', namespace: NS });
    assert.equal(byServer.legacy?.path, '/old');
    assert.ok(byServer.cart!.count > 0);
    assert.ok(
      byServer.cart!.count * 20 < byServer.legacy!.count,
      `cart ${byServer.cart!.count} should come from the destination (10/s), legacy ${byServer.legacy!.count} from the source (1000/s)`,
    );
    assert.ok(Date.parse(map.window.to) - Date.parse(map.window.from) === 300_000);
  });

  test('an RFC 3339 --since in the past is accepted; a future one is an input error', async () => {
    const since = new Date(Date.now() - 120_000).toISOString();
    const map = await readPrometheus({ url: gate.url, since, token: 'secret-token' });
    assert.ok(Array.isArray(map.calls));
    await assert.rejects(
      readPrometheus({ url: prom.url, since: '2999-01-01T00:00:00Z' }),
      /is not in the past/,
    );
  });
});

/** A sidecar endpoint whose series are given afresh at each scrape (`scrape` counts from 1). */
async function scriptedSidecar(seriesAt: (scrape: number) => SeriesSpec[]) {
  let scrapes = 0;
  const server = http.createServer((req, res) => {
    if (req.url !== '/stats/prometheus') {
      res.writeHead(404);
      return res.end();
    }
    res.writeHead(200, { 'Content-Type': 'text/plain; version=0.0.4' });
    res.end(sidecarExposition(seriesAt(++scrapes)));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, target: `127.0.0.1:${(server.address() as AddressInfo).port}`, scrapes: () => scrapes };
}

async function promQuery(url: string, query: string): Promise<{ metric: Record<string, string> }[]> {
  const res = await fetch(`${url}/api/v1/query?query=${encodeURIComponent(query)}`);
  const body = (await res.json()) as { data?: { result?: { metric: Record<string, string> }[] } };
  return body.data?.result ?? [];
}

describe('series born inside --since, against a real Prometheus', {
  skip: !existsSync(PROMETHEUS_BIN) && `${PROMETHEUS_BIN} missing`,
}, () => {
  let prom: PrometheusProcess;
  let sidecar: Awaited<ReturnType<typeof scriptedSidecar>>;
  /** When the sidecar first served the new series. */
  let bornAt = 0;
  before(async () => {
    // web's sidecar: web -> cart grows all along; web -> flat stood at 7 from the start (no call
    // in the range); ops-web -> admin POST /wipe was made twice, in one burst, before the 6th
    // scrape: Istio exports a series only after its first request, so it is born at 2 and stays 2.
    sidecar = await scriptedSidecar((scrape) => {
      const series: SeriesSpec[] = [
        {
          reporter: 'source',
          client: 'web',
          server: 'cart',
          namespace: NS,
          method: 'GET',
          path: '/cart',
          count: 100 + 10 * scrape,
        },
        {
          reporter: 'source',
          client: 'web',
          server: 'flat',
          namespace: NS,
          method: 'GET',
          path: '/flat',
          count: 7,
        },
        // web -> pay, as a waypoint (ambient mode) and pay's own sidecar count it, at cart's rate.
        {
          reporter: 'waypoint',
          client: 'web',
          server: 'pay',
          namespace: NS,
          method: 'GET',
          path: '/pay',
          count: 100 + 10 * scrape,
        },
        {
          reporter: 'destination',
          client: 'web',
          server: 'pay',
          namespace: NS,
          method: 'GET',
          path: '/pay',
          count: 50 + 10 * scrape,
        },
        // web -> vault, as only a waypoint counts it.
        {
          reporter: 'waypoint',
          client: 'web',
          server: 'vault',
          namespace: NS,
          method: 'PUT',
          path: '/key',
          count: 3 + scrape,
        },
      ];
      if (scrape >= 6) {
        if (bornAt === 0) bornAt = Date.now();
        series.push({
          reporter: 'source',
          client: 'ops-web',
          server: 'admin',
          namespace: 'ops',
          method: 'POST',
          path: '/wipe',
          count: 2,
        });
      }
      return series;
    });
    prom = await startPrometheus([sidecar.target]);
    await waitFor('three scrapes of the new series', 60_000, async () => {
      const rows = await promQuery(
        prom.url,
        'count_over_time(istio_requests_total{destination_workload="admin"}[5m]) >= 3',
      );
      return rows.length > 0 ? true : undefined;
    });
  });
  after(async () => {
    await prom?.stop();
    sidecar?.server.closeAllConnections();
    sidecar?.server.close();
  });

  test('a call whose series is born inside the range and never grows again is observed, at its value', async () => {
    // increase() of it is 0 (its samples in the range are all 2): the bug this guards against.
    const increase = await promQuery(
      prom.url,
      'increase(istio_requests_total{destination_workload="admin"}[5m]) > 0',
    );
    assert.equal(increase.length, 0, 'increase() alone misses the call');
    // The range starts after web -> flat's first samples and before the new series' first.
    const since = new Date(bornAt - 2500).toISOString();
    for (const maxRowsPerQuery of [undefined, 1]) {
      // 1: one query per namespace (shop, ops) and one for every other namespace.
      const map = await readPrometheus({
        url: prom.url,
        since,
        ...(maxRowsPerQuery ? { maxRowsPerQuery } : {}),
      });
      const calls = map.calls.map(
        (c) => `${c.client.name} -> ${c.server.name} ${c.method} ${c.path} ${c.count}`,
      );
      const admin = calls.find((c) => c.startsWith('ops-web -> admin POST /wipe'));
      assert.equal(
        admin,
        'ops-web -> admin POST /wipe 2',
        `${JSON.stringify(calls)} (split: ${maxRowsPerQuery})`,
      );
      assert.ok(
        calls.some((c) => c.startsWith('web -> cart GET /cart')),
        JSON.stringify(calls),
      );
      assert.ok(
        !calls.some((c) => c.startsWith('web -> flat')),
        `no call to flat in the range: ${JSON.stringify(calls)}`,
      );
    }
  });

  test('calls a waypoint reported are observed, once each, however many reported them', async () => {
    const map = await readPrometheus({ url: prom.url, since: '5m' });
    const count = (server: string) => map.calls.find((c) => c.server.name === server)?.count ?? 0;
    const calls = map.calls.map((c) => `${c.client.name} -> ${c.server.name} ${c.method} ${c.path}`);
    assert.ok(calls.includes('web -> vault PUT /key'), `only a waypoint saw it: ${JSON.stringify(calls)}`);
    // pay's waypoint and sidecar each counted as many as cart's caller: pay counts as much, not twice.
    const [pay, cart] = [count('pay'), count('cart')];
    assert.ok(pay > cart * 0.7 && pay < cart * 1.3, `pay ${pay} against cart ${cart}: counted once`);
    assert.ok(
      map.warnings.some((w) => /series reported by waypoints \(ambient mode\)/.test(w)),
      map.warnings.join('\n'),
    );
  });
});

describe('a real Prometheus whose remote storage is down', {
  skip: !existsSync(PROMETHEUS_BIN) && `${PROMETHEUS_BIN} missing`,
}, () => {
  let prom: PrometheusProcess;
  let sidecar: Awaited<ReturnType<typeof scriptedSidecar>>;
  before(async () => {
    sidecar = await scriptedSidecar((scrape) => [
      {
        reporter: 'source',
        client: 'web',
        server: 'cart',
        namespace: NS,
        method: 'GET',
        path: '/cart',
        count: 100 + 10 * scrape,
      },
    ]);
    const closed = await freePort();
    prom = await startPrometheus([sidecar.target], { remoteRead: `http://127.0.0.1:${closed}/api/v1/read` });
    await waitFor('two scrapes', 60_000, async () => (sidecar.scrapes() >= 3 ? true : undefined));
  });
  after(async () => {
    await prom?.stop();
    sidecar?.server.closeAllConnections();
    sidecar?.server.close();
  });

  test('its partial answers (success, with warnings) are exit 2 naming the query and the warning', async () => {
    // What Prometheus itself answers: success, the local rows, and a warning after them.
    const res = await fetch(
      `${prom.url}/api/v1/query?query=${encodeURIComponent('sum(istio_requests_total)')}`,
    );
    const text = await res.text();
    assert.match(
      text,
      /^\{"status":"success","data":\{.*\},"warnings":\["remote_read: .*connection refused"\]\}$/,
    );
    await assert.rejects(readPrometheus({ url: prom.url, since: '5m' }), (err: Error) => {
      assert.equal(err.name, 'InputError');
      assert.match(
        err.message,
        /api\/v1\/query: the query for the series per namespace: Prometheus answered with warnings, so the calls it holds may not all be in the answer: .*connection refused/,
      );
      return true;
    });
  });
});

describe('prometheus failures', () => {
  test('Prometheus down: input error with the URL and the reason, no query string, no token', async () => {
    const port = await freePort();
    await assert.rejects(
      readPrometheus({ url: `http://127.0.0.1:${port}/prom`, token: 'secret-token' }),
      (err: Error) => {
        assert.equal(err.name, 'InputError');
        assert.match(
          err.message,
          new RegExp(`^http://127\\.0\\.0\\.1:${port}/prom/api/v1/query: cannot reach: ECONNREFUSED`),
        );
        assert.doesNotMatch(err.message, /query=|increase|secret-token/);
        return true;
      },
    );
  });

  test('an erroring Prometheus: its errorType and error are the reason', async () => {
    const server = http.createServer((_req, res) => {
      res.writeHead(422, { 'Content-Type': 'application/json' });
      res.end(
        JSON.stringify({
          status: 'error',
          errorType: 'execution',
          error: 'query processing would load too many samples',
        }),
      );
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      await assert.rejects(
        readPrometheus({ url }),
        /api\/v1\/query: query failed: execution: query processing would load too many samples/,
      );
    } finally {
      server.close();
    }
  });
});

describe('traffic from outside the mesh, as Prometheus holds it', () => {
  test('only reporter="destination" series: the warning to drive traffic from a meshed pod', async () => {
    // A Prometheus whose only request series is nginx's own, the caller unknown (a kubectl
    // port-forward into it). The stand-in evaluates the queries the source sends, so the
    // question whether any caller's sidecar counted a request gets Prometheus' answer: none.
    const labels = {
      reporter: 'destination',
      source_workload: 'unknown',
      source_workload_namespace: 'unknown',
      destination_workload: 'nginx',
      destination_workload_namespace: NS,
      destination_service_name: 'nginx',
      destination_service_namespace: NS,
      request_protocol: 'http',
      request_method: 'GET',
      request_path: '/',
    };
    const api = await startPrometheusApi({
      series: () => [{ metric: 'istio_requests_total', labels, increase: 12 }],
    });
    try {
      const map = await readPrometheus({ url: api.url });
      assert.equal(map.unattributed.length, 1);
      assert.ok(map.warnings.includes(NO_CLIENT_SIDECAR), map.warnings.join('\n'));
    } finally {
      await api.close();
    }
  });
});

describe('prometheus behind a bearer-token proxy', () => {
  /** A Prometheus API that answers every query with an empty vector. */
  async function emptyPrometheus() {
    const server = http.createServer((req, res) => {
      req.resume();
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ status: 'success', data: { resultType: 'vector', result: [] } }));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
  }

  test('the token goes with every query; without it or with a wrong one, exit 2 naming the 401', async () => {
    const upstream = await emptyPrometheus();
    const gate = await startBearerGate(upstream.url, 'prom-token');
    try {
      const map = await readPrometheus({ url: gate.url, since: '5m', token: 'prom-token' });
      assert.deepEqual(map.calls, []);
      // The size of the answer, the requests, the TCP connections, and whether a caller's
      // sidecar counted a request.
      assert.deepEqual(
        gate.seen.map((r) => [r.method, r.path, r.authorized]),
        [
          ['POST', '/api/v1/query', true],
          ['POST', '/api/v1/query', true],
          ['POST', '/api/v1/query', true],
          ['POST', '/api/v1/query', true],
        ],
      );
      for (const token of [undefined, 'wrong-token']) {
        await assert.rejects(readPrometheus({ url: gate.url, since: '5m', token }), (err: Error) => {
          assert.equal(err.name, 'InputError');
          assert.match(err.message, /api\/v1\/query: HTTP 401: not authorized: check the bearer token/);
          assert.doesNotMatch(err.message, /prom-token|wrong-token/);
          return true;
        });
      }
    } finally {
      await gate.close();
      upstream.server.close();
    }
  });
});
