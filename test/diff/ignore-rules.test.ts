import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { computeDrift } from '../../src/diff/compute-drift.ts';
import {
  buildIgnoreMatcher,
  type IgnoreRule,
  ignoreRuleMatchesCall,
  ignoreRuleMatchesDeclared,
  matchGlob,
} from '../../src/diff/ignore-rules.ts';
import { call, declaredIntents, NS, observedMap, rule } from './builders.ts';

const at = { file: '.intent-drift.yaml', line: 3 };
const ignore = (fields: Omit<IgnoreRule, 'file' | 'line'>): IgnoreRule => ({ ...fields, ...at });

describe('globs', () => {
  test('* stands for any run of characters, slashes included; the rest is literal', () => {
    assert.ok(matchGlob('shop/*', 'shop/frontend'));
    assert.ok(matchGlob('*/frontend', 'shop/frontend'));
    assert.ok(matchGlob('/orders/*', '/orders/1/items'));
    assert.ok(matchGlob('*', ''));
    // Anchored at both ends: a prefix or suffix glob never matches a value that only contains it.
    assert.equal(matchGlob('shop/*', 'myshop/frontend'), false);
    assert.equal(matchGlob('*/frontend', 'shop/frontend-v2'), false);
    assert.equal(matchGlob('shop/front', 'shop/frontend'), false);
    assert.equal(matchGlob('/a.b', '/aXb'), false);
    assert.equal(matchGlob('/a(b)?', '/a(b)?'), true);
  });
});

describe('matching calls', () => {
  const c = call('frontend', 'orders', 'POST', '/orders/42', { service: 'orders-svc' });

  test('every field named must match; a field left out matches anything', () => {
    assert.ok(ignoreRuleMatchesCall(ignore({ client: `${NS}/frontend` }), c));
    assert.ok(
      ignoreRuleMatchesCall(ignore({ server: `${NS}/orders`, method: 'POST', path: '/orders/*' }), c),
    );
    assert.equal(ignoreRuleMatchesCall(ignore({ server: `${NS}/orders`, method: 'GET' }), c), false);
    assert.equal(ignoreRuleMatchesCall(ignore({ client: 'other/*' }), c), false);
  });

  test('the server matches by its workload or the Service the caller used', () => {
    assert.ok(ignoreRuleMatchesCall(ignore({ server: `${NS}/orders-svc` }), c));
  });

  test('a path with {*} is an Istio template', () => {
    assert.ok(ignoreRuleMatchesCall(ignore({ path: '/orders/{*}' }), c));
    assert.equal(
      ignoreRuleMatchesCall(ignore({ path: '/orders/{*}' }), call('a', 'b', 'GET', '/orders/1/x')),
      false,
    );
  });

  test('an unknown method or path only meets "*"', () => {
    const bare = call('frontend', 'orders', null, null, { protocol: 'tcp' });
    assert.equal(ignoreRuleMatchesCall(ignore({ path: '/orders*' }), bare), false);
    assert.ok(ignoreRuleMatchesCall(ignore({ path: '*', method: '*' }), bare));
  });

  test('declared rules match by the server as declared', () => {
    const declared = rule('frontend', 'orders', 'GET', '/old');
    assert.ok(ignoreRuleMatchesDeclared(ignore({ server: `${NS}/orders`, path: '/old' }), declared));
    assert.equal(ignoreRuleMatchesDeclared(ignore({ path: '/new' }), declared), false);
    assert.equal(
      ignoreRuleMatchesDeclared(ignore({ server: `${NS}/billing`, path: '/old' }), declared),
      false,
    );
  });

  test('the first matching rule is the one reported', () => {
    const matcher = buildIgnoreMatcher([
      { client: 'x/*', file: 'c.yaml', line: 2 },
      { method: 'POST', file: 'c.yaml', line: 5 },
      { path: '*', file: 'c.yaml', line: 8 },
    ]);
    assert.deepEqual(matcher.forCall(c), { file: 'c.yaml', line: 5 });
    assert.equal(buildIgnoreMatcher([]).forCall(c), undefined);
  });
});

describe('in the diff', () => {
  test('an ignored call leaves missing and carries the rule that matched; covered calls are never ignored', () => {
    const matcher = buildIgnoreMatcher([ignore({ method: '*' })]);
    const drift = computeDrift(
      observedMap([call('a', 'nginx', 'GET', '/x'), call('a', 'nginx', 'GET', '/declared')]),
      declaredIntents([rule('a', 'nginx', 'GET', '/declared')]),
      { isIgnored: matcher.forCall },
    );
    assert.equal(drift.missing.length, 0);
    assert.equal(drift.covered.length, 1);
    assert.deepEqual(
      drift.ignored.map((i) => [i.path, (i as { ignoredBy?: unknown }).ignoredBy]),
      [['/x', at]],
    );
    assert.equal(drift.summary.ignored, 1);
  });
});
