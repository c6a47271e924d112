import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { computeDrift, exitCodeFor } from '../../src/diff/compute-drift.ts';
import type { DeclaredRule, Drift, FailOn, ObservedCall } from '../../src/model.ts';
import { call, declaredIntents, NS, observedMap, rule } from './builders.ts';

function drift(calls: ObservedCall[], rules: DeclaredRule[], namespaces?: string[]): Drift {
  return computeDrift(observedMap(calls), declaredIntents(rules), namespaces ? { namespaces } : {});
}

const brief = (c: ObservedCall) => `${c.client.name}->${c.server.name} ${c.method} ${c.path}`;
const ruleBrief = (r: DeclaredRule) => `${r.client.name}->${r.server.name} ${r.method} ${r.path}`;

describe('covered and missing', () => {
  test('a declared call is covered, an undeclared one missing', () => {
    const d = drift(
      [call('client', 'nginx', 'GET', '/client-path'), call('client2', 'nginx', 'POST', '/client2-path')],
      [rule('client', 'nginx', 'GET', '/client-path')],
    );
    assert.deepEqual(d.covered.map(brief), ['client->nginx GET /client-path']);
    assert.deepEqual(d.missing.map(brief), ['client2->nginx POST /client2-path']);
    assert.deepEqual(d.stale, []);
    assert.equal(d.summary.drift, true);
  });

  test('calls of one client, server, method and path make one missing entry, in any input order', () => {
    const calls = [
      call('client', 'nginx', 'GET', '/a', {
        service: 'nginx-a',
        count: 3,
        firstSeen: '2026-01-02',
        lastSeen: '2026-01-03',
      }),
      call('other', 'nginx', 'GET', '/a', { count: 1 }),
      call('client', 'nginx', 'GET', '/a', {
        service: 'nginx-b',
        count: 4,
        firstSeen: '2026-01-01',
        lastSeen: '2026-01-02',
      }),
      call('client', 'nginx', 'POST', '/a', { count: 5 }),
    ];
    for (const order of [calls, [...calls].reverse(), [calls[2]!, calls[1]!, calls[3]!, calls[0]!]]) {
      const d = drift(order, [rule('client', 'api', 'GET', '/x')]);
      assert.deepEqual(
        d.missing.map((c) => `${brief(c)} ${c.count} ${c.firstSeen} ${c.lastSeen}`),
        [
          'client->nginx GET /a 7 2026-01-01 2026-01-03',
          'client->nginx POST /a 5 undefined undefined',
          'other->nginx GET /a 1 undefined undefined',
        ],
      );
    }
  });

  test('method and path must both match', () => {
    const d = drift(
      [call('client', 'nginx', 'POST', '/client-path'), call('client', 'nginx', 'GET', '/other')],
      [rule('client', 'nginx', 'GET', '/client-path')],
    );
    assert.equal(d.missing.length, 2);
    assert.equal(d.stale.length, 1);
  });

  test('a method matches only in its own case: `get` is missing, would be blocked, beside a declared GET', () => {
    const d = drift(
      [
        call('client', 'nginx', 'GET', '/a'),
        call('client', 'nginx', 'get', '/a'),
        call('client', 'nginx', 'HEAD', '/a'),
      ],
      [rule('client', 'nginx', 'GET', '/a')],
    );
    assert.deepEqual(d.covered.map(brief), ['client->nginx GET /a']);
    assert.deepEqual(d.missing.map((c) => [brief(c), c.wouldBeBlocked]).sort(), [
      ['client->nginx HEAD /a', true],
      ['client->nginx get /a', true],
    ]);
    assert.ok(
      d.warnings.includes(
        '2 missing call(s) use a method ClientIntents cannot declare (e.g. client -> nginx "HEAD"): Istio matches methods case-sensitively and the CRD takes only GET, POST, PUT, DELETE, OPTIONS, TRACE, PATCH, CONNECT, so only a target without http rules, or an http rule with methods: [] for the path, allows them',
      ),
      d.warnings.join('\n'),
    );
  });

  test('a target without HTTP rules allows every call to it, with or without detail', () => {
    const d = drift(
      [call('client', 'nginx', 'DELETE', '/x'), call('client', 'nginx', null, null, { protocol: 'tcp' })],
      [rule('client', 'nginx', null, null)],
    );
    assert.equal(d.covered.length, 2);
    assert.equal(d.missing.length, 0);
    assert.equal(d.stale.length, 0);
  });

  test('path patterns use Istio matching: prefix and templates', () => {
    const d = drift(
      [
        call('client', 'nginx', 'GET', '/api/users'),
        call('client', 'nginx', 'GET', '/users/42/orders'),
        call('client', 'nginx', 'GET', '/api'),
      ],
      [rule('client', 'nginx', 'GET', '/api/*'), rule('client', 'nginx', 'GET', '/users/{*}/orders')],
    );
    assert.deepEqual(
      d.covered.map((c) => c.path),
      ['/api/users', '/users/42/orders'],
    );
    assert.deepEqual(
      d.missing.map((c) => c.path),
      ['/api'],
    );
  });

  test('missing calls whose path Istio would read as a wildcard or template are named once', () => {
    const drift = computeDrift(
      observedMap([
        call('web', 'api', 'GET', '/admin/*'),
        call('web', 'api', 'GET', '/{**}'),
        call('web', 'api', 'GET', '/plain'),
        call('web', 'api', 'GET', '/ok*'),
      ]),
      declaredIntents([rule('web', 'api', 'GET', '/ok*')]),
    );
    assert.equal(drift.summary.missing, 3);
    assert.deepEqual(drift.warnings, [
      '2 missing call(s) have a path holding "*", "{" or "}" (e.g. web -> api GET "/admin/*"), which Istio reads as a wildcard or template: a rule written for such a path allows more than the path called, or never matches',
    ]);
    const clean = computeDrift(observedMap([call('web', 'api', 'GET', '/plain')]), declaredIntents([]));
    assert.deepEqual(clean.warnings, []);
  });

  test('a missing call without a method (a TCP connection, service-level evidence) draws no warning about methods', () => {
    const d = drift(
      [
        call('web', 'db', null, null, { protocol: 'tcp' }),
        call('web', 'cache', null, null),
        call('web', 'api', 'HEAD', '/'),
      ],
      [],
    );
    assert.equal(d.missing.length, 3);
    const about = d.warnings.filter((w) => w.includes('ClientIntents cannot declare'));
    assert.equal(about.length, 1);
    assert.match(
      about[0]!,
      /^1 missing call\(s\) use a method ClientIntents cannot declare \(e\.g\. web -> api "HEAD"\)/,
    );
  });

  test('stale rules alone are drift', () => {
    const d = drift(
      [call('client', 'nginx', 'GET', '/a')],
      [rule('client', 'nginx', 'GET', '/a'), rule('client', 'nginx', 'GET', '/old')],
    );
    assert.deepEqual([d.summary.missing, d.summary.stale, d.summary.drift], [0, 1, true]);
  });

  test('one call marks every rule it matches as used', () => {
    const d = drift(
      [call('client', 'nginx', 'GET', '/api/users')],
      [
        rule('client', 'nginx', 'GET', '/api/*'),
        rule('client', 'nginx', 'GET', '*/users'),
        rule('client', 'nginx', 'GET', '/api/users'),
      ],
    );
    assert.equal(d.stale.length, 0);
  });

  test('another client rules do not cover a call', () => {
    const d = drift(
      [call('client2', 'nginx', 'GET', '/client-path')],
      [rule('client', 'nginx', 'GET', '/client-path')],
    );
    assert.equal(d.missing.length, 1);
    assert.equal(d.stale[0]?.reason, 'client-idle');
  });

  test("the next client's calls to the server the last client called are judged by the next client's rules", () => {
    // As every source gives them: one server object shared by all calls to it, so the
    // first client's last group and the second client's first group hold the same object.
    const calls = [
      call('client', 'nginx', 'GET', '/a'),
      call('client', 'other', 'GET', '/b'),
      call('client2', 'other', 'GET', '/b'),
    ];
    calls[2]!.server = calls[1]!.server;
    const d = drift(calls, [rule('client', 'nginx', 'GET', '/a'), rule('client', 'other', 'GET', '/b')]);
    assert.deepEqual(d.covered.map(brief), ['client->nginx GET /a', 'client->other GET /b']);
    assert.deepEqual(d.missing.map(brief), ['client2->other GET /b']);
    assert.equal(d.missing[0]?.wouldBeBlocked, true);
  });

  test('a missing call to a server of the same name in another namespace is an entry of its own', () => {
    const d = drift([call('client', 'api.shop', 'GET', '/x'), call('client', 'api.stock', 'GET', '/x')], []);
    assert.deepEqual(
      d.missing.map((c) => `${c.server.namespace}/${c.server.name} ${c.count}`),
      ['shop/api 10', 'stock/api 10'],
    );
  });

  test('missing calls are one entry per (client, server, method, path), counts summed', () => {
    const d = drift(
      [
        call('client2', 'nginx', 'POST', '/p', {
          service: 'nginx-service',
          count: 3,
          firstSeen: '2026-01-02T00:00:00Z',
          lastSeen: '2026-01-03T00:00:00Z',
        }),
        call('client2', 'nginx', 'POST', '/p', {
          service: 'nginx-alt',
          count: 4,
          firstSeen: '2026-01-01T00:00:00Z',
          lastSeen: '2026-01-02T00:00:00Z',
        }),
        call('client2', 'nginx', 'GET', '/p', { count: 1 }),
      ],
      [],
    );
    assert.deepEqual(
      d.missing.map((c) => [c.method, c.count, c.firstSeen, c.lastSeen]),
      [
        ['GET', 1, undefined, undefined],
        ['POST', 7, '2026-01-01T00:00:00Z', '2026-01-03T00:00:00Z'],
      ],
    );
    assert.equal(d.summary.missing, 2);
  });

  test('a missing entry spans its calls by time, not by how the times are written', () => {
    // RFC 3339 allows fractions and offsets (a snapshot keeps times as written): 10:00:00Z is
    // before 10:00:00.500Z, and 11:30:00+02:00 is 09:30Z, though neither sorts so as text.
    const d = drift(
      [
        call('web', 'api', 'GET', '/a', {
          service: 'api-a',
          firstSeen: '2026-12-01T10:00:00.500Z',
          lastSeen: '2026-12-01T12:00:00Z',
        }),
        call('web', 'api', 'GET', '/a', {
          service: 'api-b',
          firstSeen: '2026-12-01T10:00:00Z',
          lastSeen: '2026-12-01T13:30:00+02:00',
        }),
        call('web', 'api', 'GET', '/a', {
          service: 'api-c',
          firstSeen: '2026-12-01T11:30:00+02:00',
          lastSeen: '2026-12-01T12:00:00.250Z',
        }),
      ],
      [],
    );
    assert.deepEqual(
      d.missing.map((c) => [c.count, c.firstSeen, c.lastSeen]),
      [[30, '2026-12-01T11:30:00+02:00', '2026-12-01T12:00:00.250Z']],
    );
  });

  test('suggestPath fills suggestedPath on missing calls only when it differs', () => {
    const d = computeDrift(
      observedMap([call('c', 'nginx', 'GET', '/users/42'), call('c', 'nginx', 'GET', '/health')]),
      declaredIntents([]),
      { suggestPath: (p) => p.replace(/\/\d+/g, '/{*}') },
    );
    assert.deepEqual(
      d.missing.map((c) => c.suggestedPath),
      [undefined, '/users/{*}'],
    );
    assert.equal('suggestedPath' in (d.missing[0] ?? {}), false);
  });

  test('isIgnored moves would-be-missing calls to ignored, never covered ones', () => {
    const d = computeDrift(
      observedMap([call('client', 'nginx', 'GET', '/a'), call('client', 'nginx', 'GET', '/b')]),
      declaredIntents([rule('client', 'nginx', 'GET', '/a')]),
      { isIgnored: () => true },
    );
    assert.deepEqual(
      d.ignored.map((c) => c.path),
      ['/b'],
    );
    assert.equal(d.covered.length, 1);
    assert.equal(d.summary.ignored, 1);
    assert.equal(d.summary.drift, false);
  });
});

