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
