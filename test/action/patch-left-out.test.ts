// Drift the intents editor cannot write (here: a client whose ClientIntents are JSON) is left out
// of the suggested patch with a note in the log; the comment says so, in both the PR run and the
// fork-safe comment job, so that no one takes the patch for the whole fix.
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, beforeEach, describe, test } from 'node:test';
import { GitHubApiServer } from '../support/github-api-server.ts';
import {
  BASE_SHA,
  DEMO_INPUTS,
  demoWorkspaceWithJsonClient2,
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
  server.requests.length = 0;
  server.readOnly = false;
  server.tokens.set(TOKEN, { login: 'github-actions[bot]', kind: 'installation' });
  server.seedCommit('main', {}, BASE_SHA);
  server.seedCommit('feature', {}, HEAD_SHA);
  server.addPull({
    number: 7,
    title: 'feature',
    body: '',
    head: 'feature',
    base: 'main',
    headSha: HEAD_SHA,
    baseSha: BASE_SHA,
    headRepo: 'someone/shop',
  });
});

const NOTE =
  "> **No suggested patch:** the intents editor cannot write this drift (1 reason: see the lines starting `not in the suggested patch:` in the run's log).";

describe('drift left out of the suggested patch', () => {
  test('the PR run: the log names it, the comment and the summary say so, the report carries the count', async () => {
    const workspace = await demoWorkspaceWithJsonClient2();
    const run = await runAction({ inputs: DEMO_INPUTS, apiUrl, workspace });
    assert.equal(run.code, 1, run.stderr);
    assert.match(
      run.stdout,
      /^not in the suggested patch: client2: its ClientIntents are JSON \(intents\/client2\.json\); edit them by hand$/m,
    );
    assert.equal(server.comments.length, 1);
    const body = server.comments[0]!.body;
    assert.ok(body.includes(NOTE), body);
    assert.ok(!body.includes('Suggested patch of the intents'), 'there is no patch to show');
    assert.ok(run.summary.includes(NOTE));
    const report = JSON.parse(await readFile(run.outputs.report!, 'utf8'));
    assert.equal(report.suggestedPatchLeftOut, 1);
    assert.equal(report.suggestedPatch, undefined);
  });

  test('the comment job says it from the artifact, and refuses a count that is not one', async () => {
    const workspace = await demoWorkspaceWithJsonClient2();
    server.readOnly = true;
    const prRun = await runAction({
      inputs: { ...DEMO_INPUTS, comment: 'false' },
      apiUrl,
      workspace,
      event: pullRequestEvent(7, { fork: true }),
    });
    server.readOnly = false;
    const artifact = JSON.parse(await readFile(prRun.outputs.report!, 'utf8'));
    const commentRun = async (report: unknown) => {
      await writeFile(path.join(workspace, 'report.json'), JSON.stringify(report));
      return runAction({
        inputs: { 'github-token': TOKEN, mode: 'comment', 'report-file': 'report.json' },
        apiUrl,
        workspace,
        event: {
          action: 'completed',
          workflow_run: {
            head_sha: HEAD_SHA,
            head_branch: 'feature',
            head_repository: { full_name: 'someone/shop' },
            event: 'pull_request',
            pull_requests: [],
            html_url: 'https://github.com/acme/shop/actions/runs/99',
          },
        },
        eventName: 'workflow_run',
        ref: 'refs/heads/main',
      });
    };
    const run = await commentRun(artifact);
    assert.equal(run.code, 0, run.stdout);
    assert.equal(server.comments.length, 1);
    assert.ok(server.comments[0]!.body.includes(NOTE));

    for (const bad of [-1, 1.5, '3', null]) {
      server.comments.length = 0;
      const refused = await commentRun({ ...artifact, suggestedPatchLeftOut: bad });
      assert.equal(refused.code, 2, `${JSON.stringify(bad)}: ${refused.stdout}`);
      assert.match(refused.stdout, /suggestedPatchLeftOut must be an integer ≥ 0/);
      assert.equal(server.comments.length, 0);
    }
  });
});