// `methods: []` in ClientIntents: one rule with the path and no method. The operator writes the
// path without methods, which Istio matches for any method (even one the CRD cannot name).
describe('a rule with a path and any method (methods: [])', () => {
  test('covers every method on its path, and no other path', () => {
    const d = drift(
      [
        call('client', 'nginx', 'GET', '/items'),
        call('client', 'nginx', 'POST', '/items'),
        call('client', 'nginx', 'get', '/items'),
        call('client', 'nginx', 'HEAD', '/items'),
        call('client', 'nginx', 'GET', '/other'),
        call('client', 'nginx', 'GET', '/items/1'),
      ],
      [rule('client', 'nginx', null, '/items')],
    );
    assert.deepEqual(d.covered.map(brief).sort(), [
      'client->nginx GET /items',
      'client->nginx HEAD /items',
      'client->nginx POST /items',
      'client->nginx get /items',
    ]);
    assert.deepEqual(
      d.missing.map((c) => [brief(c), c.wouldBeBlocked]),
      [
        ['client->nginx GET /items/1', true],
        ['client->nginx GET /other', true],
      ],
    );
    assert.deepEqual(d.stale, []);
    assert.deepEqual(d.warnings, []);
  });

  test('its path matches as Istio matches paths: templates and prefixes', () => {
    const d = drift(
      [
        call('client', 'nginx', 'DELETE', '/items/42'),
        call('client', 'nginx', 'PUT', '/items/42/tags'),
        call('client', 'nginx', 'PATCH', '/api/v1/x'),
        call('client', 'nginx', 'GET', '/apix'),
      ],
      [rule('client', 'nginx', null, '/items/{*}'), rule('client', 'nginx', null, '/api/*')],
    );
    assert.deepEqual(d.covered.map(brief).sort(), [
      'client->nginx DELETE /items/42',
      'client->nginx PATCH /api/v1/x',
    ]);
    assert.deepEqual(d.missing.map(brief).sort(), [
      'client->nginx GET /apix',
      'client->nginx PUT /items/42/tags',
    ]);
    assert.deepEqual(d.stale, []);
  });

  test('a call is used by each rule it matches: beside GET on the path, POST exercises only the any-method rule', () => {
    const d = drift(
      [call('client', 'nginx', 'POST', '/items')],
      [rule('client', 'nginx', 'GET', '/items'), rule('client', 'nginx', null, '/items')],
    );
    assert.deepEqual(d.covered.map(brief), ['client->nginx POST /items']);
    assert.deepEqual(
      d.stale.map((r) => [ruleBrief(r), r.reason]),
      [['client->nginx GET /items', 'path-not-called']],
    );
  });

  test('a call matching both its own-method rule and the any-method rule on its path uses both', () => {
    const d = drift(
      [call('client', 'nginx', 'GET', '/items')],
      [
        rule('client', 'nginx', 'GET', '/items'),
        rule('client', 'nginx', null, '/items'),
        rule('client', 'nginx', 'GET', '/items/*'),
        rule('client', 'nginx', null, null),
      ],
    );
    assert.deepEqual(d.covered.map(brief), ['client->nginx GET /items']);
    assert.deepEqual(
      d.stale.map((r) => ruleBrief(r)),
      ['client->nginx GET /items/*'],
    );
  });

  test('a target of more than eight plain rules (looked up by method and path) gives the answers of a small one', () => {
    const calls = [
      call('client', 'nginx', 'GET', '/items'),
      call('client', 'nginx', 'GET', '/orders'),
      call('client', 'nginx', 'PUT', '/x'),
    ];
    const rules = [
      rule('client', 'nginx', 'GET', '/items'),
      rule('client', 'nginx', null, '/items'),
      rule('client', 'nginx', 'GET', '/orders'),
      rule('client', 'nginx', 'PUT', null),
    ];
    const pads = Array.from({ length: 10 }, (_, i) => rule('client', 'nginx', 'GET', `/pad/${i}`));
    const small = drift(calls, rules);
    const large = drift(calls, [...rules, ...pads]);
    const covered = ['client->nginx GET /items', 'client->nginx GET /orders', 'client->nginx PUT /x'];
    assert.deepEqual(small.covered.map(brief), covered);
    assert.deepEqual(large.covered.map(brief), covered);
    assert.deepEqual(small.stale, []);
    assert.deepEqual(
      large.stale.map((r) => ruleBrief(r)),
      pads.map((r) => ruleBrief(r)).sort(),
    );
  });

  test('stale when its path is never called, with the same reasons as any rule; not checked without detail', () => {
    const d = drift(
      [call('client', 'nginx', 'GET', '/other'), call('client', 'cache', null, null)],
      [
        rule('client', 'nginx', 'GET', '/other'),
        rule('client', 'nginx', null, '/items'),
        rule('client', 'redis', null, '/q'),
        rule('idle', 'nginx', null, '/items'),
        rule('client', 'cache', null, '/c'),
      ],
    );
    assert.deepEqual(
      d.stale.map((r) => [ruleBrief(r), r.reason]),
      [
        ['client->nginx null /items', 'path-not-called'],
        ['client->redis null /q', 'server-not-called'],
        ['idle->nginx null /items', 'client-idle'],
      ],
    );
    assert.deepEqual(
      d.notChecked.map((r) => [ruleBrief(r), r.why]),
      [['client->cache null /c', 'no-http-detail']],
    );
  });

  test('is an HTTP rule: a TCP connection to its target is missing, would be blocked', () => {
    const d = drift([call('web', 'db', null, null, { protocol: 'tcp' })], [rule('web', 'db', null, '/q')]);
    assert.deepEqual(d.covered, []);
    assert.deepEqual(
      d.missing.map((c) => [brief(c), c.protocol, c.wouldBeBlocked]),
      [['web->db null null', 'tcp', true]],
    );
  });
});

