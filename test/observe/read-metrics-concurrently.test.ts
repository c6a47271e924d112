// Large captures are read on a worker thread while the main thread parses the intents: the
// answers and the errors must be the same as reading in place.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import diagnostics from 'node:diagnostics_channel';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, test } from 'node:test';
import type { Worker } from 'node:worker_threads';
import { defaultDriftConfig } from '../../src/config/drift-config.ts';
import { InputError } from '../../src/errors.ts';
import { type MetricFile, metricFilesOf } from '../../src/observe/metric-files.ts';
import { readMetrics } from '../../src/observe/read-metrics.ts';
import {
  metricsWorkers,
  readMetricsConcurrently,
  splitBySize,
  WORKER_MIN_BYTES,
  WORKER_MIN_BYTES_ENV,
} from '../../src/observe/read-metrics-concurrently.ts';
import { check } from '../../src/pipeline.ts';
import { defaultSettings } from '../../src/settings.ts';

const fixtures = path.join(import.meta.dirname, '..', '..', 'fixtures');

async function inWorker(paths: string[], cwd = fixtures) {
  const threads: number[] = [];
  const map = await readMetricsConcurrently(paths, {
    cwd,
    minBytes: 0,
    mainThreadReads: false,
    onWorker: (id) => threads.push(id),
  });
  assert.equal(threads.length, 1, 'no worker was started');
  return map;
}

async function failure(read: Promise<unknown>): Promise<InputError> {
  try {
    await read;
  } catch (err) {
    assert.ok(err instanceof InputError, `not an InputError: ${err}`);
    return err;
  }
  assert.fail('no error');
}

