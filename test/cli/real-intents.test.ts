// The CLI on ClientIntents as Otterize users have them: without a namespace (applied with
// `kubectl apply -n NS`), in JSON (an export), and `policies` for a Service with its manifest.
import assert from 'node:assert/strict';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { repoRoot, runCli } from './run-cli.ts';

const NS = 'otterize-tutorial-istio-mapping';
const capture = path.join(repoRoot, 'fixtures/demo/capture');

describe('namespace-less ClientIntents', () => {
  let dir = '';
  before(async () => {
    // The demo's intents with metadata.namespace removed, as Otterize's docs write theirs.
    dir = await mkdtemp(path.join(tmpdir(), 'intent-drift-nons-'));
    await cp(path.join(repoRoot, 'fixtures/demo/intents'), path.join(dir, 'intents'), { recursive: true });
    for (const name of await readdir(path.join(dir, 'intents'))) {
      const file = path.join(dir, 'intents', name);
      await writeFile(file, (await readFile(file, 'utf8')).replaceAll(`  namespace: ${NS}\n`, ''));
    }
  });
  after(() => rm(dir, { recursive: true, force: true }));
  const check = (...flags: string[]) =>
    runCli(['check', '--metrics', capture, '--intents', 'intents', ...flags], { cwd: dir });

  test('without a namespace to give them: exit 2, at file:line, naming the flag', async () => {
    const run = await check();
    assert.equal(run.code, 2);
    assert.match(run.stderr, /^intent-drift: intents\/client\.yaml:4: metadata\.namespace: not set/);
    assert.match(run.stderr, /--default-namespace NS/);
  });

  test('--default-namespace gives them the namespace: the demo drift, as with namespaces written', async () => {
    const run = await check('--default-namespace', NS, '--format', 'json');
    assert.equal(run.code, 1, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout).summary, {
      observed: 2,
      declared: 2,
      covered: 1,
      missing: 1,
      stale: 1,
      notChecked: 0,
      ignored: 0,
      drift: true,
    });
  });

  test('-n naming exactly one namespace does the same, as kubectl apply -n would', async () => {
    const run = await check('-n', NS);
    assert.equal(run.code, 1, run.stderr);
    assert.match(run.stdout, /1 missing, 1 stale/);
  });

  test('-n naming two namespaces is no default: exit 2', async () => {
    const run = await check('-n', NS, '-n', 'other');
    assert.equal(run.code, 2);
    assert.match(run.stderr, /metadata\.namespace: not set/);
  });

  test('--default-namespace must be a namespace name', async () => {
    const run = await check('--default-namespace', 'Not_A_Namespace');
    assert.equal(run.code, 2);
    assert.equal(
      run.stderr,
      "intent-drift: --default-namespace must be a Kubernetes namespace name (got 'Not_A_Namespace')\n",
    );
  });
});

describe('JSON intents', () => {
  test("intent-drift's own JSON export is read back as intents: the demo's calls are covered", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'intent-drift-json-'));
    try {
      const exported = await runCli([
        'export',
        '--metrics',
        capture,
        '--format',
        'json',
        '-o',
        path.join(dir, 'i.json'),
      ]);
      assert.equal(exported.code, 0, exported.stderr);
      const run = await runCli(['check', '--metrics', capture, '--intents', dir, '--format', 'json']);
      assert.equal(run.code, 0, run.stderr);
      const report = JSON.parse(run.stdout);
      assert.equal(report.summary.declared, 2);
      assert.equal(report.summary.covered, 2);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test("Otterize's JSON export with an error: exit 2 at the JSON's line", async () => {
    const file = 'fixtures/bad/intents/json-head-method.json';
    const run = await runCli(['check', '--metrics', capture, '--intents', file]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /^intent-drift: fixtures\/bad\/intents\/json-head-method\.json:8: /);
  });
});

describe('policies', () => {
  test("the docs' Istio tutorial with its manifests: the Service's selector, the operator's name", async () => {
    const run = await runCli([
      'policies',
      '--intents',
      'fixtures/intents/upstream/otterize-docs/static/code-examples/istio-authorization-policies/intents.yaml',
      '--workloads',
      'fixtures/manifests/upstream/istio-authorization-policies-all.yaml',
    ]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(
      run.stdout,
      /name: authorization-policy-to-nginx-service-service-from-client-deployment\.otterize-tutorial-istio\n/,
    );
    assert.match(run.stdout, /matchLabels:\n {6}app: nginx\n/);
    assert.match(run.stdout, /cluster\.local\/ns\/otterize-tutorial-istio\/sa\/client-service-account/);
    assert.equal(run.stderr, '');
  });

  test('without the manifests: no policy for the Service, and a warning saying why', async () => {
    const run = await runCli([
      'policies',
      '--intents',
      'fixtures/intents/upstream/otterize-docs/static/code-examples/istio-authorization-policies/intents.yaml',
    ]);
    assert.equal(run.code, 0);
    assert.equal(run.stdout, '');
    assert.match(
      run.stderr,
      /^warning: .*intents\.yaml:15: no policy for Service otterize-tutorial-istio\/nginx-service/,
    );
  });
});
