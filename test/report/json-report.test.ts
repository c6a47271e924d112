import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { computeDrift } from '../../src/diff/compute-drift.ts';
import { type ControlledDrift, checkDrift } from '../../src/diff/drift-controls.ts';
import {
  jsonText,
  renderJsonReport,
  renderJsonReportChunks,
  toJsonReport,
} from '../../src/report/json-report.ts';
import { call, declaredIntents, observedMap, rule } from '../diff/builders.ts';
import { rawUnsafeChars, UNSAFE_SAMPLES } from '../support/unsafe-chars.ts';
import { demoDrift } from './demo-drift.ts';

describe('JSON report', () => {
  const text = renderJsonReport(demoDrift());
  const report = JSON.parse(text);

  test('top-level keys in the contract order (extras only added)', () => {
    assert.deepEqual(Object.keys(report), [
      'version',
      'summary',
      'missing',
      'stale',
      'covered',
      'notChecked',
      'unattributed',
      'external',
      'ignored',
      'warnings',
    ]);
    assert.equal(report.version, 1);
    assert.deepEqual(Object.keys(report.summary), [
      'observed',
      'declared',
      'covered',
      'missing',
      'stale',
      'notChecked',
      'ignored',
      'drift',
    ]);
  });

  test('2-space indent, trailing newline', () => {
    assert.ok(text.startsWith('{\n  "version": 1,\n'));
    assert.ok(text.endsWith('}\n'));
  });

  test('CALL and RULE shapes', () => {
    const missing = report.missing[0];
    assert.deepEqual(Object.keys(missing).slice(0, 5), ['client', 'server', 'method', 'path', 'count']);
    assert.deepEqual(missing.server.service, {
      name: 'nginx-service',
      namespace: 'otterize-tutorial-istio-mapping',
    });
    assert.equal(missing.wouldBeBlocked, true);
    const stale = report.stale[0];
    assert.deepEqual(Object.keys(stale), [
      'client',
      'server',
      'targetType',
      'method',
      'path',
      'file',
      'line',
      'reason',
    ]);
    assert.equal(stale.reason, 'path-not-called');
    assert.equal(report.notChecked[0].why, 'not-http');
    assert.equal('reason' in report.notChecked[0], false);
  });

  test('the same drift renders the same bytes, whatever the key order of the input', () => {
    const a = call('c', 'nginx', 'GET', '/users/1');
    const shuffled = {
      path: a.path,
      count: a.count,
      protocol: a.protocol,
      method: a.method,
      server: a.server,
      client: a.client,
    };
    const declared = declaredIntents([rule('c', 'nginx', 'GET', '/x', { line: 1, file: 'f.yaml' })]);
    const opts = { suggestPath: () => '/users/{*}' };
    const one = renderJsonReport(computeDrift(observedMap([a]), declared, opts));
    const two = renderJsonReport(computeDrift(observedMap([shuffled]), declared, opts));
    assert.equal(one, two);
    assert.equal(JSON.parse(one).missing[0].suggestedPath, '/users/{*}');
  });

  test('null method and path stay null', () => {
    const drift = computeDrift(
      observedMap([call('c', 'db', null, null, { protocol: 'tcp' })]),
      declaredIntents([]),
    );
    const json = JSON.parse(renderJsonReport(drift));
    assert.equal(json.missing[0].method, null);
    assert.equal(json.missing[0].path, null);
    assert.equal(json.missing[0].protocol, 'tcp');
  });

  test('wouldBeBlocked is written for every missing call, false too (the schema requires it)', () => {
    // nginx is declared by some intent (closed to undeclared callers); billing by none.
    const drift = computeDrift(
      observedMap([call('c', 'billing', 'GET', '/b'), call('c', 'nginx', 'GET', '/n')]),
      declaredIntents([rule('other', 'nginx', 'GET', '/x')]),
    );
    const json = JSON.parse(renderJsonReport(drift));
    assert.deepEqual(
      json.missing.map((m: { server: { name: string }; wouldBeBlocked: unknown }) => [
        m.server.name,
        m.wouldBeBlocked,
      ]),
      [
        ['billing', false],
        ['nginx', true],
      ],
    );
  });

  test('observedFrom as the run gave it: a live window, and --since for Prometheus', () => {
    const given: ControlledDrift['observedFrom'][] = [
      {
        source: 'sidecars',
        inputs: [],
        window: { from: '2026-03-01T10:00:00.000Z', to: '2026-03-01T10:02:00.000Z' },
      },
      { source: 'prometheus', inputs: ['http://prometheus.monitoring:9090'], since: '24h' },
    ];
    for (const observedFrom of given) {
      const drift = computeDrift(observedMap([call('c', 'nginx', 'GET', '/a')]), declaredIntents([]));
      const json = JSON.parse(renderJsonReport({ ...drift, observedFrom } as ControlledDrift));
      assert.deepEqual(json.observedFrom, observedFrom);
    }
  });

  test('streamed in pieces, the same bytes as jsonText of the whole report, unsafe characters escaped', () => {
    // Over two of the writer's batches of entries, with every unsafe character, `##[` and
    // quotes in names and paths, the config and where the calls came from.
    const hostile = Object.values(UNSAFE_SAMPLES).join('');
    const calls = Array.from({ length: 2500 }, (_, i) =>
      call(`c${i % 7}`, `s${i % 11}`, i % 3 === 0 ? 'GET' : null, `/p/${i}/${hostile}##[x]"\\`),
    );
    const declared = declaredIntents([
      rule('c1', 's1', 'GET', `/p/1/${hostile}`, { line: 3, file: `intents/${hostile}.yaml` }),
    ]);
    const drift = computeDrift(observedMap(calls), declared) as ControlledDrift;
    drift.warnings.push(`a warning with ${hostile} and ##[error]`);
    drift.config = `.intent-drift${UNSAFE_SAMPLES.rlo}.yaml`;
    drift.observedFrom = { source: 'metrics', inputs: [`cap${UNSAFE_SAMPLES.lineSeparator}ture/`, '-'] };
    const pieces = [...renderJsonReportChunks(drift)];
    assert.ok(pieces.length > 2, 'written in pieces');
    const streamed = pieces.join('');
    assert.equal(streamed, jsonText(toJsonReport(drift)));
    assert.equal(streamed, renderJsonReport(drift));
    assert.deepEqual(rawUnsafeChars(streamed), []);
    assert.ok(!streamed.includes('##['));
    assert.deepEqual(JSON.parse(streamed), JSON.parse(JSON.stringify(toJsonReport(drift))));
  });
});

