import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyBaseline, baselineOf, parseBaseline, renderBaseline } from '../../src/diff/baseline.ts';
import { computeDrift } from '../../src/diff/compute-drift.ts';
import { isInputError } from '../../src/errors.ts';
import type { Drift, ObservedCall } from '../../src/model.ts';
import { call, declaredIntents, NS, observedMap, rule } from './builders.ts';

const rules = [rule('web', 'api', 'GET', '/old', { line: 7 }), rule('web', 'api', 'GET', '/users/{*}')];

function driftOf(calls: ObservedCall[]): Drift {
  return computeDrift(observedMap(calls), declaredIntents(rules), {
    suggestPath: (p) => p.replace(/\/\d+/g, '/{*}'),
  });
}

describe('baseline', () => {
  const today = driftOf([call('web', 'api', 'POST', '/orders/1'), call('web', 'api', 'GET', '/users/5')]);

  test('records stable keys: templates for ID paths, no counts, no lines', () => {
    const baseline = baselineOf(today);
    assert.deepEqual(baseline, {
      version: 1,
      missing: [{ client: `${NS}/web`, server: `${NS}/api`, method: 'POST', path: '/orders/{*}' }],
      stale: [
        { client: `${NS}/web`, server: `${NS}/api`, targetType: 'kubernetes', method: 'GET', path: '/old' },
      ],
    });
    assert.equal(renderBaseline(baseline).includes('count'), false);
  });

  test('round trip: the drift it was written from is all in the baseline', () => {
    const baseline = parseBaseline(renderBaseline(baselineOf(today)), 'b.json');
    const { drift, outcome } = applyBaseline(today, baseline);
    assert.deepEqual([drift.missing, drift.stale], [[], []]);
    assert.equal(drift.summary.drift, false);
    assert.deepEqual(outcome, { missing: 1, stale: 1, resolved: 0 });
  });

  test('new IDs under a recorded template are not new; a new path or method is', () => {
    const baseline = baselineOf(today);
    const later = driftOf([
      call('web', 'api', 'POST', '/orders/99'),
      call('web', 'api', 'DELETE', '/orders/99'),
      call('web', 'api', 'GET', '/users/5'),
    ]);
    const { drift, outcome } = applyBaseline(later, baseline);
    assert.deepEqual(
      drift.missing.map((c) => `${c.method} ${c.path}`),
      ['DELETE /orders/99'],
    );
    assert.equal(drift.summary.missing, 1);
    assert.equal(outcome.missing, 1);
  });

  test('one entry takes out every call shown under its template, each counted', () => {
    const later = driftOf([
      call('web', 'api', 'POST', '/orders/7'),
      call('web', 'api', 'POST', '/orders/8'),
      call('web', 'api', 'GET', '/users/5'),
    ]);
    assert.equal(later.missing.length, 2);
    const { drift, outcome } = applyBaseline(later, baselineOf(today));
    assert.deepEqual([drift.missing, drift.summary.missing], [[], 0]);
    assert.deepEqual(outcome, { missing: 2, stale: 1, resolved: 0 });
  });

  test('a stale rule of another target type is not the entry of a kubernetes one', () => {
    const asService = computeDrift(
      observedMap([call('web', 'api', 'GET', '/users/5')]),
      declaredIntents([rule('web', 'api', 'GET', '/old', { targetType: 'service' })]),
    );
    const { drift, outcome } = applyBaseline(asService, baselineOf(today));
    assert.deepEqual(
      drift.stale.map((r) => `${r.targetType} ${r.method} ${r.path}`),
      ['service GET /old'],
    );
    assert.deepEqual(outcome, { missing: 0, stale: 0, resolved: 2 });
  });

  test('an entry holding a template accepts only calls shown under that template, not every path it matches', () => {
    // GET /api/{*} was recorded because order IDs were templated; /api/admin is a new endpoint.
    const templated = (p: string) => (/^\/api\/ord-/.test(p) ? '/api/{*}' : p.replace(/\/\d+/g, '/{*}'));
    const driftWith = (calls: ObservedCall[]) =>
      computeDrift(observedMap(calls), declaredIntents(rules), { suggestPath: templated });
    const baseline = baselineOf(driftWith([call('web', 'api', 'GET', '/api/ord-a1')]));
    assert.deepEqual(
      baseline.missing.map((e) => e.path),
      ['/api/{*}'],
    );
    const later = driftWith([
      call('web', 'api', 'GET', '/api/ord-z9'),
      call('web', 'api', 'GET', '/api/admin'),
      call('web', 'api', 'GET', '/api/export-all-users'),
    ]);
    const { drift, outcome } = applyBaseline(later, baseline);
    assert.deepEqual(
      drift.missing.map((c) => `${c.method} ${c.path}`),
      ['GET /api/admin', 'GET /api/export-all-users'],
    );
    assert.deepEqual(outcome, { missing: 1, stale: 2, resolved: 0 });
  });

  test('a raw path holding {**} recorded from one probe accepts that path only', () => {
    const baseline = baselineOf(driftOf([call('web', 'api', 'DELETE', '/files/{**}')]));
    assert.deepEqual(
      baseline.missing.map((e) => `${e.method} ${e.path}`),
      ['DELETE /files/{**}'],
    );
    const later = driftOf([
      call('web', 'api', 'DELETE', '/files/{**}'),
      call('web', 'api', 'DELETE', '/files/everything/at/once'),
    ]);
    assert.deepEqual(
      applyBaseline(later, baseline).drift.missing.map((c) => c.path),
      ['/files/everything/at/once'],
    );
  });

  test('a call is matched by the key it is shown under, not by its raw path', () => {
    // An entry recorded with --no-templates names /orders/1; today /orders/1 is shown under /orders/{*}.
    const raw = parseBaseline(
      JSON.stringify({
        version: 1,
        missing: [{ client: `${NS}/web`, server: `${NS}/api`, method: 'POST', path: '/orders/1' }],
      }),
      'b.json',
    );
    const { drift, outcome } = applyBaseline(today, raw);
    assert.deepEqual(
      drift.missing.map((c) => `${c.path} ${c.suggestedPath}`),
      ['/orders/1 /orders/{*}'],
    );
    assert.equal(outcome.resolved, 1);
  });

  test("entries are sorted by what they hold, not by the drift's order, so a rewrite is a small diff", () => {
    // The drift lists a client's calls to a server by path, then method; the baseline by method first.
    const drift = driftOf([call('web', 'api', 'POST', '/a'), call('web', 'api', 'GET', '/b')]);
    assert.deepEqual(
      drift.missing.map((c) => `${c.method} ${c.path}`),
      ['POST /a', 'GET /b'],
    );
    assert.deepEqual(
      baselineOf(drift).missing.map((e) => `${e.method} ${e.path}`),
      ['GET /b', 'POST /a'],
    );
  });

  test('a duplicated entry is one entry: counted once, resolved or not', () => {
    const entry = { client: `${NS}/web`, server: `${NS}/api`, method: 'POST', path: '/orders/{*}' };
    const twice = parseBaseline(JSON.stringify({ version: 1, missing: [entry, { ...entry }] }), 'b.json');
    assert.deepEqual(applyBaseline(today, twice).outcome, { missing: 1, stale: 0, resolved: 0 });
  });

  test('entries no longer seen are counted as resolved', () => {
    const fixed = driftOf([call('web', 'api', 'GET', '/old'), call('web', 'api', 'GET', '/users/5')]);
    assert.deepEqual(applyBaseline(fixed, baselineOf(today)).outcome, { missing: 0, stale: 0, resolved: 2 });
  });

  test('new stale drift alone is drift after the baseline took out every missing call', () => {
    const onlyMissing = { ...baselineOf(today), stale: [] };
    const { drift, outcome } = applyBaseline(today, onlyMissing);
    assert.deepEqual([drift.missing.length, drift.stale.length], [0, 1]);
    assert.deepEqual([drift.summary.missing, drift.summary.stale, drift.summary.drift], [0, 1, true]);
    assert.deepEqual(outcome, { missing: 1, stale: 0, resolved: 0 });
  });

  test('an entry matches field by field: its method and path are not read as one text', () => {
    const spaced = driftOf([call('web', 'api', 'GET', '/a b')]);
    assert.deepEqual(
      spaced.missing.map((c) => `${c.method} ${c.path}`),
      ['GET /a b'],
    );
    const shifted = parseBaseline(
      JSON.stringify({
        version: 1,
        missing: [{ client: `${NS}/web`, server: `${NS}/api`, method: 'GET /a', path: 'b' }],
      }),
      'b.json',
    );
    const { drift, outcome } = applyBaseline(spaced, shifted);
    assert.deepEqual(
      drift.missing.map((c) => `${c.method} ${c.path}`),
      ['GET /a b'],
    );
    assert.equal(outcome.resolved, 1);
  });

  test('a stale rule is the same entry after its line moved', () => {
    const moved = computeDrift(
      observedMap([call('web', 'api', 'GET', '/users/5')]),
      declaredIntents([rule('web', 'api', 'GET', '/old', { line: 40 })]),
    );
    assert.equal(applyBaseline(moved, baselineOf(today)).drift.stale.length, 0);
  });

  test('a file that is not a baseline is an InputError naming it', () => {
    const bad = [
      ['{"version": 1,\n "missing": [}', /^b\.json(:2)?: not a baseline/],
      ['{"version": 1,\n "missing": [] "x"}', /^b\.json:2: not a baseline/],
      ['{"version": 1,\n "missing": [] "x",\n "stale": []\n}\n', /^b\.json:2: not a baseline/],
      ['[]', /b\.json: not a baseline: not a JSON object/],
      ['{"version": 2}', /version must be 1/],
      ['{"version": 1, "missing": [{"client": 1}]}', /missing\[0\]\.client must be a string/],
      ['{"version": 1, "stale": {}}', /stale must be a list/],
      ['{"version": 1, "missing": {}}', /missing must be a list/],
      ['{"version": 1, "missing": [null]}', /missing\[0\] must be an object/],
      ['{"version": 1, "stale": [[]]}', /stale\[0\] must be an object/],
      [
        '{"version": 1, "missing": [{"client": "a/web", "server": "a/api", "method": 5}]}',
        /missing\[0\]\.method must be a string/,
      ],
      [
        '{"version": 1, "stale": [{"client": "a/web", "server": "a/api", "path": ["/x"], "targetType": "kubernetes"}]}',
        /stale\[0\]\.path must be a string/,
      ],
      [
        '{"version": 1, "stale": [{"client": "a/web", "server": "a/api"}]}',
        /stale\[0\]\.targetType must be a string/,
      ],
      ['{"version": 1, "missing": [{"client": "a/web"}]}', /missing\[0\]\.server must be a string/],
      [
        '{"version": 1, "stale": [{"server": "a/api", "targetType": "kubernetes"}]}',
        /stale\[0\]\.client must be a string/,
      ],
    ] as const;
    for (const [text, message] of bad) {
      assert.throws(
        () => parseBaseline(text, 'b.json'),
        (err) => isInputError(err) && message.test(String(err)),
        text,
      );
    }
  });
});
