// The comment always fits GitHub's limit, the patch is fenced so it cannot break out, and
// annotations stop at what GitHub shows.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { driftAnnotations } from '../../../src/deliver/github/annotations.ts';
import { commentBody, GITHUB_BODY_LIMIT, jobSummary } from '../../../src/deliver/github/comment-body.ts';
import type { Drift, MissingCall, StaleRule } from '../../../src/model.ts';

const ref = (name: string) => ({ name, namespace: 'shop' });

function driftOf(missing: number, stale: number): Drift {
  const calls: MissingCall[] = Array.from({ length: missing }, (_, i) => ({
    client: ref(`client-${i % 7}`),
    server: ref('orders'),
    method: 'GET',
    path: `/orders/${'x'.repeat(40)}/${i}`,
    count: i + 1,
    protocol: 'http',
    wouldBeBlocked: true,
    // computeDrift points a missing call at its client's ClientIntents (only client-0 has one).
    ...(i % 7 === 0 ? { intentsFile: { file: 'intents/client-0.yaml', line: 2 } } : {}),
  }));
  const rules: StaleRule[] = Array.from({ length: stale }, (_, i) => ({
    client: ref('client-0'),
    server: ref('orders'),
    targetType: 'kubernetes',
    method: 'POST',
    path: `/old/${i}`,
    file: 'intents/client-0.yaml',
    line: 10 + i,
    reason: 'path-not-called',
  }));
  return {
    missing: calls,
    stale: rules,
    covered: [],
    notChecked: [],
    unattributed: [],
    external: [],
    ignored: [],
    warnings: [],
    summary: {
      observed: missing,
      declared: stale,
      covered: 0,
      missing,
      stale,
      notChecked: 0,
      ignored: 0,
      drift: missing + stale > 0,
    },
  };
}

describe('commentBody', () => {
  test('a huge drift is cut under 65,536 characters with a note; the summary keeps it all', () => {
    const drift = driftOf(3000, 500);
    const patch = `--- a/x.yaml\n+++ b/x.yaml\n@@ -1,1 +1,2 @@\n a\n+${'b'.repeat(100)}\n`;
    const body = commentBody(drift, {
      suggestedPatch: patch,
      runUrl: 'https://github.com/acme/shop/actions/runs/1',
    });
    assert.ok(body.length <= GITHUB_BODY_LIMIT, `${body.length}`);
    assert.ok(body.startsWith('<!-- intent-drift -->'));
    assert.match(body, /Cut to fit a GitHub comment/);
    assert.ok(body.includes('```diff\n--- a/x.yaml'), 'the small patch still fits');
    // The run (where the job summary holds everything) is linked in the header line.
    assert.match(body, /^[^\n]*\[workflow run\]\(https:\/\/github\.com\/acme\/shop\/actions\/runs\/1\)$/m);
    const summary = jobSummary(drift, {
      suggestedPatch: patch,
      runUrl: 'https://github.com/acme/shop/actions/runs/1',
    });
    assert.ok(summary.includes('/orders/' + 'x'.repeat(40) + '/2999'));
    assert.ok(!summary.includes('[workflow run]'), 'the summary is in the run already');
  });

  test('a patch too long for a comment is replaced by a note', () => {
    const patch = `--- a/x.yaml\n+++ b/x.yaml\n@@ -1,1 +1,2 @@\n${'+line\n'.repeat(10_000)}`;
    const body = commentBody(driftOf(1, 0), { suggestedPatch: patch });
    assert.ok(body.length <= GITHUB_BODY_LIMIT);
    assert.match(
      body,
      /The suggested patch \(10004 lines\) is too long for a comment: it is in the job summary\./,
    );
  });

  test('drift left out of the patch is said under it, and counts against the limit', () => {
    const patch = `--- a/x.yaml\n+++ b/x.yaml\n@@ -1,1 +1,2 @@\n a\n+b\n`;
    const note =
      "> **Not all of the drift is in the suggested patch:** the intents editor cannot write some of it (2 reasons: see the lines starting `not in the suggested patch:` in the run's log).";
    const body = commentBody(driftOf(1, 0), { suggestedPatch: patch, patchLeftOut: 2 });
    assert.ok(body.indexOf(note) > body.indexOf('```diff'), body);
    assert.ok(!commentBody(driftOf(1, 0), { suggestedPatch: patch }).includes('Not all of the drift'));
    assert.ok(!commentBody(driftOf(1, 0), { suggestedPatch: patch, patchLeftOut: 0 }).includes('> **'));
    // With a huge drift the rows give way, never the note.
    const cut = commentBody(driftOf(3000, 500), { suggestedPatch: patch, patchLeftOut: 1 });
    assert.ok(cut.length <= GITHUB_BODY_LIMIT, `${cut.length}`);
    assert.match(cut, /Cut to fit a GitHub comment/);
    assert.ok(cut.includes('(1 reason: '));
  });

  test('backticks in the patch get a longer fence', () => {
    const patch = '--- a/x.yaml\n+++ b/x.yaml\n@@ -1,1 +1,1 @@\n-a\n+# ````` not a fence\n';
    const body = commentBody(driftOf(1, 0), { suggestedPatch: patch });
    assert.ok(body.includes('``````diff\n'));
    assert.ok(body.includes('\n``````\n'));
  });
});

