import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { VERSION } from '../../src/version.ts';
import { repoRoot, runCli } from './run-cli.ts';

const NS = 'otterize-tutorial-istio-mapping';
const demoArgs = [
  '--metrics',
  'fixtures/demo/capture',
  '--intents',
  'fixtures/demo/intents',
  '--workloads',
  'fixtures/demo/workloads.yaml',
];

describe('demo', () => {
  test('exits 1 on the demo drift and names the missing and stale rules', async () => {
    const run = await runCli(['demo']);
    assert.equal(run.code, 1, run.stderr);
    assert.match(run.stdout, /client2/);
    assert.match(run.stdout, /POST \/client2-path/);
    assert.match(run.stdout, /\/client2-old-path/);
    assert.match(run.stdout, /fixtures\/demo\/intents\/client2\.yaml:\d+/);
    assert.equal(run.stderr, '');
  });

  test('json report has the contract summary', async () => {
    const run = await runCli(['demo', '--format', 'json']);
    assert.equal(run.code, 1);
    const report = JSON.parse(run.stdout);
    assert.equal(report.version, 1);
    assert.deepEqual(report.summary, {
      observed: 2,
      declared: 2,
      covered: 1,
      missing: 1,
      stale: 1,
      notChecked: 0,
      ignored: 0,
      drift: true,
    });
    assert.equal(report.missing[0].client.name, 'client2');
    assert.equal(report.missing[0].server.name, 'nginx');
    assert.equal(report.missing[0].server.service.name, 'nginx-service');
    assert.equal(report.missing[0].method, 'POST');
    assert.equal(report.missing[0].path, '/client2-path');
    assert.equal(report.missing[0].count, 291);
    // Line 13 holds the target that names nginx: where the rule goes (line 3 is the apiVersion).
    assert.deepEqual(report.missing[0].intentsFile, { file: 'fixtures/demo/intents/client2.yaml', line: 13 });
    assert.equal(report.stale[0].path, '/client2-old-path');
    assert.equal(report.stale[0].file, 'fixtures/demo/intents/client2.yaml');
    assert.equal(report.stale[0].reason, 'path-not-called');
    assert.equal(report.covered[0].count, 287, 'both reporters of one call are counted once (max)');
  });

  test('--fail-on decides the exit code', async () => {
    assert.equal((await runCli(['demo', '--fail-on', 'none'])).code, 0);
    assert.equal((await runCli(['demo', '--fail-on', 'stale'])).code, 1);
    assert.equal((await runCli(['demo', '--fail-on', 'any'])).code, 1);
    assert.equal((await runCli(['demo', '--fail-on', 'missing'])).code, 1);
  });

  test('--report writes the JSON report beside any format', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'intent-drift-cli-'));
    const file = path.join(dir, 'out', 'report.json');
    const run = await runCli(['demo', '--format', 'markdown', '--report', file]);
    assert.equal(run.code, 1);
    assert.match(run.stdout, /^<!-- intent-drift -->/);
    const report = JSON.parse(await readFile(file, 'utf8'));
    assert.equal(report.summary.missing, 1);
  });
});

describe('demo --format markdown', () => {
  test('is the comment as the action posts it: header, grouped tables, declare-in line, suggested patch', async () => {
    const run = await runCli(['demo', '--format', 'markdown']);
    assert.equal(run.code, 1);
    const lines = run.stdout.split('\n');
    assert.deepEqual(lines.slice(0, 4), [
      '<!-- intent-drift -->',
      '### ❌ intent-drift: 1 missing, 1 stale',
      '',
      'Observed: sidecar metrics from `fixtures/demo/capture` · no config',
    ]);
    assert.ok(lines.includes('| **`client2`** in `otterize-tutorial-istio-mapping` |  |  |  |  |'));
    assert.ok(
      lines.includes(
        '| `POST /client2-path` | `nginx` via `nginx-service` | 291 | **blocked** | `fixtures/demo/intents/client2.yaml:13` |',
      ),
    );
    assert.ok(lines.includes('<details><summary>Suggested patch of the intents (1 file)</summary>'));
    assert.ok(lines.includes('+          - path: /client2-path'));
    const action = await readFile(path.join(repoRoot, 'test/golden/action/demo-comment.md'), 'utf8');
    const tables = (md: string) => md.split('\n').filter((l) => l.startsWith('| ') && !l.includes('.yaml:'));
    assert.deepEqual(tables(run.stdout), tables(action), 'the same tables the action posts');
  });
});

