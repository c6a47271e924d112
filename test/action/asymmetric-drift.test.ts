// The action on fixtures/action-asymmetric (3 covered, 2 missing, 1 stale): every output, count,
// annotation and line carries a figure no other one has, so swapping `missing` and `stale`, or
// counting one for the other, fails here (the demo's 1 missing and 1 stale cannot tell).
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, beforeEach, describe, test } from 'node:test';
import { GitHubApiServer } from '../support/github-api-server.ts';
import {
  ASYMMETRIC_INPUTS,
  asymmetricWorkspace,
  BASE_SHA,
  HEAD_SHA,
  pullRequestEvent,
  runAction,
  TOKEN,
} from '../support/run-action.ts';

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
  server.readOnly = false;
  server.git.refs.clear();
  server.tokens.set(TOKEN, { login: 'github-actions[bot]', kind: 'installation' });
  // The base commit a pull request's gate reads its config from (here: none).
  server.seedCommit('main', {}, BASE_SHA);
});

const lines = (stdout: string, prefix: string) => stdout.split('\n').filter((l) => l.startsWith(prefix));

describe('the action on 3 covered, 2 missing, 1 stale', () => {
  test('outputs, the failing line, annotations, summary, comment and report each carry their own figure', async () => {
    const run = await runAction({
      inputs: ASYMMETRIC_INPUTS,
      apiUrl,
      workspace: await asymmetricWorkspace(),
    });
    assert.equal(run.code, 1);
    assert.deepEqual(
      [run.outputs.drift, run.outputs.missing, run.outputs.stale],
      ['true', '2', '1'],
      'drift, missing, stale',
    );
    assert.deepEqual(lines(run.stdout, '::error::'), [
      '::error::intent-drift: 2 missing, 1 stale (fail-on: missing); see the job summary',
    ]);
    const missing = lines(run.stdout, '::error title=intent-drift%3A missing intent');
    const stale = lines(run.stdout, '::warning title=intent-drift%3A stale intent');
    assert.deepEqual(
      missing.map((l) =>
        /file=([^,]+),line=(\d+)::.*: (\w+ \S+) is called but not declared/.exec(l)?.slice(1),
      ),
      // At the target that names the server (catalog, queue): where the rule goes.
      [
        ['intents/web.yaml', '12', 'POST /orders'],
        ['intents/worker.yaml', '12', 'DELETE /jobs/done'],
      ],
    );
    assert.deepEqual(
      stale.map((l) =>
        /file=([^,]+),line=(\d+)::.*: (\w+ \S+) is declared but was never called/.exec(l)?.slice(1),
      ),
      [['intents/web.yaml', '24', 'PUT /profile']],
    );
    assert.ok(run.summary.includes('intent-drift: 2 missing, 1 stale'));
    assert.ok(run.summary.includes('3 covered · 5 calls observed · 4 rules declared'));
    assert.ok(run.summary.includes('#### Missing (called, not declared): 2 calls of 2 clients'));
    assert.ok(run.summary.includes('#### Stale (declared, never called): 1 rule of 1 client'));
    const comment = server.comments[0]!.body;
    assert.ok(comment.includes('### ❌ intent-drift: 2 missing, 1 stale'));
    assert.ok(comment.includes('| `POST /orders` |') && comment.includes('| `DELETE /jobs/done` |'));
    const report = JSON.parse(await readFile(run.outputs.report!, 'utf8'));
    assert.deepEqual(
      [report.summary.covered, report.summary.missing, report.summary.stale, report.summary.observed],
      [3, 2, 1, 5],
    );
    assert.deepEqual(
      report.missing.map((c: { path: string }) => c.path),
      ['/orders', '/jobs/done'],
    );
    assert.deepEqual(
      report.stale.map((r: { path: string }) => r.path),
      ['/profile'],
    );
  });

  test('fail-on picks which count fails the step, and its line names both counts', async () => {
    const workspace = await asymmetricWorkspace();
    const cases: [string, number, string[]][] = [
      ['stale', 1, ['::error::intent-drift: 2 missing, 1 stale (fail-on: stale); see the job summary']],
      ['any', 1, ['::error::intent-drift: 2 missing, 1 stale (fail-on: any); see the job summary']],
      ['none', 0, []],
    ];
    for (const [failOn, code, errors] of cases) {
      const run = await runAction({
        inputs: { ...ASYMMETRIC_INPUTS, 'fail-on': failOn, comment: 'false' },
        apiUrl,
        workspace,
      });
      assert.equal(run.code, code, failOn);
      assert.deepEqual(lines(run.stdout, '::error::'), errors, failOn);
      assert.deepEqual([run.outputs.missing, run.outputs.stale], ['2', '1'], failOn);
    }
  });

  test('mode: comment posts the report’s counts, not its own', async () => {
    server.addPull({
      number: 7,
      title: 'feature',
      body: '',
      head: 'feature',
      base: 'main',
      headSha: HEAD_SHA,
    });
    server.readOnly = true;
    const forkRun = await runAction({
      inputs: { ...ASYMMETRIC_INPUTS, comment: 'false' },
      apiUrl,
      workspace: await asymmetricWorkspace(),
      event: pullRequestEvent(7, { fork: true }),
    });
    server.readOnly = false;
    const workspace = await asymmetricWorkspace();
    await writeFile(path.join(workspace, 'report.json'), await readFile(forkRun.outputs.report!, 'utf8'));
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
    assert.deepEqual([run.outputs.drift, run.outputs.missing, run.outputs.stale], ['true', '2', '1']);
    assert.ok(server.comments[0]?.body.includes('intent-drift: 2 missing, 1 stale'));
  });

  test('open-pr declares the 2 missing calls; prune-stale also removes the 1 stale rule', async () => {
    const workspace = await asymmetricWorkspace();
    const files: Record<string, string> = {};
    for (const name of ['web.yaml', 'worker.yaml']) {
      files[`intents/${name}`] = await readFile(path.join(workspace, 'intents', name), 'utf8');
    }
    const baseSha = server.seedCommit('main', files);
    const push = (inputs: Record<string, string>) =>
      runAction({
        inputs: { ...ASYMMETRIC_INPUTS, 'open-pr': 'true', 'fail-on': 'none', ...inputs },
        apiUrl,
        workspace,
        event: { ref: 'refs/heads/main', after: baseSha },
        eventName: 'push',
        sha: baseSha,
        ref: 'refs/heads/main',
      });
    const commitMessage = () =>
      server.git.commits.get(server.git.refs.get('heads/intent-drift/update')!)?.message;
    const run = await push({});
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.equal(commitMessage(), 'intent-drift: declare 2 observed calls, remove 0 stale rules');
    const rows = (body: string, action: string) =>
      body.split('\n').filter((l) => l.startsWith(`| ${action} |`));
    assert.equal(rows(server.pulls[0]!.body, 'add').length, 2);
    assert.equal(rows(server.pulls[0]!.body, 'remove').length, 0);
    await push({ 'prune-stale': 'true' });
    assert.equal(commitMessage(), 'intent-drift: declare 2 observed calls, remove 1 stale rules');
    assert.equal(rows(server.pulls[0]!.body, 'remove').length, 1);
    assert.ok(!server.filesAt('intent-drift/update')['intents/web.yaml']!.includes('- path: /profile'));
  });
});
