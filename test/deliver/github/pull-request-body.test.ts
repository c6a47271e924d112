// The auto-opened PR's body within GitHub's 65,536 characters, however many changes it lists.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { IntentChange } from '../../../src/declare/edit-intents-types.ts';
import { GITHUB_BODY_LIMIT } from '../../../src/deliver/github/comment-body.ts';
import { pullRequestBody } from '../../../src/deliver/github/pull-request-body.ts';

const change = (i: number, pathLength: number): IntentChange => ({
  action: 'add',
  client: { name: 'web', namespace: 'shop' },
  server: 'catalog',
  method: 'GET',
  path: `/${String(i).padStart(6, '0')}${'x'.repeat(pathLength)}`,
  file: 'deploy/intents/web.yaml',
});

test('a few changes: the table and the diff', () => {
  const body = pullRequestBody(
    [change(1, 10)],
    '--- a/x\n+++ b/x\n+a\n',
    'https://github.com/acme/shop/actions/runs/1',
  );
  assert.match(body, /\| add \| `shop\/web` \| `catalog` \| `GET` \| `\/000001x{10}` \|/);
  assert.match(body, /```diff\n--- a\/x/);
});

test('300 changes with long paths: fewer rows, no diff, and the count of the rest, under the limit', () => {
  const changes = Array.from({ length: 300 }, (_, i) => change(i, 400));
  const body = pullRequestBody(changes, `+${'y'.repeat(100_000)}\n`, undefined);
  assert.ok(body.length <= GITHUB_BODY_LIMIT, `${body.length} characters`);
  assert.match(body, /300 added, 0 removed/);
  assert.match(body, /The diff is too long for a PR description/);
  const rows = body.split('\n').filter((l) => l.startsWith('| add |')).length;
  assert.ok(rows > 0 && rows < 300);
  assert.match(body, new RegExp(`… and ${300 - rows} more changes`));
});

test('drift the editor left out is said in the body, short or long, so that no one takes the PR for the whole fix', () => {
  const note =
    "> **Not all of the drift is in this pull request:** the intents editor cannot write some of it (2 reasons: see the lines starting `not in the suggested patch:` in the run's log). Edit those intents by hand.";
  const short = pullRequestBody([change(1, 10)], '--- a/x\n+++ b/x\n+a\n', undefined, 2);
  assert.ok(short.includes(note), short);
  assert.ok(!pullRequestBody([change(1, 10)], '--- a/x\n+++ b/x\n+a\n', undefined).includes('Not all'));
  const long = pullRequestBody(
    Array.from({ length: 300 }, (_, i) => change(i, 400)),
    `+${'y'.repeat(100_000)}\n`,
    undefined,
    1,
  );
  assert.ok(long.length <= GITHUB_BODY_LIMIT);
  assert.ok(long.includes('(1 reason: '), 'kept when rows and the diff give way');
});

test('the run that made the PR is linked when known, and no link is made up when not', () => {
  const patch = '--- a/x\n+++ b/x\n+a\n';
  const linked = pullRequestBody([change(1, 10)], patch, 'https://github.com/acme/shop/actions/runs/7');
  assert.ok(linked.includes('Made by [this run](https://github.com/acme/shop/actions/runs/7).\n'), linked);
  assert.doesNotMatch(linked, / \n/, 'no line ends in a space');
  const unlinked = pullRequestBody([change(1, 10)], patch, undefined);
  assert.ok(!unlinked.includes('Made by'), unlinked);
  assert.ok(!unlinked.includes('undefined'), unlinked);
  assert.ok(unlinked.includes('\nReview it like any change'));
});

test('a backtick run in the patch cannot close the diff fence', () => {
  const patch = '--- a/x.yaml\n+++ b/x.yaml\n@@ -1 +1 @@\n-a\n+# ```` not a fence\n';
  const body = pullRequestBody([change(1, 10)], patch, undefined);
  assert.ok(body.includes('\n`````diff\n--- a/x.yaml\n'), body);
  assert.ok(body.includes('+# ```` not a fence\n`````\n'), body);
});

test('300 changes that fit: every row, and no line for the rest', () => {
  const body = pullRequestBody(
    Array.from({ length: 300 }, (_, i) => change(i, 10)),
    '--- a/x\n+++ b/x\n+a\n',
    undefined,
  );
  assert.equal(body.split('\n').filter((l) => l.startsWith('| add |')).length, 300);
  assert.ok(!body.includes('more changes'), 'none left out');
  assert.match(body, /```diff\n/);
});

test('a removed rule, and rules for any method or any path, read as such', () => {
  const removed: IntentChange = {
    action: 'remove',
    client: { name: 'web', namespace: 'shop' },
    server: 'catalog',
    method: null,
    path: '/items',
    file: 'deploy/intents/web.yaml',
  };
  const anyPath: IntentChange = { ...change(1, 0), method: 'GET', path: null };
  const body = pullRequestBody([removed, anyPath], '--- a/x\n+++ b/x\n-a\n', undefined);
  assert.match(body, /: 1 added, 1 removed\./);
  assert.match(
    body,
    /^\| remove \| `shop\/web` \| `catalog` \| \*any\* \| `\/items` \| `deploy\/intents\/web\.yaml` \|$/m,
  );
  assert.match(
    body,
    /^\| add \| `shop\/web` \| `catalog` \| `GET` \| \*any\* \| `deploy\/intents\/web\.yaml` \|$/m,
  );
});
