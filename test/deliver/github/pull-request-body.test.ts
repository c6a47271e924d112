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
