// Owners as real clusters have them: a pod (or ReplicaSet) may carry several ownerReferences of
// which only the one with `controller: true` is its workload, and the same workload name may live
// in two namespaces as two different kinds.
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { after, before, describe, test } from 'node:test';
import { Worker } from 'node:worker_threads';
import { loadKubeConfig } from '../../src/observe/live/kube-config.ts';
import { permissionHint } from '../../src/observe/live/kube-errors.ts';
import { type MeshedPod, WORKLOAD_NAME_ANNOTATION } from '../../src/observe/live/meshed-pods.ts';
import { readSidecars } from '../../src/observe/live/sidecars-source.ts';
import { type LiveWorkload, OwnerResolver } from '../../src/observe/live/workload-owners.ts';
import { deploymentChain, namespace, pod } from '../support/demo-cluster.ts';
import type { KubeObject } from '../support/kube-api-server.ts';
import { sidecarExposition } from '../support/sidecar-metrics.ts';
import { rawUnsafeChars } from '../support/unsafe-chars.ts';
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
      // scheduler attached first (a reference without `controller`: not the controller either), and its ReplicaSet by an Argo-style Rollout that does not control it.
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

/** A meshed pod as the listing gives it, for the resolver alone. */
function meshedPod(
  ns: string,
  name: string,
  owner: { kind: string; name: string } | undefined,
  extra: Partial<MeshedPod> = {},
): MeshedPod {
  return {
    name,
    namespace: ns,
    serviceAccount: 'default',
    owners: owner === undefined ? [] : [{ ...owner, controller: true }],
    annotations: {},
    labels: {},
    incarnation: `pod-${name}/0`,
    ...extra,
  };
}

/** An OwnerResolver on a stand-in API server holding `objects`, denied `deny`. */
async function resolverOn(objects: KubeObject[], deny: string[] = []) {
  const cluster = await liveCluster({ objects, deny });
  return {
    resolver: new OwnerResolver(loadKubeConfig({ kubeconfig: cluster.kubeconfig.file })),
    cluster,
  };
}

const shown = (workloads: LiveWorkload[]) =>
  workloads.map((w) => `${w.namespace}/${w.kind}/${w.name} (${w.istioName})`).sort();

describe('workload owners: the resolver', () => {
  test('a ReplicaSet name in two namespaces (one manifest applied twice) has an owner in each', async () => {
    const rollout = deploymentChain('staging', 'api', '7d4b9')[1]!;
    (rollout.metadata.ownerReferences as { kind: string; apiVersion: string }[])[0]!.kind = 'Rollout';
    const { resolver, cluster } = await resolverOn([...deploymentChain('shop', 'api', '7d4b9'), rollout]);
    try {
      const pods = ['shop', 'staging'].map((ns) =>
        meshedPod(ns, 'api-7d4b9-x', { kind: 'ReplicaSet', name: 'api-7d4b9' }),
      );
      assert.deepEqual(shown(await resolver.resolveAll(pods, 1)), [
        'shop/Deployment/api (api)',
        'staging/Rollout/api (api)',
      ]);
    } finally {
      await cluster.close();
    }
  });

  test('ReplicaSets and Jobs unreadable: Deployments guessed from the hash, one warning per resource', async () => {
    const { resolver, cluster } = await resolverOn([], ['get replicasets.apps', 'get jobs.batch']);
    try {
      const hashed = (name: string, rs: string, hash: string) =>
        meshedPod('shop', name, { kind: 'ReplicaSet', name: rs }, { labels: { 'pod-template-hash': hash } });
      const pods = [
        hashed('web-5f7c8-a', 'web-5f7c8', '5f7c8'),
        hashed('web-5f7c8-b', 'web-5f7c8', '5f7c8'),
        hashed('cart-9d8e7-a', 'cart-9d8e7', '9d8e7'),
        // A ReplicaSet not named NAME-HASH (made by hand, or by another controller): left as it is.
        hashed('legacy-a', 'legacy-set', 'ab12c'),
        meshedPod('shop', 'nightly-28999-q', { kind: 'Job', name: 'nightly-28999' }),
      ];
      assert.deepEqual(shown(await resolver.resolveAll(pods, 2)), [
        'shop/Deployment/cart (cart)',
        'shop/Deployment/web (web)',
        'shop/Job/nightly-28999 (nightly-28999)',
        'shop/ReplicaSet/legacy-set (legacy-set)',
      ]);
      assert.deepEqual([...resolver.warnings].sort(), [
        `cannot read Jobs (${permissionHint('get', 'jobs.batch')}): workload kinds are guessed`,
        `cannot read ReplicaSets (${permissionHint('get', 'replicasets.apps')}): workload kinds are guessed`,
      ]);
    } finally {
      await cluster.close();
    }
  });

  test('a ReplicaSet that cannot be read for another reason: the warning says why', async () => {
    // Deleted between the pod listing and its read: the API server answers 404.
    const { resolver, cluster } = await resolverOn([]);
    try {
      const pod = meshedPod(
        'shop',
        'web-5f7c8-a',
        { kind: 'ReplicaSet', name: 'web-5f7c8' },
        { labels: { 'pod-template-hash': '5f7c8' } },
      );
      assert.deepEqual(shown([await resolver.resolve(pod)]), ['shop/Deployment/web (web)']);
      assert.equal(resolver.warnings.length, 1);
      assert.match(
        resolver.warnings[0]!,
        /^cannot read ReplicaSet shop\/web-5f7c8: .*not found.*; workload kinds are guessed$/,
      );
    } finally {
      await cluster.close();
    }
  });

  test('a workload-name annotation that is no Kubernetes name: the owner names the workload, one warning', async () => {
    const { resolver, cluster } = await resolverOn(deploymentChain('shop', 'web', '5f7c8'));
    try {
      const bad = `\u001b[31m../../${'x'.repeat(300)}`;
      const pods = ['a', 'b', 'c'].map((p) =>
        meshedPod(
          'shop',
          `web-5f7c8-${p}`,
          { kind: 'ReplicaSet', name: 'web-5f7c8' },
          { annotations: { [WORKLOAD_NAME_ANNOTATION]: p === 'c' ? '../other' : bad } },
        ),
      );
      assert.deepEqual(shown(await resolver.resolveAll(pods, 1)), ['shop/Deployment/web (web)']);
      assert.equal(resolver.warnings.length, 1, resolver.warnings.join('\n'));
      const [warning] = resolver.warnings;
      assert.ok(warning !== undefined);
      assert.ok(
        warning.startsWith(
          `pod shop/web-5f7c8-a: annotation ${WORKLOAD_NAME_ANNOTATION} is not a Kubernetes name: "\\x1b[31m../../x`,
        ),
        warning,
      );
      // At most 80 characters of the annotation are quoted, control characters escaped.
      assert.deepEqual(rawUnsafeChars(warning), []);
      // The escape, [31m and ../../ are 11 of the 80: 69 x follow.
      assert.ok(warning.endsWith(`../../${'x'.repeat(69)}"; the pod's owner names it instead`), warning);
    } finally {
      await cluster.close();
    }
  });
});

