import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { isInputError } from '../../src/errors.ts';
import { ObservedMapBuilder } from '../../src/observe/observed-map.ts';
import { SeriesReader } from '../../src/observe/prometheus-text.ts';
import { cutAt, samplesOf, slowly } from './helpers.ts';

const FIXTURES = new URL('../../fixtures/metrics/', import.meta.url);
const fixture = (name: string) => readFileSync(new URL(name, FIXTURES));

async function rejection(text: string): Promise<string> {
  try {
    await samplesOf([text]);
  } catch (err) {
    assert.ok(isInputError(err), `expected InputError, got ${String(err)}`);
    return String(err);
  }
  assert.fail('expected an InputError');
}

describe('readPrometheusText', () => {
  test('reads labels in any order, skips comments and other families', async () => {
    const text = [
      '# HELP istio_requests_total Total requests.',
      '# TYPE istio_requests_total counter',
      'envoy_server_live 1',
      'istio_requests_total{reporter="source",source_workload="a"} 3',
      'istio_requests_total_extra{reporter="x"} 9',
      'istio_request_duration_milliseconds_bucket{reporter="source",le="1"} 2',
      'istio_requests_total{source_workload="b", reporter = "destination",} 4',
      '',
    ].join('\n');
    const { samples, lines } = await samplesOf([text]);
    assert.equal(lines, 7);
    assert.deepEqual(
      samples.map((s) => [s.metric, s.labels, s.value, s.line]),
      [
        ['istio_requests_total', { reporter: 'source', source_workload: 'a' }, 3, 4],
        ['istio_requests_total', { source_workload: 'b', reporter: 'destination' }, 4, 7],
      ],
    );
  });

  test('label escapes \\" \\\\ \\n are decoded', async () => {
    const { samples } = await samplesOf(['istio_requests_total{request_path="/a\\"b\\\\c\\nd"} 1\n']);
    assert.equal(samples[0]?.labels.request_path, '/a"b\\c\nd');
  });

  test('values NaN, +Inf, -Inf, 1e3, .5 and an optional timestamp', async () => {
    const text =
      'istio_requests_total{a="1"} NaN\nistio_requests_total{a="2"} +Inf 1700000000000\n' +
      'istio_requests_total{a="3"} -Inf\nistio_requests_total{a="4"} 1e3 -5\nistio_requests_total .5\n';
    const { samples } = await samplesOf([text]);
    assert.ok(Number.isNaN(samples[0]?.value));
    assert.equal(samples[1]?.value, Number.POSITIVE_INFINITY);
    assert.equal(samples[1]?.timestamp, 1700000000000);
    assert.equal(samples[2]?.value, Number.NEGATIVE_INFINITY);
    assert.deepEqual([samples[3]?.value, samples[3]?.timestamp], [1000, -5]);
    assert.deepEqual([samples[4]?.labels, samples[4]?.value], [{}, 0.5]);
  });

  test('CRLF line ends and a last line without a line break', async () => {
    const { samples, lines } = await samplesOf([
      '# TYPE x counter\r\nistio_requests_total{a="x"} 2\r\nistio_requests_total{a="y"} 5',
    ]);
    assert.equal(lines, 3);
    assert.deepEqual(
      samples.map((s) => [s.labels.a, s.value, s.line]),
      [
        ['x', 2, 2],
        ['y', 5, 3],
      ],
    );
  });

  test('a bare wanted name ended by CRLF is refused at its line wherever the chunks are cut', async () => {
    const bytes = new Uint8Array(Buffer.from('istio_requests_total{a="x"} 1\r\nistio_requests_total\r\n'));
    for (let i = 0; i <= bytes.length; i++) {
      await assert.rejects(samplesOf(cutAt(bytes, [i])), (err: unknown) => {
        assert.ok(isInputError(err), String(err));
        assert.equal(
          String(err),
          'test.prom:2: missing value after istio_requests_total (each series must be on one line)',
          `split at ${i}`,
        );
        return true;
      });
    }
  });

  test('a malformed wanted line names source and line; a malformed unwanted line is skipped', async () => {
    assert.equal(
      await rejection('envoy_x{a="unterminated} 1\nistio_requests_total{a="b"} x\n'),
      'test.prom:2: non-numeric value "x" for istio_requests_total',
    );
  });

  test('sample-04 (pretty-printed, one label per line) is rejected with a clear error', async () => {
    const message = await rejection(
      fixture('sample-04-prometheus-side-series-with-target-labels.txt').toString(),
    );
    assert.match(
      message,
      /^test\.prom:1: missing value after istio_requests_total \(each series must be on one line\)$/,
    );
  });

  test('sample-01 (old label order) and sample-03 (new order) give the same label sets', async () => {
    const old = (await samplesOf([fixture('sample-01-istio-1.7.1-sidecar-istio_requests_total.prom')]))
      .samples;
    const current = (
      await samplesOf([fixture('sample-03-native-filter-reporter-source-to-serviceentry-host.prom')])
    ).samples;
    assert.equal(old.length, 7);
    assert.equal(current.length, 3);
    assert.equal(old[3]?.labels.destination_workload, 'details-v1');
    assert.equal(old[3]?.labels.response_code, '200');
    assert.equal(current[1]?.labels.response_code, '400');
    assert.equal(current[1]?.value, 106);
    const keys = (s: { labels: object }) => Object.keys(s.labels).sort();
    // Same Istio label names apart from source_cluster/destination_cluster, which 1.7 lacked.
    assert.deepEqual(
      keys(current[0]!).filter((k) => !k.endsWith('_cluster')),
      keys(old[0]!),
    );
  });

  test('histogram lines of sample-02 are all skipped', async () => {
    const { samples, lines } = await samplesOf([
      fixture('sample-02-istio-1.7.1-sidecar-istio_response_bytes-histogram-tail.prom'),
    ]);
    assert.equal(lines, 12);
    assert.equal(samples.length, 0);
  });
});