describe('wouldBeBlocked', () => {
  test("a missing call says where its client's ClientIntents would declare it, blocked or not", () => {
    const file = 'intents/client.yaml';
    const declared = declaredIntents([
      { ...rule('client', 'nginx', 'GET', '/a', { file, line: 7 }), targetLine: 5 },
    ]);
    declared.documents.push({
      client: { name: 'client', namespace: NS },
      apiVersion: 'k8s.otterize.com/v2',
      file,
      line: 1,
      targetsLine: 4,
    });
    const d = computeDrift(
      observedMap([call('client', 'nginx', 'POST', '/b'), call('client', 'redis', 'GET', '/c')]),
      declared,
    );
    assert.deepEqual(
      d.missing.map((c) => [c.server.name, c.wouldBeBlocked, c.intentsFile]),
      [
        ['nginx', true, { file, line: 5 }],
        ['redis', false, { file, line: 4 }],
      ],
    );
  });

  test('true when any client declares the server, false for a server nobody declares', () => {
    const d = drift(
      [call('client2', 'nginx', 'POST', '/p'), call('client2', 'redis', 'GET', '/r')],
      [rule('client', 'nginx', 'GET', '/client-path')],
    );
    assert.deepEqual(
      d.missing.map((c) => [c.server.name, c.wouldBeBlocked]),
      [
        ['nginx', true],
        ['redis', false],
      ],
    );
  });

  test('a service target closes the workload reached through that Service', () => {
    const d = drift(
      [call('client2', 'nginx', 'POST', '/p', { service: 'nginx-service' })],
      [rule('client', 'nginx-service', 'GET', '/a', { targetType: 'service' })],
    );
    assert.equal(d.missing[0]?.wouldBeBlocked, true);
  });

  test('rules of clients outside -n still close the server', () => {
    const d = drift(
      [call('client2', 'nginx', 'POST', '/p')],
      [rule('client.other', 'nginx', 'GET', '/a')],
      ['otterize-tutorial-istio-mapping'],
    );
    assert.equal(d.missing[0]?.wouldBeBlocked, true);
    assert.equal(d.summary.declared, 0);
  });

  test('a non-HTTP target does not close a workload', () => {
    const d = drift(
      [call('client2', 'kafka', 'POST', '/p')],
      [rule('client', 'kafka', null, null, { targetType: 'kafka' })],
    );
    assert.equal(d.missing[0]?.wouldBeBlocked, false);
  });
});

