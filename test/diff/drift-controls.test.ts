import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { baselineOf } from '../../src/diff/baseline.ts';
import { checkDrift } from '../../src/diff/drift-controls.ts';
import { evaluateFailure, failOnFor } from '../../src/diff/fail-policy.ts';
import type { FailOn } from '../../src/model.ts';
import { call, declaredIntents, NS, observedMap, rule } from './builders.ts';

const observed = observedMap([
  ...[11, 12, 13].map((id) => call('web', 'api', 'GET', `/users/${id}/orders`, { count: 5 })),
  call('web', 'api', 'GET', '/probe', { count: 1 }),
  call('web', 'api', 'GET', '/a'),
]);
const declared = declaredIntents([
  rule('web', 'api', 'GET', '/a'),
  rule('web', 'api', 'GET', '/legacy', { file: 'i/web.yaml', line: 9 }),
  rule('batch', 'api', 'POST', '/run', { file: 'i/batch.yaml', line: 4 }),
]);

describe('checkDrift', () => {
  test('templates suggested by default, raw paths with templates: false', () => {
    const on = checkDrift(observed, declared).drift;
    assert.deepEqual(
      on.missing.map((c) => c.suggestedPath),
      [undefined, '/users/{*}/orders', '/users/{*}/orders', '/users/{*}/orders'],
    );
    const off = checkDrift(observed, declared, { templates: false }).drift;
    assert.ok(off.missing.every((c) => c.suggestedPath === undefined));
  });

  test('minCount drops rare missing calls as noise and says how many', () => {
    const { drift } = checkDrift(observed, declared, { minCount: 2 });
    assert.equal(
      drift.missing.some((c) => c.path === '/probe'),
      false,
    );
    assert.deepEqual(drift.noise, { minCount: 2, calls: 1, requests: 1 });
    assert.equal(drift.summary.missing, 3);
  });

  test('minCount judges an endpoint by all its calls: one request each to four IDs under one template reaches 4', () => {
    const spread = observedMap([
      ...[1, 2, 3, 4].map((id) => call('web', 'api', 'GET', `/users/${id}/orders`, { count: 1 })),
      call('web', 'api', 'POST', '/users/5/orders', { count: 1 }),
      call('web', 'api', 'GET', '/probe', { count: 2 }),
      call('web', 'api', 'GET', '/a'),
    ]);
    const { drift, exitCode } = checkDrift(spread, declared, { minCount: 4 });
    assert.deepEqual(
      drift.missing.map((c) => `${c.method} ${c.path}`),
      ['GET /users/1/orders', 'GET /users/2/orders', 'GET /users/3/orders', 'GET /users/4/orders'],
    );
    assert.equal(exitCode, 1);
    assert.deepEqual(drift.noise, { minCount: 4, calls: 2, requests: 3 });
    // Without templates each raw path is its own endpoint, shown and judged alone.
    const raw = checkDrift(spread, declared, { minCount: 4, templates: false }).drift;
    assert.deepEqual(raw.missing, []);
    assert.deepEqual(raw.noise, { minCount: 4, calls: 6, requests: 7 });
  });

  test('ignore rules take stale rules too, with the rule that matched', () => {
    const { drift } = checkDrift(observed, declared, {
      ignore: [{ path: '/legacy', file: 'c.yaml', line: 3 }],
    });
    assert.deepEqual(
      drift.ignoredStale?.map((r) => [r.path, r.ignoredBy]),
      [['/legacy', { file: 'c.yaml', line: 3 }]],
    );
    assert.deepEqual(
      drift.stale.map((r) => r.reason),
      ['client-idle'],
    );
    assert.equal(drift.summary.stale, 1, 'the headline counts the stale rules left, not the ignored one');
  });

  test('-n narrows coverage as it narrows the diff: rules of other namespaces are not counted', () => {
    const wide = declaredIntents([...declared.rules, rule('job.other', 'api.other', 'GET', '/x')]);
    assert.deepEqual(checkDrift(observed, wide).drift.coverage?.total, {
      declared: 4,
      exercised: 1,
      percent: 25,
    });
    assert.deepEqual(checkDrift(observed, wide, { namespaces: [NS] }).drift.coverage?.total, {
      declared: 3,
      exercised: 1,
      percent: 33,
    });
  });

  test('coverage is computed before ignore and baseline take rules away', () => {
    const { drift } = checkDrift(observed, declared, { ignore: [{ path: '/legacy', file: 'c', line: 1 }] });
    assert.deepEqual(drift.coverage?.total, { declared: 3, exercised: 1, percent: 33 });
  });

  test('fail-on stale: fails on stale of active clients, only warns on idle ones', () => {
    const stale = checkDrift(observed, declared, {
      policy: { failOn: 'stale', clientIdle: 'warn', overrides: [] },
    });
    assert.equal(stale.exitCode, 1);
    assert.deepEqual(stale.drift.failure, {
      exitCode: 1,
      failingMissing: 0,
      failingStale: 1,
      idleWarnings: 1,
    });
    assert.ok(stale.drift.warnings.some((w) => w.includes('client-idle')));

    const idleOnly = checkDrift(observed, declared, {
      policy: { failOn: 'stale', clientIdle: 'warn', overrides: [] },
      ignore: [{ path: '/legacy', file: 'c', line: 1 }],
    });
    assert.equal(idleOnly.exitCode, 0);
    const strict = checkDrift(observed, declared, {
      policy: { failOn: 'stale', clientIdle: 'fail', overrides: [] },
      ignore: [{ path: '/legacy', file: 'c', line: 1 }],
    });
    assert.equal(strict.exitCode, 1);
  });

  test('per-client overrides of failOn', () => {
    const policy = {
      failOn: 'missing' as const,
      clientIdle: 'warn' as const,
      overrides: [{ client: `${NS}/web`, failOn: 'none' as const }],
    };
    assert.equal(failOnFor(policy, { name: 'web', namespace: NS }), 'none');
    assert.equal(failOnFor(policy, { name: 'x', namespace: NS }), 'missing');
    const { exitCode, drift } = checkDrift(observed, declared, { policy });
    assert.equal(exitCode, 0);
    assert.equal(evaluateFailure(drift, { ...policy, overrides: [] }).exitCode, 1);
  });

  test('the first matching override wins, and its client glob matches namespace/name', () => {
    const policy = {
      failOn: 'any' as const,
      clientIdle: 'warn' as const,
      overrides: [
        { client: `${NS}/web`, failOn: 'none' as const },
        { client: `${NS}/*`, failOn: 'any' as const },
      ],
    };
    assert.equal(failOnFor(policy, { name: 'web', namespace: NS }), 'none');
    assert.equal(failOnFor(policy, { name: 'batch', namespace: NS }), 'any');
    assert.equal(checkDrift(observed, declared, { policy }).exitCode, 0, "web's drift does not fail");
    const glob = {
      failOn: 'none' as const,
      clientIdle: 'warn' as const,
      overrides: [{ client: '*/w*', failOn: 'missing' as const }],
    };
    assert.equal(failOnFor(glob, { name: 'web', namespace: NS }), 'missing');
    assert.equal(
      checkDrift(observed, declared, { policy: glob }).exitCode,
      1,
      "the glob makes web's missing calls fail",
    );
  });

  test('an override whose client glob matches no client read warns once, at its file and line', () => {
    const policy = {
      failOn: 'none' as const,
      clientIdle: 'warn' as const,
      overrides: [
        { client: 'payment/*', failOn: 'any' as const, file: '.intent-drift.yaml', line: 3 },
        { client: `${NS}/web`, failOn: 'any' as const, file: '.intent-drift.yaml', line: 5 },
        // batch is declared, never observed: a client of the run all the same.
        { client: `${NS}/batch`, failOn: 'any' as const, file: '.intent-drift.yaml', line: 7 },
        { client: `${NS}/nobody`, failOn: 'none' as const, file: '.intent-drift.yaml', line: 9 },
      ],
    };
    const { drift, exitCode } = checkDrift(observed, declared, { policy });
    assert.equal(exitCode, 1);
    assert.deepEqual(
      drift.warnings.filter((w) => w.includes('override')),
      [
        '.intent-drift.yaml:3: override client payment/* (failOn: any) matches no client observed or declared in this run: it changes nothing',
        `.intent-drift.yaml:9: override client ${NS}/nobody (failOn: none) matches no client observed or declared in this run: it changes nothing`,
      ],
    );
    // A client read but outside -n is still a client of the config: no warning for a narrowed run.
    const narrowed = checkDrift(observed, declared, { policy, namespaces: ['elsewhere'] }).drift;
    assert.equal(narrowed.warnings.filter((w) => w.includes('override')).length, 2);
  });

  test('each failOn weighs its kind of drift alone: a missing call fails any, a stale rule does not fail missing', () => {
    const policy = (failOn: FailOn) => ({ failOn, clientIdle: 'warn' as const, overrides: [] });
    const missingOnly = checkDrift(
      observedMap([call('web', 'api', 'GET', '/a'), call('web', 'api', 'GET', '/b')]),
      declaredIntents([rule('web', 'api', 'GET', '/a')]),
      { policy: policy('any') },
    );
    assert.equal(missingOnly.exitCode, 1);
    assert.deepEqual(missingOnly.drift.failure, {
      exitCode: 1,
      failingMissing: 1,
      failingStale: 0,
      idleWarnings: 0,
    });

    const staleOnly = (failOn: FailOn) =>
      checkDrift(
        observedMap([call('web', 'api', 'GET', '/a')]),
        declaredIntents([rule('web', 'api', 'GET', '/a'), rule('web', 'api', 'GET', '/legacy')]),
        { policy: policy(failOn) },
      );
    const passing = staleOnly('missing');
    assert.equal(passing.exitCode, 0);
    assert.deepEqual(passing.drift.failure, {
      exitCode: 0,
      failingMissing: 0,
      failingStale: 0,
      idleWarnings: 0,
    });
    assert.equal(passing.drift.summary.drift, true, 'stale rules are drift, failing or not');
    assert.deepEqual(passing.drift.warnings, [], 'no client is idle: nothing to say of idle clients');
    assert.equal(staleOnly('stale').exitCode, 1);
    assert.equal(staleOnly('any').exitCode, 1);
  });

  test("without a policy, missing calls fail and an idle client's stale rules are not even warned of", () => {
    const { drift, exitCode } = checkDrift(observed, declared);
    assert.equal(exitCode, 1);
    assert.deepEqual(drift.failure, { exitCode: 1, failingMissing: 4, failingStale: 0, idleWarnings: 0 });
    // clientIdle: fail would change nothing under failOn missing: the idle-client note would mislead.
    assert.equal(
      drift.warnings.some((w) => w.includes('client-idle')),
      false,
    );
  });

  test('a baseline of today leaves nothing new, and beforeBaseline is what to write', () => {
    const first = checkDrift(observed, declared);
    const second = checkDrift(observed, declared, {
      baseline: baselineOf(first.beforeBaseline),
      policy: { failOn: 'any', clientIdle: 'fail', overrides: [] },
    });
    assert.equal(second.exitCode, 0);
    assert.deepEqual(second.drift.baseline, { missing: 4, stale: 2, resolved: 0 });
    assert.equal(second.beforeBaseline.missing.length, 4);
  });

  test('without controls the drift is what computeDrift gives, plus coverage', () => {
    // environments: {} is what a config that maps none gives: no environments in the report.
    const { drift } = checkDrift(observed, declared, { templates: false, environments: {} });
    assert.equal(drift.noise, undefined);
    assert.equal(drift.baseline, undefined);
    assert.equal(drift.environments, undefined);
    assert.deepEqual(drift.ignoredStale, []);
  });
});
