// Setup mistakes never pass green: the CLI run as a user runs it (a child process on
// src/cli/entry.ts, and the bundle where built), exit 2 with one line that says what was read
// and why it is wrong. Exit 1 is drift and nothing else.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { liveCluster } from '../live/live-harness.ts';
import { repoRoot } from './run-cli.ts';

const entry = path.join(repoRoot, 'src', 'cli', 'entry.ts');
const bin = path.join(repoRoot, 'bin', 'intent-drift.js');
const plant = path.join(repoRoot, 'test', 'support', 'plant-fault.ts');
const NS = 'otterize-tutorial-istio-mapping';
const DEMO = ['--intents', 'fixtures/demo/intents', '--workloads', 'fixtures/demo/workloads.yaml'];

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(
  args: string[],
  opts: { cwd?: string; env?: Record<string, string>; node?: string[]; script?: string } = {},
): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [...(opts.node ?? []), opts.script ?? entry, ...args],
      { cwd: opts.cwd ?? repoRoot, env: { PATH: process.env.PATH ?? '', ...opts.env } },
      (err, stdout, stderr) => {
        const code = err === null ? 0 : typeof err.code === 'number' ? err.code : null;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** Exit 2, nothing on stdout, one line on stderr; returns the line. */
function oneLine(run: Run): string {
  assert.equal(run.code, 2, run.stdout + run.stderr);
  assert.equal(run.stdout, '');
  const lines = run.stderr.split('\n').filter((l) => l !== '');
  assert.equal(lines.length, 1, run.stderr);
  return lines[0]!;
}

let tmp = '';
before(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'intent-drift-mistakes-'));
});

