// Prometheus refuses a query that would load more samples than its --query.max-samples (422,
// errorType execution). The read is then asked for again in smaller parts by the callers'
// namespace, until every part passes (the same calls as an unlimited Prometheus gives) or a
// part of one namespace is still refused: an error that says what to change. Against the
// stand-in here; test/live/prometheus.test.ts does it against the real Prometheus.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, test } from 'node:test';
import { InputError } from '../../src/errors.ts';
import { PROMETHEUS_TOO_MANY_SAMPLES } from '../../src/observe/live/prometheus-instant.ts';
import { readPrometheus } from '../../src/observe/live/prometheus-source.ts';
import { expected, mesh, seen, standIn } from '../support/prometheus-mesh-calls.ts';
import { PROMETHEUS_BIN, startPrometheus, waitFor } from '../support/prometheus-process.ts';
import { sidecarExposition } from '../support/sidecar-metrics.ts';

const REFUSED_WARNING =
  /Prometheus refused to load the samples of larger queries \(its --query\.max-samples\)/;

// mesh(6, 25): 25 calls in each of 6 namespaces, 276 series (46 a namespace). The stand-in's
// peak, as Prometheus counts it: the size query 828; the requests query of all 1,380, of three
// namespaces 690, of five 1,150, of one 230 (or the points of a series plus 92 when more).
describe('prometheus source under --query.max-samples', () => {
  test('a refused read is asked for again in smaller parts: the same calls, and a warning', async () => {
    const calls = mesh(6, 25);
    const now = new Date();
    const unlimited = await readPrometheus({
      url: (await standIn(calls)).url,
      since: '10m',
      now,
      workers: 1,
    });
    const api = await standIn(calls, { maxSamples: 900, pointsPerSeries: 10 });
    const limited = await readPrometheus({ url: api.url, since: '10m', now, workers: 1 });
    assert.deepEqual(seen(limited), expected(calls));
    assert.deepEqual(limited.calls, unlimited.calls);
    const extra = limited.warnings.filter((w) => !unlimited.warnings.includes(w));
    assert.equal(extra.length, 1, limited.warnings.join('\n'));
    assert.match(extra[0]!, REFUSED_WARNING);
    assert.match(extra[0]!, /in 3 parts by the callers' namespace, of at most 75 rows each/);
    // Asked whole, then in two parts of three namespaces (and every other namespace).
    const requests = api.queries.filter((q) => q.query.startsWith('sum by (source_workload'));
    assert.ok(requests.some((q) => !q.query.includes('source_workload_namespace=~')));
    assert.ok(requests.some((q) => q.query.includes('source_workload_namespace=~"ns-0|ns-1|ns-2"')));
  });

  test('on worker threads: the refusal crosses from the worker, and the read is the same', async () => {
    const calls = mesh(6, 25);
    const api = await standIn(calls, { maxSamples: 900, pointsPerSeries: 10 });
    const now = new Date();
    const inPlace = await readPrometheus({ url: api.url, since: '10m', now, workers: 1 });
    // Parts of five namespaces: a worker's requests query is refused (the main thread's
    // sidecar query, of the callers' side only, passes), then parts of two pass.
    const parallel = await readPrometheus({
      url: api.url,
      since: '10m',
      now,
      workers: 2,
      maxRowsPerQuery: 125,
    });
    assert.deepStrictEqual(parallel.calls, inPlace.calls);
    assert.ok(
      parallel.warnings.some((w) => REFUSED_WARNING.test(w)),
      parallel.warnings.join('\n'),
    );
  });

  test('one namespace alone still refused: an error that names the limit and what to change', async () => {
    // 1,000 samples in a series: one namespace's part peaks at 1,092; the size query passes.
    const api = await standIn(mesh(6, 25), { maxSamples: 900, pointsPerSeries: 1000 });
    await assert.rejects(readPrometheus({ url: api.url, since: '10m', workers: 1 }), (err: unknown) => {
      assert.ok(err instanceof InputError);
      assert.match(
        err.message,
        /too many samples into memory in query execution \(Prometheus' --query\.max-samples\), even asked for in 7 part\(s\) by the callers' namespace: read a shorter window \(--since\), or raise that limit$/,
      );
      return true;
    });
    // A part of one namespace cannot be made smaller: once every part is one, it is not asked again.
    const alone = api.queries.filter((q) =>
      q.query.includes('istio_requests_total{reporter="destination", source_workload_namespace=~"ns-0"}'),
    );
    assert.equal(alone.length, 1, 'the part of ns-0 alone was asked for again');
  });

  test('the size query refused: the error names the limit, and nothing is asked again', async () => {
    const api = await standIn(mesh(6, 25), { maxSamples: 100 });
    await assert.rejects(
      readPrometheus({ url: api.url, since: '10m' }),
      /query failed: execution: query processing would load too many samples into memory in query execution \(Prometheus' --query\.max-samples\)$/,
    );
    assert.equal(api.queries.length, 1);
  });

  test('another failure is not taken for a refusal: no second attempt', async () => {
    const api = await standIn(mesh(6, 25), { delayMs: (q) => (q.startsWith('sum by') ? 2000 : 0) });
    await assert.rejects(readPrometheus({ url: api.url, since: '10m', timeoutMs: 300, workers: 1 }));
    const texts = api.queries.map((q) => q.query);
    assert.equal(new Set(texts).size, texts.length, 'a query was sent again');
    assert.ok(!texts.some((t) => t.includes('source_workload_namespace=~')), 'asked in parts');
  });

  test('another execution error (422, the same errorType) is not taken for a refusal either', async () => {
    // What Prometheus says when a query's one-to-one matching meets two series with the same labels.
    const duplicate =
      'found duplicate series for the match group {source_workload="web"} on the right hand-side of the operation';
    const api = await standIn(mesh(6, 25), {
      executionError: (q) => (q.startsWith('sum by (source_workload') ? duplicate : undefined),
    });
    const err = await readPrometheus({ url: api.url, since: '10m', workers: 1 }).then(
      () => assert.fail('read'),
      (e: unknown) => e,
    );
    assert.ok(err instanceof InputError, String(err));
    assert.match(err.message, /query failed: execution: found duplicate series for the match group/);
    assert.doesNotMatch(err.message, /max-samples/);
    assert.notEqual(err.code, PROMETHEUS_TOO_MANY_SAMPLES);
    const texts = api.queries.map((q) => q.query);
    assert.ok(!texts.some((t) => t.includes('source_workload_namespace=~')), 'asked again in parts');
  });
});

// 10 namespaces of 2 series each, scraped every 250 ms. Prometheus 2.42's peak (`stats=all`):
// 60 for the size query, 100 for the requests query of all, 50 of five namespaces (while a
// series holds at most 60 samples: 15 s). At 80 the whole read is refused and parts pass.
describe('against the real Prometheus, started with --query.max-samples=80', {
  skip: !existsSync(PROMETHEUS_BIN) && `${PROMETHEUS_BIN} missing`,
}, () => {
  test('a refused read is split until it passes, with the calls an unrefused read gives', async () => {
    const start = Date.now();
    const small = Array.from({ length: 20 }, (_, i) => ({
      reporter: 'source' as const,
      client: 'web',
      server: `s${i}`,
      namespace: `ns${i % 10}`,
      method: 'GET',
      path: `/p${i}`,
    }));
    const sidecar = http.createServer((_req, res) => {
      const count = Math.floor(100 + 50 * ((Date.now() - start) / 1000));
      res.writeHead(200, { 'Content-Type': 'text/plain; version=0.0.4' });
      res.end(sidecarExposition(small.map((s) => ({ ...s, count }))));
    });
    await new Promise<void>((r) => sidecar.listen(0, '127.0.0.1', r));
    const prom = await startPrometheus([`127.0.0.1:${(sidecar.address() as AddressInfo).port}`], {
      args: ['--query.max-samples=80'],
      scrapeInterval: '250ms',
    });
    try {
      const samples = async () => {
        const q =
          'count_over_time(istio_requests_total{source_workload_namespace="ns0",destination_workload="s0"}[5m])';
        const res = await fetch(`${prom.url}/api/v1/query?query=${encodeURIComponent(q)}`);
        const body = (await res.json()) as { data?: { result?: { value: [number, string] }[] } };
        return Number(body.data?.result?.[0]?.value[1] ?? 0);
      };
      await waitFor('four samples of each series', 60_000, async () =>
        (await samples()) >= 4 ? true : undefined,
      );
      const now = new Date();
      const read = await readPrometheus({ url: prom.url, since: '5m', now });
      const shown = read.calls.map(
        (c) => `${c.client.namespace}/${c.client.name} -> ${c.server.name} ${c.method} ${c.path}`,
      );
      assert.deepEqual(
        shown.sort(),
        small.map((s) => `${s.namespace}/web -> ${s.server} GET ${s.path}`).sort(),
      );
      assert.ok(read.calls.every((c) => c.count > 0));
      assert.ok(
        read.warnings.some((w) => REFUSED_WARNING.test(w)),
        read.warnings.join('\n'),
      );
      // Asked for in parts from the start, at the same instant: the same calls and counts.
      const parted = await readPrometheus({ url: prom.url, since: '5m', now, maxRowsPerQuery: 4 });
      assert.deepEqual(parted.calls, read.calls);
      assert.ok(!parted.warnings.some((w) => REFUSED_WARNING.test(w)), parted.warnings.join('\n'));
    } finally {
      await prom.stop();
      sidecar.close();
    }
  });
});
