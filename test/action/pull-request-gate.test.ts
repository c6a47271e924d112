// A pull request cannot loosen its own gate: on pull_request events the config and the baseline
// come from the base commit (the contents API of the GitHub stand-in), whatever the PR's
// checkout holds; push runs use the checkout; the comment says when the PR changes them.
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, beforeEach, describe, test } from 'node:test';
import { runCli } from '../cli/run-cli.ts';
import { GitHubApiServer } from '../support/github-api-server.ts';
import {
  BASE_SHA,
  DEMO_INPUTS,
  demoWorkspace,
  HEAD_SHA,
  pullRequestEvent,
  runAction,
  TOKEN,
} from '../support/run-action.ts';

const CONFIG = '.intent-drift.yaml';
const NS = 'otterize-tutorial-istio-mapping';
const LOOSE = `# accept everything\nfailOn: none\nignore:\n  - path: "*"\n`;
const IGNORE_MISSING = `ignore:\n  - client: ${NS}/client2\n    path: /client2-path\n`;

let server: GitHubApiServer;
let apiUrl: string;

before(async () => {
  server = new GitHubApiServer();
  apiUrl = await server.start();
});
after(() => server.stop());
beforeEach(() => {
  server.comments.length = 0;
  server.pulls.length = 0;
  server.requests.length = 0;
  server.git.refs.clear();
  server.git.commits.clear();
  server.tokens.set(TOKEN, { login: 'github-actions[bot]', kind: 'installation' });
});

/** The demo's workspace (the PR's checkout) with these extra files. */
async function checkout(files: Record<string, string>): Promise<string> {
  const dir = await demoWorkspace();
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text);
  return dir;
}

const DEMO_FLAGS = ['--metrics', 'capture', '--intents', 'intents', '--workloads', 'workloads.yaml'];
const errorLines = (stdout: string) => stdout.split('\n').filter((l) => l.startsWith('::error::'));
const ours = () => server.comments.filter((c) => c.user.login === 'github-actions[bot]');

