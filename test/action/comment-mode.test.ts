// The fork-safe split: an unprivileged PR run writes the data-only report; a workflow_run
// job on the default branch posts the comment from it, after checking it.
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
  server.pulls.length = 0;
  server.requests.length = 0;
  server.faults.length = 0;
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

const workflowRunEvent = (headSha = HEAD_SHA, origin = { repo: 'someone/shop', branch: 'feature' }) => ({
  action: 'completed',
  workflow_run: {
    head_sha: headSha,
    head_branch: origin.branch,
    head_repository: { full_name: origin.repo },
    event: 'pull_request',
    pull_requests: [],
    html_url: 'https://github.com/acme/shop/actions/runs/99',
  },
});

/** What the comment says when the editor could write none of the drift (client2 kept in JSON). */
const NO_PATCH_NOTE =
  "> **No suggested patch:** the intents editor cannot write this drift (1 reason: see the lines starting `not in the suggested patch:` in the run's log).";

/** The PR run of a fork: read-only token, comment off, the report kept as the artifact. */
async function forkRunArtifact(workspace?: string): Promise<string> {
  server.readOnly = true;
  const run = await runAction({
    inputs: { ...DEMO_INPUTS, comment: 'false' },
    apiUrl,
    ...(workspace === undefined ? {} : { workspace }),
    event: pullRequestEvent(7, { fork: true }),
  });
  server.readOnly = false;
  return readFile(run.outputs.report!, 'utf8');
}

/** GITHUB_SHA of a workflow_run job: the default branch's tip, never the PR's head. */
const DEFAULT_BRANCH_SHA = 'c'.repeat(40);

/** The workflow_run job: `artifact` as report.json (undefined: none downloaded). */
async function commentRun(
  artifact: string | undefined,
  event: Record<string, unknown> = workflowRunEvent(),
  inputs: Record<string, string> = {},
) {
  const workspace = await (await import('../support/run-action.ts')).demoWorkspace();
  if (artifact !== undefined) await writeFile(path.join(workspace, 'report.json'), artifact);
  return runAction({
    inputs: { 'github-token': TOKEN, mode: 'comment', 'report-file': 'report.json', ...inputs },
    apiUrl,
    workspace,
    event,
    eventName: 'workflow_run',
    ref: 'refs/heads/main',
    sha: DEFAULT_BRANCH_SHA,
  });
}

