// The drift-controls scenario (templates, ignore rules, an idle client, noise, a baseline) as the
// CI reports see it, with the options the CLI would build.
import path from 'node:path';
import type { CiReportInputs } from '../../src/deliver/ci-reports.ts';
import { baselineOf } from '../../src/diff/baseline.ts';
import { checkDrift } from '../../src/diff/drift-controls.ts';
import type { FailPolicy } from '../../src/diff/fail-policy.ts';
import type { DeclaredIntents, ObservedCall } from '../../src/model.ts';
import { call, declaredIntents, NS, observedMap, rule } from '../diff/builders.ts';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');

export const scenarioCalls: ObservedCall[] = [
  call('web', 'orders', 'GET', '/orders/1024/items', { count: 40 }),
  call('web', 'orders', 'GET', '/orders/1025/items', { count: 12 }),
  call('web', 'orders', 'GET', '/v1.2/status', { count: 7 }),
  call('web', 'orders', 'GET', '/debug', { count: 1 }),
  call('web', 'users', 'GET', '/users/3f2a9c1d-7b4e-4c1a-9e2f-5d6c7b8a9e0f', { count: 5 }),
  call('web', 'users', 'GET', '/healthz', { count: 30 }),
  call('web', 'users', 'GET', '/me'),
  call('web', 'cart', 'POST', '/cart/checkout', { count: 9 }),
];

export function scenarioDeclared(lineShift = 0): DeclaredIntents {
  const intents = declaredIntents([
    rule('web', 'users', 'GET', '/me', { file: 'intents/web.yaml', line: 12 + lineShift }),
    rule('web', 'users', 'GET', '/profile', { file: 'intents/web.yaml', line: 13 + lineShift }),
    rule('web', 'legacy', 'GET', '/old', { file: 'intents/web.yaml', line: 20 + lineShift }),
    rule('web', 'reports', null, null, { file: 'intents/web.yaml', line: 25 + lineShift }),
    rule('batch', 'orders', 'POST', '/orders/reindex', { file: 'intents/batch.yaml', line: 9 + lineShift }),
  ]);
  intents.documents = [
    {
      client: { name: 'web', namespace: NS },
      apiVersion: 'k8s.otterize.com/v2beta1',
      file: 'intents/web.yaml',
      line: 1,
    },
    {
      client: { name: 'batch', namespace: NS },
      apiVersion: 'k8s.otterize.com/v1alpha3',
      file: 'intents/batch.yaml',
      line: 1,
    },
  ];
  return intents;
}

export function scenarioInputs(
  policy: FailPolicy = { failOn: 'any', clientIdle: 'warn', overrides: [] },
  opts: { calls?: ObservedCall[]; lineShift?: number } = {},
): CiReportInputs {
  const declared = scenarioDeclared(opts.lineShift);
  const yesterday = checkDrift(
    observedMap([call('web', 'cart', 'POST', '/cart/checkout')]),
    declaredIntents([]),
  );
  const { drift } = checkDrift(observedMap(opts.calls ?? scenarioCalls), declared, {
    ignore: [
      { server: `${NS}/users`, path: '/healthz', file: '.intent-drift.yaml', line: 2 },
      { server: `${NS}/legacy`, file: '.intent-drift.yaml', line: 5 },
    ],
    minCount: 2,
    baseline: baselineOf(yesterday.beforeBaseline),
    policy,
  });
  return { drift, declared, policy, namespaces: [], cwd: ROOT, repositoryRoot: ROOT };
}

/**
 * One client, web, with rules in two files: one whose calls carry no method or path, one of a
 * kafka target (not in Istio's HTTP metrics), and a `DELETE` rule without a path in the second.
 */
export function notCheckedInputs(): CiReportInputs {
  const declared = declaredIntents([
    rule('web', 'orders', 'GET', '/orders', { file: 'intents/web.yaml', line: 12 }),
    rule('web', 'events', null, null, { targetType: 'kafka', file: 'intents/web.yaml', line: 20 }),
    rule('web', 'users', 'DELETE', null, { file: 'intents/web-more.yaml', line: 7 }),
  ]);
  const calls = [call('web', 'orders', null, null, { protocol: 'tcp' }), call('web', 'users', 'GET', '/u')];
  const policy: FailPolicy = { failOn: 'any', clientIdle: 'warn', overrides: [] };
  const { drift } = checkDrift(observedMap(calls), declared, { policy });
  return { drift, declared, policy, namespaces: [], cwd: ROOT, repositoryRoot: ROOT };
}
