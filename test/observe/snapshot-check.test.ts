// A snapshot may come from anywhere (a fork, an artifact): every field of the form `capture`
// writes is checked, and a field it never writes is refused, as an InputError naming the file
// and the field, never a TypeError later or a value taken on trust.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkSnapshot } from '../../src/observe/snapshot/snapshot-check.ts';

const T = '2026-03-01T10:00:00Z';

const CALL = {
  client: { name: 'web', namespace: 'shop' },
  server: { name: 'cart', namespace: 'shop', service: { name: 'cart', namespace: 'shop' } },
  method: 'GET',
  path: '/cart',
  count: 2,
  protocol: 'http',
  firstSeen: T,
  lastSeen: T,
};

/** A snapshot as capture writes it, with one call (changed by `call`) and top fields changed by `top`. */
function doc(top: Record<string, unknown> = {}, call: Record<string, unknown> = {}): Record<string, unknown> {
  const d: Record<string, unknown> = {
    kind: 'IntentDriftSnapshot',
    version: 1,
    source: 'sidecars',
    capturedAt: T,
    window: { from: T, to: T },
    calls: [{ ...CALL, ...call }],
    unattributed: [],
    external: [],
    warnings: [],
    stats: { series: 1, sources: 1 },
    ...top,
  };
  for (const [k, v] of Object.entries(d)) if (v === undefined) delete d[k];
  return d;
}

/** The call with `field` left out. */
function without(field: string): Record<string, unknown> {
  const c: Record<string, unknown> = { ...CALL };
  delete c[field];
  return c;
}

describe('checkSnapshot', () => {
  test('a span of one instant, and one written in two offsets, is taken', () => {
    const s = checkSnapshot(
      doc({ window: { from: T, to: '2026-03-01T11:00:00+01:00' } }, { lastSeen: '2026-03-01T10:00:00.000Z' }),
      'ok.json',
    );
    assert.deepEqual(s.window, { from: T, to: '2026-03-01T11:00:00+01:00' });
    assert.equal(s.calls[0]!.lastSeen, '2026-03-01T10:00:00.000Z');
  });

  test('a snapshot as capture writes it is taken whole', () => {
    const s = checkSnapshot(doc({}, { host: 'cart.shop.svc.cluster.local' }), 'ok.json');
    assert.deepEqual(s.calls, [{ ...CALL, host: 'cart.shop.svc.cluster.local' }]);
    assert.deepEqual(s.window, { from: T, to: T });
    assert.deepEqual(s.stats, { series: 1, sources: 1 });
    assert.equal(s.source, 'sidecars');
  });

  const refused: [string, Record<string, unknown>, RegExp][] = [
    [
      'a field capture never writes, at the top',
      doc({ workloads: [] }),
      /^snapshot\.workloads: is not a field/,
    ],
    [
      'a field capture never writes, in a call',
      doc({}, { verified: true }),
      /^calls\[0\]\.verified: is not a field/,
    ],
    [
      'a Service on the client',
      doc({}, { client: { name: 'web', namespace: 'shop', service: { name: 'web', namespace: 'shop' } } }),
      /^calls\[0\]\.client\.service: is not a field/,
    ],
    ['a version given as text', doc({ version: '1' }), /^snapshot version 1 is not supported/],
    ['an older version', doc({ version: 0 }), /^snapshot version 0 is not supported/],
    ['no source', doc({ source: undefined }), /^source: must be a string/],
    [
      'a capture time that is not a time',
      doc({ capturedAt: 'yesterday' }),
      /^capturedAt: must be an RFC 3339 time/,
    ],
    [
      'a window end that is not a time',
      doc({ window: { from: T, to: 'later' } }),
      /^window\.to: must be an RFC 3339 time/,
    ],
    [
      'a window that ends before it starts',
      doc({ window: { from: T, to: '2026-03-01T09:59:59Z' } }),
      /^window\.to: 2026-03-01T09:59:59Z is before window\.from \(2026-03-01T10:00:00Z\)/,
    ],
    [
      'a call last seen before it was first seen (times compared as times, not text)',
      doc({}, { lastSeen: '2026-03-01T10:30:00+01:00' }),
      /^calls\[0\]\.lastSeen: 2026-03-01T10:30:00\+01:00 is before firstSeen \(2026-03-01T10:00:00Z\)/,
    ],
    ['calls as an object', doc({ calls: { 0: CALL } }), /^calls: must be a list/],
    ['calls as text', doc({ calls: 'web' }), /^calls: must be a list/],
    ['warnings as text', doc({ warnings: 'careful' }), /^warnings: must be a list/],
    ['a warning that is not text', doc({ warnings: [{ html: '<b>' }] }), /^warnings\[0\]: must be a string/],
    ['negative series', doc({ stats: { series: -1, sources: 1 } }), /^stats\.series: must be a number >= 0/],
    ['series as text', doc({ stats: { series: '7', sources: 1 } }), /^stats\.series: must be a number >= 0/],
    [
      'a protocol Istio does not report',
      doc({}, { protocol: 'udp' }),
      /^calls\[0\]\.protocol: must be http, grpc or tcp/,
    ],
    [
      'no protocol',
      doc({ calls: [without('protocol')] }),
      /^calls\[0\]\.protocol: must be http, grpc or tcp/,
    ],
    [
      'no method (null is a method-less call; absent is a broken file)',
      doc({ calls: [without('method')] }),
      /^calls\[0\]\.method: must be a string/,
    ],
    ['no path', doc({ calls: [without('path')] }), /^calls\[0\]\.path: must be a string/],
    ['a host that is not text', doc({}, { host: 443 }), /^calls\[0\]\.host: must be a string/],
    [
      "a Service's name that is not text",
      doc(
        {},
        { server: { name: 'cart', namespace: 'shop', service: { name: ['cart'], namespace: 'shop' } } },
      ),
      /^calls\[0\]\.server\.service\.name: must be a string/,
    ],
    [
      'a path of megabytes',
      doc({}, { path: `/${'a'.repeat(64 * 1024)}` }),
      /^calls\[0\]\.path: is longer than 65536 characters/,
    ],
  ];
  for (const [what, d, expected] of refused) {
    test(`refused: ${what}`, () => {
      assert.throws(
        () => checkSnapshot(d, 'fork.json'),
        (err: Error & { file?: string }) => {
          assert.equal(err.name, 'InputError');
          assert.equal(err.file, 'fork.json');
          assert.match(err.message, expected);
          return true;
        },
      );
    });
  }

  test("a snapshot's warnings are kept to the first 10,000", () => {
    const warnings = Array.from({ length: 50_000 }, (_, i) => `warning ${i}`);
    const s = checkSnapshot(doc({ warnings }), 'noisy.json');
    assert.equal(s.warnings.length, 10_001);
    assert.equal(s.warnings.at(-2), 'warning 9999');
    assert.equal(
      s.warnings.at(-1),
      "40000 more warning(s) of noisy.json left out (a snapshot's first 10000 are kept)",
    );
    // Exactly 10,000: nothing left out, nothing said.
    const full = checkSnapshot(doc({ warnings: warnings.slice(0, 10_000) }), 'full.json');
    assert.equal(full.warnings.length, 10_000);
    assert.equal(full.warnings.at(-1), 'warning 9999');
  });
});
