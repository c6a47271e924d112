// open-pr: the edited intents committed through the git data API to one reused branch, and
// one pull request, opened once and updated afterwards.
import assert from 'node:assert/strict';
import { appendFile, readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, beforeEach, describe, test } from 'node:test';
import { GitHubApiServer } from '../support/github-api-server.ts';
import {
  BASE_SHA,
  DEMO_INPUTS,
  demoWorkspace,
  demoWorkspaceWithJsonClient2,
  pullRequestEvent,
  runAction,
  TOKEN,
} from '../support/run-action.ts';

let server: GitHubApiServer;
let apiUrl: string;
let workspace: string;
let baseSha: string;
const BRANCH = 'intent-drift/update';

before(async () => {
  server = new GitHubApiServer();
  apiUrl = await server.start();
  workspace = await demoWorkspace();
});
after(() => server.stop());
beforeEach(async () => {
  server.pulls.length = 0;
  server.requests.length = 0;
  server.faults.length = 0;
  server.git.refs.clear();
  server.tokens.set(TOKEN, { login: 'github-actions[bot]', kind: 'installation' });
  const files: Record<string, string> = { 'README.md': '# shop\n' };
  for (const name of ['client.yaml', 'client2.yaml']) {
    files[`intents/${name}`] = await readFile(path.join(workspace, 'intents', name), 'utf8');
  }
  baseSha = server.seedCommit('main', files);
});

const pushRun = (inputs: Record<string, string> = {}, dir = workspace) =>
  runAction({
    inputs: { ...DEMO_INPUTS, 'open-pr': 'true', 'fail-on': 'none', ...inputs },
    apiUrl,
    workspace: dir,
    event: { ref: 'refs/heads/main', after: baseSha },
    eventName: 'push',
    sha: baseSha,
    ref: 'refs/heads/main',
  });

