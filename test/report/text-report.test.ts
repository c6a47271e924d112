import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { computeDrift } from '../../src/diff/compute-drift.ts';
import { checkDrift } from '../../src/diff/drift-controls.ts';
import { renderTextReport } from '../../src/report/text-report.ts';
import { call, declaredIntents, observedMap, rule } from '../diff/builders.ts';

/** Any raw control (other than the line feeds between lines) or bidi override character. */
function hasRawControlChars(text: string): boolean {
  return [...text].some((char) => {
    const code = char.codePointAt(0) ?? 0;
    return (code < 0x20 && char !== '\n') || code === 0x7f || code === 0x202e;
  });
}

describe('text report', () => {
  test('no drift: an OK verdict and the counts', () => {
    const drift = computeDrift(
      observedMap([call('client', 'nginx', 'GET', '/a')]),
      declaredIntents([rule('client', 'nginx', 'GET', '/a')]),
    );
    const text = renderTextReport(drift);
    assert.equal(text.split('\n')[0], 'intent-drift: OK: no drift (1 covered, 0 not checked, 0 ignored)');
    assert.match(text, /1 call observed, 1 rule declared\.\n$/);
  });

  test('TCP counts connections; HTTP and gRPC count requests', () => {
    const drift = computeDrift(
      observedMap([
        call('web', 'db', null, null, { protocol: 'tcp', count: 3 }),
        call('web', 'api', 'POST', '/pkg.Svc/Get', { protocol: 'grpc', count: 1 }),
        call('web', 'nginx', 'GET', '/a', { count: 2 }),
      ]),
      declaredIntents([]),
    );
    const text = renderTextReport(drift);
    assert.match(text, /-> db: 3 connections$/m);
    assert.match(text, /-> api: 1 request$/m);
    assert.match(text, /-> nginx: 2 requests$/m);
  });

  test('groups by client, each stale reason spelled out with file:line', () => {
    const drift = computeDrift(
      observedMap([call('b', 'nginx', 'GET', '/x'), call('a', 'redis.data', 'GET', '/k')]),
      declaredIntents([
        rule('b', 'nginx', 'GET', '/old', { file: 'i/b.yaml', line: 4 }),
        rule('b', 'web', null, null, { file: 'i/b.yaml', line: 9 }),
        rule('c', 'nginx', 'GET', '/x', { file: 'i/c.yaml', line: 2 }),
      ]),
    );
    const text = renderTextReport(drift);
    const headers = text.split('\n').filter((line) => line.includes(' in namespace '));
    assert.deepEqual(
      headers.map((h) => h.split(' ')[0]),
      ['a', 'b', 'c'],
    );
    assert.match(text, /\+ GET \/k -> redis\.data: 10 requests\n/);
    assert.match(text, /\+ GET \/x -> nginx: 10 requests, would be blocked once enforced\n/);
    assert.match(text, /- GET \/old -> nginx: path-not-called .*\n +declared at i\/b\.yaml:4\n/);
    assert.match(text, /- \(any request\) -> web: server-not-called .*\n +declared at i\/b\.yaml:9\n/);
    assert.match(text, /- GET \/x -> nginx: client-idle .*\n +declared at i\/c\.yaml:2\n/);
  });

  test('control characters from traffic are shown, never sent to the terminal', () => {
    const drift = computeDrift(
      observedMap([call('client', 'nginx', 'GET', '/a\u001b]0;pwned\u0007\n/b')]),
      declaredIntents([]),
    );
    const text = renderTextReport(drift);
    assert.equal(hasRawControlChars(text), false);
    assert.match(text, /\/a\\x1b\]0;pwned\\x07\\n\/b/);
  });

  test('long brief sections stop at the limit', () => {
    const unattributed = Array.from({ length: 15 }, (_, i) =>
      call('unknown.unknown', 'nginx', 'GET', `/${i}`),
    );
    const drift = computeDrift(observedMap([], { unattributed }), declaredIntents([]));
    const text = renderTextReport(drift, { briefLimit: 5 });
    assert.equal(text.split('\n').filter((l) => l.startsWith('  -> nginx')).length, 5);
    assert.match(text, / {2}\.\.\. and 10 more \(see the JSON report\)/);
    assert.match(text, /^unattributed: callers outside the mesh \(15\):$/m, 'the title counts them all');
  });

  test('a brief section of exactly the limit shows every line and no "... and 0 more"', () => {
    const unattributed = (n: number) =>
      Array.from({ length: n }, (_, i) => call('unknown.unknown', 'nginx', 'GET', `/${i}`));
    const at = renderTextReport(
      computeDrift(observedMap([], { unattributed: unattributed(5) }), declaredIntents([])),
      { briefLimit: 5 },
    );
    assert.equal(at.split('\n').filter((l) => l.startsWith('  -> nginx')).length, 5);
    assert.doesNotMatch(at, /\.\.\. and \d+ more/);
    const over = renderTextReport(
      computeDrift(observedMap([], { unattributed: unattributed(6) }), declaredIntents([])),
      { briefLimit: 5 },
    );
    assert.match(over, / {2}\.\.\. and 1 more \(see the JSON report\)/);
  });

  test('a call with a method and no path is shown as "DELETE *", not as one without HTTP detail', () => {
    const unattributed = [
      call('unknown.unknown', 'nginx', 'DELETE', null),
      call('unknown.unknown', 'web', null, null),
    ];
    const text = renderTextReport(computeDrift(observedMap([], { unattributed }), declaredIntents([])));
    assert.match(text, /^ {2}-> nginx\.\S+ DELETE \*: 10 requests$/m);
    assert.match(text, /^ {2}-> web\.\S+ \(no HTTP detail\): 10 requests$/m);
  });

  test('colour only when asked', () => {
    const drift = computeDrift(observedMap([call('client', 'nginx', 'GET', '/a')]), declaredIntents([]));
    assert.equal(renderTextReport(drift).includes('\u001b'), false);
    assert.equal(renderTextReport(drift, { color: false }).includes('\u001b'), false);
    assert.ok(renderTextReport(drift, { color: true }).includes('\u001b[31m'));
  });
});