describe('jobSummary', () => {
  test('stays under 1 MiB counted in bytes, even when every character takes three', () => {
    const drift = driftOf(6000, 0);
    // CJK paths: one UTF-16 unit, three UTF-8 bytes each.
    for (const [i, call] of drift.missing.entries()) call.path = `/订单/${'数据'.repeat(150)}/${i}`;
    const summary = jobSummary(drift, { suggestedPatch: '' });
    const bytes = Buffer.byteLength(summary, 'utf8');
    assert.ok(bytes <= 1024 * 1024, `${bytes} bytes`);
    assert.ok(bytes > 900_000, `${bytes} bytes: the room is used`);
    assert.match(summary, /Cut to fit a GitHub comment|more not shown here/);
  });

  test('a patch too long even for the summary points at the JSON report, not at the summary itself', () => {
    const patch = `--- a/x.yaml\n+++ b/x.yaml\n@@ -1,1 +1,2 @@\n${'+line\n'.repeat(200_000)}`;
    const summary = jobSummary(driftOf(1, 0), { suggestedPatch: patch });
    assert.ok(Buffer.byteLength(summary, 'utf8') <= 1024 * 1024);
    assert.match(
      summary,
      /The suggested patch \(200004 lines\) is too long for the job summary: it is in the JSON report\./,
    );
    assert.doesNotMatch(summary, /in the job summary|for a comment/);
  });
});

describe('driftAnnotations', () => {
  test('ten errors and ten warnings at most, then one notice with the rest', () => {
    const annotations = driftAnnotations(driftOf(14, 12));
    assert.equal(annotations.filter((a) => a.level === 'error').length, 10);
    assert.equal(annotations.filter((a) => a.level === 'warning').length, 10);
    const notices = annotations.filter((a) => a.level === 'notice');
    assert.deepEqual(
      notices.map((n) => n.message),
      ['4 more missing and 2 more stale not annotated: see the job summary'],
    );
    const first = annotations[0]!;
    assert.equal(first.file, 'intents/client-0.yaml');
    assert.equal(first.line, 2);
    assert.equal(annotations[1]!.file, undefined, 'a client without intents: no file to point at');
    const warning = annotations.find((a) => a.level === 'warning')!;
    assert.deepEqual([warning.file, warning.line], ['intents/client-0.yaml', 10]);
  });

  test('a stale rule says what it declares: a method and path, any method on a path (methods: []), the whole target', () => {
    const drift = driftOf(0, 3);
    const [one, two, three] = drift.stale as [StaleRule, StaleRule, StaleRule];
    drift.stale = [one, { ...two, method: null, path: '/items' }, { ...three, method: null, path: null }];
    assert.deepEqual(
      driftAnnotations(drift).map((a) => [a.message, a.line]),
      [
        ['shop/client-0 → shop/orders: POST /old/0 is declared but was never called (path-not-called)', 10],
        [
          'shop/client-0 → shop/orders: any method on /items is declared but was never called (path-not-called)',
          11,
        ],
        [
          'shop/client-0 → shop/orders: the whole target is declared but was never called (path-not-called)',
          12,
        ],
      ],
    );
  });

  test('only the slots left: fewer errors and warnings, and the notice counts the rest', () => {
    const annotations = driftAnnotations(driftOf(14, 12), { errors: 9, warnings: 3 });
    assert.equal(annotations.filter((a) => a.level === 'error').length, 9);
    assert.equal(annotations.filter((a) => a.level === 'warning').length, 3);
    assert.deepEqual(
      annotations.filter((a) => a.level === 'notice').map((n) => n.message),
      ['5 more missing and 9 more stale not annotated: see the job summary'],
    );
    const none = driftAnnotations(driftOf(2, 2), { errors: 10, warnings: -4 });
    assert.deepEqual(
      none.map((a) => a.level),
      ['error', 'error', 'notice'],
      'no slot left for warnings: none, and the notice says so',
    );
    const noErrors = driftAnnotations(driftOf(3, 1), { errors: -1, warnings: 10 });
    assert.deepEqual(
      noErrors.map((a) => [a.level, a.level === 'notice' ? a.message : '']),
      [
        ['warning', ''],
        ['notice', '3 more missing and 0 more stale not annotated: see the job summary'],
      ],
      'no slot left for errors: none, and the notice counts every missing call',
    );
  });

  test('a missing call says what is called: the template the fix writes, its path, or calls; and whether it would be blocked', () => {
    const drift = driftOf(4, 0);
    const [one, two, three, four] = drift.missing as [MissingCall, MissingCall, MissingCall, MissingCall];
    drift.missing = [
      { ...one, path: '/orders/7', suggestedPath: '/orders/{*}' },
      { ...two, path: '/orders', wouldBeBlocked: false },
      { ...three, method: null, path: null },
      { ...four, method: 'GET', path: null },
    ];
    assert.deepEqual(
      driftAnnotations(drift).map((a) => a.message),
      [
        'shop/client-0 → shop/orders: GET /orders/{*} is called but not declared (would be blocked once enforced)',
        'shop/client-1 → shop/orders: GET /orders is called but not declared',
        'shop/client-2 → shop/orders: calls is called but not declared (would be blocked once enforced)',
        'shop/client-3 → shop/orders: GET is called but not declared (would be blocked once enforced)',
      ],
    );
  });
});
