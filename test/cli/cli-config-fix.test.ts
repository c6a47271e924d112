// `.intent-drift.yaml` found from the working folder up to the repository root and named in the
// reports, and `check --fix` writing the minimal intents edit to the local files, only inside
// the intents paths given.
import assert from 'node:assert/strict';
import { cp, mkdir, mkdtemp, readFile, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { demoWorkspaceWithJsonClient2 } from '../support/run-action.ts';
import { repoRoot, runCli } from './run-cli.ts';

const capture = path.join(repoRoot, 'fixtures/demo/capture');
const demoIntents = path.join(repoRoot, 'fixtures/demo/intents');

async function tempDir(prefix: string): Promise<string> {
  return mkdtemp(path.join(tmpdir(), `intent-drift-${prefix}-`));
}

describe('config discovery', () => {
  test('--environment names the config it read, or says none was found', async () => {
    const repo = await tempDir('env');
    await mkdir(path.join(repo, '.git'));
    const args = ['check', '--metrics', capture, '--intents', demoIntents, '--environment', 'prd'];
    const none = await runCli(args, { cwd: repo });
    assert.equal(none.code, 2);
    assert.match(
      none.stderr,
      /^intent-drift: --environment prd: no config maps environments to namespaces \(none found/,
    );
    await writeFile(path.join(repo, '.intent-drift.yaml'), 'environments:\n  shop: prod\n  web: staging\n');
    const typo = await runCli(args, { cwd: repo });
    assert.equal(typo.code, 2);
    assert.equal(
      typo.stderr,
      'intent-drift: --environment prd: .intent-drift.yaml maps no namespace to it (its environments: prod, staging)\n',
    );
  });

  test('from a subfolder, the repository root’s .intent-drift.yaml is found and named', async () => {
    const repo = await tempDir('repo');
    await mkdir(path.join(repo, '.git'));
    await writeFile(path.join(repo, '.intent-drift.yaml'), 'failOn: none\n');
    const sub = path.join(repo, 'deploy', 'shop');
    await mkdir(sub, { recursive: true });
    const args = ['check', '--metrics', capture, '--intents', demoIntents];
    const text = await runCli(args, { cwd: sub });
    assert.equal(text.code, 0, 'failOn: none from the root config');
    const lines = text.stdout.trimEnd().split('\n');
    assert.equal(lines.at(-1), 'config: ../../.intent-drift.yaml', 'the last line names the config');
    assert.equal(lines.at(-2), `observed: sidecar metrics from ${capture}`);
    const json = JSON.parse((await runCli([...args, '--format', 'json'], { cwd: sub })).stdout);
    assert.equal(json.config, '../../.intent-drift.yaml');
    assert.deepEqual(json.observedFrom, { source: 'metrics', inputs: [capture] });
  });

  test('the nearest config wins, and a bad one is exit 2 at its file and line', async () => {
    const repo = await tempDir('repo');
    await mkdir(path.join(repo, '.git'));
    await writeFile(path.join(repo, '.intent-drift.yaml'), 'failOn: none\n');
    const sub = path.join(repo, 'team');
    await mkdir(sub);
    await writeFile(path.join(sub, '.intent-drift.yaml'), 'failOn: sometimes\n');
    const run = await runCli(['check', '--metrics', capture, '--intents', demoIntents], { cwd: sub });
    assert.equal(run.code, 2);
    assert.match(run.stderr, /^intent-drift: \.intent-drift\.yaml:1: failOn: must be one of/);
  });

  test('never above the repository root, and outside a repository only the working folder', async () => {
    const outer = await tempDir('outer');
    await writeFile(path.join(outer, '.intent-drift.yaml'), 'failOn: none\n');
    const repo = path.join(outer, 'repo');
    await mkdir(path.join(repo, '.git'), { recursive: true });
    const args = ['check', '--metrics', capture, '--intents', demoIntents];
    const inRepo = await runCli(args, { cwd: repo });
    assert.equal(inRepo.code, 1, 'the config above the repository is not read');
    assert.match(inRepo.stdout, /\nconfig: none\n$/);
    const plain = path.join(outer, 'not-a-repo');
    await mkdir(plain);
    const outside = await runCli(args, { cwd: plain });
    assert.equal(outside.code, 1, 'outside a repository the parent folder is not read');
    assert.equal((await runCli(args, { cwd: outer })).code, 0, 'the working folder’s own config is');
  });

  test('a worktree (.git is a file) ends the search as a repository does', async () => {
    const outer = await tempDir('worktree');
    await writeFile(path.join(outer, '.intent-drift.yaml'), 'failOn: none\n');
    const tree = path.join(outer, 'tree');
    await mkdir(path.join(tree, 'sub'), { recursive: true });
    await writeFile(path.join(tree, '.git'), 'gitdir: /elsewhere\n');
    const run = await runCli(['check', '--metrics', capture, '--intents', demoIntents], {
      cwd: path.join(tree, 'sub'),
    });
    assert.equal(run.code, 1);
  });

  test('the demo reads no config but the one given', async () => {
    const run = await runCli(['demo']);
    assert.match(run.stdout, /\nobserved: sidecar metrics from fixtures\/demo\/capture\nconfig: none\n$/);
  });
});

describe('check --fix', () => {
  async function copyDemo(): Promise<string> {
    const dir = await tempDir('fix');
    await cp(demoIntents, path.join(dir, 'intents'), { recursive: true });
    return dir;
  }

  test('adds the missing call under its target, keeps the comments, prints the file, and exits by what remains', async () => {
    const dir = await copyDemo();
    const before = await readFile(path.join(dir, 'intents/client2.yaml'), 'utf8');
    const run = await runCli(['check', '--metrics', capture, '--intents', 'intents', '--fix'], { cwd: dir });
    assert.equal(run.code, 0, `nothing missing after the fix: ${run.stderr}`);
    assert.match(
      run.stdout,
      /^intent-drift: DRIFT: 1 missing, 1 stale/,
      'the report is of the check before the fix',
    );
    assert.equal(
      run.stderr,
      'fixed intents/client2.yaml: 1 rule added\n' +
        'after the fix: 0 missing, 1 stale: no failing drift (--prune-stale also removes stale rules)\n',
    );
    const after = await readFile(path.join(dir, 'intents/client2.yaml'), 'utf8');
    assert.equal(
      after,
      `${before}          - path: /client2-path\n            methods:\n              - POST\n`,
      'the same edit the action suggests: comments and layout kept, one rule appended',
    );
    assert.equal(
      await readFile(path.join(dir, 'intents/client.yaml'), 'utf8'),
      await readFile(path.join(demoIntents, 'client.yaml'), 'utf8'),
      'an unchanged file is not rewritten',
    );
    const again = await runCli(['check', '--metrics', capture, '--intents', 'intents', '--fix'], {
      cwd: dir,
    });
    assert.match(again.stderr, /^--fix: the intents need no change\n/);
  });

  test('--prune-stale also removes the stale rule; --fail-on any then passes', async () => {
    const dir = await copyDemo();
    const run = await runCli(
      ['check', '--metrics', capture, '--intents', 'intents', '--fix', '--prune-stale', '--fail-on', 'any'],
      { cwd: dir },
    );
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /^fixed intents\/client2\.yaml: 1 rule added, 1 rule removed\n/);
    const after = await readFile(path.join(dir, 'intents/client2.yaml'), 'utf8');
    assert.ok(after.includes('- path: /client2-path') && !after.includes('- path: /client2-old-path'));
    assert.ok(after.startsWith('# client2'), 'the comment on top stays');
  });

  test('--prune-stale leaves the rules of a client the run never drove; the last line counts them apart', async () => {
    const dir = await copyDemo();
    const idle = (await readFile(path.join(demoIntents, 'client.yaml'), 'utf8'))
      .replace("# client's declared calls: matches what it really does.\n", '# never driven by the capture\n')
      .replaceAll('client', 'batch');
    await writeFile(path.join(dir, 'intents/batch.yaml'), idle);
    const run = await runCli(
      ['check', '--metrics', capture, '--intents', 'intents', '--fix', '--prune-stale'],
      {
        cwd: dir,
      },
    );
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^intent-drift: DRIFT: 1 missing, 1 stale \(.*, 1 not exercised\)/);
    assert.equal(
      run.stderr,
      'fixed intents/client2.yaml: 1 rule added, 1 rule removed\n' +
        'after the fix: 0 missing, 0 stale, 1 not exercised: no failing drift\n',
    );
    assert.equal(
      await readFile(path.join(dir, 'intents/batch.yaml'), 'utf8'),
      idle,
      'the idle client keeps its rule',
    );
  });

  test('a new file outside the intents paths given is refused, and nothing is written', async () => {
    const dir = await copyDemo();
    // Only client.yaml is given: client2's rule would need a new file beside it.
    const run = await runCli(['check', '--metrics', capture, '--intents', 'intents/client.yaml', '--fix'], {
      cwd: dir,
    });
    assert.equal(run.code, 2);
    assert.equal(
      run.stderr,
      'intent-drift: --fix would write intents/client2.yaml, outside the --intents paths given: nothing was written\n',
    );
    assert.equal(
      await readFile(path.join(dir, 'intents/client2.yaml'), 'utf8'),
      await readFile(path.join(demoIntents, 'client2.yaml'), 'utf8'),
    );
  });

  test('a symbolic link out of the intents folder is not written through', async () => {
    const dir = await tempDir('fix-link');
    const outside = path.join(dir, 'elsewhere');
    await mkdir(outside);
    await cp(path.join(demoIntents, 'client2.yaml'), path.join(outside, 'client2.yaml'));
    await mkdir(path.join(dir, 'intents'));
    await cp(path.join(demoIntents, 'client.yaml'), path.join(dir, 'intents', 'client.yaml'));
    await symlink(path.join(outside, 'client2.yaml'), path.join(dir, 'intents', 'client2.yaml'));
    const run = await runCli(['check', '--metrics', capture, '--intents', 'intents', '--fix'], { cwd: dir });
    assert.equal(run.code, 2);
    assert.match(run.stderr, /--fix would write intents\/client2\.yaml, outside the --intents paths given/);
    assert.equal(
      await readFile(path.join(outside, 'client2.yaml'), 'utf8'),
      await readFile(path.join(demoIntents, 'client2.yaml'), 'utf8'),
    );
  });

  test('a glob’s folder holds the files it may write', async () => {
    const dir = await copyDemo();
    const run = await runCli(['check', '--metrics', capture, '--intents', 'intents/*.yaml', '--fix'], {
      cwd: dir,
    });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /^fixed intents\/client2\.yaml: 1 rule added\n/);
  });
});

