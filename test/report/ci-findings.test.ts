// The findings SARIF and JUnit are written from: titles and details on one line each, with
// whatever traffic and intents hold shown as escapes; one finding per template; its outcome.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { computeDrift } from '../../src/diff/compute-drift.ts';
import type { MissingCall, ObservedCall } from '../../src/model.ts';
import { type CiReportOptions, ciFindings } from '../../src/report/ci-findings.ts';
import { hasUnsafeChars } from '../../src/safe-text.ts';
import { call, declaredIntents, observedMap, rule } from '../diff/builders.ts';

const failAll: CiReportOptions = { gate: { missing: () => true, stale: () => 'fail' } };
const templated = (p: string) => (p.startsWith('/u/') ? '/u/{*}' : undefined);

describe('CI findings', () => {
  test('a newline or control character from traffic or intents never reaches a title or detail raw', () => {
    const drift = computeDrift(
      observedMap([
        call('web\n', 'api\u001b', 'GET\n', '/a\u202e'),
        call('web\n', 'api\u001b', 'GET\n', '/u/1\n'),
        call('web\n', 'api\u001b', 'GET\n', '/u/2'),
      ]),
      declaredIntents([rule('cron', 'old\nsvc', 'PUT\r', '/p\n', { targetType: 'service' })]),
      { suggestPath: templated },
    );
    const findings = ciFindings(drift, failAll);
    assert.deepEqual(
      findings.map((f) => f.title),
      ['GET\\n /a\\u202e -> api\\x1b', 'GET\\n /u/{*} -> api\\x1b', 'PUT\\r /p\\n -> service old\\nsvc'],
    );
    for (const finding of findings) {
      for (const line of [finding.title, ...finding.detail]) assert.equal(hasUnsafeChars(line), false, line);
    }
    assert.deepEqual(findings[1]!.detail, [
      'Called 20 requests, but no ClientIntents rule of web\\n allows it. Nobody declares this server yet, so enforcement would not block it.',
      'The template /u/{*} stands for the paths seen: /u/1\\n, /u/2.',
      `web\\n.${findings[1]!.client.namespace} has no ClientIntents yet: add a document for it.`,
    ]);
  });

  test('a template names the first five paths seen and counts the rest', () => {
    const calls: ObservedCall[] = [1, 2, 3, 4, 5, 6, 7].map((n) => call('web', 'api', 'GET', `/u/${n}`));
    const drift = computeDrift(observedMap(calls), declaredIntents([rule('web', 'db', 'GET', '/x')]), {
      suggestPath: templated,
    });
    const [missing] = ciFindings(drift, failAll);
    assert.equal(
      missing!.detail[1],
      'The template /u/{*} stands for the paths seen: /u/1, /u/2, /u/3, /u/4, /u/5 and 2 more.',
    );
  });

  test('a group of missing calls fails when any one of them fails the gate', () => {
    const calls = [call('web', 'api', 'GET', '/u/1'), call('web', 'api', 'GET', '/u/2')];
    const drift = computeDrift(observedMap(calls), declaredIntents([rule('web', 'db', 'GET', '/x')]), {
      suggestPath: templated,
    });
    const only = (path: string): CiReportOptions => ({
      gate: { missing: (c: MissingCall) => c.path === path, stale: () => 'pass' },
    });
    for (const path of ['/u/1', '/u/2']) {
      const findings = ciFindings(drift, only(path)).filter((f) => f.kind === 'missing');
      assert.deepEqual(
        findings.map((f) => `${f.title} ${f.outcome}`),
        ['GET /u/{*} -> api fail'],
      );
    }
  });

  test('each finding is placed at a path from the repository root', () => {
    const drift = computeDrift(
      observedMap([call('web', 'api', null, null), call('web', 'db', 'GET', '/x')]),
      declaredIntents([
        rule('web', 'api', 'GET', '/a', { file: '/repo/intents/web.yaml', line: 4 }),
        rule('web', 'db', 'GET', '/old', { file: '/repo/intents/web.yaml', line: 9 }),
      ]),
    );
    const findings = ciFindings(drift, { ...failAll, repositoryPath: (f) => f.replace('/repo/', '') });
    assert.deepEqual(
      findings.map((f) => `${f.kind} ${f.title} ${f.location?.file}:${f.location?.line}`),
      [
        'missing GET /x -> db undefined:undefined',
        'stale GET /old -> db intents/web.yaml:9',
        'no-http-detail GET /a -> api intents/web.yaml:4',
      ],
    );
  });
});
