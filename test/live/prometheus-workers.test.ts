// A large Prometheus read on worker threads (prometheus-parallel.ts): the same map, warnings
// and errors as the read in place, the token and timeout carried to every worker's requests.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { prometheusWorkers, WORKER_MIN_ROWS } from '../../src/observe/live/prometheus-parallel.ts';
import { readPrometheus } from '../../src/observe/live/prometheus-source.ts';
import { NO_CLIENT_SIDECAR } from '../../src/observe/observed-map.ts';
import { expected, mesh, seen, standIn } from '../support/prometheus-mesh-calls.ts';

describe('prometheus source on worker threads', () => {
  test('two workers read the same map as one thread, split in parts, one or four at a time', async () => {
    const calls = mesh(6, 25);
    const api = await standIn(calls);
    const now = new Date();
    const inPlace = await readPrometheus({
      url: api.url,
      since: '10m',
      now,
      maxRowsPerQuery: 30,
      workers: 1,
    });
    assert.deepEqual(seen(inPlace), expected(calls));
    for (const concurrency of [1, 4]) {
      const before = api.queries.length;
      const parallel = await readPrometheus({
        url: api.url,
        since: '10m',
        now,
        maxRowsPerQuery: 30,
        concurrency,
        workers: 2,
        token: 'sekret',
      });
      assert.deepStrictEqual(parallel, inPlace);
      const sent = api.queries.slice(before);
      // Every part's two queries went out, each with the token, from whichever thread.
      assert.equal(sent.filter((q) => q.query.startsWith('sum by (source_workload')).length >= 12, true);
      assert.ok(sent.every((q) => q.authorization === 'Bearer sekret'));
    }
  });

  test("Prometheus' infos are said once, as in place, though every worker's queries carried them", async () => {
    const calls = mesh(6, 25);
    const info = 'PromQL info: metric might not be a counter, name does not end in _total';
    const api = await standIn(calls, { annotations: () => ({ infos: [info] }) });
    const now = new Date();
    const read = (workers: number) =>
      readPrometheus({ url: api.url, since: '10m', now, maxRowsPerQuery: 30, workers });
    const inPlace = await read(1);
    const parallel = await read(2);
    const said = (warnings: string[]) => warnings.filter((w) => w.includes(info)).length;
    assert.equal(said(inPlace.warnings), 1, inPlace.warnings.join('\n'));
    assert.equal(said(parallel.warnings), 1, parallel.warnings.join('\n'));
    assert.deepStrictEqual(parallel, inPlace);
  });

  test('no caller sidecar: the same warning as in place', async () => {
    const serverOnly = mesh(4, 10).map(({ source: _s, ...c }) => ({ ...c, destination: c.destination ?? 1 }));
    const api = await standIn(serverOnly);
    const map = await readPrometheus({ url: api.url, since: '10m', maxRowsPerQuery: 10, workers: 2 });
    assert.deepEqual(seen(map), expected(serverOnly));
    assert.ok(map.warnings.includes(NO_CLIENT_SIDECAR), map.warnings.join('\n'));
    const meshed = await standIn(mesh(4, 10));
    const inside = await readPrometheus({ url: meshed.url, since: '10m', maxRowsPerQuery: 10, workers: 2 });
    assert.ok(!inside.warnings.includes(NO_CLIENT_SIDECAR), inside.warnings.join('\n'));
  });

  test("a worker's failure is the read's: the same input error, the query string and token unsaid", async () => {
    const calls = mesh(4, 10);
    const stuck = await standIn(calls, {
      delayMs: (q) => (q.startsWith('sum by (source_workload') ? 5000 : 0),
    });
    await assert.rejects(
      readPrometheus({
        url: stuck.url,
        since: '10m',
        maxRowsPerQuery: 10,
        workers: 2,
        timeoutMs: 300,
        token: 'sekret',
      }),
      (err: Error) => {
        assert.equal(err.name, 'InputError');
        assert.match(err.message, /\/api\/v1\/query: cannot reach: timed out$/);
        assert.doesNotMatch(err.message, /query=|increase|sekret/);
        return true;
      },
    );
  });

  test('--concurrency bounds the queries in flight across both workers, not per worker', async () => {
    let inFlight = 0;
    let most = 0;
    const api = await standIn(mesh(6, 25), {
      delayMs: (q) => {
        if (!q.startsWith('sum by (source_workload')) return 0;
        inFlight++;
        most = Math.max(most, inFlight);
        setTimeout(() => inFlight--, 100);
        return 100;
      },
    });
    const map = await readPrometheus({
      url: api.url,
      since: '10m',
      maxRowsPerQuery: 30,
      concurrency: 2,
      workers: 2,
    });
    assert.deepEqual(seen(map), expected(mesh(6, 25)));
    assert.ok(most <= 2, `${most} part queries at once`);
  });

  test("each part's rows count for its own query: a part of idle series does not hide another's requests", async () => {
    // ns-a: requests only the servers' sidecars saw; ns-b: series that counted nothing in the
    // range (sized, but no rows). Three parts on two workers; the warnings are the read in place's.
    const serverOnly = mesh(1, 10).map(({ source: _s, ...c }) => ({ ...c, ns: 'ns-a', destination: 2 }));
    const idle = mesh(1, 10).map(({ source: _s, ...c }) => ({ ...c, ns: 'ns-b', destination: 0 }));
    const api = await standIn([...serverOnly, ...idle]);
    const now = new Date();
    const read = (workers: number) =>
      readPrometheus({ url: api.url, since: '10m', now, maxRowsPerQuery: 10, workers });
    const inPlace = await read(1);
    const parallel = await read(2);
    assert.deepEqual(seen(parallel), expected(serverOnly));
    assert.ok(parallel.warnings.includes(NO_CLIENT_SIDECAR), parallel.warnings.join('\n'));
    assert.ok(!parallel.warnings.some((w) => /has no Istio traffic/.test(w)), parallel.warnings.join('\n'));
    assert.deepStrictEqual(parallel, inPlace);
  });

  test("a worker's failure stops the other worker: no part is asked for after it", async () => {
    // Seven parts (one namespace each, then the rest): worker 0 fails at once on ns-0, while
    // worker 1 waits on ns-1; ns-3 and ns-5, its next parts, must never be asked for.
    const api = await standIn(mesh(6, 25), {
      executionError: (q) =>
        q.startsWith('sum by (source_workload') && q.includes('"ns-0"') ? 'boom' : undefined,
      delayMs: (q) => (q.includes('"ns-1"') ? 400 : 0),
    });
    await assert.rejects(
      readPrometheus({ url: api.url, since: '10m', maxRowsPerQuery: 30, concurrency: 2, workers: 2 }),
      (err: Error) => err.name === 'InputError' && /boom/.test(err.message),
    );
    await new Promise((r) => setTimeout(r, 1000));
    const later = api.queries.filter(
      (q) => q.query.startsWith('sum by (source_workload') && /"ns-[35]"/.test(q.query),
    );
    assert.deepEqual(
      later.map((q) => q.query.slice(0, 60)),
      [],
    );
  });

  test('workers only for a large split read, unless asked', () => {
    assert.equal(prometheusWorkers(undefined, WORKER_MIN_ROWS - 1, 4), 1);
    assert.equal(prometheusWorkers(undefined, WORKER_MIN_ROWS, 1), 1);
    assert.ok(prometheusWorkers(undefined, WORKER_MIN_ROWS, 4) >= 1);
    assert.equal(prometheusWorkers(2, 10, 1), 1);
    assert.equal(prometheusWorkers(2, 10, 3), 2);
  });
});
