// `--metrics -`: what stdin holds is told apart by its first byte of content, whatever comes
// before it (a byte order mark, blank lines) and however the pipe cuts it into chunks.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { readMetrics } from '../../src/observe/read-metrics.ts';

const ENVOY_JSON = fileURLToPath(
  new URL('../../fixtures/metrics/demo-envoy-json/client.json', import.meta.url),
);
const json = readFileSync(ENVOY_JSON, 'utf8');

async function* chunks(...parts: (string | Uint8Array)[]) {
  for (const p of parts) yield p;
}

const calls = (map: Awaited<ReturnType<typeof readMetrics>>) =>
  map.calls.map((c) => [c.client.name, c.server.name, c.method, c.path, c.count]);

describe('--metrics - tells Envoy JSON from Prometheus text by content', () => {
  test('Envoy JSON after a byte order mark, blank lines, tabs or carriage returns is read as JSON', async () => {
    const expected = calls(await readMetrics([ENVOY_JSON]));
    assert.ok(expected.length > 0);
    for (const before of ['\uFEFF', '\n\n', '\t', '\r\n', '\uFEFF\r\n\t ']) {
      const map = await readMetrics(['-'], { stdin: chunks(before + json) });
      assert.deepEqual(calls(map), expected, JSON.stringify(before));
    }
  });

  test('Envoy JSON whose first chunk is only blank is still read as JSON', async () => {
    const expected = calls(await readMetrics([ENVOY_JSON]));
    const map = await readMetrics(['-'], { stdin: chunks('\n', '  \n', json) });
    assert.deepEqual(calls(map), expected);
  });

  test('a byte order mark cut by the pipe into chunks is still a byte order mark', async () => {
    const expected = calls(await readMetrics([ENVOY_JSON]));
    const bom = new Uint8Array([0xef, 0xbb, 0xbf]);
    const cuts = [
      [bom.subarray(0, 1), bom.subarray(1), json],
      [bom.subarray(0, 2), bom.subarray(2), json],
      [bom.subarray(0, 1), bom.subarray(1, 2), bom.subarray(2), '\n', json],
      [bom.subarray(0, 1), new Uint8Array([0xbb, 0xbf, 0x0a, 0x7b]), json.slice(1)],
    ];
    for (const parts of cuts) {
      const map = await readMetrics(['-'], { stdin: chunks(...parts) });
      assert.deepEqual(calls(map), expected, parts.map((p) => p.length).join('+'));
    }
  });

  test('however the pipe cuts the first bytes, stdin reads as it does in one chunk', async () => {
    const outcome = async (parts: Uint8Array[]) => {
      try {
        return calls(await readMetrics(['-'], { stdin: chunks(...parts) }));
      } catch (err) {
        return String(err);
      }
    };
    const text = readFileSync(
      fileURLToPath(new URL('../../fixtures/metrics/demo/client.prom', import.meta.url)),
    );
    const bytes = (...parts: (number[] | string | Buffer)[]) =>
      Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : Buffer.from(p))));
    const inputs = [
      bytes([0xef, 0xbb, 0xbf], json),
      bytes([0xef, 0xbb, 0xbf], text),
      bytes([0xef, 0xbb, 0xbf], ' \n', json),
      bytes([0xef], '\n', json), // begins like a mark, is not one
      bytes([0xef, 0xbb], json),
      bytes([0xef, 0xbb]),
      bytes([0xef, 0xbb, 0xbf]),
    ];
    for (const input of inputs) {
      const whole = await outcome([input]);
      for (let cut = 1; cut < 5; cut++) {
        const split = await outcome([input.subarray(0, cut), input.subarray(cut)]);
        assert.deepEqual(split, whole, `${input.subarray(0, 6).toString('hex')} cut at ${cut}`);
      }
      const bytewise = await outcome(
        [...input.subarray(0, 4)].map((b) => new Uint8Array([b])).concat(input.subarray(4)),
      );
      assert.deepEqual(bytewise, whole, `${input.subarray(0, 6).toString('hex')} byte by byte`);
    }
  });

  test('blank stdin is empty, as no stdin at all is', async () => {
    await assert.rejects(readMetrics(['-'], { stdin: chunks('\n', ' \t\r\n') }), (err: Error) => {
      assert.equal(err.name, 'InputError');
      assert.equal(err.toString(), 'stdin: empty: no metrics on stdin');
      return true;
    });
  });

  test('a JSON list is taken for JSON and refused as not Envoy stats', async () => {
    await assert.rejects(
      readMetrics(['-'], { stdin: chunks('[{"stats": []}]') }),
      /stdin: expected an Envoy stats object \{"stats": \[\.\.\.\]\}/,
    );
  });

  test('Envoy JSON on stdin over 64 MiB is refused, naming the text format instead', async () => {
    const MiB = 1024 * 1024;
    // A valid document, then blanks to 65 MiB.
    const head = new Uint8Array(MiB).fill(0x20);
    head.set(new TextEncoder().encode('{"stats": []}'));
    const pad = new Uint8Array(MiB).fill(0x20);
    await assert.rejects(
      readMetrics(['-'], { stdin: chunks(head, ...Array.from({ length: 64 }, () => pad)) }),
      (err: Error) => {
        assert.equal(err.name, 'InputError');
        assert.equal(err.toString(), 'stdin: Envoy JSON stats over 64 MiB; pipe the text format');
        return true;
      },
    );
  });

  test('TCP connection counts in Envoy JSON on stdin are calls too', async () => {
    const name =
      'istiocustom.istio_tcp_connections_opened_total.reporter.source.source_workload.client' +
      '.source_workload_namespace.shop.destination_workload.db.destination_workload_namespace.shop' +
      '.destination_service_name.db.destination_service_namespace.shop.request_protocol.tcp';
    const map = await readMetrics(['-'], { stdin: chunks(JSON.stringify({ stats: [{ name, value: 3 }] })) });
    assert.deepEqual(
      map.calls.map((c) => [c.client.name, c.server.name, c.protocol, c.count]),
      [['client', 'db', 'tcp', 3]],
    );
  });
});