describe('JSON report: what the drift controls and the declare side add', () => {
  test("a missing call's intentsFile: the file and the line where it would be declared", () => {
    const drift = computeDrift(
      observedMap([call('c', 'nginx', 'GET', '/a'), call('c', 'web', 'GET', '/b')]),
      declaredIntents([]),
    );
    const [first] = drift.missing;
    assert.ok(first);
    first.intentsFile = { file: 'intents/c.yaml', line: 7 };
    const json = JSON.parse(renderJsonReport(drift));
    assert.deepEqual(json.missing[0].intentsFile, { file: 'intents/c.yaml', line: 7 });
    assert.equal('intentsFile' in json.missing[1], false);
  });

  test('a run that found no config says "config": null', () => {
    const drift = computeDrift(observedMap([call('c', 'nginx', 'GET', '/a')]), declaredIntents([]));
    const json = JSON.parse(renderJsonReport({ ...drift, config: null } as ControlledDrift));
    assert.ok('config' in json);
    assert.equal(json.config, null);
  });

  test('the values written just before a list are escaped too (warnings before ignoredStale)', () => {
    const hostile = Object.values(UNSAFE_SAMPLES).join('');
    const { drift } = checkDrift(
      observedMap([call('web', 'users', 'GET', '/me')], { warnings: [`a warning with ${hostile}`] }),
      declaredIntents([rule('web', 'users', 'GET', '/me'), rule('web', 'legacy', 'GET', '/old')]),
      { ignore: [{ server: 'otterize-tutorial-istio-mapping/legacy', file: '.intent-drift.yaml', line: 5 }] },
    );
    assert.equal(drift.ignoredStale?.length, 1);
    const streamed = renderJsonReport(drift);
    assert.deepEqual(rawUnsafeChars(streamed), []);
    assert.equal(streamed, jsonText(toJsonReport(drift)));
    assert.deepEqual(JSON.parse(streamed).warnings, [`a warning with ${hostile}`]);
  });
});