describe('on a pull request the base commit gates', () => {
  test('a PR that adds a config accepting everything still fails on its drift, and says so', async () => {
    server.seedCommit('main', { 'README.md': '# shop\n' }, BASE_SHA);
    const run = await runAction({
      inputs: DEMO_INPUTS,
      apiUrl,
      workspace: await checkout({ [CONFIG]: LOOSE }),
    });
    assert.equal(run.code, 1, run.stdout);
    assert.deepEqual(errorLines(run.stdout), [
      '::error::intent-drift: 1 missing, 1 stale (fail-on: missing); see the job summary',
    ]);
    const line =
      "this pull request changes .intent-drift.yaml; its gate applies after merge (this run used the base branch's)";
    assert.ok(run.stdout.includes(`::warning::intent-drift: ${line}`));
    for (const body of [ours()[0]!.body, run.summary]) {
      assert.ok(
        body.includes(
          "> **Note:** this pull request changes `.intent-drift.yaml`; its gate applies after merge. This check used the base branch's.",
        ),
      );
      assert.ok(body.includes('<details><summary>Changes to <code>.intent-drift.yaml</code></summary>'));
      assert.ok(body.includes('```diff\n--- /dev/null\n+++ b/.intent-drift.yaml\n'));
      assert.ok(body.includes('\n+failOn: none\n'));
    }
    assert.deepEqual(
      server.requests.filter((r) => r.path.includes('/contents/')).map((r) => `${r.path}?${r.query}`),
      [`/repos/acme/shop/contents/.intent-drift.yaml?ref=${BASE_SHA}`],
    );
  });

  test('the base config applies when the PR leaves it alone: no note', async () => {
    server.seedCommit('main', { [CONFIG]: 'failOn: none\n' }, BASE_SHA);
    const run = await runAction({
      inputs: DEMO_INPUTS,
      apiUrl,
      workspace: await checkout({ [CONFIG]: 'failOn: none\n' }),
    });
    assert.equal(run.code, 0, run.stdout);
    assert.ok(!ours()[0]!.body.includes('**Note:**'));
    assert.ok(!run.stdout.includes('this pull request changes'));
  });

  test('a UTF-16 config (Windows PowerShell 5 writes one) gates a pull request as it gates a push', async () => {
    // kubectl and the push run read it by its byte order mark; the base side comes through the
    // contents API as bytes and was read as UTF-8 (exit 2, a parse error).
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(IGNORE_MISSING, 'utf16le')]);
    server.seedCommit('main', { [CONFIG]: utf16 }, BASE_SHA);
    const workspace = await checkout({});
    await writeFile(path.join(workspace, CONFIG), utf16);
    const run = await runAction({ inputs: DEMO_INPUTS, apiUrl, workspace });
    assert.equal(run.code, 0, run.stdout);
    assert.equal(run.outputs.missing, '0');
    const report = JSON.parse(await readFile(run.outputs.report!, 'utf8'));
    assert.deepEqual(report.ignored[0].ignoredBy, { file: CONFIG, line: 2 });
    assert.ok(!run.stdout.includes('this pull request changes'), 'the same file on both sides is no change');
  });

  test('the base’s ignore rule holds even when the PR removes it (its gate applies after merge)', async () => {
    server.seedCommit('main', { [CONFIG]: IGNORE_MISSING }, BASE_SHA);
    const run = await runAction({
      inputs: DEMO_INPUTS,
      apiUrl,
      workspace: await checkout({ [CONFIG]: '{}\n' }),
    });
    assert.equal(run.code, 0, run.stdout);
    assert.equal(run.outputs.missing, '0');
    const report = JSON.parse(await readFile(run.outputs.report!, 'utf8'));
    assert.deepEqual(report.ignored[0].ignoredBy, { file: CONFIG, line: 2 });
    assert.ok(ours()[0]!.body.includes('\n-    path: /client2-path\n'));
  });

  test('the base’s baseline gates; a baseline the PR rewrites to accept its drift does not', async () => {
    const dir = await checkout({});
    const write = await runCli(['check', ...DEMO_FLAGS, '--write-baseline', 'baseline.json'], { cwd: dir });
    assert.equal(write.code, 0, write.stderr); // exit 0 once the baseline is written
    const accepting = await readFile(path.join(dir, 'baseline.json'), 'utf8');
    const inputs = { ...DEMO_INPUTS, baseline: 'baseline.json', 'fail-on': 'any' };

    server.seedCommit('main', { 'baseline.json': accepting }, BASE_SHA);
    const accepted = await runAction({ inputs, apiUrl, workspace: dir });
    assert.equal(accepted.code, 0, accepted.stdout);
    assert.ok(!accepted.stdout.includes('this pull request changes'));

    server.seedCommit('main', { 'baseline.json': '{"version": 1, "missing": [], "stale": []}\n' }, BASE_SHA);
    const rewritten = await runAction({ inputs, apiUrl, workspace: dir });
    assert.equal(rewritten.code, 1, rewritten.stdout);
    assert.ok(rewritten.stdout.includes('this pull request changes baseline.json'));

    const missing = await runAction({ inputs: { ...inputs, baseline: 'nope.json' }, apiUrl, workspace: dir });
    assert.equal(missing.code, 2);
    assert.match(
      missing.stdout,
      /::error::intent-drift: nope\.json: no such file in the pull request or at its base commit/,
    );
  });

  test('a base config with a mistake is exit 2 at its line, saying it is the base’s', async () => {
    server.seedCommit('main', { [CONFIG]: 'failOn: sometimes\n' }, BASE_SHA);
    const run = await runAction({ inputs: DEMO_INPUTS, apiUrl, workspace: await checkout({}) });
    assert.equal(run.code, 2);
    assert.deepEqual(errorLines(run.stdout), [
      '::error::intent-drift: .intent-drift.yaml:1: failOn: must be one of missing, stale, any, none (got "sometimes") (in the base commit b0b1b2b, whose config gates this pull request)',
    ]);
  });

  test('a PR whose config or baseline is a link out of the checkout or into .git: exit 2, the text never shown', async () => {
    // The checkout's .git/config is where actions/checkout keeps the token: a link to it was
    // read as the PR's side of the config and posted in the comment's diff.
    const secret = 'AUTHORIZATION: basic eC1hY2Nlc3MtdG9rZW46Z2hzX3NlY3JldA==';
    server.seedCommit('main', { 'baseline.json': '{"version": 1, "missing": [], "stale": []}\n' }, BASE_SHA);
    const cases: [Record<string, string>, string, RegExp][] = [
      [{}, CONFIG, /\.intent-drift\.yaml: leads into git's own folder \(\.git\): refused/],
      [{ baseline: 'baseline.json' }, 'baseline.json', /baseline\.json: leads out of the repository/],
    ];
    for (const [inputs, link, message] of cases) {
      const dir = await checkout({});
      await mkdir(path.join(dir, '.git'));
      await writeFile(path.join(dir, '.git', 'config'), `[http]\n\textraheader = ${secret}\n`);
      const outside = path.join(await mkdtemp(path.join(tmpdir(), 'intent-drift-outside-')), 'env');
      await writeFile(outside, `MY_SECRET=${secret}\n`);
      await symlink(link === CONFIG ? '.git/config' : outside, path.join(dir, link));
      server.comments.length = 0;
      const run = await runAction({ inputs: { ...DEMO_INPUTS, ...inputs }, apiUrl, workspace: dir });
      assert.equal(run.code, 2, run.stdout);
      assert.match(errorLines(run.stdout)[0]!, message);
      for (const text of [run.stdout, run.summary, ...server.comments.map((c) => c.body)]) {
        assert.ok(!text.includes('eC1hY2Nlc3M'), link);
      }
    }
  });

  test('a token that may not read contents fails closed (exit 2), naming the permission', async () => {
    server.seedCommit('main', {}, BASE_SHA);
    server.tokens.set(TOKEN, { login: 'github-actions[bot]', kind: 'installation', contents: 'none' });
    const run = await runAction({
      inputs: DEMO_INPUTS,
      apiUrl,
      workspace: await checkout({ [CONFIG]: LOOSE }),
    });
    assert.equal(run.code, 2);
    assert.deepEqual(errorLines(run.stdout), [
      '::error::intent-drift: cannot read .intent-drift.yaml at b0b1b2b: GitHub answered 403: Resource not accessible by integration: the token needs `contents: read` on this repository',
    ]);
    assert.equal(server.comments.length, 0);
  });

  test('a base commit GitHub does not know is no "no config": exit 2', async () => {
    const run = await runAction({
      inputs: DEMO_INPUTS,
      apiUrl,
      workspace: await checkout({ [CONFIG]: LOOSE }),
    });
    assert.equal(run.code, 2);
    assert.match(errorLines(run.stdout)[0]!, /No commit found for the ref b0b1b2b3/);
  });

  test('a config the inputs name that is in neither the PR nor its base: exit 2, not the defaults', async () => {
    // A typo in `config:` would otherwise gate the pull request with failOn: missing and no
    // ignore rules, while the reviewer believes the named file did.
    server.seedCommit('main', { [CONFIG]: 'failOn: none\n' }, BASE_SHA);
    const run = await runAction({
      inputs: { ...DEMO_INPUTS, config: 'ci/drift.yaml', 'fail-on': 'none' },
      apiUrl,
      workspace: await checkout({}),
    });
    assert.equal(run.code, 2, run.stdout);
    assert.deepEqual(errorLines(run.stdout), [
      '::error::intent-drift: ci/drift.yaml: no such file in the pull request or at its base commit',
    ]);
    assert.equal(ours().length, 0);
  });

  test('a config or baseline path out of the repository is refused before any read (exit 2)', async () => {
    server.seedCommit('main', {}, BASE_SHA);
    for (const [input, given] of [
      ['config', '../outside.yaml'],
      ['config', 'ci/../../outside.yaml'],
      ['config', '/etc/intent-drift.yaml'],
      ['baseline', '../baseline.json'],
      ['baseline', '/tmp/baseline.json'],
    ] as const) {
      server.requests.length = 0;
      const run = await runAction({
        inputs: { ...DEMO_INPUTS, [input]: given },
        apiUrl,
        workspace: await checkout({}),
      });
      assert.equal(run.code, 2, `${given}: ${run.stdout}`);
      assert.deepEqual(errorLines(run.stdout), [
        `::error::intent-drift: ${input}: "${given}" must be a path inside the repository (on a pull request it is read from the base commit)`,
      ]);
      const reads = server.requests.filter((r) => r.path.includes('/contents/')).map((r) => r.path);
      assert.deepEqual(
        reads,
        input === 'config' ? [] : ['/repos/acme/shop/contents/.intent-drift.yaml'],
        given,
      );
      assert.equal(ours().length, 0);
    }
  });

  test('an event without base.sha, or an empty token, fails closed', async () => {
    const event = pullRequestEvent(7) as { pull_request: { base: Record<string, unknown> } };
    delete event.pull_request.base.sha;
    const noBase = await runAction({ inputs: DEMO_INPUTS, apiUrl, event });
    assert.equal(noBase.code, 2);
    assert.match(errorLines(noBase.stdout)[0]!, /names no base commit/);
    const noToken = await runAction({
      inputs: { ...DEMO_INPUTS, 'github-token': '', comment: 'false' },
      apiUrl,
    });
    assert.equal(noToken.code, 2);
    assert.match(errorLines(noToken.stdout)[0]!, /github-token is empty: on a pull request/);
  });
});

