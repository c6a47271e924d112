// The reports of a run with every drift control at work: templates, ignore rules (calls and
// stale rules), a client the run never drove, the noise floor, a baseline, environments.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { baselineOf } from '../../src/diff/baseline.ts';
import { checkDrift } from '../../src/diff/drift-controls.ts';
import { renderJsonReport } from '../../src/report/json-report.ts';
import { renderMarkdownReport } from '../../src/report/markdown-report.ts';
import { renderTextReport } from '../../src/report/text-report.ts';
import { call, declaredIntents, NS, observedMap, rule } from '../diff/builders.ts';
import { assertGolden } from './demo-drift.ts';

const observed = observedMap([
  call('web', 'orders', 'GET', '/orders/1024/items', { count: 40 }),
  call('web', 'orders', 'GET', '/orders/1025/items', { count: 12 }),
  call('web', 'orders', 'GET', '/v1.2/status', { count: 7 }),
  call('web', 'orders', 'GET', '/debug', { count: 1 }),
  call('web', 'users', 'GET', '/users/3f2a9c1d-7b4e-4c1a-9e2f-5d6c7b8a9e0f', { count: 5 }),
  call('web', 'users', 'GET', '/healthz', { count: 30 }),
  call('web', 'users', 'GET', '/me'),
  call('web', 'cart', 'POST', '/cart/checkout', { count: 9 }),
]);
const declared = declaredIntents([
  rule('web', 'users', 'GET', '/me', { file: 'intents/web.yaml', line: 12 }),
  rule('web', 'users', 'GET', '/profile', { file: 'intents/web.yaml', line: 13 }),
  rule('web', 'legacy', 'GET', '/old', { file: 'intents/web.yaml', line: 20 }),
  rule('web', 'reports', null, null, { file: 'intents/web.yaml', line: 25 }),
  rule('batch', 'orders', 'POST', '/orders/reindex', { file: 'intents/batch.yaml', line: 9 }),
]);
const ignore = [
  { server: `${NS}/users`, path: '/healthz', file: '.intent-drift.yaml', line: 2 },
  { server: `${NS}/legacy`, file: '.intent-drift.yaml', line: 5 },
];
// Yesterday's baseline already accepted the checkout call.
const yesterday = checkDrift(
  observedMap([call('web', 'cart', 'POST', '/cart/checkout')]),
  declaredIntents([]),
);

const { drift, exitCode } = checkDrift(observed, declared, {
  ignore,
  minCount: 2,
  environments: { [NS]: 'staging' },
  baseline: baselineOf(yesterday.beforeBaseline),
  policy: { failOn: 'any', clientIdle: 'warn', overrides: [] },
});

