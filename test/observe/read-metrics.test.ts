import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { metricFilesOf } from '../../src/observe/metric-files.ts';
import { readMetricFiles, readMetrics } from '../../src/observe/read-metrics.ts';
import { readMetricsConcurrently } from '../../src/observe/read-metrics-concurrently.ts';

const FIXTURES = fileURLToPath(new URL('../../fixtures/metrics/', import.meta.url));
const at = (name: string) => path.join(FIXTURES, name);
const NS = 'otterize-tutorial-istio-mapping';

describe('readMetrics', () => {
  test('demo captures (one file per sidecar, both reporters): the seed map, deduplicated', async () => {
    const map = await readMetrics([at('demo')]);
    assert.deepEqual(
      map.calls.map((c) => [c.client.name, c.server.name, c.server.service?.name, c.method, c.path, c.count]),
      [
        ['client', 'nginx', 'nginx-service', 'GET', '/client-path', 31],
        ['client2', 'nginx', 'nginx-service', 'POST', '/client2-path', 30],
      ],
    );
    assert.ok(
      map.calls.every((c) => c.client.namespace === NS && c.server.namespace === NS && c.protocol === 'http'),
    );
    assert.deepEqual(map.warnings, []);
    assert.deepEqual(map.stats, { series: 4, sources: 3 });
  });

  test('Envoy JSON captures give the same map as the text captures', async () => {
    assert.deepEqual(await readMetrics([at('demo-envoy-json')]), await readMetrics([at('demo')]));
  });

  test('sample-01 (Istio 1.7, old label order): service-level calls and the Telemetry warning', async () => {
    const map = await readMetrics([at('sample-01-istio-1.7.1-sidecar-istio_requests_total.prom')]);
    assert.deepEqual(
      map.calls.map((c) => `${c.client.name}->${c.server.name} ${c.method} ${c.path} ${c.count}`),
      [
        'productpage-v1->details-v1 null null 6',
        'productpage-v1->reviews-v1 null null 3',
        'productpage-v1->reviews-v2 null null 2',
        'productpage-v1->reviews-v3 null null 1',
        'istio-ingressgateway->productpage-v1 null null 6',
      ],
    );
    // kubelet / Prometheus scrapes of ports 15000 and 15090 through the inbound passthrough.
    assert.deepEqual(
      map.unattributed.map((c) => [c.server.name, c.server.service, c.count]),
      [['productpage-v1', undefined, 7]],
    );
    assert.equal(map.warnings.length, 1);
    assert.match(map.warnings[0]!, /mesh-default Telemetry/);
  });

  test('sample-03: an external call to a ServiceEntry host', async () => {
    const map = await readMetrics([at('sample-03-native-filter-reporter-source-to-serviceentry-host.prom')]);
    assert.equal(map.calls.length, 0);
    assert.deepEqual(map.external, [
      {
        client: { name: 'curl', namespace: 'test-ext-svc' },
        server: { name: 'httpbin.org', namespace: 'unknown' },
        method: null,
        path: null,
        count: 163,
        protocol: 'http',
        host: 'httpbin.org',
      },
    ]);
  });

  test('sample-04 in one line: Prometheus target labels are ignored', async () => {
    const map = await readMetrics([at('sample-04-prometheus-side-series-with-target-labels.one-line.prom')]);
    assert.deepEqual(
      map.calls.map((c) => [c.client, c.server.name, c.server.namespace, c.count]),
      [[{ name: 'productpage-v1', namespace: 'default' }, 'details-v1', 'default', 36]],
    );
  });

  test('files and directories mix; a file without wanted series gives a warning', async () => {
    const map = await readMetrics([
      at('demo/client.prom'),
      at('sample-02-istio-1.7.1-sidecar-istio_response_bytes-histogram-tail.prom'),
    ]);
    assert.equal(map.stats.sources, 2);
    assert.equal(map.calls.length, 1);
    assert.match(map.warnings.join('\n'), /sample-02-.*: no istio_requests_total or istio_tcp_\* series/);
  });

  test('a listed file gone before it is read is an InputError naming it, never a file of 0 calls', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'observe-'));
    try {
      const gone = path.join(dir, 'gone.prom');
      await assert.rejects(readMetricFiles([{ absolute: gone, file: 'capture/gone.prom', size: 100 }]), {
        name: 'InputError',
        file: 'capture/gone.prom',
        message: 'no such file or directory',
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('Envoy JSON stats after a CRLF and a tab are still told apart as JSON', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'observe-'));
    try {
      for (const name of ['client', 'client2', 'nginx']) {
        const json = readFileSync(at(`demo-envoy-json/${name}.json`), 'utf8');
        writeFileSync(path.join(dir, `${name}.json`), `\r\n\t${json}`);
      }
      const map = await readMetrics([dir]);
      assert.deepEqual(map.calls, (await readMetrics([at('demo')])).calls);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('after more than a chunk of blank lines, an error still names its own line', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'observe-'));
    try {
      const file = path.join(dir, 'late.prom');
      const blanks = 300_000;
      writeFileSync(file, `${'\n'.repeat(blanks)}istio_requests_total{reporter="source"} many\n`);
      await assert.rejects(readMetrics([file]), (err: Error & { line?: number }) => {
        assert.match(String(err), new RegExp(`:${blanks + 1}: non-numeric value "many"`));
        return true;
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('stdin without Istio series gives its warning, as a file does', async () => {
    async function* stdin() {
      yield '# TYPE process_cpu_seconds_total counter\nprocess_cpu_seconds_total 3\n';
    }
    const map = await readMetrics(['-'], { stdin: stdin() });
    assert.equal(map.calls.length, 0);
    assert.ok(
      map.warnings.includes('stdin: no istio_requests_total or istio_tcp_* series'),
      map.warnings.join('\n'),
    );
  });

  test('nonexistent path, empty directory, empty file: InputError naming the path', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'observe-'));
    try {
      mkdirSync(path.join(dir, 'empty-dir'));
      writeFileSync(path.join(dir, 'blank.prom'), '\n  \n');
      await assert.rejects(readMetrics([path.join(dir, 'nope')]), {
        name: 'InputError',
        file: path.join(dir, 'nope'),
        message: 'no such file or directory',
      });
      await assert.rejects(readMetrics([path.join(dir, 'empty-dir')]), { file: path.join(dir, 'empty-dir') });
      await assert.rejects(readMetrics([path.join(dir, 'blank.prom')]), {
        file: path.join(dir, 'blank.prom'),
        message: 'empty: no metrics in this file',
      });
      await assert.rejects(readMetrics([]), { name: 'InputError' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('metricFilesOf', () => {
  test('a folder: files in name order, links to files and folders followed, FIFOs left out', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'observe-'));
    try {
      const capture = path.join(dir, 'capture');
      mkdirSync(path.join(capture, 'sub'), { recursive: true });
      mkdirSync(path.join(dir, 'kept', 'deeper'), { recursive: true });
      const names = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l'];
      for (const name of names) writeFileSync(path.join(capture, `${name}.prom`), '# nothing\n');
      writeFileSync(path.join(capture, 'sub', 'inner.prom'), '# nothing\n');
      writeFileSync(path.join(dir, 'kept', 'linked.prom'), '# nothing\n');
      writeFileSync(path.join(dir, 'kept', 'deeper', 'deep.prom'), '# nothing\n');
      symlinkSync(path.join(dir, 'kept', 'linked.prom'), path.join(capture, 'm-file-link.prom'));
      symlinkSync(path.join(dir, 'kept', 'deeper'), path.join(capture, 'n-folder-link'));
      // A FIFO, in the folder or behind a link, would block the read forever: it is no file to read.
      execFileSync('mkfifo', [path.join(capture, 'o-fifo.prom')]);
      execFileSync('mkfifo', [path.join(dir, 'kept', 'fifo')]);
      symlinkSync(path.join(dir, 'kept', 'fifo'), path.join(capture, 'p-fifo-link.prom'));
      assert.deepEqual(
        metricFilesOf(['capture'], dir).map((f) => f.file),
        [
          ...names.map((n) => `capture/${n}.prom`),
          'capture/m-file-link.prom',
          'capture/n-folder-link/deep.prom',
          'capture/sub/inner.prom',
        ],
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a link back into a folder being listed is an error naming it, not a walk until the system refuses', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'observe-'));
    try {
      mkdirSync(path.join(dir, 'capture', 'sub'), { recursive: true });
      writeFileSync(path.join(dir, 'capture', 'a.prom'), '# nothing\n');
      symlinkSync('..', path.join(dir, 'capture', 'sub', 'up'));
      assert.throws(() => metricFilesOf(['capture'], dir), {
        name: 'InputError',
        file: 'capture/sub/up',
        message: 'a link that leads back into a folder it is in: the listing would never end',
      });
      // The same folder reached twice side by side is no cycle: its files are listed once.
      rmSync(path.join(dir, 'capture', 'sub', 'up'));
      mkdirSync(path.join(dir, 'shared'));
      writeFileSync(path.join(dir, 'shared', 's.prom'), '# nothing\n');
      symlinkSync(path.join(dir, 'shared'), path.join(dir, 'capture', 'sub', 'one'));
      symlinkSync(path.join(dir, 'shared'), path.join(dir, 'capture', 'sub', 'two'));
      assert.deepEqual(
        metricFilesOf(['capture'], dir).map((f) => f.file),
        ['capture/a.prom', 'capture/sub/one/s.prom'],
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a capture reached twice (a link to it, a path given twice) is read once: its requests count once', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'observe-'));
    try {
      mkdirSync(path.join(dir, 'capture'));
      const line =
        'istio_requests_total{reporter="destination",source_workload="a",source_workload_namespace="shop",' +
        'destination_workload="b",destination_workload_namespace="shop",request_method="GET",request_path="/x"} 5\n';
      writeFileSync(path.join(dir, 'capture', 'a.prom'), line);
      symlinkSync('a.prom', path.join(dir, 'capture', 'latest.prom'));
      assert.deepEqual(
        metricFilesOf(['capture', 'capture/a.prom', 'capture/latest.prom'], dir).map((f) => f.file),
        ['capture/a.prom'],
      );
      for (const read of [readMetrics, readMetricsConcurrently]) {
        const map = await read(['capture', 'capture/latest.prom', 'capture'], { cwd: dir });
        assert.deepEqual(
          map.calls.map((c) => c.count),
          [5],
          read.name,
        );
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('counts past a 32-bit integer are kept exactly (smaller ones become small integers)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'observe-'));
    try {
      const counts = [2147483647, 2147483648, 4294967297, 3e15, 7];
      const text = counts
        .map(
          (count, i) =>
            'istio_requests_total{reporter="destination",source_workload="a",source_workload_namespace="shop",' +
            `destination_workload="b",destination_workload_namespace="shop",request_method="GET",request_path="/p${i}"} ${count}\n`,
        )
        .join('');
      writeFileSync(path.join(dir, 'a.prom'), text);
      const map = await readMetrics(['a.prom'], { cwd: dir });
      assert.deepEqual(
        map.calls.map((c) => [c.path, c.count]),
        counts.map((count, i) => [`/p${i}`, count]),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a path that does not exist is named as given, not by its absolute path', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'observe-'));
    try {
      assert.throws(() => metricFilesOf(['capture/nope'], dir), {
        name: 'InputError',
        file: 'capture/nope',
        message: 'no such file or directory',
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