describe('check', () => {
  test('the same drift when given the demo files explicitly', async () => {
    const run = await runCli(['check', ...demoArgs, '--format', 'json']);
    assert.equal(run.code, 1);
    assert.equal(JSON.parse(run.stdout).summary.covered, 1);
  });

  test('-n scopes clients: a namespace with nothing observed and nothing declared is exit 2, not OK', async () => {
    const run = await runCli(['check', ...demoArgs, '-n', 'elsewhere', '--format', 'json']);
    assert.equal(run.code, 2);
    assert.equal(run.stdout, '');
    assert.equal(
      run.stderr,
      `intent-drift: namespace elsewhere: nothing observed and nothing declared there (observed: ${NS}; declared: ${NS})\n`,
    );
  });

  test('-n with the demo namespace keeps everything', async () => {
    const run = await runCli(['check', ...demoArgs, '-n', NS, '--format', 'json']);
    assert.equal(JSON.parse(run.stdout).summary.observed, 2);
  });

  test('exit 2: no intents', async () => {
    const run = await runCli(['check', '--metrics', 'fixtures/demo/capture']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /--intents/);
  });

  test('exit 2: metrics path that does not exist names the path', async () => {
    const run = await runCli(['check', '--metrics', 'nope/none.prom', '--intents', 'fixtures/demo/intents']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /nope\/none\.prom/);
    assert.equal(run.stderr.trim().split('\n').length, 1, 'one line');
  });

  test('exit 2: a bad intents file gives file:line', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'intent-drift-cli-'));
    await writeFile(
      path.join(dir, 'bad.yaml'),
      [
        'apiVersion: k8s.otterize.com/v2beta1',
        'kind: ClientIntents',
        'metadata:',
        '  name: client',
        '  namespace: shop',
        'spec:',
        '  workload:',
        '    name: client',
        '  targets:',
        '    - kubernetes:',
        '        name: nginx',
        '        http:',
        '          - path: /a',
        '            methods: [HEAD]',
        '',
      ].join('\n'),
    );
    const run = await runCli(
      ['check', '--metrics', path.join(repoRoot, 'fixtures/demo/capture'), '--intents', 'bad.yaml'],
      { cwd: dir },
    );
    assert.equal(run.code, 2);
    assert.match(run.stderr, /^intent-drift: bad\.yaml:14: .*HEAD/);
  });

  test('exit 2: bad usage', async () => {
    for (const args of [
      ['frobnicate'],
      ['check', '--fail-on', 'sometimes'],
      ['check', '--format', 'xml'],
      ['check', '--no-such-flag'],
      ['export', '--format', 'toml'],
      ['export', '--output-type', 'dir'],
      ['check', '--source', 'prometheus', '--intents', 'fixtures/demo/intents'],
      ['capture', '--metrics', 'fixtures/demo/capture'],
      ['check', '--concurrency', '0'],
    ]) {
      const run = await runCli(args);
      assert.equal(run.code, 2, `${args.join(' ')} -> ${run.stderr}`);
      assert.match(run.stderr, /^intent-drift: /);
    }
  });

  test('INTENT_DRIFT_DEBUG adds no stack to bad input: it is no bug, and the one line says it all', async () => {
    const run = await runCli(
      ['check', '--metrics', 'no-such-capture', '--intents', 'fixtures/demo/intents'],
      {
        env: { INTENT_DRIFT_DEBUG: '1' },
      },
    );
    assert.equal(run.code, 2);
    assert.equal(run.stderr, 'intent-drift: no-such-capture: no such file or directory\n');
  });
});

describe('help and version', () => {
  test('help lists the commands', async () => {
    const run = await runCli(['--help']);
    assert.equal(run.code, 0);
    for (const c of ['check', 'list', 'export', 'policies', 'demo'])
      assert.match(run.stdout, new RegExp(`  ${c} `));
  });

  test('version equals package.json', async () => {
    const pkg = JSON.parse(await readFile(path.join(repoRoot, 'package.json'), 'utf8'));
    assert.equal(VERSION, pkg.version);
    assert.equal((await runCli(['--version'])).stdout, `${pkg.version}\n`);
  });
});

describe('list and export', () => {
  test('list prints the Otterize layout', async () => {
    const run = await runCli(['list', '--metrics', 'fixtures/demo/capture']);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(
      run.stdout,
      [
        `client in namespace ${NS} calls:`,
        `  - nginx in namespace ${NS}`,
        '    - path /client-path, methods: [GET]',
        `client2 in namespace ${NS} calls:`,
        `  - nginx in namespace ${NS}`,
        '    - path /client2-path, methods: [POST]',
        '',
      ].join('\n'),
    );
  });

  test("list prints the read's warnings on stderr, the calls on stdout", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'intent-drift-list-'));
    const labels =
      'reporter="source",source_workload="web",source_workload_namespace="shop",destination_workload="api",' +
      'destination_workload_namespace="shop",destination_service_name="api",destination_service_namespace="shop",' +
      'request_protocol="http",response_code="200"';
    await writeFile(
      path.join(dir, 'web.prom'),
      [
        '# TYPE istio_requests_total counter',
        `istio_requests_total{${labels}} 3`,
        `istio_requests_total{${labels},request_method="GET",request_path="/a"} 3`,
        '',
      ].join('\n'),
    );
    const run = await runCli(['list', '--metrics', 'web.prom'], { cwd: dir });
    assert.equal(run.code, 0, run.stderr);
    assert.match(
      run.stdout,
      /^web in namespace shop calls:\n {2}- api in namespace shop\n {4}- path \/a, methods: \[GET\]\n$/,
    );
    assert.match(run.stderr, /^warning: 1 call\(s\) without request_method\/request_path were dropped /);
  });

  test('export --format json equals export-istio-demo.json (the Otterize export format)', async () => {
    const run = await runCli([
      'export',
      '--format',
      'json',
      '-n',
      NS,
      ...demoArgs.slice(0, 2),
      ...demoArgs.slice(4),
    ]);
    assert.equal(run.code, 0, run.stderr);
    const expected = JSON.parse(
      await readFile(path.join(repoRoot, 'fixtures/intents/export-istio-demo.json'), 'utf8'),
    );
    assert.deepEqual(JSON.parse(run.stdout), expected);
  });
});