describe('check --fix: a ClientIntents without metadata.namespace is in the default namespace', () => {
  // default/client (no metadata.namespace) and shop/client in one file. Its editor once took the
  // first for a client of any namespace: shop/client's call was granted to default/client, and
  // --prune-stale removed the rule default/client uses.
  const doc = (namespace: string, paths: string[]) =>
    [
      'apiVersion: k8s.otterize.com/v2beta1',
      'kind: ClientIntents',
      'metadata:',
      '  name: client',
      ...(namespace === '' ? [] : [`  namespace: ${namespace}`]),
      'spec:',
      '  workload: {name: client, kind: Deployment}',
      '  targets:',
      '    - kubernetes:',
      '        name: nginx',
      '        http:',
      ...paths.flatMap((p) => [`          - path: ${p}`, '            methods: [GET]']),
      '',
    ].join('\n');
  const series = (namespace: string, method: string, p: string) =>
    `istio_requests_total{reporter="source",source_workload="client",source_workload_namespace="${namespace}",destination_workload="nginx",destination_workload_namespace="${namespace}",destination_service_name="nginx",destination_service_namespace="${namespace}",request_protocol="http",response_code="200",request_method="${method}",request_path="${p}"} 10`;

  async function workspace(intents: string, calls: [string, string, string][]): Promise<string> {
    const dir = await tempDir('fix-ns');
    await mkdir(path.join(dir, 'intents'));
    await mkdir(path.join(dir, 'metrics'));
    await writeFile(path.join(dir, 'intents/client.yaml'), intents);
    const lines = ['# TYPE istio_requests_total counter', ...calls.map((c) => series(...c)), ''];
    await writeFile(path.join(dir, 'metrics/m.prom'), lines.join('\n'));
    return dir;
  }

  test('-n shop --default-namespace default: shop/client’s missing call goes into shop/client’s document', async () => {
    const intents = `${doc('', ['/other'])}---\n${doc('shop', ['/a'])}`;
    const dir = await workspace(intents, [
      ['shop', 'GET', '/a'],
      ['shop', 'POST', '/new'],
    ]);
    const args = ['check', '--metrics', 'metrics', '--intents', 'intents', '-n', 'shop'];
    const run = await runCli([...args, '--default-namespace', 'default', '--fix'], { cwd: dir });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /POST \/new -> nginx.*\n\s+declare in intents\/client\.yaml:22\n/);
    assert.equal(
      run.stderr,
      'fixed intents/client.yaml: 1 rule added\nafter the fix: 0 missing, 0 stale: no failing drift\n',
    );
    assert.equal(
      await readFile(path.join(dir, 'intents/client.yaml'), 'utf8'),
      `${intents}          - path: /new\n            methods: [POST]\n`,
      'default/client is granted nothing',
    );
  });

  test('--prune-stale removes shop/client’s stale rule, not the one default/client uses', async () => {
    const intents = `${doc('', ['/a', '/old'])}---\n${doc('shop', ['/a', '/old'])}`;
    const dir = await workspace(intents, [
      ['default', 'GET', '/a'],
      ['default', 'GET', '/old'],
      ['shop', 'GET', '/a'],
    ]);
    const run = await runCli(
      [
        'check',
        '--metrics',
        'metrics',
        '--intents',
        'intents',
        '--default-namespace',
        'default',
        '--fix',
        '--prune-stale',
        '--fail-on',
        'any',
      ],
      { cwd: dir },
    );
    assert.equal(run.code, 0, run.stderr);
    assert.equal(
      run.stderr,
      'fixed intents/client.yaml: 1 rule removed\nafter the fix: 0 missing, 0 stale: no failing drift\n',
    );
    assert.equal(
      await readFile(path.join(dir, 'intents/client.yaml'), 'utf8'),
      `${doc('', ['/a', '/old'])}---\n${doc('shop', ['/a'])}`,
      'default/client keeps GET /old',
    );
  });
});