describe('stale reasons', () => {
  test('client-idle, server-not-called and path-not-called', () => {
    const d = drift(
      [call('client2', 'nginx', 'POST', '/client2-path')],
      [
        rule('client', 'nginx', 'GET', '/client-path'),
        rule('client2', 'redis', 'GET', '/r'),
        rule('client2', 'nginx', 'GET', '/old-path'),
        rule('client2', 'nginx', 'POST', '/client2-path'),
      ],
    );
    assert.deepEqual(
      d.stale.map((r) => [ruleBrief(r), r.reason]),
      [
        ['client->nginx GET /client-path', 'client-idle'],
        ['client2->redis GET /r', 'server-not-called'],
        ['client2->nginx GET /old-path', 'path-not-called'],
      ],
    );
  });

  test('a client that only called external hosts is not idle', () => {
    const external = call('client', 'unknown', 'GET', '/', { service: 'api.github.com' });
    const d = computeDrift(
      observedMap([], { external: [external] }),
      declaredIntents([rule('client', 'nginx', 'GET', '/a')]),
    );
    assert.equal(d.stale[0]?.reason, 'server-not-called');
    assert.equal(d.external.length, 1);
  });

  test('an allow-all target never called is stale', () => {
    const d = drift([call('client', 'nginx', 'GET', '/a')], [rule('client', 'redis', null, null)]);
    assert.deepEqual(
      d.stale.map((r) => [r.server.name, r.reason]),
      [['redis', 'server-not-called']],
    );
  });

  test('an invalid template never matches (reading intents refuses one: bad-intents corpus)', () => {
    const d = drift(
      [call('client', 'nginx', 'GET', '/ab')],
      [rule('client', 'nginx', 'GET', '/a{*}', { file: 'intents/c.yaml', line: 9 })],
    );
    assert.equal(d.stale[0]?.reason, 'path-not-called');
    assert.equal(d.missing.length, 1);
  });
});