describe('nothing observed is exit 2, naming what was read, what it held and the likely cause', () => {
  test('a folder of intents given as --metrics (was: "OK: no drift ... 0 calls observed", exit 0)', async () => {
    const line = oneLine(
      await cli(['check', '--metrics', 'fixtures/demo/intents', ...DEMO, '--fail-on', 'any']),
    );
    assert.equal(
      line,
      'intent-drift: nothing observed: the 2 files read from --metrics fixtures/demo/intents held no Istio ' +
        'request or TCP traffic; fixtures/demo/intents/client.yaml holds YAML (kind ClientIntents), not metrics; ' +
        'fixtures/demo/intents/client2.yaml holds YAML (kind ClientIntents), not metrics; likely cause: files ' +
        "that are not sidecar metrics (--metrics takes a meshed pod's :15020/stats/prometheus or Envoy JSON " +
        'stats), sidecars that served no request, or pods without a sidecar; if the mesh truly had no ' +
        "traffic, --allow-empty (the action's allow-empty: true) makes this a warning",
    );
  });

  test('a sidecar dump without istio_requests_total, an app’s own metrics, Envoy stats of other names', async () => {
    const sidecar = 'fixtures/metrics/sample-02-istio-1.7.1-sidecar-istio_response_bytes-histogram-tail.prom';
    assert.match(
      oneLine(await cli(['check', '--metrics', sidecar, ...DEMO])),
      /holds an Istio sidecar's metrics \(istio_response_bytes\) without istio_requests_total: it has served no request since it started/,
    );
    const app = path.join(tmp, 'app.prom');
    await writeFile(
      app,
      '# HELP http_requests_total Requests.\n# TYPE http_requests_total counter\nhttp_requests_total{code="200"} 7\nprocess_cpu_seconds_total 1.5\n',
    );
    assert.match(
      oneLine(await cli(['check', '--metrics', app, ...DEMO])),
      /app\.prom holds Prometheus text of another exporter \(http_requests_total, process_cpu_seconds_total\), not an Istio sidecar's/,
    );
    const envoy = path.join(tmp, 'envoy.json');
    await writeFile(
      envoy,
      JSON.stringify({ stats: [{ name: 'cluster.outbound.upstream_cx_total', value: 3 }] }),
    );
    assert.match(
      oneLine(await cli(['check', '--metrics', envoy, ...DEMO])),
      /envoy\.json holds Envoy JSON stats without istiocustom\.istio_requests_total entries/,
    );
  });

  test('--allow-empty makes it a warning (exit 0) that the report carries', async () => {
    const run = await cli([
      'check',
      '--metrics',
      'fixtures/demo/intents',
      ...DEMO,
      '--allow-empty',
      '--format',
      'json',
    ]);
    assert.equal(run.code, 0, run.stderr);
    const report = JSON.parse(run.stdout);
    assert.equal(report.summary.observed, 0);
    assert.ok(
      report.warnings.includes(
        'nothing observed: the 2 files read from --metrics fixtures/demo/intents held no Istio request or TCP traffic (allow-empty: reported, not failing)',
      ),
    );
  });

  test('calls without a method or path while the intents declare HTTP rules (was: "OK", every rule not checked)', async () => {
    // The demo's capture as a mesh without the mesh-default Telemetry: no request_method/request_path.
    const dir = path.join(tmp, 'no-detail');
    await mkdir(dir, { recursive: true });
    for (const file of ['client.prom', 'client2.prom', 'nginx.prom']) {
      const text = await readFile(path.join(repoRoot, 'fixtures/demo/capture', file), 'utf8');
      await writeFile(path.join(dir, file), text.replace(/,request_(?:method|path)="[^"]*"/g, ''));
    }
    const line = oneLine(await cli(['check', '--metrics', dir, ...DEMO]));
    assert.match(
      line,
      /^intent-drift: no HTTP rule can be checked: none of the \d+ calls observed in scope carries a method or path, and the intents declare 2 HTTP rules; likely cause: the mesh-default Telemetry .* is missing, or the traffic is TCP only; --allow-empty .* makes this a warning$/,
    );
    const allowed = await cli(['check', '--metrics', dir, ...DEMO, '--allow-empty', '--format', 'json']);
    assert.equal(allowed.code, 0, allowed.stderr);
    const report = JSON.parse(allowed.stdout);
    assert.ok(report.summary.notChecked > 0);
    assert.ok(report.warnings.some((w: string) => w.startsWith('no HTTP rule can be checked: ')));
  });

  test('calls from outside the mesh only (was: "OK", 0 calls observed, every rule not exercised)', async () => {
    // The demo's server as called by pods without a sidecar: no source workload on any series.
    const dir = path.join(tmp, 'outside-only');
    await mkdir(dir, { recursive: true });
    const text = await readFile(path.join(repoRoot, 'fixtures/demo/capture/nginx.prom'), 'utf8');
    await writeFile(
      path.join(dir, 'nginx.prom'),
      text.replace(/source_workload="[^"]*"/g, 'source_workload="unknown"'),
    );
    assert.match(
      oneLine(await cli(['check', '--metrics', dir, ...DEMO])),
      /^intent-drift: nothing checked: the 1 file read from --metrics .*outside-only held only calls from callers outside the mesh \(\d+ unattributed: no sidecar named their source workload\).*; --allow-empty .* makes this a warning$/,
    );
    const allowed = await cli(['check', '--metrics', dir, ...DEMO, '--allow-empty', '--format', 'json']);
    assert.equal(allowed.code, 0, allowed.stderr);
    const report = JSON.parse(allowed.stdout);
    assert.equal(report.summary.observed, 0);
    assert.ok(report.unattributed.length > 0);
    assert.ok(report.warnings.some((w: string) => w.startsWith('nothing checked: ')));
  });

  test('a live source that answers nothing: Prometheus with no Istio series', async () => {
    // Prometheus' own answer to an instant query that matches nothing.
    const server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ status: 'success', data: { resultType: 'vector', result: [] } }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const line = oneLine(await cli(['check', '--prometheus-url', url, ...DEMO]));
      assert.equal(
        line,
        `intent-drift: nothing observed: Prometheus (--prometheus-url) held no Istio request or TCP traffic; Prometheus at ${url} has no Istio traffic in the last 3600s; likely cause: Prometheus does not scrape the sidecars (Istio's Prometheus addon, or a PodMonitor for port 15020), or no traffic in the range; if the mesh truly had no traffic, --allow-empty (the action's allow-empty: true) makes this a warning`,
      );
    } finally {
      server.close();
    }
  });

  test('a live cluster without meshed pods', async () => {
    const cluster = await liveCluster({ objects: [], endpoints: new Map() });
    try {
      const line = oneLine(await cli(['list', '--kubeconfig', cluster.kubeconfig.file]));
      assert.match(
        line,
        /^intent-drift: nothing observed: 0 meshed pods read through the API server held no Istio/,
      );
      assert.match(line, /likely cause: no meshed pods: label the namespace istio-injection=enabled/);
    } finally {
      await cluster.close();
    }
  });
});