describe('text report: the verdict', () => {
  test('stale rules alone are drift', () => {
    const drift = computeDrift(
      observedMap([call('client', 'nginx', 'GET', '/a')]),
      declaredIntents([rule('client', 'nginx', 'GET', '/a'), rule('client', 'nginx', 'GET', '/old')]),
    );
    assert.equal(
      renderTextReport(drift).split('\n')[0],
      'intent-drift: DRIFT: 0 missing, 1 stale (1 covered, 0 not checked, 0 ignored)',
    );
  });

  test('only rules of idle clients left: OK for what the run exercised, not plain "no drift"', () => {
    const drift = computeDrift(observedMap([]), declaredIntents([rule('idle', 'nginx', 'GET', '/a')]));
    assert.equal(
      renderTextReport(drift).split('\n')[0],
      'intent-drift: OK: no drift in what the run exercised (0 covered, 0 not checked, 0 ignored, 1 not exercised)',
    );
  });
});

describe('text report: clients and servers', () => {
  const headings = (text: string) => text.split('\n').filter((line) => line.includes(' in namespace '));

  test('clients in namespace order, then by name; one name in two namespaces is two clients', () => {
    const drift = computeDrift(
      observedMap([
        call('a.zeta', 'x.zeta', 'GET', '/z'),
        call('api.blog', 'db.blog', 'GET', '/b'),
        call('api.shop', 'db.shop', 'GET', '/s'),
        call('b.alpha', 'x.alpha', 'GET', '/a'),
      ]),
      declaredIntents([]),
    );
    assert.deepEqual(
      headings(renderTextReport(drift)).map((h) => h.replace(/:.*/, '')),
      ['b in namespace alpha', 'api in namespace blog', 'api in namespace shop', 'a in namespace zeta'],
    );
  });

  test('one server through two Services: each call names its own Service', () => {
    const drift = computeDrift(
      observedMap([
        call('client', 'nginx', 'GET', '/a', { service: 'nginx-a' }),
        call('client', 'nginx', 'GET', '/b', { service: 'nginx-b' }),
      ]),
      declaredIntents([]),
    );
    const text = renderTextReport(drift);
    assert.match(text, /^ {4}\+ GET \/a -> nginx via service nginx-a: 10 requests$/m);
    assert.match(text, /^ {4}\+ GET \/b -> nginx via service nginx-b: 10 requests$/m);
  });

  test('a report of many clients, written in pieces, lists each call once', () => {
    // About 180 characters a client: some 360 KB, over five of the writer's 64 KiB pieces.
    const n = 2000;
    const calls = Array.from({ length: n }, (_, i) =>
      call(
        `client${String(i).padStart(4, '0')}`,
        'nginx',
        'GET',
        `/a/rather/long/path/${i}/${'x'.repeat(40)}`,
      ),
    );
    const text = renderTextReport(computeDrift(observedMap(calls), declaredIntents([])));
    assert.ok(text.length > 5 * 64 * 1024, String(text.length));
    assert.equal(headings(text).length, n);
    assert.equal(
      text.split('\n').filter((line) => line.startsWith('    + GET /a/rather/long/path/')).length,
      n,
    );
    assert.equal(text.match(/^intent-drift: /gm)?.length, 1);
  });
});