describe('chunk boundaries', () => {
  test('a byte order mark cut by a chunk boundary, or before a last line without a newline, is skipped', async () => {
    const bytes = new Uint8Array(Buffer.from('\uFEFFistio_requests_total{reporter="source"} 4'));
    for (let i = 0; i <= bytes.length; i++) {
      const { samples } = await samplesOf(cutAt(bytes, [i]));
      assert.deepEqual(
        samples.map((s) => [s.labels.reporter, s.value, s.line]),
        [['source', 4, 1]],
        `split at ${i}`,
      );
    }
  });

  test('only the first line may begin with a byte order mark: on a later line its bytes are not a name', async () => {
    const bom = '\uFEFF';
    const text = `${bom}istio_requests_total{reporter="source"} 4\n${bom}istio_requests_total{reporter="destination"} 5\n`;
    const { samples } = await samplesOf([new Uint8Array(Buffer.from(text))]);
    assert.deepEqual(
      samples.map((s) => [s.labels.reporter, s.value, s.line]),
      [['source', 4, 1]],
    );
  });

  test('chunks handed in one buffer that is refilled each time (as files are read) give the same samples', async () => {
    const bytes = new Uint8Array(fixture('sample-01-istio-1.7.1-sidecar-istio_requests_total.prom'));
    const whole = await samplesOf([bytes]);
    assert.ok(whole.samples.length > 0);
    for (const size of [7, 64, 500]) {
      // Like readFileChunks: one buffer, each chunk a view of it, overwritten by the next read.
      const reused = Buffer.alloc(size);
      function* refilled() {
        for (let at = 0; at < bytes.length; at += size) {
          const n = Math.min(size, bytes.length - at);
          reused.set(bytes.subarray(at, at + n));
          yield reused.subarray(0, n);
        }
      }
      assert.deepEqual(await samplesOf(refilled()), whole, `chunks of ${size} bytes`);
    }
  });

  for (const name of [
    'sample-01-istio-1.7.1-sidecar-istio_requests_total.prom',
    'sample-03-native-filter-reporter-source-to-serviceentry-host.prom',
  ]) {
    test(`${name}: split at every byte position gives the same samples`, async () => {
      const bytes = new Uint8Array(fixture(name));
      const whole = await samplesOf([bytes]);
      for (let i = 0; i <= bytes.length; i++) {
        assert.deepEqual(await samplesOf(cutAt(bytes, [i])), whole, `split at ${i}`);
      }
    });
  }

  test('demo nginx.prom in many random pieces, as bytes and as strings', async () => {
    const bytes = new Uint8Array(fixture('demo/nginx.prom'));
    const whole = await samplesOf([bytes]);
    assert.equal(whole.samples.length, 2);
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let round = 0; round < 30; round++) {
      const cuts = Array.from({ length: 1 + rand(200) }, () => rand(bytes.length)).sort((a, b) => a - b);
      const parts = cutAt(bytes, cuts);
      assert.deepEqual(await samplesOf(slowly(parts)), whole);
      // ASCII file: byte cuts are character cuts.
      assert.deepEqual(await samplesOf(parts.map((p) => Buffer.from(p).toString('latin1'))), whole);
    }
  });

  test('multi-byte UTF-8 characters split across chunks survive', async () => {
    const bytes = new Uint8Array(Buffer.from('istio_requests_total{request_path="/ü€😀"} 1\n'));
    for (let i = 0; i <= bytes.length; i++) {
      const { samples } = await samplesOf(cutAt(bytes, [i]));
      assert.equal(samples[0]?.labels.request_path, '/ü€😀');
    }
  });

  test('an unwanted line longer than the wanted-line cap streams through (it is never carried)', async () => {
    const piece = 'x'.repeat(1 << 20);
    async function* input() {
      yield 'envoy_big{a="';
      for (let i = 0; i < 6; i++) yield piece;
      yield '"} 1\nistio_requests_total{a="b"} 2\n';
    }
    const { samples, lines } = await samplesOf(input());
    assert.equal(lines, 2);
    assert.equal(samples[0]?.line, 2);
  });

  test('a wanted line beyond the cap is refused', async () => {
    const piece = 'x'.repeat(1 << 20);
    async function* input() {
      yield 'istio_requests_total{a="';
      for (let i = 0; i < 6; i++) yield piece;
    }
    await assert.rejects(samplesOf(input()), /test\.prom:1: line longer than/);
  });
});

describe('bounded work', () => {
  test('a new label name on every line is looked up once, not once per line after it', async () => {
    // Each line brought a new name and the reader rebuilt its name table: 20,000 such lines
    // (1 MB) took 23.6 s, 40,000 took 98.7 s. (Past MAX_LABEL_NAMES names, 4,096, none is learned:
    // label-name-bound.test.ts.)
    const lines = 3000;
    let text = '';
    for (let i = 0; i < lines; i++) text += `istio_requests_total{reporter="source",odd_label_${i}="v"} 1\n`;
    const reader = new SeriesReader(new ObservedMapBuilder());
    await reader.read([Buffer.from(text)], 'names.prom');
    assert.ok(reader.namesLookedUp >= lines, String(reader.namesLookedUp));
    // The name table is shared by every reader of the process: at most the names known so far.
    assert.ok(reader.namesLookedUp < lines + 1000, String(reader.namesLookedUp));
  });
});