describe('reports with drift controls', () => {
  test('the scenario', () => {
    assert.equal(exitCode, 1);
    assert.deepEqual(
      drift.missing.map((c) => `${c.path} ${c.suggestedPath ?? '-'}`),
      [
        '/orders/1024/items /orders/{*}/items',
        '/orders/1025/items /orders/{*}/items',
        '/v1.2/status -',
        '/users/3f2a9c1d-7b4e-4c1a-9e2f-5d6c7b8a9e0f /users/{*}',
      ],
    );
    assert.deepEqual(drift.noise, { minCount: 2, calls: 1, requests: 1 });
    assert.deepEqual(drift.baseline, { missing: 1, stale: 0, resolved: 0 });
  });

  test('text', async () => {
    const text = renderTextReport(drift);
    assert.match(text, /template \/orders\/\{\*\}\/items \(allows any segment for 1024\)/);
    assert.match(text, /not exercised \(the client made no calls in this run\):/);
    assert.match(text, /\(by \.intent-drift\.yaml:2\)/);
    await assertGolden('controls.txt', text);
  });

  test('markdown: ignored and not-exercised counts without noise', async () => {
    const md = renderMarkdownReport(drift);
    assert.match(md, /^### ❌ intent-drift: 4 missing, 2 stale$/m);
    assert.match(md, /· 2 ignored · 1 not exercised ·/);
    assert.match(md, /coverage 20% \(1 of 5 declared rules exercised\)/);
    await assertGolden('controls.md', md);
  });

  test('JSON extras', async () => {
    const json = renderJsonReport(drift);
    const report = JSON.parse(json);
    assert.deepEqual(report.ignored[0].ignoredBy, { file: '.intent-drift.yaml', line: 2 });
    assert.equal(report.ignoredStale[0].path, '/old');
    assert.equal(report.missing[0].suggestedPathWidens, 'any segment for 1024');
    assert.deepEqual(report.coverage.total, { declared: 5, exercised: 1, percent: 20 });
    await assertGolden('controls.json', json);
  });
});

describe('drift controls at their edges', () => {
  const policy = { failOn: 'any', clientIdle: 'warn', overrides: [] } as const;

  test('environments for some namespaces: the coverage column is blank for the others; an idle client counts once', () => {
    const { drift } = checkDrift(
      observedMap([call('web.shop', 'api.shop', 'GET', '/a')]),
      declaredIntents([
        rule('web.shop', 'api.shop', 'GET', '/a'),
        rule('job.batch', 'api.shop', 'GET', '/x'),
        rule('job.batch', 'api.shop', 'GET', '/y'),
      ]),
      { environments: { shop: 'prod' }, policy },
    );
    const md = renderMarkdownReport(drift);
    assert.match(
      md,
      /<summary>Not exercised \(the client made no calls in this run\): 2 rules of 1 client<\/summary>/,
    );
    assert.match(md, /^\| client \| environment \| exercised \| coverage \| not exercised \|$/m);
    assert.match(md, /^\| `job\.batch` \| {2}\| 0 of 2 \| 0% \| 2 client-idle \|$/m);
    assert.match(md, /^\| `web\.shop` \| `prod` \| 1 of 1 \| 100% \| {2}\|$/m);
  });

  test('nothing declared: no coverage, neither in the text nor in the comment', () => {
    const { drift } = checkDrift(observedMap([call('web', 'api', 'GET', '/a')]), declaredIntents([]), {
      policy,
    });
    assert.deepEqual(drift.coverage?.total, { declared: 0, exercised: 0, percent: 100 });
    assert.doesNotMatch(renderTextReport(drift), /coverage/i);
    assert.doesNotMatch(renderMarkdownReport(drift), /coverage/i);
  });

  test('the noise and baseline notes: said when they took something out, with the right counts', () => {
    const observed = observedMap([
      call('web', 'api', 'GET', '/a', { count: 5 }),
      call('web', 'api', 'GET', '/rare', { count: 2 }),
    ]);
    const declared = declaredIntents([rule('web', 'api', 'GET', '/a'), rule('web', 'api', 'GET', '/old')]);
    const notes = (opts: Parameters<typeof checkDrift>[2]) =>
      renderTextReport(checkDrift(observed, declared, { policy, ...opts }).drift)
        .split('\n')
        .filter((line) => /noise|baseline/i.test(line));
    assert.deepEqual(notes({ minCount: 2 }), [], 'nothing under the floor');
    assert.deepEqual(notes({ minCount: 3 }), [
      '1 missing call (2 requests) seen fewer than 3 times dropped as noise (minCount).',
    ]);
    const staleYesterday = checkDrift(observedMap([call('web', 'api', 'GET', '/a')]), declared, { policy });
    assert.deepEqual(notes({ minCount: 3, baseline: baselineOf(staleYesterday.beforeBaseline) }).slice(1), [
      'Baseline: 0 missing and 1 stale already accepted, not reported.',
    ]);
    const goneYesterday = checkDrift(
      observedMap([
        call('web', 'api', 'GET', '/a'),
        call('web', 'api', 'GET', '/gone'),
        call('web', 'api', 'POST', '/gone'),
      ]),
      declaredIntents([rule('web', 'api', 'GET', '/a')]),
      { policy },
    );
    assert.deepEqual(notes({ minCount: 3, baseline: baselineOf(goneYesterday.beforeBaseline) }).slice(1), [
      'Baseline: 0 missing and 0 stale already accepted, not reported. 2 baseline entries no longer seen: refresh with --write-baseline.',
    ]);
    const empty = checkDrift(observedMap([]), declaredIntents([]), { policy });
    assert.deepEqual(
      notes({ baseline: baselineOf(empty.beforeBaseline) }),
      [],
      'a baseline that took nothing out',
    );
  });
});

describe('a comment cut to its limit', () => {
  test('the coverage table gives up its rows before the rules not exercised', () => {
    const idle = Array.from({ length: 30 }, (_, i) => rule(`job${i}.batch`, 'api.shop', 'GET', `/r${i}`));
    const { drift } = checkDrift(
      observedMap([call('web.shop', 'api.shop', 'GET', '/a')]),
      declaredIntents([rule('web.shop', 'api.shop', 'GET', '/a'), ...idle]),
      { policy: { failOn: 'any', clientIdle: 'warn', overrides: [] } },
    );
    const full = renderMarkdownReport(drift);
    const cut = renderMarkdownReport(drift, { maxLength: full.length - 200 });
    assert.ok(cut.length <= full.length - 200);
    for (let i = 0; i < 30; i++) assert.ok(cut.includes(`| \`GET /r${i}\` |`), `rule /r${i} kept`);
    const lastCoverageRow = '| `web.shop` | 1 of 1 | 100% |  |';
    assert.ok(full.includes(lastCoverageRow));
    assert.ok(!cut.includes(lastCoverageRow), 'a coverage row cut');
  });
});