describe('check --format markdown: drift the patch leaves out', () => {
  test('the comment says the patch is not the whole fix, and --fix names what it leaves', async () => {
    // client2 (the client with the missing call) declared in JSON: the editor does not write JSON.
    const dir = await demoWorkspaceWithJsonClient2();
    const args = ['check', '--metrics', capture, '--intents', 'intents'];
    const markdown = await runCli([...args, '--format', 'markdown'], { cwd: dir });
    assert.equal(markdown.code, 1, markdown.stderr);
    assert.ok(
      markdown.stdout.includes(
        '> **No suggested patch:** the intents editor cannot write this drift (1 reason: see the lines starting `not fixed:` that `intent-drift check --fix` prints).',
      ),
      markdown.stdout,
    );
    const fix = await runCli([...args, '--fix'], { cwd: dir });
    assert.ok(!fix.stderr.includes('need no change'), fix.stderr);
    assert.match(fix.stderr, /^--fix: nothing written: the editor can write none of the drift/m);
    assert.match(
      fix.stderr,
      /^not fixed: client2: its ClientIntents are JSON \(intents\/client2\.json\); edit them by hand$/m,
    );
  });

  test('--prune-stale on a stale rule declared in JSON names it, never "the intents need no change"', async () => {
    const dir = await tempDir('fix-json-stale');
    await mkdir(path.join(dir, 'intents'));
    await mkdir(path.join(dir, 'metrics'));
    const intents = {
      apiVersion: 'k8s.otterize.com/v2beta1',
      kind: 'ClientIntents',
      metadata: { name: 'web', namespace: 'shop' },
      spec: {
        workload: { name: 'web' },
        targets: [
          {
            kubernetes: {
              name: 'api',
              http: [
                { path: '/a', methods: ['GET'] },
                { path: '/old', methods: ['GET'] },
              ],
            },
          },
        ],
      },
    };
    const json = `${JSON.stringify(intents, null, 2)}\n`;
    await writeFile(path.join(dir, 'intents', 'web.json'), json);
    const labels =
      'reporter="source",source_workload="web",source_workload_namespace="shop",destination_workload="api",' +
      'destination_workload_namespace="shop",destination_service_name="api",destination_service_namespace="shop",' +
      'request_protocol="http",request_method="GET",request_path="/a",response_code="200"';
    await writeFile(
      path.join(dir, 'metrics', 'web.prom'),
      `# TYPE istio_requests_total counter\nistio_requests_total{${labels}} 3\n`,
    );
    const run = await runCli(
      ['check', '--metrics', 'metrics', '--intents', 'intents', '--fix', '--prune-stale', '--fail-on', 'any'],
      { cwd: dir },
    );
    assert.equal(run.code, 1, run.stderr);
    assert.equal(
      run.stderr,
      'not fixed: web: its ClientIntents are JSON (intents/web.json); edit them by hand\n' +
        '--fix: nothing written: the editor can write none of the drift (the `not fixed:` lines say what to edit by hand)\n' +
        'after the fix: 0 missing, 1 stale: still failing\n',
    );
    assert.equal(
      await readFile(path.join(dir, 'intents', 'web.json'), 'utf8'),
      json,
      'the JSON is never rewritten',
    );
  });
});
