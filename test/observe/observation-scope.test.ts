// The checks every observed map passes before a verdict: what "nothing observed" says for each
// source, and when a namespace counts as a typo.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { DeclaredIntents, DeclaredRule, ObservedCall, ObservedMap } from '../../src/model.ts';
import { requireObservedScope, type ScopeSettings } from '../../src/observe/observation-scope.ts';

const call = (clientNs: string, serverNs = clientNs): ObservedCall => ({
  client: { name: 'web', namespace: clientNs },
  server: { name: 'api', namespace: serverNs },
  method: 'GET',
  path: '/',
  count: 3,
  protocol: 'http',
});
const map = (calls: ObservedCall[], extra: Partial<ObservedMap> = {}): ObservedMap => ({
  calls,
  unattributed: [],
  external: [],
  warnings: [],
  stats: { series: calls.length, sources: 1 },
  ...extra,
});
const settings = (extra: Partial<ScopeSettings> = {}): ScopeSettings => ({
  namespaces: [],
  asked: [],
  allowEmpty: false,
  source: 'metrics',
  metrics: ['capture'],
  snapshots: [],
  ...extra,
});
const declaredIn = (...namespaces: string[]): DeclaredIntents => ({
  rules: [],
  documents: namespaces.map((namespace) => ({
    client: { name: 'web', namespace },
    apiVersion: 'k8s.otterize.com/v2beta1',
    file: 'i.yaml',
    line: 1,
  })),
  warnings: [],
});
const message = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    return String(err);
  }
  return assert.fail('expected an InputError');
};

describe('nothing observed, per source', () => {
  test('series read, every count 0: no request in the window', () => {
    const empty = map([], { stats: { series: 12, sources: 3 } });
    assert.match(
      message(() => requireObservedScope(empty, settings({ source: 'sidecars' }))),
      /^nothing observed: 3 meshed pods read through the API server held no Istio request or TCP traffic; 12 Istio series read, every count 0 \(no request in the window\); likely cause: no traffic through the sidecars/,
    );
  });

  test('the mapper and a snapshot name their own causes; routine notes are not evidence', () => {
    const mapper = map([], {
      warnings: [
        'the network mapper keeps no request counts: each call it saw counts once',
        'the network mapper reported no intents',
      ],
    });
    assert.equal(
      message(() => requireObservedScope(mapper, settings({ source: 'mapper' }))),
      "nothing observed: Otterize's network mapper held no Istio request or TCP traffic; the network mapper reported no intents; likely cause: the mapper has seen no traffic yet (reset recently, or its Istio watcher is off); if the mesh truly had no traffic, --allow-empty (the action's allow-empty: true) makes this a warning",
    );
    assert.match(
      message(() => requireObservedScope(map([]), settings({ source: 'snapshot', snapshots: ['s.json'] }))),
      /^nothing observed: the snapshot s\.json held no .*likely cause: a capture taken before any traffic, or --since later than every call in it;/,
    );
  });

  test('unattributed calls count by their server, external ones by their client', () => {
    const outside = map([], { unattributed: [{ ...call('x', 'shop') }] });
    assert.equal(requireObservedScope(outside, settings({ namespaces: ['shop'], asked: ['shop'] })), outside);
    const external = map([], { external: [call('shop', 'unknown')] });
    assert.equal(
      requireObservedScope(external, settings({ namespaces: ['shop'], asked: ['shop'] })),
      external,
    );
  });
});