describe('not checked', () => {
  test('non-HTTP targets are not checked, never stale', () => {
    const d = drift(
      [call('client', 'nginx', 'GET', '/a')],
      [
        rule('client', 'nginx', 'GET', '/a'),
        rule('client', 'kafka.kafka', null, null, { targetType: 'kafka' }),
      ],
    );
    assert.deepEqual(
      d.notChecked.map((r) => [r.server.name, r.why]),
      [['kafka', 'not-http']],
    );
    assert.equal(d.stale.length, 0);
    assert.equal(d.summary.notChecked, 1);
    assert.equal(d.summary.declared, 2);
  });

  test('HTTP rules of a target called only without method/path: covered call, rules not checked', () => {
    const d = drift(
      [call('client', 'nginx', null, null)],
      [rule('client', 'nginx', 'GET', '/a'), rule('client', 'nginx', 'POST', '/b')],
    );
    assert.equal(d.covered.length, 1);
    assert.equal(d.missing.length, 0);
    assert.deepEqual(
      d.notChecked.map((r) => [r.path, r.why]),
      [
        ['/a', 'no-http-detail'],
        ['/b', 'no-http-detail'],
      ],
    );
    assert.equal(d.stale.length, 0);
  });

  test('a call with a method but no path exercises no path rule, a wildcard one neither: not checked', () => {
    // Metrics without request_path say nothing about which path was called.
    const d = drift(
      [call('client', 'nginx', 'GET', null)],
      [
        rule('client', 'nginx', 'GET', '/admin/*'),
        rule('client', 'nginx', 'GET', '/a'),
        rule('client', 'nginx', 'GET', null),
      ],
    );
    assert.deepEqual(d.covered.map(brief), ['client->nginx GET null']);
    assert.deepEqual(
      d.notChecked.map((r) => [r.path, r.why]),
      [
        ['/admin/*', 'no-http-detail'],
        ['/a', 'no-http-detail'],
      ],
    );
    assert.deepEqual(d.stale, []);
  });

  test('a call with a path but no method exercises no method rule, a wildcard one neither: not checked', () => {
    // Metrics with request_path but without request_method say nothing about the method.
    const d = drift(
      [call('client', 'nginx', null, '/admin/x')],
      [
        rule('client', 'nginx', 'GET', '/admin/*'),
        rule('client', 'nginx', 'GET', '/admin/x'),
        rule('client', 'nginx', null, '/admin/x'),
      ],
    );
    assert.deepEqual(d.covered.map(brief), ['client->nginx null /admin/x']);
    assert.deepEqual(
      d.notChecked.map((r) => [r.method, r.path, r.why]),
      [
        ['GET', '/admin/*', 'no-http-detail'],
        ['GET', '/admin/x', 'no-http-detail'],
      ],
    );
    assert.deepEqual(d.stale, []);
  });

  test('a TCP connection to a target with HTTP rules is missing and would be blocked (Istio skips such a rule on TCP)', () => {
    const d = drift(
      [call('web', 'db', null, null, { protocol: 'tcp' })],
      [rule('web', 'db', 'GET', '/q'), rule('web', 'db', 'POST', '/q')],
    );
    assert.deepEqual(d.covered, []);
    assert.deepEqual(
      d.missing.map((c) => [brief(c), c.protocol, c.wouldBeBlocked]),
      [['web->db null null', 'tcp', true]],
    );
    assert.equal(d.summary.drift, true);
    // The connection exercises none of the HTTP rules and refutes none: they are not checked.
    assert.deepEqual(
      d.notChecked.map((r) => [r.method, r.why]),
      [
        ['GET', 'no-http-detail'],
        ['POST', 'no-http-detail'],
      ],
    );
    assert.equal(d.stale.length, 0);
  });

  test('a TCP connection is allowed by a rule of its client for its server without http, beside HTTP rules', () => {
    const d = drift(
      [call('web', 'db', null, null, { protocol: 'tcp' }), call('web', 'db', 'GET', '/q')],
      [rule('web', 'db', 'GET', '/q'), rule('web', 'db', null, null), rule('web', 'api', null, null)],
    );
    assert.equal(d.missing.length, 0);
    assert.deepEqual(d.covered.map(brief).sort(), ['web->db GET /q', 'web->db null null']);
    // Only the rule without http was used by the connection; api's rule was not called.
    assert.deepEqual(
      d.stale.map((r) => [r.server.name, r.reason]),
      [['api', 'server-not-called']],
    );
  });

  test('a TCP connection beside HTTP calls with detail: the connection is missing, the calls covered', () => {
    const d = drift(
      [call('web', 'db', 'GET', '/q'), call('web', 'db', null, null, { protocol: 'tcp' })],
      [rule('web', 'db', 'GET', '/q')],
    );
    assert.deepEqual(d.covered.map(brief), ['web->db GET /q']);
    assert.deepEqual(
      d.missing.map((c) => [brief(c), c.protocol]),
      [['web->db null null', 'tcp']],
    );
    assert.equal(d.stale.length, 0);
  });

  test('with some HTTP detail for the target, unmatched rules are stale again', () => {
    const d = drift(
      [call('client', 'nginx', null, null), call('client', 'nginx', 'GET', '/a')],
      [rule('client', 'nginx', 'GET', '/a'), rule('client', 'nginx', 'POST', '/b')],
    );
    assert.deepEqual(
      d.stale.map((r) => [r.path, r.reason]),
      [['/b', 'path-not-called']],
    );
    assert.equal(d.notChecked.length, 0);
  });

  test('a call without detail to an undeclared target is missing', () => {
    const d = drift(
      [call('client', 'redis', null, null, { protocol: 'tcp' })],
      [rule('client', 'nginx', 'GET', '/a')],
    );
    assert.deepEqual(d.missing.map(brief), ['client->redis null null']);
  });
});