describe('-n takes comma lists and repeats; a namespace with nothing in it is exit 2', () => {
  test('-n shop,elsewhere is two namespaces, neither known (was: one namespace "shop,elsewhere", OK)', async () => {
    const line = oneLine(
      await cli(['check', '--metrics', 'fixtures/demo/capture', ...DEMO, '-n', 'shop,elsewhere']),
    );
    assert.equal(
      line,
      `intent-drift: namespaces shop, elsewhere: nothing observed and nothing declared there (observed: ${NS}; declared: ${NS})`,
    );
  });

  test('commas and repeats alike; the known namespace checks as before', async () => {
    const both = await cli([
      'check',
      '--metrics',
      'fixtures/demo/capture',
      ...DEMO,
      '-n',
      `${NS},${NS}`,
      '--format',
      'json',
    ]);
    assert.equal(both.code, 1, both.stderr);
    assert.equal(JSON.parse(both.stdout).summary.missing, 1);
    const line = oneLine(
      await cli(['check', '--metrics', 'fixtures/demo/capture', ...DEMO, '-n', NS, '-n', 'shop']),
    );
    assert.match(line, /^intent-drift: namespace shop: nothing observed and nothing declared there/);
  });

  test('list -n nosuch (was: nothing printed, exit 0)', async () => {
    assert.equal(
      oneLine(await cli(['list', '--metrics', 'fixtures/demo/capture', '-n', 'nosuch'])),
      `intent-drift: namespace nosuch: nothing observed and nothing declared there (observed: ${NS})`,
    );
  });

  test('a namespace with intents but no traffic is "nothing observed" in that scope', async () => {
    const dir = path.join(tmp, 'shop-intents');
    await mkdir(dir, { recursive: true });
    const intents = await readFile(path.join(repoRoot, 'fixtures/demo/intents/client.yaml'), 'utf8');
    await writeFile(path.join(dir, 'client.yaml'), intents.replaceAll(NS, 'shop'));
    const line = oneLine(
      await cli([
        'check',
        '--metrics',
        'fixtures/demo/capture',
        '--intents',
        dir,
        '--intents',
        'fixtures/demo/intents',
        '-n',
        'shop',
      ]),
    );
    assert.match(
      line,
      /^intent-drift: nothing observed in namespace shop: the 3 files read from --metrics fixtures\/demo\/capture held no Istio request or TCP traffic; calls were observed in namespace otterize-tutorial-istio-mapping only; likely cause: -n names namespaces the traffic was not in;/,
    );
  });

  test('--environment: a namespace the config maps to it with nothing in it is exit 2 as with -n (was: OK)', async () => {
    const config = path.join(tmp, 'environments.yaml');
    await writeFile(config, `environments:\n  ${NS}: prod\n  payment: prod\n`);
    const run = await cli([
      'check',
      '--metrics',
      'fixtures/demo/capture',
      ...DEMO,
      '--config',
      config,
      '--environment',
      'prod',
    ]);
    assert.equal(run.code, 2, run.stdout);
    assert.equal(
      oneLine(run),
      `intent-drift: --environment prod: ${config} maps namespace payment to it: nothing observed and nothing declared there (observed: ${NS}; declared: ${NS})`,
    );
    await writeFile(config, `environments:\n  ${NS}: prod\n  payments: staging\n`);
    const fixed = await cli([
      'check',
      '--metrics',
      'fixtures/demo/capture',
      ...DEMO,
      '--config',
      config,
      '--environment',
      'prod',
    ]);
    assert.equal(fixed.code, 1, fixed.stderr);
  });

  test('an override for no client read warns at its line (was: nothing said, the typo changed nothing)', async () => {
    const config = path.join(tmp, 'overrides.yaml');
    await writeFile(
      config,
      `failOn: none\noverrides:\n  - client: ${NS}/*\n    failOn: none\n  - client: payment/*\n    failOn: any\n`,
    );
    const run = await cli(['check', '--metrics', 'fixtures/demo/capture', ...DEMO, '--config', config]);
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(
      run.stdout.split('\n').filter((l) => l.startsWith('warning:')),
      [
        `warning: ${config}:5: override client payment/* (failOn: any) matches no client observed or declared in this run: it changes nothing`,
      ],
    );
  });

  test('names Kubernetes would refuse, and an empty -n, are bad usage', async () => {
    assert.match(
      oneLine(await cli(['list', '--metrics', 'fixtures/demo/capture', '-n', 'Shop'])),
      /--namespace: "Shop" is not a namespace name/,
    );
    assert.match(
      oneLine(await cli(['list', '--metrics', 'fixtures/demo/capture', '-n', ''])),
      /--namespace: "" names no namespace/,
    );
  });
});

