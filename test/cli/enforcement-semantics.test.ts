// What Istio enforces, end to end through `check` as a user runs it: the gate says "covered" only
// for traffic the intents-operator's AuthorizationPolicies would let through. Each case was
// reported covered (exit 0) before its fix while Istio would deny it.
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { runCli } from './run-cli.ts';

const LABELS =
  'reporter="source",source_workload="web",source_workload_namespace="shop",' +
  'destination_workload_namespace="shop",destination_service_namespace="shop"';

function request(server: string, method: string, path: string, count: number): string {
  return (
    `istio_requests_total{${LABELS},destination_workload="${server}",destination_service_name="${server}",` +
    `request_protocol="http",request_method="${method}",request_path="${path}",response_code="200"} ${count}`
  );
}

function connection(server: string, count: number): string {
  return (
    `istio_tcp_connections_opened_total{${LABELS},destination_workload="${server}",` +
    `destination_service_name="${server}",request_protocol="tcp"} ${count}`
  );
}

const INTENTS = `apiVersion: k8s.otterize.com/v2beta1
kind: ClientIntents
metadata:
  name: web
  namespace: shop
spec:
  workload:
    name: web
  targets:
    - kubernetes:
        name: api
        http:
          - path: /a
            methods: [GET]
`;

/** A folder with web's intents (INTENTS plus `targets`) and one metrics file of `lines`. */
async function workspace(lines: string[], targets = ''): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'intent-drift-enforcement-'));
  await mkdir(path.join(dir, 'intents'));
  await mkdir(path.join(dir, 'metrics'));
  await writeFile(path.join(dir, 'intents', 'web.yaml'), INTENTS + targets);
  const requests = lines.filter((l) => l.startsWith('istio_requests_total'));
  const connections = lines.filter((l) => l.startsWith('istio_tcp_'));
  await writeFile(
    path.join(dir, 'metrics', 'web.prom'),
    [
      '# TYPE istio_requests_total counter',
      ...requests,
      '# TYPE istio_tcp_connections_opened_total counter',
      ...connections,
      '',
    ].join('\n'),
  );
  return dir;
}

async function check(dir: string, extra: string[] = []) {
  return runCli(['check', '--metrics', 'metrics', '--intents', 'intents', ...extra], { cwd: dir });
}

type Entry = { server: { name: string }; method: string | null; protocol: string; wouldBeBlocked?: boolean };
const brief = (c: Entry) => `${c.server.name} ${c.method} ${c.protocol}`;

describe('TCP connections and HTTP rules', () => {
  const DB_HTTP =
    '    - kubernetes:\n        name: db\n        http:\n          - path: /q\n            methods: [GET]\n';

  test('a connection to a target whose rules are all HTTP is missing, would be blocked: exit 1 (was covered, exit 0)', async () => {
    const dir = await workspace([request('api', 'GET', '/a', 3), connection('db', 4)], DB_HTTP);
    const run = await check(dir, ['--format', 'json']);
    assert.equal(run.code, 1, run.stderr);
    const report = JSON.parse(run.stdout);
    assert.deepEqual(
      report.missing.map((c: Entry) => [brief(c), c.wouldBeBlocked]),
      [['db null tcp', true]],
    );
    assert.deepEqual(report.covered.map(brief), ['api GET http']);
  });

  test('--fix leaves it out with a note: only a target without http allows it, which widens the target', async () => {
    const dir = await workspace([request('api', 'GET', '/a', 3), connection('db', 4)], DB_HTTP);
    const before = await readFile(path.join(dir, 'intents', 'web.yaml'), 'utf8');
    const run = await check(dir, ['--fix']);
    assert.equal(run.code, 1, run.stderr);
    assert.match(
      run.stderr,
      /not fixed: web → db\/db: TCP connections, which a target with HTTP rules never allows; declare it without http by hand if they are meant/,
    );
    assert.equal(await readFile(path.join(dir, 'intents', 'web.yaml'), 'utf8'), before);
  });

  test('a target of the client for that server without http allows it: exit 0', async () => {
    const dir = await workspace(
      [request('api', 'GET', '/a', 3), connection('db', 4)],
      '    - kubernetes:\n        name: db\n',
    );
    const run = await check(dir, ['--format', 'json']);
    assert.equal(run.code, 0, run.stdout);
    assert.deepEqual(JSON.parse(run.stdout).covered.map(brief), ['api GET http', 'db null tcp']);
  });
});

describe('methods keep their case', () => {
  test('`get` is not covered by a declared GET (Istio matches :method exactly): missing, exit 1 (was covered, exit 0)', async () => {
    const dir = await workspace([request('api', 'GET', '/a', 3), request('api', 'get', '/a', 2)]);
    const run = await check(dir, ['--format', 'json']);
    assert.equal(run.code, 1, run.stderr);
    const report = JSON.parse(run.stdout);
    assert.deepEqual(
      report.missing.map((c: Entry) => [brief(c), c.wouldBeBlocked]),
      [['api get http', true]],
    );
    assert.deepEqual(
      report.covered.map((c: Entry & { count: number }) => [brief(c), c.count]),
      [['api GET http', 3]],
    );
    assert.match(
      report.warnings.join('\n'),
      /use a method ClientIntents cannot declare \(e\.g\. web -> api "get"\)/,
    );
  });

  test('--fix writes no `get` into the intents (the CRD takes upper-case methods only): a note instead', async () => {
    const dir = await workspace([request('api', 'GET', '/a', 3), request('api', 'get', '/b', 2)]);
    const before = await readFile(path.join(dir, 'intents', 'web.yaml'), 'utf8');
    const run = await check(dir, ['--fix']);
    assert.equal(run.code, 1, run.stderr);
    assert.match(
      run.stderr,
      /not fixed: web → api: method "get" cannot be declared \(ClientIntents take GET, POST/,
    );
    assert.equal(await readFile(path.join(dir, 'intents', 'web.yaml'), 'utf8'), before);
  });
});