describe('targets and identity', () => {
  test('a service target matches the Service the call went through, not the workload name', () => {
    const d = drift(
      [
        call('client', 'nginx', 'GET', '/a', { service: 'nginx-service' }),
        call('client', 'nginx', 'GET', '/b'),
      ],
      [rule('client', 'nginx-service', 'GET', '/*', { targetType: 'service' })],
    );
    assert.deepEqual(
      d.covered.map((c) => c.path),
      ['/a'],
    );
    assert.deepEqual(
      d.missing.map((c) => c.path),
      ['/b'],
    );
  });

  test('a kubernetes target of kind Service matches the Service', () => {
    const d = drift(
      [call('client', 'nginx', 'GET', '/a', { service: 'nginx-service', serverKind: 'Deployment' })],
      [rule('client', 'nginx-service', 'GET', '/a', { serverKind: 'Service' })],
    );
    assert.equal(d.covered.length, 1);
  });

  test('a kubernetes target of kind Service kept as written is also tried as the workload of that name', () => {
    const d = drift(
      [call('client', 'nginx', 'GET', '/a'), call('other', 'nginx', 'GET', '/b')],
      [rule('client', 'nginx', 'GET', '/a', { serverKind: 'Service' })],
    );
    assert.deepEqual(d.covered.map(brief), ['client->nginx GET /a']);
    // Declared, so closed to other callers as a workload too.
    assert.deepEqual(
      d.missing.map((c) => [brief(c), c.wouldBeBlocked]),
      [['other->nginx GET /b', true]],
    );
  });

  test('rules sharing one server object keep the targets of their own type', () => {
    const kubernetes = rule('client', 'nginx', 'GET', '/a');
    const service: DeclaredRule = { ...kubernetes, targetType: 'service', path: '/b' };
    const d = drift(
      [call('client', 'nginx', 'GET', '/a'), call('client', 'web', 'GET', '/b', { service: 'nginx' })],
      [kubernetes, service],
    );
    assert.deepEqual(d.covered.map(brief), ['client->nginx GET /a', 'client->web GET /b']);
    assert.deepEqual(d.missing, []);
  });

  test('cross-namespace targets need the right namespace', () => {
    const d = drift(
      [call('client', 'backend.payments', 'GET', '/pay'), call('client', 'backend', 'GET', '/pay')],
      [rule('client', 'backend.payments', 'GET', '/pay')],
    );
    assert.deepEqual(
      d.covered.map((c) => c.server.namespace),
      ['payments'],
    );
    assert.deepEqual(
      d.missing.map((c) => [c.server.namespace, c.wouldBeBlocked]),
      [['otterize-tutorial-istio-mapping', false]],
    );
  });

  test('server kinds must agree when both are known', () => {
    const d = drift(
      [
        call('client', 'nginx', 'GET', '/a', { serverKind: 'StatefulSet' }),
        call('client', 'nginx', 'GET', '/b', { serverKind: 'Deployment' }),
        call('client', 'nginx', 'GET', '/c'),
      ],
      [rule('client', 'nginx', 'GET', '/*', { serverKind: 'Deployment' })],
    );
    assert.deepEqual(
      d.missing.map((c) => c.path),
      ['/a'],
    );
    assert.deepEqual(
      d.covered.map((c) => c.path),
      ['/b', '/c'],
    );
  });

  test('client kinds must agree when both are known', () => {
    const d = drift(
      [
        call('client', 'nginx', 'GET', '/a', { kind: 'StatefulSet' }),
        call('client', 'nginx', 'GET', '/a', { kind: 'Deployment' }),
      ],
      [rule('client', 'nginx', 'GET', '/a', { kind: 'Deployment' })],
    );
    assert.deepEqual(
      d.missing.map((c) => c.client.kind),
      ['StatefulSet'],
    );
    assert.deepEqual(
      d.covered.map((c) => c.client.kind),
      ['Deployment'],
    );
  });
});