describe('push runs use the checked-out config; fail-on’s empty default defers to it', () => {
  const push = (workspace: string, inputs: Record<string, string> = {}) =>
    runAction({
      inputs: { ...DEMO_INPUTS, comment: 'false', ...inputs },
      apiUrl,
      workspace,
      event: { ref: 'refs/heads/main' },
      eventName: 'push',
      ref: 'refs/heads/main',
    });

  test('the config’s failOn applies, an explicit input wins, no API call is made', async () => {
    const dir = await checkout({ [CONFIG]: 'failOn: none\n' });
    const lenient = await push(dir);
    assert.equal(lenient.code, 0, lenient.stdout);
    const strict = await push(dir, { 'fail-on': 'missing' });
    assert.equal(strict.code, 1);
    assert.deepEqual(errorLines(strict.stdout), [
      '::error::intent-drift: 1 missing, 1 stale (fail-on: missing); see the job summary',
    ]);
    const stale = await push(await checkout({ [CONFIG]: 'failOn: stale\n' }));
    assert.deepEqual(errorLines(stale.stdout), [
      '::error::intent-drift: 1 missing, 1 stale (fail-on: stale); see the job summary',
    ]);
    assert.equal(server.requests.length, 0);
  });

  test('the config, baseline and environment inputs reach the check', async () => {
    const dir = await checkout({
      'gate.yaml': `environments:\n  ${NS}: prod\n${IGNORE_MISSING}`,
    });
    const run = await push(dir, { config: 'gate.yaml', environment: 'prod' });
    assert.equal(run.code, 0, run.stdout);
    assert.equal(run.outputs.missing, '0');
    const wrong = await push(dir, { config: 'gate.yaml', environment: 'staging' });
    assert.equal(wrong.code, 2);
    assert.match(
      errorLines(wrong.stdout)[0]!,
      /--environment staging: gate\.yaml maps no namespace to it \(its environments: prod\)/,
    );
    await writeFile(
      path.join(dir, 'gate.yaml'),
      `environments:\n  ${NS}: prod\n  payment: prod\n${IGNORE_MISSING}`,
    );
    const typo = await push(dir, { config: 'gate.yaml', environment: 'prod' });
    assert.equal(typo.code, 2, typo.stdout);
    assert.match(
      errorLines(typo.stdout)[0]!,
      /--environment prod: gate\.yaml maps namespace payment to it: nothing observed and nothing declared there/,
    );
    await rm(path.join(dir, 'gate.yaml'));
    const missing = await push(dir, { config: 'gate.yaml' });
    assert.equal(missing.code, 2);
  });
});

