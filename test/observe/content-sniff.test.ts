// What a metrics file without Istio series is said to hold: recognisable at once, and never the
// file's own text (only names that match strict patterns).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { describeOtherContent, describeText, SNIFF_BYTES } from '../../src/observe/content-sniff.ts';

test('each kind of wrong file is named for what it is', () => {
  const cases: [string, string][] = [
    ['apiVersion: v1\nkind: List\nitems:\n- kind: Service\n', 'YAML (kind List), not metrics'],
    [
      '---\napiVersion: apps/v1\nkind: Deployment\n---\nkind: "Service"\n',
      'YAML (kind Deployment, Service), not metrics',
    ],
    [
      '<!DOCTYPE html><title>502 Bad Gateway</title>',
      'HTML or XML, not metrics (an error page, or a web page saved by mistake?)',
    ],
    ['{"data": {"result": []}}', 'JSON that is not Envoy stats ({"stats": [...]})'],
    ['hello world\n', 'text that is neither Prometheus exposition, Envoy JSON stats nor YAML'],
    ['', 'nothing but blank lines'],
  ];
  for (const [text, said] of cases) assert.equal(describeText(text), said, JSON.stringify(text));
});

test('metric families: histogram suffixes folded, three shown, the rest counted', () => {
  const text = [
    '# TYPE envoy_cluster_upstream_cx_total counter',
    'envoy_cluster_upstream_cx_total{cluster="a"} 3',
    'istio_request_bytes_bucket{le="1"} 1',
    'istio_request_bytes_sum 10',
    'istio_build{component="proxy"} 1',
    'istio_agent_startup 1 1700000000000',
    '',
  ].join('\n');
  assert.equal(
    describeText(text),
    "an Istio sidecar's metrics (envoy_cluster_upstream_cx_total, istio_agent_startup, istio_build, and 1 more) without istio_requests_total: it has served no request since it started, or a Telemetry removed the metric",
  );
});

test('file text never reaches the message: a name with escapes is not a family, a kind with them is dropped', () => {
  assert.equal(
    describeText('evil\u001b[2J 1\n'),
    'text that is neither Prometheus exposition, Envoy JSON stats nor YAML',
  );
  assert.equal(describeText('kind: Evil\u001b[2J\n'), 'YAML (no kind), not metrics');
});

test('a sidecar\'s envoy_* families alone are still a sidecar\'s; three names have no "and 0 more"', () => {
  assert.equal(
    describeText(
      'envoy_cluster_upstream_cx_total{cluster="a"} 3\nenvoy_server_uptime 9\nenvoy_server_live 1\n',
    ),
    "an Istio sidecar's metrics (envoy_cluster_upstream_cx_total, envoy_server_live, envoy_server_uptime) without istio_requests_total: it has served no request since it started, or a Telemetry removed the metric",
  );
});

test('a file longer than the sniffed head: the line the read cuts is left out', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'intent-drift-sniff-'));
  try {
    const line = `process_cpu_seconds_total{pad="${'x'.repeat(990)}"} 1\n`;
    const text = line.repeat(Math.ceil((2 * SNIFF_BYTES) / line.length));
    // The read stops inside a label value, where the line is no sample.
    assert.ok(SNIFF_BYTES % line.length < 1000);
    const file = path.join(dir, 'app.prom');
    writeFileSync(file, text);
    assert.equal(
      describeOtherContent(file),
      "Prometheus text of another exporter (process_cpu_seconds_total), not an Istio sidecar's",
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a file read from disk: its byte order mark and leading blank lines do not hide what it is', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'intent-drift-sniff-'));
  try {
    const cases: [string, string][] = [
      ['\n\n  {"stats": []}\n', 'Envoy JSON stats'],
      ['\uFEFF{"data": {}}\n', 'JSON that is not Envoy stats'],
      ['\uFEFF\n\n', 'nothing but blank lines'],
    ];
    cases.forEach(([text, said], i) => {
      const file = path.join(dir, `f${i}.prom`);
      writeFileSync(file, text);
      assert.ok(describeOtherContent(file).startsWith(said), JSON.stringify(text));
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a JSON array is JSON; kinds are sorted whatever their order in the file', () => {
  assert.equal(
    describeText('[{"kind": "ClientIntents"}]'),
    'JSON that is not Envoy stats ({"stats": [...]})',
  );
  assert.equal(
    describeText('kind: Service\n---\nkind: Deployment\n---\nkind: ClientIntents\n'),
    'YAML (kind ClientIntents, Deployment, Service), not metrics',
  );
});

test('Prometheus text: TYPE lines name families, CRLF line ends are read, one line that is no sample makes it none', () => {
  assert.equal(
    describeText('# HELP app_jobs_total Jobs.\n# TYPE app_jobs_total counter\n'),
    "Prometheus text of another exporter (app_jobs_total), not an Istio sidecar's",
  );
  assert.equal(
    describeText('process_cpu_seconds_total 1\r\nup 1\r\n'),
    "Prometheus text of another exporter (process_cpu_seconds_total, up), not an Istio sidecar's",
  );
  assert.equal(
    describeText('up 1\nhello world\n'),
    'text that is neither Prometheus exposition, Envoy JSON stats nor YAML',
  );
});