describe('-n scopes clients', () => {
  const calls = [call('client', 'nginx', 'GET', '/a'), call('client.team-b', 'nginx', 'GET', '/b')];
  const rules = [rule('client', 'nginx', 'GET', '/a'), rule('client.team-b', 'nginx', 'GET', '/old')];

  test('only clients of the listed namespaces count, on both sides', () => {
    const d = drift(calls, rules, ['otterize-tutorial-istio-mapping']);
    assert.equal(d.summary.observed, 1);
    assert.equal(d.summary.declared, 1);
    assert.equal(d.missing.length, 0);
    assert.equal(d.stale.length, 0);
    const other = drift(calls, rules, ['team-b']);
    assert.deepEqual(
      other.missing.map((c) => c.path),
      ['/b'],
    );
    assert.deepEqual(
      other.stale.map((r) => r.path),
      ['/old'],
    );
  });

  test('no namespaces (or an empty list) means every namespace', () => {
    assert.equal(drift(calls, rules).summary.observed, 2);
    assert.equal(drift(calls, rules, []).summary.observed, 2);
  });

  test('unattributed calls are scoped by their server, external ones by their client', () => {
    const unattributed = [
      call('unknown.unknown', 'nginx', 'GET', '/'),
      call('unknown.unknown', 'web.team-b', 'GET', '/'),
    ];
    const external = [
      call('client', 'unknown.unknown', 'GET', '/'),
      call('client.team-b', 'unknown.unknown', 'GET', '/'),
    ];
    const d = computeDrift(observedMap([], { unattributed, external }), declaredIntents([]), {
      namespaces: ['team-b'],
    });
    assert.deepEqual(
      d.unattributed.map((c) => c.server.name),
      ['web'],
    );
    assert.deepEqual(
      d.external.map((c) => c.client.namespace),
      ['team-b'],
    );
  });
});

