// The action on a pull request, run as a runner runs it, against the GitHub stand-in.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, beforeEach, describe, test } from 'node:test';
import { GitHubApiServer } from '../support/github-api-server.ts';
import { assertGolden, UPDATING_GOLDEN } from '../support/golden.ts';
import {
  type ActionRun,
  BASE_SHA,
  DEMO_INPUTS,
  demoWorkspace,
  demoWorkspaceWithJsonClient2,
  HEAD_SHA,
  pullRequestEvent,
  runAction,
  TOKEN,
} from '../support/run-action.ts';

const dist = path.resolve(import.meta.dirname, '..', '..', 'dist', 'index.js');
const golden = path.resolve(import.meta.dirname, '..', 'golden', 'action', 'demo-comment.md');
let server: GitHubApiServer;
let apiUrl: string;

before(async () => {
  server = new GitHubApiServer();
  apiUrl = await server.start();
});
after(() => server.stop());
beforeEach(() => {
  // The pull request's base commit, where the gate's config is read (it has none here).
  server.seedCommit('main', {}, BASE_SHA);
  server.comments.length = 0;
  server.requests.length = 0;
  server.faults.length = 0;
  server.readOnly = false;
  server.maxBodyLength = 65_536;
  server.tokens.clear();
  server.tokens.set(TOKEN, { login: 'github-actions[bot]', kind: 'installation' });
});

/** What the comment says when the editor could write none of the drift (client2 kept in JSON). */
const NO_PATCH_NOTE =
  "> **No suggested patch:** the intents editor cannot write this drift (1 reason: see the lines starting `not in the suggested patch:` in the run's log).";

const ours = () => server.comments.filter((c) => c.user.login === 'github-actions[bot]');
const errorLines = (stdout: string) => stdout.split('\n').filter((l) => l.startsWith('::error::'));

