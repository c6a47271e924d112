// The number of parts a Prometheus read is asked for in comes from the size query's answer,
// which the server writes: a read that would take more than MAX_PROMETHEUS_PARTS is refused
// before any part is sent, with the figures that made it.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { InputError } from '../../src/errors.ts';
import { MAX_PROMETHEUS_PARTS, readPrometheus } from '../../src/observe/live/prometheus-source.ts';
import { mesh, standIn } from '../support/prometheus-mesh-calls.ts';
import { scriptedPrometheus } from '../support/scripted-prometheus.ts';

const REQUESTS_PART = 'istio_requests_total{reporter="destination"';

describe('prometheus source: the most parts a read takes', () => {
  test('a split at the cap is read; one part more is refused before any part is asked for', async () => {
    const calls = mesh(6, 25);
    const api = await standIn(calls);
    const now = new Date();
    const read = (maxParts?: number) =>
      readPrometheus({
        url: api.url,
        since: '10m',
        now,
        maxRowsPerQuery: 30,
        workers: 1,
        ...(maxParts ? { maxParts } : {}),
      });
    const whole = await read();
    const parts = api.queries.filter((q) => q.query.includes(REQUESTS_PART)).length;
    assert.ok(parts >= 4, `split in ${parts} parts`);
    assert.deepStrictEqual(await read(parts), whole);
    const before = api.queries.length;
    await assert.rejects(read(parts - 1), (err: unknown) => {
      assert.ok(err instanceof InputError, String(err));
      assert.match(
        err.message,
        new RegExp(`takes ${parts} parts, more than the ${parts - 1} intent-drift asks for`),
      );
      assert.match(err.message, /in parts of at most 30 rows/);
      return true;
    });
    // Only the size query went out.
    assert.equal(api.queries.length - before, 1);
  });

  test('after a --query.max-samples refusal, the smaller parts are held to the cap too', async () => {
    // As in prometheus-max-samples.test.ts: the whole read is refused, then 3 parts pass.
    const api = await standIn(mesh(6, 25), { maxSamples: 900, pointsPerSeries: 10 });
    const read = (maxParts: number) => readPrometheus({ url: api.url, since: '10m', workers: 1, maxParts });
    assert.equal((await read(3)).calls.length, 150);
    await assert.rejects(read(2), (err: unknown) => {
      assert.ok(err instanceof InputError, String(err));
      assert.match(
        err.message,
        /reading them in parts small enough for its --query.max-samples takes 3 parts, more than the 2 intent-drift asks for/,
      );
      return true;
    });
  });

  test('a Prometheus that counts 600 namespaces of a billion series each gets the size query only', async () => {
    const api = await scriptedPrometheus((query) =>
      query.startsWith('count by (source_workload_namespace)')
        ? Array.from({ length: 600 }, (_, i) => ({
            metric: { source_workload_namespace: `team-${i}` },
            value: [Date.now() / 1000, '1000000000'],
          }))
        : { status: 500 },
    );
    try {
      await assert.rejects(readPrometheus({ url: api.url, since: '10m' }), (err: unknown) => {
        assert.ok(err instanceof InputError, String(err));
        assert.match(
          err.message,
          new RegExp(
            `counts 600000000000 istio_requests_total series in 600 callers' namespaces: reading them in parts of ` +
              `at most 100000 rows takes 601 parts, more than the ${MAX_PROMETHEUS_PARTS} intent-drift asks for`,
          ),
        );
        return true;
      });
      assert.equal(api.queries.length, 1, api.queries.join('\n'));
    } finally {
      await api.close();
    }
  });
});
