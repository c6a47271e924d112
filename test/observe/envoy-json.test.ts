import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseEnvoyLabels, readEnvoyStatsJson } from '../../src/observe/envoy-json.ts';
import type { Sample } from '../../src/observe/exposition-line.ts';
import { WANTED } from './helpers.ts';

// A real-format name (Otterize network-mapper's test helper shape) with dotted values added.
const NAME =
  'istiocustom.istio_requests_total.reporter.source.source_workload.client.source_canonical_service.client' +
  '.source_canonical_revision.latest.source_workload_namespace.test-ns' +
  '.source_principal.spiffe://cluster.local/ns/test-ns/sa/client-service-account.source_app.client' +
  '.source_version.source_cluster.Kubernetes.destination_workload.nginx.destination_workload_namespace.test-ns' +
  '.destination_principal.spiffe://cluster.local/ns/test-ns/sa/default.destination_app.nginx.destination_version' +
  '.destination_service.nginx-service.test-ns.svc.cluster.local.destination_canonical_service.nginx' +
  '.destination_canonical_revision.latest.destination_service_name.nginx-service' +
  '.destination_service_namespace.test-ns.destination_cluster.Kubernetes.request_protocol.http.response_code.200' +
  '.grpc_response_status.response_flags.-.connection_security_policy.mutual_tls.request_method.GET' +
  '.request_path./static/v1.2/app.js';

function read(doc: unknown): Sample[] {
  const samples: Sample[] = [];
  readEnvoyStatsJson(JSON.stringify(doc), {
    source: 'stats.json',
    metrics: WANTED,
    onSample: (s) => samples.push(s),
  });
  return samples;
}

describe('Envoy JSON stats', () => {
  test('splits on known label keys: dotted hosts and paths, empty values', () => {
    const [s] = read({ stats: [{ name: NAME, value: 12 }] });
    assert.equal(s?.metric, 'istio_requests_total');
    assert.equal(s?.value, 12);
    assert.equal(s?.labels.destination_service, 'nginx-service.test-ns.svc.cluster.local');
    assert.equal(s?.labels.request_path, '/static/v1.2/app.js');
    assert.equal(s?.labels.source_principal, 'spiffe://cluster.local/ns/test-ns/sa/client-service-account');
    assert.equal(s?.labels.source_version, '');
    assert.equal(s?.labels.destination_version, '');
    assert.equal(s?.labels.grpc_response_status, '');
    assert.equal(s?.labels.response_flags, '-');
    assert.equal(s?.labels.request_method, 'GET');
    assert.equal(Object.keys(s?.labels ?? {}).length, 27);
  });

  test('skips other stats and the trailing histograms entry; numbers entries by position', () => {
    const samples = read({
      stats: [
        { name: 'cluster.xds-grpc.upstream_cx_total', value: 1 },
        { name: 'server.version', value: 'abc' },
        { name: 'istiocustom.istio_build.component.proxy.tag.1.30.1', value: 1 },
        {
          name: 'istiocustom.istio_tcp_connections_opened_total.reporter.source.destination_service.db.x',
          value: 4,
        },
        { histograms: { supported_quantiles: [50], computed_quantiles: [] } },
      ],
    });
    assert.deepEqual(samples, [
      {
        metric: 'istio_tcp_connections_opened_total',
        labels: { reporter: 'source', destination_service: 'db.x' },
        value: 4,
        line: 4,
      },
    ]);
  });

  test('a counter below 0, with a fraction, or past 2^53 is refused, naming the metric', () => {
    for (const value of [-3, 2.5, 2 ** 53 + 2]) {
      assert.throws(
        () => read({ stats: [{ name: NAME, value }] }),
        (err: Error) => err.name === 'InputError' && /istio_requests_total/.test(err.message),
        String(value),
      );
    }
    assert.equal(read({ stats: [{ name: NAME, value: 7 }] })[0]?.value, 7);
  });

  test('a stat with no labels is read with none; a named entry holding histograms is still read', () => {
    assert.deepEqual(read({ stats: [{ name: 'istiocustom.istio_requests_total', value: 2 }] }), [
      { metric: 'istio_requests_total', labels: {}, value: 2, line: 1 },
    ]);
    const [s] = read({ stats: [{ name: NAME, value: 3, histograms: {} }] });
    assert.equal(s?.value, 3);
  });

  test('a null entry and a null "data" are refused as input, naming the file', () => {
    const refused = (doc: unknown, message: RegExp) =>
      assert.throws(
        () => read(doc),
        (err: Error & { file?: string }) =>
          err.name === 'InputError' && err.file === 'stats.json' && message.test(err.message),
      );
    refused({ stats: [null] }, /^stats\[0\] is not an object$/);
    refused({ data: null }, /expected a "stats" array \(Envoy JSON stats\), found undefined/);
  });

  test('an empty value at the very end, with or without a trailing dot', () => {
    assert.deepEqual(parseEnvoyLabels('reporter.source.request_path'), {
      reporter: 'source',
      request_path: '',
    });
    assert.deepEqual(parseEnvoyLabels('reporter.source.request_path.'), {
      reporter: 'source',
      request_path: '',
    });
  });

  test('a value holding a key name that was already seen stays part of the value', () => {
    assert.deepEqual(parseEnvoyLabels('request_path./a.reporter.b.reporter.source'), {
      request_path: '/a',
      reporter: 'b.reporter.source',
    });
  });

  test('unknown leading key is reported', () => {
    assert.equal(parseEnvoyLabels('colour.blue'), 'unknown label key "colour"');
  });

  test('an unknown key is shown cut to 40 characters: a stat name cannot flood the message', () => {
    assert.equal(parseEnvoyLabels(`${'k'.repeat(100)}.v`), `unknown label key "${'k'.repeat(40)}"`);
  });
});