describe('the sticky comment on a pull request', () => {
  test('first run: one comment, outputs, summary, annotations, and the step fails on missing', async () => {
    const run = await runAction({ inputs: DEMO_INPUTS, apiUrl });
    assert.equal(run.code, 1);
    assert.deepEqual(errorLines(run.stdout), [
      '::error::intent-drift: 1 missing, 1 stale (fail-on: missing); see the job summary',
    ]);
    assert.equal(ours().length, 1);
    const comment = ours()[0]!;
    assert.ok(comment.body.startsWith('<!-- intent-drift -->\n'));
    assert.equal(run.outputs.drift, 'true');
    assert.equal(run.outputs.missing, '1');
    assert.equal(run.outputs.stale, '1');
    assert.equal(
      run.outputs['comment-url'],
      `https://github.com/acme/shop/pull/7#issuecomment-${comment.id}`,
    );
    assert.equal(run.outputs['pull-request-url'], '');
    // The job summary holds the same report (without the link back to itself).
    assert.ok(run.summary.includes('| `client2.otterize-tutorial-istio-mapping` |'));
    assert.ok(run.summary.includes('+          - path: /client2-path'));
    assert.match(
      run.stdout,
      /^::warning title=intent-drift%3A stale intent,file=intents\/client2.yaml,line=19::/m,
    );
    assert.match(
      run.stdout,
      /^::error title=intent-drift%3A missing intent,file=intents\/client2.yaml,line=\d+::/m,
    );
    const report = JSON.parse(await readFile(run.outputs.report!, 'utf8'));
    assert.deepEqual(report.pullRequest, { number: 7, headSha: HEAD_SHA });
    assert.equal(report.summary.missing, 1);
    assert.ok(!run.stdout.includes(TOKEN) && !run.stderr.includes(TOKEN), 'the token is never printed');
  });

  test('drift left out of the suggested patch: the log names it, the comment and the summary say so, the report carries the count', async () => {
    const workspace = await demoWorkspaceWithJsonClient2();
    const run = await runAction({ inputs: DEMO_INPUTS, apiUrl, workspace });
    assert.equal(run.code, 1, run.stderr);
    assert.match(
      run.stdout,
      /^not in the suggested patch: client2: its ClientIntents are JSON \(intents\/client2\.json\); edit them by hand$/m,
    );
    assert.equal(ours().length, 1);
    const body = ours()[0]!.body;
    assert.ok(body.includes(NO_PATCH_NOTE), body);
    assert.ok(!body.includes('Suggested patch of the intents'), 'there is no patch to show');
    assert.ok(run.summary.includes(NO_PATCH_NOTE));
    const report = JSON.parse(await readFile(run.outputs.report!, 'utf8'));
    assert.equal(report.suggestedPatchLeftOut, 1);
    assert.equal(report.suggestedPatch, undefined);
  });

  test('lines are linked at the merge commit when the workspace holds it, else at the head', async () => {
    // actions/checkout on pull_request checks out refs/pull/N/merge, which is GITHUB_SHA: the
    // line numbers come from there, and may differ from the head's when the base changed a file.
    const workspace = await demoWorkspace();
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], {
        cwd: workspace,
        encoding: 'utf8',
      }).trim();
    git('init', '-q');
    git('add', '-A');
    git('commit', '-q', '-m', 'merge of the pull request into main');
    const merge = git('rev-parse', 'HEAD');
    const checkedHeader = `Checked [\`${HEAD_SHA.slice(0, 7)}\`](https://github.com/acme/shop/commit/${HEAD_SHA})`;

    const run = await runAction({ inputs: DEMO_INPUTS, apiUrl, workspace, sha: merge });
    assert.equal(run.code, 1, run.stderr);
    let body = ours()[0]!.body;
    assert.ok(body.includes(`/blob/${merge}/intents/client2.yaml#L19`), body);
    assert.ok(!body.includes(`/blob/${HEAD_SHA}/`), 'a line linked at the head, read from the merge commit');
    assert.ok(run.summary.includes(`/blob/${merge}/intents/client2.yaml#L19`));
    assert.ok(body.includes(checkedHeader), 'the header names the pull request head');

    // The head checked out explicitly (the workspace is not at GITHUB_SHA): links at the head.
    server.comments.length = 0;
    await runAction({ inputs: DEMO_INPUTS, apiUrl, workspace, sha: 'f'.repeat(40) });
    body = ours()[0]!.body;
    assert.ok(body.includes(`/blob/${HEAD_SHA}/intents/client2.yaml#L19`), body);
    assert.ok(!body.includes(`/blob/${merge}/`));
  });

  test('the demo comment matches the golden file', async () => {
    await runAction({ inputs: DEMO_INPUTS, apiUrl });
    await assertGolden('test/golden/action/demo-comment.md', ours()[0]!.body);
  });

  test('a second run edits our comment in place; an unchanged body is not written again', async () => {
    const old = server.addComment(7, '<!-- intent-drift -->\nold report', {
      login: 'github-actions[bot]',
      type: 'Bot',
    });
    await runAction({ inputs: DEMO_INPUTS, apiUrl });
    assert.equal(ours().length, 1);
    assert.notEqual(ours()[0]!.body, 'old report');
    assert.equal(ours()[0]!.id, old.id);
    const patches = () => server.requests.filter((r) => r.method === 'PATCH').length;
    assert.equal(patches(), 1);
    const again = await runAction({ inputs: DEMO_INPUTS, apiUrl });
    assert.equal(ours().length, 1);
    assert.equal(patches(), 1, 'same body: no second write');
    assert.equal(again.outputs['comment-url'], `https://github.com/acme/shop/pull/7#issuecomment-${old.id}`);
  });

  test('a marker planted by someone else is never edited; ours is found on a later page', async () => {
    const planted = '<!-- intent-drift -->\nplanted by someone else';
    server.addComment(7, planted, { login: 'mallory', type: 'User' });
    for (let i = 0; i < 120; i++) server.addComment(7, `chatter ${i}`, { login: 'dev', type: 'User' });
    const mine = server.addComment(7, '<!-- intent-drift -->\nold', {
      login: 'github-actions[bot]',
      type: 'Bot',
    });
    await runAction({ inputs: DEMO_INPUTS, apiUrl });
    assert.equal(server.comments.find((c) => c.user.login === 'mallory')?.body, planted);
    assert.equal(ours().length, 1);
    assert.equal(ours()[0]!.id, mine.id);
    const pages = server.requests.filter((r) => r.method === 'GET' && r.path.endsWith('/issues/7/comments'));
    assert.equal(pages.length, 2, 'followed the Link header to page 2');
    assert.equal(pages[0]!.query.get('per_page'), '100');
  });

  test('GitHub would let our token edit the planted comment: only our author check stops it', async () => {
    const planted = server.addComment(7, '<!-- intent-drift -->\nplanted', {
      login: 'mallory',
      type: 'User',
    });
    const edited = await fetch(`${apiUrl}/repos/acme/shop/issues/comments/${planted.id}`, {
      method: 'PATCH',
      headers: { authorization: `token ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ body: '<!-- intent-drift -->\nprobe' }),
    });
    assert.equal(edited.status, 200, 'a token with write access edits anyone’s comment');
    planted.body = '<!-- intent-drift -->\nplanted';
    server.requests.length = 0;
    await runAction({ inputs: DEMO_INPUTS, apiUrl });
    assert.equal(planted.body, '<!-- intent-drift -->\nplanted');
    assert.ok(!server.requests.some((r) => r.method === 'PATCH'), 'no edit was even tried');
    assert.equal(ours().length, 1);
  });

  test('a token GraphQL refuses `viewer` (HTTP 200, FORBIDDEN): the fallback login, and the run fails only for drift', async () => {
    server.tokens.set(TOKEN, { login: 'github-actions[bot]', kind: 'installation', viewerForbidden: true });
    const run = await runAction({ inputs: DEMO_INPUTS, apiUrl });
    assert.equal(run.code, 1);
    assert.deepEqual(errorLines(run.stdout), [
      '::error::intent-drift: 1 missing, 1 stale (fail-on: missing); see the job summary',
    ]);
    assert.match(run.stdout, /commenting as github-actions\[bot\] \(identity from fallback\)/);
    assert.equal(ours().length, 1);
    await runAction({ inputs: DEMO_INPUTS, apiUrl });
    assert.equal(ours().length, 1, 'found again and edited, not duplicated');
  });

  test('with only someone else’s marker, a new comment of ours is created', async () => {
    server.addComment(7, '<!-- intent-drift -->\nplanted', { login: 'mallory', type: 'User' });
    await runAction({ inputs: DEMO_INPUTS, apiUrl });
    assert.equal(server.comments.length, 2);
    assert.equal(ours().length, 1);
  });

  test('a personal token is identified by GET /user', async () => {
    server.tokens.set(TOKEN, { login: 'octo-bot', kind: 'user' });
    server.addComment(7, '<!-- intent-drift -->\nold', { login: 'octo-bot', type: 'User' });
    await runAction({ inputs: DEMO_INPUTS, apiUrl });
    assert.equal(server.comments.length, 1);
    assert.ok(!server.requests.some((r) => r.path === '/graphql'));
  });

  test('a fork’s read-only token: one warning, no comment, everything else delivered', async () => {
    server.readOnly = true;
    const run = await runAction({ inputs: DEMO_INPUTS, apiUrl, event: pullRequestEvent(7, { fork: true }) });
    assert.equal(server.comments.length, 0);
    const warnings = run.stdout.split('\n').filter((l) => l.startsWith('::warning::'));
    assert.equal(warnings.length, 1);
    assert.match(warnings[0]!, /no PR comment: the token may not write/);
    assert.match(warnings[0]!, /\(GitHub answered 403: Resource not accessible by integration\)$/);
    assert.equal(run.outputs['comment-url'], '');
    assert.equal(run.outputs.missing, '1');
    assert.ok(run.summary.includes('intent-drift: 1 missing, 1 stale'));
    assert.ok(JSON.parse(await readFile(run.outputs.report!, 'utf8')).summary.drift);
    assert.equal(run.code, 1, 'fails for the drift only');
    const lenient = await runAction({
      inputs: { ...DEMO_INPUTS, 'fail-on': 'none' },
      apiUrl,
      event: pullRequestEvent(7, { fork: true }),
    });
    assert.equal(lenient.code, 0);
  });

  test('a 502 after GitHub created the comment: it is found, not posted twice', async () => {
    // The retry plugin retried the POST, and a gateway error that came after the write made a
    // second sticky comment; a 502 with no comment made still gets one comment.
    for (const afterWrite of [true, false]) {
      server.comments.length = 0;
      server.faults.push({
        method: 'POST',
        path: /\/issues\/7\/comments$/,
        status: 502,
        body: { message: 'Server Error' },
        afterWrite,
      });
      const run = await runAction({ inputs: DEMO_INPUTS, apiUrl });
      assert.equal(run.code, 1, run.stdout);
      assert.equal(server.comments.length, 1, `afterWrite ${afterWrite}: ${server.comments.length} comments`);
      assert.ok(server.comments[0]!.body.includes('1 missing'), server.comments[0]!.body.slice(0, 200));
    }
  });

  test('a locked conversation (403): no comment, and the warning quotes GitHub', async () => {
    server.faults.push({
      method: 'POST',
      path: /\/issues\/7\/comments$/,
      status: 403,
      body: { message: 'Unable to create comment because issue is locked.', status: '403' },
    });
    const run = await runAction({ inputs: DEMO_INPUTS, apiUrl });
    assert.equal(run.code, 1);
    const warnings = run.stdout
      .split('\n')
      .filter((l) => l.startsWith('::warning::intent-drift: no PR comment'));
    assert.equal(warnings.length, 1);
    assert.match(
      warnings[0]!,
      /\(GitHub answered 403: Unable to create comment because issue is locked\.\)$/,
    );
  });

  test('GitHub’s 422 for a too-long body: a short comment instead, with a warning', async () => {
    server.maxBodyLength = 1500;
    const run = await runAction({ inputs: DEMO_INPUTS, apiUrl });
    assert.equal(ours().length, 1);
    assert.ok(ours()[0]!.body.length <= 1500);
    assert.ok(ours()[0]!.body.startsWith('<!-- intent-drift -->'));
    assert.match(run.stdout, /refused the comment as too long/);
  });

  test('rate limits: a primary (403, remaining 0) and a secondary (429) limit are waited out', async () => {
    const comments = /\/issues\/7\/comments$/;
    server.faults.push(
      {
        method: 'GET',
        path: comments,
        status: 403,
        body: {
          message: 'API rate limit exceeded for installation ID 1.',
          documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api',
          status: '403',
        },
        headers: {
          'x-ratelimit-remaining': '0',
          'x-ratelimit-limit': '1000',
          'x-ratelimit-reset': String(Math.floor(Date.now() / 1000)),
        },
      },
      {
        method: 'POST',
        path: comments,
        status: 429,
        body: {
          message:
            'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
          documentation_url:
            'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
          status: '429',
        },
        headers: { 'retry-after': '1' },
      },
    );
    const run = await runAction({ inputs: DEMO_INPUTS, apiUrl });
    assert.equal(server.faults.length, 0, 'both faults fired');
    assert.equal(ours().length, 1);
    assert.equal(server.requests.filter((r) => r.method === 'POST' && comments.test(r.path)).length, 2);
    assert.match(run.stdout, /primary rate limit on GET/);
    assert.match(run.stdout, /secondary rate limit on POST/);
  });

  test('a rate limit that outlasts the waits, or GitHub failing after the retries: no comment, one warning, the check’s own verdict', async () => {
    const limited = {
      method: 'POST',
      path: /\/issues\/7\/comments$/,
      status: 403,
      body: { message: 'API rate limit exceeded for installation ID 1.', status: '403' },
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Math.floor(Date.now() / 1000)) },
      times: 10,
    };
    const noComment = (run: ActionRun) =>
      run.stdout.split('\n').filter((l) => l.startsWith('::warning::intent-drift: no PR comment'));
    server.faults.push({ ...limited });
    const drift = await runAction({ inputs: DEMO_INPUTS, apiUrl });
    assert.equal(drift.code, 1, 'fails for the drift, not for the comment');
    assert.deepEqual(errorLines(drift.stdout), [
      '::error::intent-drift: 1 missing, 1 stale (fail-on: missing); see the job summary',
    ]);
    assert.equal(noComment(drift).length, 1);
    assert.match(noComment(drift)[0]!, /GitHub answered 403: API rate limit exceeded/);
    assert.equal(drift.outputs['comment-url'], '');
    assert.ok(drift.summary.includes('intent-drift: 1 missing, 1 stale'));
    server.faults.length = 0;
    server.faults.push({ ...limited });
    const lenient = await runAction({ inputs: { ...DEMO_INPUTS, 'fail-on': 'none' }, apiUrl });
    assert.equal(lenient.code, 0, 'a comment GitHub would not take fails no check that passed');
    server.faults.length = 0;
    server.faults.push({ ...limited, status: 502, body: { message: 'Server Error' }, headers: {} });
    const outage = await runAction({ inputs: DEMO_INPUTS, apiUrl });
    assert.equal(outage.code, 1);
    assert.match(noComment(outage)[0] ?? '', /GitHub answered 502: Server Error/);
    assert.equal(ours().length, 0);
  });

  test('a comment GitHub refuses for good (a 404, no retry helps) fails the step with its words, not a warning', async () => {
    server.faults.push({
      method: 'POST',
      path: /\/issues\/7\/comments$/,
      status: 404,
      body: { message: 'Not Found' },
      times: 1,
    });
    const run = await runAction({ inputs: { ...DEMO_INPUTS, 'fail-on': 'none' }, apiUrl });
    assert.equal(run.code, 2, run.stdout);
    assert.match(run.stdout, /^::error::intent-drift: GitHub answered 404: Not Found$/m);
    assert.doesNotMatch(run.stdout, /no PR comment/);
    assert.equal(ours().length, 0);
  });

  test('comment: false writes no comment; its only API calls read the base commit’s gate', async () => {
    const run = await runAction({ inputs: { ...DEMO_INPUTS, comment: 'false' }, apiUrl });
    assert.deepEqual(
      server.requests.map((r) => `${r.method} ${r.path}?${r.query}`),
      [`GET /repos/acme/shop/contents/.intent-drift.yaml?ref=${BASE_SHA}`],
    );
    assert.equal(run.outputs.missing, '1');
  });

  test('bad inputs and live clusters fail with one clear line', async () => {
    const kind = await runAction({ inputs: { ...DEMO_INPUTS, cluster: 'kind' }, apiUrl });
    assert.equal(kind.code, 2, 'exit 1 is drift and nothing else');
    assert.deepEqual(errorLines(kind.stdout), [
      '::error::intent-drift: metrics: files are not read with cluster: kind, which reads the cluster live; drop one of them',
    ]);
    const bad = await runAction({ inputs: { ...DEMO_INPUTS, 'fail-on': 'sometimes' }, apiUrl });
    assert.equal(bad.code, 2);
    assert.deepEqual(errorLines(bad.stdout), [
      "::error::intent-drift: fail-on must be one of missing, stale, any, none (got 'sometimes')",
    ]);
  });

  test('the bundled dist/index.js posts the same comment', {
    skip: (!existsSync(dist) && 'dist/ is not built') || (UPDATING_GOLDEN && 'updating golden files'),
  }, async () => {
    const run = await runAction({ inputs: DEMO_INPUTS, apiUrl, entry: dist });
    assert.equal(run.code, 1);
    assert.equal(ours().length, 1);
    assert.equal(ours()[0]!.body, await readFile(golden, 'utf8'));
  });
});
