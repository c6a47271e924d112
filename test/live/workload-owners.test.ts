// Owners as real clusters have them: a pod (or ReplicaSet) may carry several ownerReferences of
// which only the one with `controller: true` is its workload, and the same workload name may live
// in two namespaces as two different kinds.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { readSidecars } from '../../src/observe/live/sidecars-source.ts';
import { deploymentChain, namespace, pod } from '../support/demo-cluster.ts';
import type { KubeObject } from '../support/kube-api-server.ts';
import { sidecarExposition } from '../support/sidecar-metrics.ts';
import { type LiveCluster, liveCluster } from './live-harness.ts';

const call = (ns: string, client: string, server: string, path: string) =>
  sidecarExposition([{ reporter: 'source', client, server, namespace: ns, method: 'GET', path, count: 3 }]);

describe('workload owners', () => {
  let cluster: LiveCluster;
  before(async () => {
    const objects: KubeObject[] = [
      namespace('shop'),
      namespace('staging'),
      // shop/api is a Deployment; its pod is also owned (not controlled) by a PodGroup a batch
      // scheduler attached first, and its ReplicaSet by an Argo-style Rollout that does not control it.
      ...deploymentChain('shop', 'api', 'a1b2c3'),
      { kind: 'StatefulSet', apiVersion: 'apps/v1', metadata: { name: 'api', namespace: 'staging' } },
      { kind: 'StatefulSet', apiVersion: 'apps/v1', metadata: { name: 'web', namespace: 'staging' } },
      pod({
        ns: 'shop',
        name: 'api-a1b2c3-xk2p9',
        labels: { 'pod-template-hash': 'a1b2c3' },
        owners: [
          { kind: 'PodGroup', name: 'api-gang', apiVersion: 'scheduling.x-k8s.io/v1alpha1' },
          { kind: 'ReplicaSet', name: 'api-a1b2c3', apiVersion: 'apps/v1', controller: true },
        ],
      }),
      pod({
        ns: 'shop',
        name: 'web-0',
        owners: [
          { kind: 'ConfigMap', name: 'web-config', apiVersion: 'v1' },
          { kind: 'StatefulSet', name: 'web', apiVersion: 'apps/v1', controller: true },
        ],
      }),
      pod({
        ns: 'staging',
        name: 'api-0',
        owner: { kind: 'StatefulSet', name: 'api', apiVersion: 'apps/v1' },
      }),
      pod({
        ns: 'staging',
        name: 'web-0',
        owner: { kind: 'StatefulSet', name: 'web', apiVersion: 'apps/v1' },
      }),
    ];
    // The ReplicaSet's own owners: a Rollout (not the controller) listed before the Deployment.
    const rs = objects.find((o) => o.kind === 'ReplicaSet')!;
    (rs.metadata.ownerReferences as object[]).unshift({
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Rollout',
      name: 'api-rollout',
      uid: 'rollout',
      controller: false,
    });
    cluster = await liveCluster({
      objects,
      endpoints: new Map([
        ['shop/api-a1b2c3-xk2p9', { metrics: () => call('shop', 'api', 'web', '/shop-path') }],
        ['shop/web-0', { metrics: () => sidecarExposition([]) }],
        ['staging/api-0', { metrics: () => call('staging', 'api', 'web', '/staging-path') }],
        ['staging/web-0', { metrics: () => sidecarExposition([]) }],
      ]),
    });
  });
  after(() => cluster.close());

  test('the controller owner is the workload, wherever it is in ownerReferences', async () => {
    const map = await readSidecars({ kubeconfig: cluster.kubeconfig.file, namespaces: ['shop'] });
    assert.deepEqual(map.workloads.map((w) => `${w.namespace}/${w.kind}/${w.name}`).sort(), [
      'shop/Deployment/api',
      'shop/StatefulSet/web',
    ]);
    assert.equal(map.calls[0]?.client.kind, 'Deployment');
    assert.equal(map.calls[0]?.server.kind, 'StatefulSet');
  });

  test('the same name in two namespaces is two workloads, each call with its own kind', async () => {
    const map = await readSidecars({ kubeconfig: cluster.kubeconfig.file });
    assert.deepEqual(map.workloads.map((w) => `${w.namespace}/${w.kind}/${w.name}`).sort(), [
      'shop/Deployment/api',
      'shop/StatefulSet/web',
      'staging/StatefulSet/api',
      'staging/StatefulSet/web',
    ]);
    assert.deepEqual(
      map.calls.map((c) => `${c.client.namespace}/${c.client.kind}/${c.client.name} ${c.path}`),
      ['shop/Deployment/api /shop-path', 'staging/StatefulSet/api /staging-path'],
    );
  });
});