describe('calls from outside the mesh only', () => {
  const outside = map([], {
    unattributed: [call('x', 'shop'), call('x', 'shop')],
    stats: { series: 2, sources: 1 },
  });

  test('with intents read: nothing checked, an error; a warning with allow-empty', () => {
    assert.equal(
      message(() => requireObservedScope(outside, settings(), declaredIn('shop'))),
      "nothing checked: the 1 file read from --metrics capture held only calls from callers outside the mesh (2 unattributed: no sidecar named their source workload), and intents are checked against the calls of the mesh's own workloads; likely cause: the callers run without a sidecar (not injected, or outside the cluster); --allow-empty (the action's allow-empty: true) makes this a warning",
    );
    const warned = requireObservedScope(outside, settings({ allowEmpty: true }), declaredIn('shop'));
    assert.match(warned.warnings.at(-1)!, /^nothing checked: .* \(allow-empty: reported, not failing\)$/);
  });

  test("in scope: a workload of another namespace calling is not this one's; a call to a host outside is", () => {
    const withOther = { ...outside, calls: [call('batch', 'shop')] };
    const scoped = settings({ namespaces: ['shop'], asked: ['shop'] });
    assert.match(
      message(() => requireObservedScope(withOther, scoped, declaredIn('shop'))),
      /^nothing checked in namespace shop: .*\(2 unattributed/,
    );
    const external = { ...outside, external: [call('shop', 'unknown')] };
    assert.equal(requireObservedScope(external, scoped, declaredIn('shop')), external);
  });

  test('without intents (list, export) they are what was observed', () => {
    assert.equal(requireObservedScope(outside, settings()), outside);
  });
});

describe('namespaces', () => {
  test('declared but not observed is no typo; an environment’s namespace is not checked as one', () => {
    const observed = map([call('web')]);
    const scoped = settings({ namespaces: ['web', 'batch'], asked: ['web', 'batch'] });
    assert.equal(requireObservedScope(observed, scoped, declaredIn('batch')), observed);
    const byEnvironment = settings({ namespaces: ['web', 'quiet'], asked: [] });
    assert.equal(requireObservedScope(observed, byEnvironment, declaredIn()), observed);
  });

  test('traffic outside the scope blames what set the scope: -n, --environment, or both', () => {
    const observed = map([call('web')]);
    const cause = (extra: Partial<ScopeSettings>) =>
      message(() => requireObservedScope(observed, settings(extra), declaredIn('shop'))).replace(
        /^.*likely cause: (.*?); if the mesh.*$/,
        '$1',
      );
    assert.equal(
      cause({ namespaces: ['shop'], asked: ['shop'] }),
      '-n names namespaces the traffic was not in',
    );
    assert.equal(
      cause({ namespaces: ['shop'], asked: [] }),
      '--environment maps to namespaces the traffic was not in',
    );
    assert.equal(
      cause({ namespaces: ['shop', 'shop-2'], asked: ['shop'] }),
      '-n and --environment name namespaces the traffic was not in',
    );
  });

  test('--environment: a mapped namespace with nothing in it is a typo, named with the environment and the config', () => {
    const observed = map([call('shop'), call('payments')]);
    const prod = (namespaces: string[], asked: string[] = []) =>
      settings({
        namespaces: [...new Set([...asked, ...namespaces])],
        asked,
        environmentScope: { name: 'prod', file: '.intent-drift.yaml', namespaces },
      });
    assert.equal(
      message(() => requireObservedScope(observed, prod(['payment', 'shop']), declaredIn('shop'))),
      '--environment prod: .intent-drift.yaml maps namespace payment to it: nothing observed and nothing declared there (observed: payments, shop; declared: shop)',
    );
    // Declared there but idle this run: not a typo, as with -n.
    assert.equal(requireObservedScope(observed, prod(['billing', 'shop']), declaredIn('billing')), observed);
    // Named by -n as well: -n's message.
    assert.match(
      message(() =>
        requireObservedScope(observed, prod(['payment', 'shop'], ['payment']), declaredIn('shop')),
      ),
      /^namespace payment: nothing observed/,
    );
  });

  test('names from labels are quoted when they are not plain names', () => {
    const hostile = map([call('evil\u001b[2J')]);
    assert.equal(
      message(() => requireObservedScope(hostile, settings({ namespaces: ['shop'], asked: ['shop'] }))),
      'namespace shop: nothing observed and nothing declared there (observed: "evil\\u001b[2J")',
    );
  });

  test('allow-empty with nothing observed anywhere and no intents read: a warning, a namespace cannot be told', () => {
    const empty = map([], {
      warnings: ['no meshed pods (annotation sidecar.istio.io/status) in namespace(s) shop'],
      stats: { series: 0, sources: 0 },
    });
    const out = requireObservedScope(
      empty,
      settings({ source: 'sidecars', namespaces: ['shop'], asked: ['shop'], allowEmpty: true }),
    );
    assert.equal(
      out.warnings.at(-1),
      'nothing observed in namespace shop: 0 meshed pods read through the API server held no Istio request or TCP traffic (allow-empty: reported, not failing)',
    );
    // With intents read, an unknown namespace is still a typo.
    assert.match(
      message(() =>
        requireObservedScope(
          empty,
          settings({ namespaces: ['shpo'], asked: ['shpo'], allowEmpty: true }),
          declaredIn('shop'),
        ),
      ),
      /^namespace shpo: nothing observed and nothing declared there \(observed: none; declared: shop\)$/,
    );
  });
});

describe('what nothing observed says', () => {
  test('traffic outside -n: where the calls were, and that -n is the likely cause', () => {
    const observed = map([call('web'), call('batch')]);
    assert.equal(
      message(() =>
        requireObservedScope(
          observed,
          settings({ namespaces: ['shop'], asked: ['shop'] }),
          declaredIn('shop'),
        ),
      ),
      "nothing observed in namespace shop: the 1 file read from --metrics capture held no Istio request or TCP traffic; calls were observed in namespace batch, web only; likely cause: -n names namespaces the traffic was not in; if the mesh truly had no traffic, --allow-empty (the action's allow-empty: true) makes this a warning",
    );
  });

  test('evidence: routine notes left out, files that are not metrics said briefly, four notes at most', () => {
    const notMetrics = (n: number) =>
      Array.from(
        { length: n },
        (_, i) => `f${i}.txt: no istio_requests_total or istio_tcp_* series: it holds text`,
      );
    const said = (warnings: string[]) =>
      message(() => requireObservedScope(map([], { warnings }), settings())).replace(
        /^nothing observed: the 1 file read from --metrics capture held no Istio request or TCP traffic; (.*); likely cause: files that are not sidecar metrics .*$/,
        '$1',
      );
    assert.equal(
      said(['no istio_requests_total or istio_tcp_connections_opened_total series found', ...notMetrics(1)]),
      'f0.txt holds text',
    );
    assert.equal(
      said(notMetrics(4)),
      'f0.txt holds text; f1.txt holds text; f2.txt holds text; f3.txt holds text',
    );
    assert.equal(
      said(notMetrics(6)),
      'f0.txt holds text; f1.txt holds text; f2.txt holds text; f3.txt holds text; and 2 more',
    );
  });

  test('sidecars: no meshed pods is the likely cause when the read found none', () => {
    const noPods = map([], {
      warnings: ['no meshed pods (annotation sidecar.istio.io/status) in namespace(s) shop'],
      stats: { series: 0, sources: 0 },
    });
    assert.equal(
      message(() => requireObservedScope(noPods, settings({ source: 'sidecars' }))),
      "nothing observed: 0 meshed pods read through the API server held no Istio request or TCP traffic; no meshed pods (annotation sidecar.istio.io/status) in namespace(s) shop; likely cause: no meshed pods: label the namespace istio-injection=enabled and restart its workloads; if the mesh truly had no traffic, --allow-empty (the action's allow-empty: true) makes this a warning",
    );
  });

  test('a -n typo is told as one when nothing was observed and no intents were read (no allow-empty)', () => {
    assert.equal(
      message(() => requireObservedScope(map([]), settings({ namespaces: ['shpo'], asked: ['shpo'] }))),
      'namespace shpo: nothing observed and nothing declared there (observed: none)',
    );
  });

  test('--environment from a config without a file to name: "the config"', () => {
    const observed = map([call('shop')]);
    const scoped = settings({
      namespaces: ['payment', 'shop'],
      environmentScope: { name: 'prod', file: undefined, namespaces: ['payment', 'shop'] },
    });
    assert.equal(
      message(() => requireObservedScope(observed, scoped, declaredIn('shop'))),
      '--environment prod: the config maps namespace payment to it: nothing observed and nothing declared there (observed: shop; declared: shop)',
    );
  });
});

describe('calls without a method or path while the intents declare HTTP rules', () => {
  const tcp = (clientNs: string, detail: Partial<ObservedCall> = {}): ObservedCall => ({
    ...call(clientNs),
    method: null,
    path: null,
    ...detail,
  });
  const rule = (namespace: string, method: string | null, path: string | null): DeclaredRule => ({
    client: { name: 'web', namespace },
    server: { name: 'api', namespace },
    targetType: 'kubernetes',
    method,
    path,
    file: 'i.yaml',
    line: 1,
  });
  const declaring = (...rules: DeclaredRule[]): DeclaredIntents => ({
    ...declaredIn(...new Set(rules.map((r) => r.client.namespace))),
    rules,
  });
  const noDetail =
    'no HTTP rule can be checked: none of the 2 calls observed in scope carries a method or path, and the intents declare 1 HTTP rule; likely cause: the mesh-default Telemetry (tagOverrides request_method, request_path) is missing, or the traffic is TCP only';

  test('an error naming the calls and the rules; a warning with allow-empty', () => {
    const observed = map([tcp('shop'), tcp('shop')]);
    const declared = declaring(rule('shop', 'GET', '/orders'), rule('shop', null, null));
    assert.equal(
      message(() => requireObservedScope(observed, settings(), declared)),
      `${noDetail}; --allow-empty (the action's allow-empty: true) makes this a warning`,
    );
    const warned = requireObservedScope(observed, settings({ allowEmpty: true }), declared);
    assert.deepEqual(warned.warnings, [`${noDetail} (allow-empty: reported, not failing)`]);
    assert.equal(warned.calls, observed.calls);
  });

  test('a method alone, or a path alone, is detail enough', () => {
    const declared = declaring(rule('shop', 'GET', '/orders'));
    for (const detail of [{ method: 'GET' }, { path: '/orders' }]) {
      const observed = map([tcp('shop'), tcp('shop', detail)]);
      assert.equal(requireObservedScope(observed, settings(), declared), observed);
    }
  });

  test('without HTTP rules, TCP-only traffic is what the intents declare', () => {
    const observed = map([tcp('shop')]);
    assert.equal(requireObservedScope(observed, settings(), declaring(rule('shop', null, null))), observed);
  });

  test('-n: only the calls and the rules of the namespaces in scope count', () => {
    const scoped = settings({ namespaces: ['shop'], asked: ['shop'] });
    // Detail in web, none in shop, whose rule is an HTTP rule: an error for shop.
    const detailElsewhere = map([tcp('web', { method: 'GET', path: '/' }), tcp('shop'), tcp('shop')]);
    assert.equal(
      message(() =>
        requireObservedScope(
          detailElsewhere,
          scoped,
          declaring(rule('shop', 'GET', '/'), rule('web', 'GET', '/')),
        ),
      ),
      `${noDetail}; --allow-empty (the action's allow-empty: true) makes this a warning`,
    );
    // HTTP rules in web only: shop's TCP traffic is checked against shop's rules, none HTTP.
    const tcpInShop = map([tcp('shop'), tcp('web')]);
    assert.equal(
      requireObservedScope(tcpInShop, scoped, declaring(rule('shop', null, null), rule('web', 'GET', '/'))),
      tcpInShop,
    );
  });
});
