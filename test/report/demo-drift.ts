// The seed's demo with drift, as the diff sees it: client -> nginx GET /client-path declared
// and called (covered); client2 -> nginx POST /client2-path called, not declared (missing);
// client2 -> nginx GET /old-path declared, never called (stale); a kafka target (not checked);
// plus a caller outside the mesh, an external host and a reader warning.
import { computeDrift } from '../../src/diff/compute-drift.ts';
import type { Drift } from '../../src/model.ts';
import { call, declaredIntents, observedMap, rule } from '../diff/builders.ts';
import { assertGolden as assertGoldenFile } from '../support/golden.ts';

export const demoCalls = [
  call('client', 'nginx', 'GET', '/client-path', {
    kind: 'Deployment',
    serverKind: 'Deployment',
    service: 'nginx-service',
    count: 120,
    firstSeen: '2026-03-01T10:00:00Z',
    lastSeen: '2026-03-01T10:04:00Z',
  }),
  call('client2', 'nginx', 'POST', '/client2-path', {
    kind: 'Deployment',
    serverKind: 'Deployment',
    service: 'nginx-service',
    count: 118,
    firstSeen: '2026-03-01T10:00:01Z',
    lastSeen: '2026-03-01T10:04:01Z',
  }),
];

export function demoDrift(): Drift {
  const observed = observedMap(demoCalls, {
    unattributed: [call('unknown.unknown', 'nginx', 'GET', '/', { serverKind: 'Deployment', count: 3 })],
    external: [
      call('client', 'unknown.unknown', null, null, { kind: 'Deployment', protocol: 'tcp', count: 2 }),
    ],
    warnings: ['capture/nginx.prom: 4 series without request_path were counted as service-level evidence'],
  });
  const external = observed.external[0];
  if (external) external.host = 'httpbin.org';
  const declared = declaredIntents([
    rule('client', 'nginx', 'GET', '/client-path', {
      kind: 'Deployment',
      serverKind: 'Deployment',
      file: 'intents/client.yaml',
      line: 14,
    }),
    rule('client2', 'nginx', 'GET', '/old-path', {
      kind: 'Deployment',
      serverKind: 'Deployment',
      file: 'intents/client2.yaml',
      line: 14,
    }),
    rule('client2', 'kafka.kafka', null, null, {
      targetType: 'kafka',
      kind: 'Deployment',
      file: 'intents/client2.yaml',
      line: 18,
    }),
  ]);
  return computeDrift(observed, declared);
}

/** Byte-for-byte comparison with test/golden/report/<name> (see test/support/golden.ts). */
export function assertGolden(name: string, actual: string): Promise<void> {
  return assertGoldenFile(`test/golden/report/${name}`, actual);
}