describe('intents paths that hold no ClientIntents, and near misses, are exit 2', () => {
  test('a manifests file (was: 0 rules declared, every call missing, no word why)', async () => {
    assert.equal(
      oneLine(
        await cli([
          'check',
          '--metrics',
          'fixtures/demo/capture',
          '--intents',
          'fixtures/demo/workloads.yaml',
        ]),
      ),
      'intent-drift: fixtures/demo/workloads.yaml: no ClientIntents here; found Deployment (3), ServiceAccount (2), Namespace, Service',
    );
  });

  test('kind: clientintents and apiVersion otterize.com/v2beta1 at their line', async () => {
    assert.equal(
      oneLine(
        await cli([
          'check',
          '--metrics',
          'fixtures/demo/capture',
          '--intents',
          'fixtures/bad/intents/kind-case-near-miss.yaml',
        ]),
      ),
      'intent-drift: fixtures/bad/intents/kind-case-near-miss.yaml:3: kind: "clientintents" is not ClientIntents (kinds are case-sensitive); write kind: ClientIntents',
    );
    assert.match(
      oneLine(
        await cli([
          'check',
          '--metrics',
          'fixtures/demo/capture',
          '--intents',
          'fixtures/bad/intents/api-group-otterize-com.yaml',
        ]),
      ),
      /^intent-drift: fixtures\/bad\/intents\/api-group-otterize-com\.yaml:2: apiVersion: "otterize\.com\/v2beta1" puts ClientIntents in the API group "otterize\.com"/,
    );
  });
});

describe('an unexpected exception is exit 2 "internal error", never 1', () => {
  const scripts: [string, string][] = [['src', entry]];
  if (existsSync(path.join(repoRoot, 'dist', 'cli.js'))) scripts.push(['bundle', bin]);
  for (const [name, script] of scripts) {
    test(`a failing write, and a throw outside every try (${name})`, async () => {
      const report = path.join(tmp, `report-${name}.json`);
      const failing = await cli(['demo', '--report', report], {
        node: ['--import', plant],
        env: { INTENT_DRIFT_PLANT: 'writeFile' },
        script,
      });
      assert.equal(failing.code, 2);
      assert.match(
        failing.stderr,
        /^intent-drift: internal error: planted: writeFile is broken \(a bug in intent-drift [\d.]+: please report it at https:\/\/github\.com\/intent-drift\/intent-drift\/issues .*INTENT_DRIFT_DEBUG=1 prints the stack\)\n$/,
      );
      const uncaught = await cli(['demo'], {
        node: ['--import', plant],
        env: { INTENT_DRIFT_PLANT: 'uncaught' },
        script,
      });
      assert.equal(uncaught.code, 2);
      assert.match(uncaught.stderr, /^intent-drift: internal error: planted: thrown from a timer /);
      const debug = await cli(['demo', '--report', report], {
        node: ['--import', plant],
        env: { INTENT_DRIFT_PLANT: 'writeFile', INTENT_DRIFT_DEBUG: '1' },
        script,
      });
      assert.match(debug.stderr, /\n(TypeError: planted: writeFile is broken\n\s+at )/);
    });
  }
});

after(async () => {
  const { rm } = await import('node:fs/promises');
  await rm(tmp, { recursive: true, force: true });
});