describe('text report: text from traffic, files and warnings never reaches the terminal raw', () => {
  test('a method, an intents file, a declared file and a warning', () => {
    const drift = computeDrift(
      observedMap([call('client', 'nginx', 'GET\u001b[2J', '/a')], {
        warnings: ['bad \u001b]0;title\u0007 file'],
      }),
      declaredIntents([
        rule('client', 'nginx', 'GET', '/old', { file: 'intents/\u001b[31mred\u202e.yaml', line: 4 }),
      ]),
    );
    const missing = drift.missing[0];
    assert.ok(missing);
    missing.intentsFile = { file: 'intents/\u009bc\u0007.yaml', line: 7 };
    const text = renderTextReport(drift);
    assert.equal(hasRawControlChars(text), false);
    assert.ok(!text.includes('\u009b'), 'C1 CSI');
    assert.match(text, /\+ GET\\x1b\[2J \/a -> nginx/);
    assert.match(text, /declare in intents\/\\x9bc\\x07\.yaml:7$/m);
    assert.match(text, /declared at intents\/\\x1b\[31mred\\u202e\.yaml:4$/m);
    assert.match(text, /^warning: bad \\x1b\]0;title\\x07 file$/m);
  });

  test("a Service's name, an ignore rule's file and the config's path", () => {
    const { drift } = checkDrift(
      observedMap([call('client', 'nginx', 'GET', '/a', { service: 'front\u001b[2J' })]),
      declaredIntents([rule('client', 'nginx', 'GET', '/old', { file: 'intents/a.yaml', line: 4 })]),
      {
        policy: { failOn: 'any', clientIdle: 'warn', overrides: [] },
        ignore: [{ path: '/old', file: '.intent-drift\u001b[31m.yaml', line: 3 }],
      },
    );
    const controlled = drift as typeof drift & { config?: string | null };
    controlled.config = 'conf/\u001b]0;t\u0007.yaml';
    const text = renderTextReport(drift);
    assert.equal(hasRawControlChars(text), false, text);
    assert.match(text, / via service front\\x1b\[2J/);
    assert.match(text, /\(by \.intent-drift\\x1b\[31m\.yaml:3\)$/m);
    assert.match(text, /^config: conf\/\\x1b\]0;t\\x07\.yaml$/m);
  });
});

describe('text report: coverage', () => {
  test('rules not exercised because the calls carried no HTTP detail are said so', () => {
    const { drift } = checkDrift(
      observedMap([call('web', 'api', null, null)]),
      declaredIntents([rule('web', 'api', 'GET', '/a'), rule('web', 'api', 'GET', '/b')]),
      { policy: { failOn: 'any', clientIdle: 'warn', overrides: [] } },
    );
    assert.match(
      renderTextReport(drift),
      /^ {2}web\.otterize-tutorial-istio-mapping: 0 of 2 \(0%\): 2 without HTTP detail$/m,
    );
  });
});

describe('text report: a client that declares nothing', () => {
  test('has no coverage in its heading and no line in the coverage list', () => {
    const { drift } = checkDrift(
      observedMap([call('web', 'api', 'GET', '/a'), call('shop', 'api', 'GET', '/a')]),
      declaredIntents([rule('shop', 'api', 'GET', '/a'), rule('shop', 'api', 'GET', '/b')]),
      { policy: { failOn: 'any', clientIdle: 'warn', overrides: [] } },
    );
    const text = renderTextReport(drift);
    assert.match(text, /^web in namespace [^:]+: 1 missing, 0 stale$/m);
    assert.match(text, /^shop in namespace [^:]+: 0 missing, 1 stale, 1 covered, coverage 50%$/m);
    assert.doesNotMatch(text, /^ {2}web\./m);
    assert.match(text, /^ {2}shop\.[^:]+: 1 of 2 \(50%\): 1 path-not-called$/m);
  });
});
