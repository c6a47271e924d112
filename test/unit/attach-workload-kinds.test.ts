// --workloads gives the observed calls their workloads' kinds. The calls of one workload share
// one reference object, as every source makes them; the diff looks a group's rules up once per
// run of calls holding the same objects, so the kinds must not cost that sharing (a copy per
// call made a 200,000-call check with manifests half again as slow, and 150 MiB bigger).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createWorkloadLookup } from '../../src/declare/workload-manifests.ts';
import type { ObservedCall, ServerRef, WorkloadRef } from '../../src/model.ts';
import { attachWorkloadKinds } from '../../src/pipeline.ts';
import { observedMap } from '../diff/builders.ts';

const lookup = createWorkloadLookup(
  ['web', 'api'].map((name) => ({
    name,
    namespace: 'shop',
    kind: name === 'web' ? 'Deployment' : 'StatefulSet',
    serviceAccount: 'default',
    labels: {},
    file: 'manifests.yaml',
    line: 1,
  })),
);

test('kinds come from the manifests; calls that shared a workload object still share one', () => {
  const web: WorkloadRef = { name: 'web', namespace: 'shop' };
  const api: ServerRef = { name: 'api', namespace: 'shop', service: { name: 'api', namespace: 'shop' } };
  const other: ServerRef = { name: 'cache', namespace: 'shop' };
  const calls: ObservedCall[] = ['/a', '/b', '/c'].map((path) => ({
    client: web,
    server: api,
    method: 'GET',
    path,
    count: 1,
    protocol: 'http',
  }));
  calls.push({ client: web, server: other, method: 'GET', path: '/x', count: 1, protocol: 'http' });
  const map = attachWorkloadKinds(observedMap(calls), lookup);
  assert.deepEqual(
    map.calls.map((c) => `${c.client.kind} -> ${c.server.name} ${c.server.kind} ${c.server.service?.name}`),
    [
      'Deployment -> api StatefulSet api',
      'Deployment -> api StatefulSet api',
      'Deployment -> api StatefulSet api',
      'Deployment -> cache undefined undefined',
    ],
  );
  assert.equal(new Set(map.calls.map((c) => c.client)).size, 1);
  assert.equal(new Set(map.calls.slice(0, 3).map((c) => c.server)).size, 1);
  assert.equal(map.calls[3]!.server, other, 'a workload the manifests do not know keeps its object');
  assert.equal(web.kind, undefined, 'the observed references are not changed');
});

test('calls to external hosts, and from callers outside the mesh, get the kinds the manifests know', () => {
  const web: WorkloadRef = { name: 'web', namespace: 'shop' };
  const outside: ObservedCall = {
    client: web,
    server: { name: 'api.stripe.com', namespace: '' },
    method: 'POST',
    path: '/v1/charges',
    count: 2,
    protocol: 'http',
    host: 'api.stripe.com:443',
  };
  const inbound: ObservedCall = {
    client: { name: 'unknown', namespace: 'unknown' },
    server: { name: 'api', namespace: 'shop' },
    method: 'GET',
    path: '/items',
    count: 1,
    protocol: 'http',
  };
  const map = attachWorkloadKinds(observedMap([], { external: [outside], unattributed: [inbound] }), lookup);
  assert.deepEqual(
    map.external.map((c) => c.client.kind),
    ['Deployment'],
  );
  assert.deepEqual(
    map.unattributed.map((c) => [c.client.kind, c.server.kind]),
    [[undefined, 'StatefulSet']],
  );
});