describe('mode: comment', () => {
  test('posts the sticky comment from the PR run’s report, linking at the PR head', async () => {
    const artifact = await forkRunArtifact();
    assert.equal(server.comments.length, 0);
    const run = await commentRun(artifact);
    assert.equal(run.code, 0, run.stdout);
    assert.equal(server.comments.length, 1);
    const body = server.comments[0]!.body;
    assert.ok(body.startsWith('<!-- intent-drift -->'));
    assert.ok(body.includes(`/blob/${HEAD_SHA}/intents/client2.yaml#L19`));
    assert.ok(body.includes('+          - path: /client2-path'), 'carries the suggested patch');
    // The header as the PR run would have written it: the commit checked, the data it observed,
    // the config (none here), and the checking run's page from the workflow_run event.
    assert.ok(
      body.includes(
        `Checked [\`${HEAD_SHA.slice(0, 7)}\`](https://github.com/acme/shop/commit/${HEAD_SHA}) · observed: sidecar metrics from \`capture\` · no config · [workflow run](https://github.com/acme/shop/actions/runs/99)\n`,
      ),
      body.split('\n').slice(0, 5).join('\n'),
    );
    assert.ok(body.includes(`/blob/${HEAD_SHA}/intents/client2.yaml#L13`), 'declare in: the target’s line');
    assert.ok(!body.includes(`/blob/${DEFAULT_BRANCH_SHA}/`), 'never at the commit this job ran on');
    assert.equal(run.outputs.drift, 'true');
    assert.equal(run.outputs.missing, '1');
    assert.equal(run.outputs.stale, '1');
    assert.equal(run.outputs.report, path.join(run.workspace, 'report.json'));
    assert.equal(run.outputs['pull-request-url'], '');
    assert.equal(
      run.outputs['comment-url'],
      `https://github.com/acme/shop/pull/7#issuecomment-${server.comments[0]!.id}`,
    );
    // A second comment run edits the same comment.
    await commentRun(artifact);
    assert.equal(server.comments.length, 1);
  });

  test('GitHub failing after the retries fails this job (exit 2): commenting is all it does, and a rerun repairs it', async () => {
    const artifact = await forkRunArtifact();
    server.faults.push({
      method: 'POST',
      path: /\/issues\/7\/comments$/,
      status: 403,
      body: { message: 'API rate limit exceeded for installation ID 1.', status: '403' },
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Math.floor(Date.now() / 1000)) },
      times: 10,
    });
    const run = await commentRun(artifact);
    server.faults.length = 0;
    assert.equal(run.code, 2, run.stdout);
    assert.match(run.stdout, /::error::intent-drift: GitHub answered 403: API rate limit exceeded/);
    assert.equal(server.comments.length, 0);
  });

  test('drift left out of the suggested patch: said from the artifact; a count that is not one is refused', async () => {
    const artifact = JSON.parse(await forkRunArtifact(await demoWorkspaceWithJsonClient2()));
    const run = await commentRun(JSON.stringify(artifact));
    assert.equal(run.code, 0, run.stdout);
    assert.equal(server.comments.length, 1);
    assert.ok(server.comments[0]!.body.includes(NO_PATCH_NOTE));

    for (const bad of [-1, 1.5, '3', null]) {
      server.comments.length = 0;
      const refused = await commentRun(JSON.stringify({ ...artifact, suggestedPatchLeftOut: bad }));
      assert.equal(refused.code, 2, `${JSON.stringify(bad)}: ${refused.stdout}`);
      assert.match(refused.stdout, /suggestedPatchLeftOut must be an integer ≥ 0/);
      assert.equal(server.comments.length, 0);
    }
  });

  test('refuses a report from another commit than the workflow run’s', async () => {
    const artifact = await forkRunArtifact();
    const run = await commentRun(artifact, workflowRunEvent('f'.repeat(40)));
    assert.equal(run.code, 2, 'bad input, not drift');
    assert.match(run.stdout, /::error::intent-drift: the report is for commit a1b2/);
    assert.equal(server.comments.length, 0);
  });

  test('a report older than the PR head is not posted over a newer one', async () => {
    const artifact = await forkRunArtifact();
    server.pulls[0]!.headSha = 'e'.repeat(40);
    const run = await commentRun(artifact);
    assert.equal(run.code, 0);
    assert.match(run.stdout, /::warning::intent-drift: no comment: the report is for a1b2/);
    assert.equal(server.comments.length, 0);
  });

  test('no report downloaded: exit 2, saying to download the PR run’s artifact first', async () => {
    const run = await commentRun(undefined);
    assert.equal(run.code, 2, run.stdout);
    assert.deepEqual(
      run.stdout.split('\n').filter((l) => l.startsWith('::error::')),
      ['::error::intent-drift: report.json: no report to comment from: download the PR run’s artifact first'],
    );
    assert.equal(server.comments.length, 0);
  });

  test('a workflow_run that names no head repository or branch is refused, a deleted fork’s PR included', async () => {
    const artifact = await forkRunArtifact();
    const { head_repository: _, ...noRepository } = workflowRunEvent().workflow_run;
    const { head_branch: __, ...noBranch } = workflowRunEvent().workflow_run;
    for (const workflow_run of [noRepository, noBranch]) {
      const run = await commentRun(artifact, { action: 'completed', workflow_run });
      assert.equal(run.code, 2, run.stdout);
      assert.match(
        run.stdout,
        /::error::intent-drift: the workflow_run event names no head repository or branch: refusing to comment/,
      );
    }
    // The PR's fork deleted (GitHub answers head.repo: null) and the run naming none: no match.
    server.pulls[0]!.headRepo = null;
    const deleted = await commentRun(artifact, { action: 'completed', workflow_run: noRepository });
    assert.equal(deleted.code, 2, deleted.stdout);
    assert.equal(server.comments.length, 0);
  });

  test('a gate file the API cannot read: the comment goes without the note, with a warning', async () => {
    const artifact = await forkRunArtifact();
    const run = await commentRun(artifact, workflowRunEvent(), { config: '../drift.yaml' });
    assert.equal(run.code, 0, run.stdout);
    assert.match(
      run.stdout,
      /::warning::intent-drift: the comment says nothing of changes to the gate files: config: "\.\.\/drift\.yaml" must be a path inside the repository/,
    );
    assert.equal(server.comments.length, 1);
    assert.ok(!server.comments[0]!.body.includes('**Note:**'));
  });

  test('tampered reports are refused before anything is posted', async () => {
    const report = JSON.parse(await forkRunArtifact());
    // biome-ignore lint/suspicious/noExplicitAny: the tests reach into the report's JSON freely
    const cases: [string, (r: Record<string, any>) => void, RegExp][] = [
      [
        'a path outside the repo',
        (r) => (r.stale[0].file = '../../etc/passwd'),
        /stale\[0\]\.file: not a relative path/,
      ],
      ['a markdown name', (r) => (r.missing[0].client.name = '[x](https://evil)'), /not a Kubernetes name/],
      ['no PR stamp', (r) => delete r.pullRequest, /pullRequest/],
      ['a bad SHA', (r) => (r.pullRequest.headSha = 'HEAD'), /40-digit commit SHA/],
      ['a PR number that is not one', (r) => (r.pullRequest.number = '7; rm'), /pullRequest.number/],
      [
        'a declare-in file outside the repo',
        (r) => (r.missing[0].intentsFile = { file: '/etc/passwd', line: 1 }),
        /missing\[0\]\.intentsFile\.file: not a relative path/,
      ],
      [
        'a config path outside the repo',
        (r) => (r.config = '../../secrets.yaml'),
        /config: not a relative path/,
      ],
      ['an unknown source', (r) => (r.observedFrom.source = 'evil'), /observedFrom\.source must be one of/],
      [
        'a window that is not a time',
        (r) => (r.observedFrom.window = { from: '<b>', to: 'x' }),
        /observedFrom\.window\.from: not a UTC time/,
      ],
      [
        'a since that is not one',
        (r) => (r.observedFrom.since = '[x](http://evil)'),
        /observedFrom\.since: not a duration/,
      ],
      [
        'a patch that is not a diff',
        (r) => (r.suggestedPatch = '<img src=x onerror=alert(1)>'),
        /not a unified diff/,
      ],
    ];
    for (const [what, tamper, message] of cases) {
      const copy = structuredClone(report);
      tamper(copy);
      const run = await commentRun(JSON.stringify(copy));
      assert.equal(run.code, 2, what);
      assert.match(run.stdout, message, what);
    }
    const notJson = await commentRun('{"version": 1, ');
    assert.match(
      notJson.stdout,
      /::error::intent-drift: report.json: not a usable intent-drift report: not JSON/,
    );
    assert.equal(server.comments.length, 0);
  });
});