describe('open-pr: true', () => {
  test('commits the minimal edit to the branch and opens one PR', async () => {
    const run = await pushRun();
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.equal(server.pulls.length, 1);
    const pull = server.pulls[0]!;
    assert.equal(pull.head, BRANCH);
    assert.equal(pull.base, 'main');
    assert.equal(run.outputs['pull-request-url'], `https://github.com/acme/shop/pull/${pull.number}`);
    assert.match(
      pull.body,
      /\| add \| `otterize-tutorial-istio-mapping\/client2` \| `nginx` \| `POST` \| `\/client2-path` \|/,
    );
    assert.match(pull.body, /```diff\n--- a\/intents\/client2.yaml/);

    const files = server.filesAt(BRANCH);
    const before = await readFile(path.join(workspace, 'intents', 'client2.yaml'), 'utf8');
    const after = files['intents/client2.yaml']!;
    // Comments and every existing line kept; the new rule appended to the same target.
    assert.ok(after.startsWith("# client2's declared calls have drifted on purpose"));
    assert.equal(
      after,
      `${before}          - path: /client2-path\n            methods:\n              - POST\n`,
    );
    assert.equal(
      files['intents/client.yaml'],
      await readFile(path.join(workspace, 'intents', 'client.yaml'), 'utf8'),
    );
    assert.equal(files['README.md'], '# shop\n');
    const head = server.git.commits.get(server.git.refs.get(`heads/${BRANCH}`)!)!;
    assert.deepEqual(head.parents, [baseSha]);
    const writes = server.writes().map((r) => `${r.method} ${r.path.replace('/repos/acme/shop', '')}`);
    assert.deepEqual(writes, [
      'POST /git/blobs',
      'POST /git/trees',
      'POST /git/commits',
      'POST /git/refs',
      'POST /pulls',
    ]);
  });

  test('a second run updates the same PR and leaves an up-to-date branch alone', async () => {
    await pushRun();
    const headBefore = server.git.refs.get(`heads/${BRANCH}`);
    const run = await pushRun();
    assert.equal(server.pulls.length, 1);
    assert.equal(server.git.refs.get(`heads/${BRANCH}`), headBefore);
    assert.match(run.stdout, /pull request updated: .*\(branch already up to date\)/);
    assert.ok(server.requests.some((r) => r.method === 'PATCH' && /\/pulls\/\d+$/.test(r.path)));
  });

  test('prune-stale: true removes the stale rule too, on the same branch and PR', async () => {
    await pushRun();
    const number = server.pulls[0]!.number;
    await pushRun({ 'prune-stale': 'true' });
    assert.equal(server.pulls.length, 1);
    assert.equal(server.pulls[0]!.number, number);
    const after = server.filesAt(BRANCH)['intents/client2.yaml']!;
    assert.ok(!after.includes('- path: /client2-old-path'));
    assert.ok(after.includes('- path: /client2-path'));
    assert.ok(after.startsWith("# client2's declared calls"), 'comments kept');
    assert.match(server.pulls[0]!.body, /\| remove \| .* \| `\/client2-old-path` \|/);
  });

  test('GitHub’s 422 "A pull request already exists" becomes an update of that PR', async () => {
    await pushRun();
    // The listing misses the open PR (a race): creating it answers 422.
    server.faults.push({ method: 'GET', path: /\/pulls$/, status: 200, body: [], times: 1 });
    const run = await pushRun({ 'prune-stale': 'true' });
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.equal(server.pulls.length, 1);
    const created = server.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/pulls'));
    assert.equal(created.length, 2, 'the second create was refused');
    assert.match(run.stdout, /pull request updated/);
  });

  test('other open PRs (one from a fork on a branch of the same name) are never updated', async () => {
    server.seedCommit('feature/login', { 'README.md': '# login\n' });
    server.addPull({
      number: 41,
      title: 'Login page',
      body: 'by a teammate',
      head: 'feature/login',
      base: 'main',
    });
    server.addPull({
      number: 42,
      title: 'fork with the same branch name',
      body: 'by a contributor',
      head: BRANCH,
      headRepo: 'someone/shop',
      base: 'main',
    });
    const run = await pushRun();
    assert.equal(run.code, 0, run.stdout + run.stderr);
    const ours = server.pulls.filter((p) => p.number !== 41 && p.number !== 42);
    assert.equal(ours.length, 1, 'opened our own PR');
    assert.equal(run.outputs['pull-request-url'], `https://github.com/acme/shop/pull/${ours[0]!.number}`);
    assert.deepEqual(
      server.pulls.filter((p) => p.number === 41 || p.number === 42).map((p) => [p.title, p.body]),
      [
        ['Login page', 'by a teammate'],
        ['fork with the same branch name', 'by a contributor'],
      ],
    );
    assert.ok(!server.requests.some((r) => r.method === 'PATCH' && /\/pulls\/4[12]$/.test(r.path)));
  });

  test('an open PR of the branch into another base is left alone: one is opened into the base asked for', async () => {
    // GitHub takes one open PR per head and base; the same branch may be open into two bases.
    server.seedCommit('release', { 'README.md': '# release\n' });
    server.addPull({
      number: 43,
      title: 'into release',
      body: 'retargeted by hand',
      head: BRANCH,
      base: 'release',
    });
    const run = await pushRun();
    assert.equal(run.code, 0, run.stdout + run.stderr);
    const ours = server.pulls.filter((p) => p.number !== 43);
    assert.deepEqual(
      ours.map((p) => [p.head, p.base]),
      [[BRANCH, 'main']],
    );
    assert.deepEqual(
      server.pulls.filter((p) => p.number === 43).map((p) => [p.title, p.body]),
      [['into release', 'retargeted by hand']],
    );
    assert.match(run.stdout, /pull request created/);
  });

  test('a rerun after the edit was merged says so: GitHub refuses a PR with no commits', async () => {
    await pushRun();
    // The PR is merged by fast-forward: main now points at the branch's commit.
    server.pulls[0]!.state = 'closed';
    server.git.refs.set('heads/main', server.git.refs.get(`heads/${BRANCH}`)!);
    // A rerun of the run on the old commit finds the same drift and the same edit.
    const run = await pushRun();
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.equal(server.pulls.length, 1, 'no second PR');
    const created = server.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/pulls'));
    assert.equal(created.length, 2, 'GitHub was asked, and refused');
    assert.match(
      run.stdout,
      /open-pr: main already holds the edit on intent-drift\/update \(GitHub: no commits between them\): no pull request opened/,
    );
    assert.equal(run.outputs['pull-request-url'], '');
  });

  test('drift the editor cannot write is named in the log and said in the PR body', async () => {
    // A second client calls nginx too, but its name holds a dot: it cannot have ClientIntents.
    const dir = await demoWorkspace();
    const capture = path.join(dir, 'capture', 'client2.prom');
    const line = (await readFile(capture, 'utf8'))
      .split('\n')
      .find((l) => l.startsWith('istio_requests_total{') && l.includes('request_path="/client2-path"'))!;
    await appendFile(capture, `${line.replaceAll('"client2"', '"web.v2"')}\n`);
    const run = await pushRun({}, dir);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.match(
      run.stdout,
      /^not in the suggested patch: otterize-tutorial-istio-mapping\/web\.v2: a client whose name holds a dot/m,
    );
    assert.equal(server.pulls.length, 1);
    const body = server.pulls[0]!.body;
    assert.match(body, /\| add \| `otterize-tutorial-istio-mapping\/client2` \|/);
    assert.ok(body.includes('**Not all of the drift is in this pull request:**'), body);
    assert.ok(body.includes('(1 reason: '));
  });

  test('drift the editor can write none of: no PR, and the log does not say the intents need no change', async () => {
    const dir = await demoWorkspaceWithJsonClient2();
    const run = await pushRun({}, dir);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.equal(server.pulls.length, 0);
    assert.equal(server.writes().length, 0);
    assert.ok(!run.stdout.includes('need no change'), run.stdout);
    assert.match(
      run.stdout,
      /^open-pr: no pull request: the editor can write none of the drift \(the note above, starting "not in the suggested patch:", says what to edit by hand\)$/m,
    );
  });

  test('on a pull request run: skipped with a line, no branch written, no PR opened', async () => {
    // The checkout is the pull request's merge commit: an update branch made from it would carry
    // the pull request's own changes into the intents PR.
    server.seedCommit('main', {}, BASE_SHA);
    const run = await runAction({
      inputs: { ...DEMO_INPUTS, 'open-pr': 'true', 'fail-on': 'none', comment: 'false' },
      apiUrl,
      workspace,
      event: pullRequestEvent(7),
    });
    assert.equal(run.code, 0, run.stdout);
    assert.match(
      run.stdout,
      /^open-pr: skipped on a pull request run \(use it on push, schedule or workflow_dispatch\)$/m,
    );
    assert.equal(server.pulls.length, 0);
    assert.equal(server.writes().length, 0);
    assert.equal(server.git.refs.has(`heads/${BRANCH}`), false);
    assert.equal(run.outputs['pull-request-url'], '');
  });

  test('no drift, no PR', async () => {
    const run = await pushRun({ intents: 'intents/client.yaml', metrics: 'capture/client.prom' });
    assert.equal(server.pulls.length, 0);
    assert.equal(server.writes().length, 0);
    assert.equal(run.outputs['pull-request-url'], '');
  });
});