describe('mode: comment reads both sides of the gate files itself', () => {
  /** The fork's PR run on `workspace`, then the workflow_run job that comments from its report. */
  async function forkRunThenComment(workspace: string, inputs: Record<string, string> = {}) {
    server.addPull({
      number: 7,
      title: 'feature',
      body: '',
      head: 'feature',
      base: 'main',
      headSha: HEAD_SHA,
      baseSha: BASE_SHA,
    });
    server.readOnly = true;
    const check = await runAction({
      inputs: { ...DEMO_INPUTS, ...inputs, comment: 'false' },
      apiUrl,
      event: pullRequestEvent(7, { fork: true }),
      workspace,
    });
    server.readOnly = false;
    const commenter = await demoWorkspace();
    await writeFile(path.join(commenter, 'report.json'), await readFile(check.outputs.report!, 'utf8'));
    const run = await runAction({
      inputs: { 'github-token': TOKEN, mode: 'comment', 'report-file': 'report.json', ...inputs },
      apiUrl,
      workspace: commenter,
      event: {
        action: 'completed',
        workflow_run: {
          head_sha: HEAD_SHA,
          head_branch: 'feature',
          head_repository: { full_name: 'acme/shop' },
          event: 'pull_request',
        },
      },
      eventName: 'workflow_run',
      ref: 'refs/heads/main',
    });
    return { check, run };
  }

  test('the comment carries the note when the PR’s head rewrites the baseline', async () => {
    const empty = '{"version": 1, "missing": [], "stale": []}\n';
    const rewritten = '{"version": 1, "missing": [], "stale": [], "note": "accept"}\n';
    server.seedCommit('main', { 'baseline.json': empty }, BASE_SHA);
    server.seedCommit('feature', { 'baseline.json': rewritten }, HEAD_SHA);
    const { check, run } = await forkRunThenComment(await checkout({ 'baseline.json': rewritten }), {
      baseline: 'baseline.json',
    });
    assert.equal(check.code, 1, check.stdout);
    assert.equal(run.code, 0, run.stdout);
    assert.ok(
      run.stdout.includes(
        "this pull request changes baseline.json; its gate applies after merge (this run used the base branch's)",
      ),
      run.stdout,
    );
    const body = ours()[0]!.body;
    assert.ok(body.includes('> **Note:** this pull request changes `baseline.json`'), body);
    assert.ok(body.includes('\n+{"version": 1, "missing": [], "stale": [], "note": "accept"}\n'), body);
  });

  test('the comment carries the note when the PR’s head changes the config', async () => {
    server.seedCommit('main', { [CONFIG]: 'failOn: missing\n' }, BASE_SHA);
    server.seedCommit('feature', { [CONFIG]: LOOSE }, HEAD_SHA);
    server.addPull({
      number: 7,
      title: 'feature',
      body: '',
      head: 'feature',
      base: 'main',
      headSha: HEAD_SHA,
      baseSha: BASE_SHA,
    });
    server.readOnly = true;
    const check = await runAction({
      inputs: { ...DEMO_INPUTS, comment: 'false' },
      apiUrl,
      event: pullRequestEvent(7, { fork: true }),
      workspace: await checkout({ [CONFIG]: LOOSE }),
    });
    server.readOnly = false;
    assert.equal(check.code, 1, 'the fork’s run is gated by the base config');
    const workspace = await demoWorkspace();
    await writeFile(path.join(workspace, 'report.json'), await readFile(check.outputs.report!, 'utf8'));
    const run = await runAction({
      inputs: { 'github-token': TOKEN, mode: 'comment', 'report-file': 'report.json' },
      apiUrl,
      workspace,
      event: {
        action: 'completed',
        workflow_run: {
          head_sha: HEAD_SHA,
          head_branch: 'feature',
          head_repository: { full_name: 'acme/shop' },
          event: 'pull_request',
        },
      },
      eventName: 'workflow_run',
      ref: 'refs/heads/main',
    });
    assert.equal(run.code, 0, run.stdout);
    const body = ours()[0]!.body;
    assert.ok(body.includes('> **Note:** this pull request changes `.intent-drift.yaml`'));
    assert.ok(body.includes('\n-failOn: missing\n'));
  });
});