describe('workload owners: ownerReferences in a cycle', () => {
  // Kubernetes does not refuse owner references that loop (the garbage collector copes with
  // them), and anyone who may write ReplicaSets in a namespace can make one. The read must end.
  const replicaSet = (name: string, controller: string): KubeObject => ({
    kind: 'ReplicaSet',
    apiVersion: 'apps/v1',
    metadata: {
      name,
      namespace: 'shop',
      uid: `rs-${name}`,
      ownerReferences: [
        {
          apiVersion: 'apps/v1',
          kind: 'ReplicaSet',
          name: controller,
          uid: `rs-${controller}`,
          controller: true,
        },
      ],
    },
  });
  const ownedBy = (set: string) => meshedPod('shop', `${set}-x`, { kind: 'ReplicaSet', name: set });
  let cluster: LiveCluster;
  const workers: Worker[] = [];
  before(async () => {
    cluster = await liveCluster({
      objects: [replicaSet('self', 'self'), replicaSet('ping', 'pong'), replicaSet('pong', 'ping')],
    });
  });
  // Closed after the tests, even one that never ends: a hang then fails the file, not the run.
  after(async () => {
    for (const worker of workers) await worker.terminate();
    await cluster.close();
  });

  /** The pods' workloads, resolved together on a worker thread (test/support/owner-walk.ts). */
  async function resolvedOnWorker(pods: MeshedPod[]): Promise<LiveWorkload[]> {
    const worker = new Worker(new URL('../support/owner-walk.ts', import.meta.url), {
      workerData: { kubeconfig: cluster.kubeconfig.file, pods },
    });
    workers.push(worker);
    const [workloads] = await once(worker, 'message');
    return workloads as LiveWorkload[];
  }

  // The tests' own limit only ends a hang; it is not what is tested.
  test('a ReplicaSet that is its own controller names the workload', { timeout: 20_000 }, async () => {
    assert.deepEqual(shown(await resolvedOnWorker([ownedBy('self')])), ['shop/ReplicaSet/self (self)']);
  });

  test('two ReplicaSets controlling each other: each pod is named by its own, read at once', {
    timeout: 20_000,
  }, async () => {
    assert.deepEqual(shown(await resolvedOnWorker([ownedBy('ping'), ownedBy('pong')])), [
      'shop/ReplicaSet/ping (ping)',
      'shop/ReplicaSet/pong (pong)',
    ]);
  });
});