describe('output', () => {
  test('is sorted the same whatever the input order', () => {
    const calls = [
      call('b', 'nginx', 'GET', '/2'),
      call('a', 'nginx', 'GET', '/2'),
      call('a', 'nginx', 'GET', '/1'),
      call('a.zz', 'nginx', 'GET', '/1'),
    ];
    const rules = [
      rule('b', 'x', 'GET', '/', { line: 5 }),
      rule('a', 'x', 'GET', '/', { line: 7 }),
      rule('a', 'y', 'GET', '/', { line: 3 }),
    ];
    const forward = drift(calls, rules);
    const backward = drift([...calls].reverse(), [...rules].reverse());
    assert.deepEqual(backward, forward);
    assert.deepEqual(forward.missing.map(brief), [
      'a->nginx GET /1',
      'a->nginx GET /2',
      'b->nginx GET /2',
      'a->nginx GET /1',
    ]);
    assert.deepEqual(
      forward.stale.map((r) => [r.client.name, r.line]),
      [
        ['a', 3],
        ['a', 7],
        ['b', 5],
      ],
    );
  });

  test('warnings of both sides pass through, without duplicates', () => {
    const d = computeDrift(
      observedMap([], { warnings: ['no method labels', 'x'] }),
      declaredIntents([], ['x', 'skipped a file']),
    );
    assert.deepEqual(d.warnings, ['no method labels', 'x', 'skipped a file']);
  });

  test('summary counts match the lists', () => {
    const d = drift(
      [call('client', 'nginx', 'GET', '/a'), call('client2', 'nginx', 'POST', '/b')],
      [
        rule('client', 'nginx', 'GET', '/a'),
        rule('client2', 'nginx', 'GET', '/old'),
        rule('client', 'k', null, null, { targetType: 'sql' }),
      ],
    );
    assert.deepEqual(d.summary, {
      observed: 2,
      declared: 3,
      covered: 1,
      missing: 1,
      stale: 1,
      notChecked: 1,
      ignored: 0,
      drift: true,
    });
  });
});

describe('exitCodeFor', () => {
  const base = drift([], []);
  const withCounts = (missing: number, stale: number): Drift => ({
    ...base,
    summary: { ...base.summary, missing, stale, drift: missing + stale > 0 },
  });
  const table: [FailOn, missing: number, stale: number, code: 0 | 1][] = [
    ['missing', 1, 0, 1],
    ['missing', 0, 1, 0],
    ['stale', 0, 1, 1],
    ['stale', 1, 0, 0],
    ['any', 1, 0, 1],
    ['any', 0, 1, 1],
    ['any', 0, 0, 0],
    ['none', 1, 1, 0],
  ];
  for (const [failOn, missing, stale, code] of table) {
    test(`--fail-on ${failOn} with ${missing} missing, ${stale} stale -> ${code}`, () => {
      assert.equal(exitCodeFor(withCounts(missing, stale), failOn), code);
    });
  }
});