describe('readMetricsConcurrently', () => {
  afterEach(() => {
    delete process.env[WORKER_MIN_BYTES_ENV];
  });

  test('a worker reads the demo capture and the public samples as readMetrics does in place', async () => {
    for (const paths of [
      ['demo/capture'],
      ['metrics/demo-envoy-json'],
      [
        'metrics/sample-01-istio-1.7.1-sidecar-istio_requests_total.prom',
        'metrics/sample-03-native-filter-reporter-source-to-serviceentry-host.prom',
      ],
    ]) {
      const expected = await readMetrics(paths, { cwd: fixtures });
      assert.ok(expected.calls.length + expected.external.length > 0, `${paths} holds no call`);
      assert.deepStrictEqual(await inWorker(paths), expected);
    }
  });

  test('an error in the worker comes back as the same InputError, file and line included', async () => {
    for (const bad of ['metrics/bad/unterminated-label-value.prom', 'metrics/bad/stats-not-array.json']) {
      const expected = await failure(readMetrics([bad], { cwd: fixtures }));
      const got = await failure(inWorker([bad]));
      assert.equal(String(got), String(expected));
      assert.equal(got.line, expected.line);
    }
  });

  test('a path that does not exist is reported as readMetrics reports it', async () => {
    const expected = await failure(readMetrics(['no/such/dir'], { cwd: fixtures }));
    assert.equal(String(await failure(inWorker(['no/such/dir']))), String(expected));
    const threads: number[] = [];
    const sized = readMetricsConcurrently(['no/such/dir'], {
      cwd: fixtures,
      minBytes: 1,
      onWorker: (id) => threads.push(id),
    });
    assert.equal(String(await failure(sized)), String(expected));
    assert.equal(threads.length, 0, 'nothing to size, so nothing for a worker');
  });

  test('small captures are read in place; the size limit comes from the environment when set', async () => {
    const threads: number[] = [];
    const onWorker = (id: number) => threads.push(id);
    await readMetricsConcurrently(['demo/capture'], { cwd: fixtures, onWorker });
    assert.equal(threads.length, 0, 'a worker for a few kilobytes');
    process.env[WORKER_MIN_BYTES_ENV] = '0';
    await readMetricsConcurrently(['demo/capture'], { cwd: fixtures, onWorker });
    assert.equal(threads.length, 1);
    process.env[WORKER_MIN_BYTES_ENV] = 'lots';
    assert.throws(() => readMetricsConcurrently(['demo/capture'], { cwd: fixtures }), {
      message: `${WORKER_MIN_BYTES_ENV} must be a number of bytes, not "lots"`,
    });
  });

  test('workers by the cores: none on two or fewer unless asked for, then at most cores - 2 and two', () => {
    const mib = 1024 * 1024;
    assert.equal(metricsWorkers(371 * mib, 2, false), 0);
    assert.equal(metricsWorkers(371 * mib, 1, false), 0);
    assert.equal(metricsWorkers(371 * mib, 2, true), 1, 'asked for (the variable or the option)');
    assert.equal(metricsWorkers(371 * mib, 1, true), 1);
    assert.equal(metricsWorkers(371 * mib, 3, false), 1);
    assert.equal(metricsWorkers(371 * mib, 4, false), 2);
    assert.equal(metricsWorkers(371 * mib, 16, true), 2);
    assert.equal(metricsWorkers(100 * mib, 4, false), 1, 'too small for two');
    assert.equal(metricsWorkers(128 * mib, 4, false), 1);
    assert.equal(metricsWorkers(192 * mib, 4, false), 2);
  });

  test('a capture over the threshold gets the workers metricsWorkers gives for this machine', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'intent-drift-large-'));
    try {
      const file = path.join(dir, 'large.prom');
      const line = '# HELP some_other_metric not read\n';
      await writeFile(file, line.repeat(Math.ceil(WORKER_MIN_BYTES / line.length)));
      const threads: number[] = [];
      const map = await readMetricsConcurrently([file], { onWorker: (id) => threads.push(id) });
      assert.equal(threads.length, metricsWorkers(WORKER_MIN_BYTES, availableParallelism(), false));
      assert.equal(map.calls.length, 0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('an abort stops an in-place read before its next file and rejects with its reason', async () => {
    const stop = new AbortController();
    const threads: number[] = [];
    const read = readMetricsConcurrently(['demo/capture'], {
      cwd: fixtures,
      signal: stop.signal,
      onWorker: (id) => threads.push(id),
    });
    stop.abort();
    await assert.rejects(read, { name: 'AbortError' });
    assert.equal(threads.length, 0, 'read in place');
    const aborted = AbortSignal.abort(new Error('stopped'));
    await assert.rejects(readMetricsConcurrently(['demo/capture'], { cwd: fixtures, signal: aborted }), {
      message: 'stopped',
    });
  });

  test('an abort stops the worker and rejects with its reason', async () => {
    const stop = new AbortController();
    const threads: number[] = [];
    const read = readMetricsConcurrently(['demo/capture'], {
      cwd: fixtures,
      minBytes: 0,
      signal: stop.signal,
      onWorker: (id) => threads.push(id),
    });
    stop.abort();
    await assert.rejects(read, { name: 'AbortError' });
    assert.equal(threads.length, 1);
  });

  test('parts read by two workers and the main thread merge in file order; the first failure in file order wins', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'intent-drift-two-workers-'));
    try {
      const sample = await readFile(
        path.join(fixtures, 'metrics/sample-01-istio-1.7.1-sidecar-istio_requests_total.prom'),
        'utf8',
      );
      // About 16 MB the reader skips by name: the first worker is still reading when the second,
      // given one short file, is done (or has failed).
      const filler = 'envoy_cluster_upstream_rq{cluster="outbound|80||a.b.svc.cluster.local"} 1\n'.repeat(
        200_000,
      );
      const bad = await readFile(path.join(fixtures, 'metrics/bad/unterminated-label-value.prom'), 'utf8');
      await writeFile(path.join(dir, 'a-good.prom'), `${filler}${sample}`);
      await writeFile(path.join(dir, 'a-bad.prom'), `${filler}${bad}`);
      await writeFile(
        path.join(dir, 'b-good.prom'),
        await readFile(path.join(fixtures, 'demo/capture/client.prom')),
      );
      await writeFile(path.join(dir, 'b-bad.prom'), bad);
      const both = (files: string[]) => {
        const threads: number[] = [];
        const read = readMetricsConcurrently(files, {
          cwd: dir,
          minBytes: 0,
          workers: 2,
          partBytes: 1,
          onWorker: (id) => threads.push(id),
        });
        return read.finally(() => assert.equal(threads.length, 2, 'two workers'));
      };
      const good = ['a-good.prom', 'b-good.prom'];
      assert.deepStrictEqual(await both(good), await readMetrics(good, { cwd: dir }));
      for (const files of [
        ['a-good.prom', 'b-bad.prom'],
        ['a-bad.prom', 'b-bad.prom'],
        ['a-bad.prom', 'b-good.prom'],
      ]) {
        const expected = await failure(readMetrics(files, { cwd: dir }));
        const got = await failure(both(files));
        assert.equal(String(got), String(expected), files.join(' '));
        assert.deepEqual([got.file, got.line], [expected.file, expected.line]);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  /** Four files in a new folder, each a sample behind about 4 MB the reader skips by name. */
  async function fourParts(): Promise<{ dir: string; files: string[] }> {
    const dir = await mkdtemp(path.join(tmpdir(), 'intent-drift-shared-parts-'));
    const samples = [
      'metrics/sample-01-istio-1.7.1-sidecar-istio_requests_total.prom',
      'metrics/sample-03-native-filter-reporter-source-to-serviceentry-host.prom',
      'demo/capture/client.prom',
      'demo/capture/nginx.prom',
    ];
    const filler = 'envoy_cluster_upstream_rq{cluster="outbound|80||a.b.svc.cluster.local"} 1\n'.repeat(
      50_000,
    );
    const files: string[] = [];
    for (const [i, sample] of samples.entries()) {
      const name = `part-${i}.prom`;
      await writeFile(
        path.join(dir, name),
        `${filler}${await readFile(path.join(fixtures, sample), 'utf8')}`,
      );
      files.push(name);
    }
    return { dir, files };
  }

  test('the main thread reads parts beside the worker; each part is read once, the map is the same', async () => {
    const { dir, files } = await fourParts();
    try {
      // A part takes the main thread a few milliseconds, and the worker tens of milliseconds to
      // start, so the main thread reads some.
      const readers = new Map<number, number>();
      const threads: number[] = [];
      const map = await readMetricsConcurrently(files, {
        cwd: dir,
        minBytes: 0,
        workers: 1,
        partBytes: 1,
        onWorker: (id) => threads.push(id),
        onPart: (index, thread) => {
          assert.equal(readers.has(index), false, `part ${index} read twice`);
          readers.set(index, thread);
        },
      });
      assert.deepStrictEqual(map, await readMetrics(files, { cwd: dir }));
      assert.deepEqual([...readers.keys()].sort(), [0, 1, 2, 3]);
      assert.equal(threads.length, 1);
      assert.ok([...readers.values()].includes(0), 'the main thread read no part');
      assert.ok([...readers.values()].every((t) => t === 0 || t === threads[0]));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('the main thread waits for mainThreadFree (check: the intents parsed) before it reads a part', async () => {
    const { dir, files } = await fourParts();
    try {
      let open = () => {};
      const gate = new Promise<void>((resolve) => {
        open = resolve;
      });
      let opened = false;
      const early: number[] = [];
      const map = await readMetricsConcurrently(files, {
        cwd: dir,
        minBytes: 0,
        workers: 1,
        partBytes: 1,
        mainThreadFree: gate,
        onPart: (index, thread) => {
          if (thread === 0 && !opened) early.push(index);
          if (thread !== 0 && !opened) {
            // The worker's first part opens the gate: the main thread may read what is left.
            opened = true;
            open();
          }
        },
      });
      assert.deepEqual(early, [], 'the main thread read parts before the gate opened');
      assert.deepStrictEqual(map, await readMetrics(files, { cwd: dir }));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('check: bad intents fail as usual while a worker reads the metrics', async () => {
    process.env[WORKER_MIN_BYTES_ENV] = '0';
    const settings = {
      ...defaultSettings(fixtures),
      metrics: ['demo/capture'],
      intents: ['bad/intents/head-method.yaml'],
    };
    const err = await failure(check(settings));
    assert.equal(err.file, 'bad/intents/head-method.yaml');
    assert.equal(err.line, 16);
  });

  test('check: intents that fail at once stop the worker before it reads a part', async () => {
    process.env[WORKER_MIN_BYTES_ENV] = '0';
    const workers: Worker[] = [];
    const said: unknown[] = [];
    const started = (m: unknown) => {
      const { worker } = m as { worker: Worker };
      workers.push(worker);
      worker.on('message', (message: unknown) => said.push(message));
    };
    diagnostics.subscribe('worker_threads', started);
    try {
      const settings = { ...defaultSettings(fixtures), metrics: ['demo/capture'], intents: [] };
      const gate = { config: defaultDriftConfig(), baseline: undefined };
      const err = await failure(check(settings, undefined, gate));
      assert.equal(err.message, 'no intents given: use --intents PATH');
      assert.equal(workers.length, 1);
      await new Promise((resolve) => workers[0]!.once('exit', resolve));
      assert.deepEqual(said, [], 'the worker read on (and said done) after the check had failed');
    } finally {
      diagnostics.unsubscribe('worker_threads', started);
    }
  });
  test('a capture exactly the threshold goes to a worker; one byte under it is read in place', async () => {
    const total = metricFilesOf(['demo/capture'], fixtures).reduce((n, f) => n + f.size, 0);
    const threads: number[] = [];
    const onWorker = (id: number) => threads.push(id);
    await readMetricsConcurrently(['demo/capture'], { cwd: fixtures, minBytes: total + 1, onWorker });
    assert.equal(threads.length, 0, 'a worker for a capture under the threshold');
    const map = await readMetricsConcurrently(['demo/capture'], { cwd: fixtures, minBytes: total, onWorker });
    assert.equal(threads.length, 1, 'no worker for a capture of exactly the threshold');
    assert.deepStrictEqual(map, await readMetrics(['demo/capture'], { cwd: fixtures }));
  });

  test('an empty INTENT_DRIFT_METRICS_WORKER_MIN_BYTES (an unset workflow input) is no setting, not 0', async () => {
    process.env[WORKER_MIN_BYTES_ENV] = '';
    const threads: number[] = [];
    await readMetricsConcurrently(['demo/capture'], { cwd: fixtures, onWorker: (id) => threads.push(id) });
    assert.equal(threads.length, 0, 'a worker for a few kilobytes');
  });

  test('a signal aborted before the read starts no worker and rejects with its reason', async () => {
    const threads: number[] = [];
    const read = readMetricsConcurrently(['demo/capture'], {
      cwd: fixtures,
      minBytes: 0,
      signal: AbortSignal.abort(new Error('stopped early')),
      onWorker: (id) => threads.push(id),
    });
    await assert.rejects(read, { message: 'stopped early' });
    assert.equal(threads.length, 0);
  });

  test('stdin (`-`) is read in place even when a worker is asked for', () => {
    const capture = path.join(fixtures, 'demo/capture/client.prom');
    const script = `
      const { readMetricsConcurrently } = await import(${JSON.stringify(path.join(import.meta.dirname, '../../src/observe/read-metrics-concurrently.ts'))});
      const map = await readMetricsConcurrently(['-'], { minBytes: 0 });
      process.stdout.write(JSON.stringify(map.calls.map((c) => [c.client.name, c.server.name, c.path, c.count])));
    `;
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      input: readFileSync(capture),
      encoding: 'utf8',
    });
    assert.equal(child.status, 0, child.stderr);
    return readMetrics([capture]).then((expected) => {
      assert.ok(expected.calls.length > 0);
      assert.equal(
        child.stdout,
        JSON.stringify(expected.calls.map((c) => [c.client.name, c.server.name, c.path, c.count])),
      );
    });
  });

  test('splitBySize: consecutive parts of about equal bytes, each cut once it holds its share', () => {
    const files = (...sizes: number[]): MetricFile[] =>
      sizes.map((size, i) => ({ absolute: `/m/${i}.prom`, file: `${i}.prom`, size }));
    const names = (parts: MetricFile[][]) => parts.map((p) => p.map((f) => f.file).join(' '));
    assert.deepEqual(names(splitBySize(files(10, 10, 10, 10), 2)), ['0.prom 1.prom', '2.prom 3.prom']);
    assert.deepEqual(names(splitBySize(files(10, 10, 10, 10), 4)), ['0.prom', '1.prom', '2.prom', '3.prom']);
    assert.deepEqual(names(splitBySize(files(30, 10, 10, 10), 2)), ['0.prom', '1.prom 2.prom 3.prom']);
    assert.deepEqual(names(splitBySize(files(10, 10, 10), 1)), ['0.prom 1.prom 2.prom']);
    assert.deepEqual(names(splitBySize(files(10, 10), 5)), ['0.prom', '1.prom']);
  });

  test('when mainThreadFree rejects (check: the intents failed) the main thread still reads, and the read settles', {
    timeout: 30_000,
  }, async () => {
    const { dir, files } = await fourParts();
    try {
      const map = await readMetricsConcurrently(files, {
        cwd: dir,
        minBytes: 0,
        workers: 1,
        partBytes: 1,
        mainThreadFree: Promise.reject(new Error('the intents did not parse')),
      });
      assert.deepStrictEqual(map, await readMetrics(files, { cwd: dir }));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
