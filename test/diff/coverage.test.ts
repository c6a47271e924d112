import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { loadIntents } from '../../src/declare/load-intents.ts';
import { computeDrift } from '../../src/diff/compute-drift.ts';
import { computeCoverage } from '../../src/diff/coverage.ts';
import { ROOT } from '../declare/helpers.ts';
import { call, declaredIntents, observedMap, rule } from './builders.ts';

describe('coverage', () => {
  const rules = [
    rule('web', 'api', 'GET', '/a'),
    rule('web', 'api', 'GET', '/b'),
    rule('web', 'db', 'GET', '/q'),
    rule('web', 'kafka', null, null, { targetType: 'kafka' }),
    rule('batch', 'api', 'POST', '/run'),
    rule('edge', 'api', null, null),
  ];
  const calls = [
    call('web', 'api', 'GET', '/a'),
    call('edge', 'api', null, null, { protocol: 'tcp' }),
    call('other', 'api', 'GET', '/z'),
  ];
  const declared = declaredIntents(rules);
  const drift = computeDrift(observedMap(calls), declared);

  test('per client: exercised of declared checkable rules, with why the rest was not', () => {
    const coverage = computeCoverage(declared.rules, drift, {
      environments: { 'otterize-tutorial-istio-mapping': 'dev' },
    });
    const byName = Object.fromEntries(coverage.clients.map((c) => [c.client.name, c]));
    assert.deepEqual(Object.keys(byName).sort(), ['batch', 'edge', 'web']);
    assert.equal(byName.web?.declared, 3);
    assert.equal(byName.web?.exercised, 1);
    assert.equal(byName.web?.percent, 33);
    assert.deepEqual(byName.web?.stale, { 'path-not-called': 1, 'server-not-called': 1, 'client-idle': 0 });
    assert.equal(byName.batch?.percent, 0);
    assert.equal(byName.batch?.stale['client-idle'], 1);
    assert.equal(byName.edge?.percent, 100);
    assert.equal(byName.web?.environment, 'dev');
    assert.deepEqual(coverage.total, { declared: 5, exercised: 2, percent: 40 });
  });

  test('a rule called without HTTP detail is neither exercised nor stale', () => {
    const d = computeDrift(
      observedMap([call('web', 'api', null, null, { protocol: 'tcp' })]),
      declaredIntents([rule('web', 'api', 'GET', '/a')]),
    );
    const [web] = computeCoverage([rule('web', 'api', 'GET', '/a')], d).clients;
    assert.equal(web?.noDetail, 1);
    assert.equal(web?.exercised, 0);
  });

  test('a TCP connection exercises a rule without http, never an HTTP rule (Istio skips those on TCP)', () => {
    const rules = [rule('web', 'db', 'GET', '/q'), rule('web', 'cache', null, null)];
    const d = computeDrift(
      observedMap([
        call('web', 'db', null, null, { protocol: 'tcp' }),
        call('web', 'cache', null, null, { protocol: 'tcp' }),
      ]),
      declaredIntents(rules),
    );
    assert.deepEqual(
      d.missing.map((c) => c.server.name),
      ['db'],
    );
    const [web] = computeCoverage(rules, d).clients;
    assert.equal(web?.exercised, 1);
    assert.equal(web?.noDetail, 1);
    assert.equal(web?.percent, 50);
  });

  test('a rule with a path and any method (methods: []) is one rule, exercised by any method on its path', async () => {
    const declared = await loadIntents(['fixtures/intents/misc/methods-empty.yaml'], { cwd: ROOT });
    const d = computeDrift(
      observedMap([
        call('client.demo', 'nginx.demo', 'DELETE', '/items'),
        call('client.demo', 'nginx.demo', 'POST', '/admin'),
        call('client2.demo', 'nginx.demo', 'GET', '/other'),
      ]),
      declared,
    );
    const coverage = computeCoverage(declared.rules, d);
    assert.deepEqual(
      coverage.clients.map((c) => [c.client.name, c.declared, c.exercised, c.stale['path-not-called']]),
      [
        ['client', 2, 1, 1],
        ['client2', 1, 0, 1],
      ],
    );
    assert.deepEqual(
      d.missing.map((c) => `${c.client.name} ${c.method} ${c.path}`),
      ['client POST /admin', 'client2 GET /other'],
    );
  });

  test('a percentage is rounded down: 100 only when every rule was used', () => {
    // 199 of 200 would round to 100, and 2 of 3 to 67.
    const many = Array.from({ length: 200 }, (_, i) => rule('web', 'api', 'GET', `/p${i}`));
    const d = computeDrift(
      observedMap(many.slice(1).map((r) => call('web', 'api', 'GET', r.path))),
      declaredIntents(many),
    );
    const coverage = computeCoverage(many, d);
    assert.equal(coverage.clients[0]?.exercised, 199);
    assert.equal(coverage.clients[0]?.percent, 99);
    assert.deepEqual(coverage.total, { declared: 200, exercised: 199, percent: 99 });
    const three = [
      rule('web', 'api', 'GET', '/a'),
      rule('web', 'api', 'GET', '/b'),
      rule('web', 'api', 'GET', '/c'),
    ];
    const two = computeDrift(
      observedMap([call('web', 'api', 'GET', '/a'), call('web', 'api', 'GET', '/b')]),
      declaredIntents(three),
    );
    assert.equal(computeCoverage(three, two).total.percent, 66);
  });

  test('the namespace scope applies, and nothing declared counts as full coverage', () => {
    const coverage = computeCoverage(declared.rules, drift, { namespaces: ['elsewhere'] });
    assert.deepEqual(coverage, { clients: [], total: { declared: 0, exercised: 0, percent: 100 } });
  });
});
