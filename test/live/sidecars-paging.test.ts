// Listing pods of a cluster bigger than one page: every page is read by following `continue`
// (never by counting items), an expired token restarts the list, and a server behind a path
// prefix is reached below it, for the list and for every pod proxied to.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { loadKubeConfig } from '../../src/observe/live/kube-config.ts';
import { listMeshedPods, POD_PAGE_SIZE } from '../../src/observe/live/meshed-pods.ts';
import { readSidecars } from '../../src/observe/live/sidecars-source.ts';
import { DEMO_NS, demoCluster, namespace, pod } from '../support/demo-cluster.ts';
import type { KubeObject, LoggedRequest, PodEndpoint } from '../support/kube-api-server.ts';
import { sidecarExposition } from '../support/sidecar-metrics.ts';
import { liveCluster } from './live-harness.ts';

const NAMESPACES = ['alpha', 'beta', 'gamma'];

/** `count` bare meshed pods over three namespaces, each calling `server` once per path of its own. */
function bigCluster(count: number, withEndpoints: boolean) {
  const objects: KubeObject[] = NAMESPACES.map((ns) => namespace(ns));
  const endpoints = new Map<string, PodEndpoint>();
  for (let i = 0; i < count; i++) {
    const ns = NAMESPACES[i % NAMESPACES.length]!;
    const name = `worker-${String(i).padStart(4, '0')}`;
    objects.push(pod({ ns, name }));
    if (withEndpoints) {
      const series = [
        {
          reporter: 'source' as const,
          client: name,
          server: 'api',
          namespace: ns,
          method: 'GET',
          path: `/p/${i}`,
          count: 1,
        },
      ];
      endpoints.set(`${ns}/${name}`, { metrics: () => sidecarExposition(series) });
    }
  }
  // Pods that are not meshed or not Running sit between the meshed ones in key order.
  objects.push(pod({ ns: 'beta', name: 'worker-0001-debug', meshed: false }));
  objects.push(pod({ ns: 'alpha', name: 'worker-0002-done', phase: 'Succeeded' }));
  return { objects, endpoints };
}

const listPages = (requests: LoggedRequest[]) => requests.filter((r) => r.path.endsWith('/pods'));

describe('pod lists longer than one page', () => {
  test(`the default page size (${POD_PAGE_SIZE}): 1,203 pods come back in three pages`, async () => {
    const cluster = await liveCluster(bigCluster(1203, false));
    try {
      const listing = await listMeshedPods(loadKubeConfig({ kubeconfig: cluster.kubeconfig.file }), []);
      assert.equal(listing.meshed.length, 1203);
      assert.equal(new Set(listing.meshed.map((p) => `${p.namespace}/${p.name}`)).size, 1203);
      assert.equal(listing.unmeshed, 1);
      const pages = listPages(cluster.api.requests);
      assert.deepEqual(
        pages.map((r) => [r.query.limit, r.query.continue === undefined]),
        [
          ['500', true],
          ['500', false],
          ['500', false],
        ],
      );
    } finally {
      await cluster.close();
    }
  });

  test('readSidecars with a page size of 4 reads every meshed pod of 14, in every namespace', async () => {
    const cluster = await liveCluster(bigCluster(14, true));
    try {
      const map = await readSidecars({ kubeconfig: cluster.kubeconfig.file, pageSize: 4 });
      assert.deepEqual(map.pods, { meshed: 14, unmeshed: 1, read: 14, failed: 0 });
      assert.equal(map.calls.length, 14);
      assert.equal(new Set(map.calls.map((c) => c.path)).size, 14);
      assert.equal(listPages(cluster.api.requests).length, 4, '14 Running pods and 1 unmeshed, 4 a page');
      // -n with the same page size pages each namespace on its own.
      cluster.api.requests.length = 0;
      const two = await readSidecars({
        kubeconfig: cluster.kubeconfig.file,
        namespaces: ['alpha', 'gamma'],
        pageSize: 2,
      });
      assert.equal(two.pods.meshed, 9);
      assert.deepEqual(
        listPages(cluster.api.requests).map((r) => r.path),
        [
          ...Array(3).fill('/api/v1/namespaces/alpha/pods'),
          ...Array(2).fill('/api/v1/namespaces/gamma/pods'),
        ],
      );
    } finally {
      await cluster.close();
    }
  });

  test('a server that sends short or empty pages: the list ends only without a continue token', async () => {
    const cluster = await liveCluster({ ...bigCluster(14, false), sparsePages: true });
    try {
      const listing = await listMeshedPods(
        loadKubeConfig({ kubeconfig: cluster.kubeconfig.file }),
        ['beta'],
        2,
      );
      assert.equal(listing.meshed.length, 5);
      assert.equal(listing.unmeshed, 1);
    } finally {
      await cluster.close();
    }
  });

  test('a continue token that expired mid-list (410): the list is read again, each pod once', async () => {
    let compacted = false;
    const cluster = await liveCluster({
      ...bigCluster(14, false),
      beforeRequest: (r) => {
        // Between the first and the second page, the server compacts its history.
        if (!compacted && r.query.continue !== undefined) {
          compacted = true;
          cluster.api.compact();
        }
      },
    });
    try {
      const listing = await listMeshedPods(loadKubeConfig({ kubeconfig: cluster.kubeconfig.file }), [], 4);
      assert.ok(compacted);
      assert.equal(listing.meshed.length, 14);
      assert.equal(new Set(listing.meshed.map((p) => `${p.namespace}/${p.name}`)).size, 14);
      const fresh = listPages(cluster.api.requests).filter((r) => r.query.continue === undefined);
      assert.equal(fresh.length, 2, 'started again once');
    } finally {
      await cluster.close();
    }
  });

  test('a list that expires twice is an input error naming the 410', async () => {
    const cluster = await liveCluster({
      ...bigCluster(14, false),
      beforeRequest: (r) => {
        if (r.query.continue !== undefined) cluster.api.compact();
      },
    });
    try {
      await assert.rejects(
        listMeshedPods(loadKubeConfig({ kubeconfig: cluster.kubeconfig.file }), [], 4),
        /cannot list pods in all namespaces: HTTP 410: The provided continue parameter is too old/,
      );
    } finally {
      await cluster.close();
    }
  });

  test('a server that ignores limit and answers 200,000 pods in one page: every pod is kept', async () => {
    // "Servers may choose not to support the limit argument and will return all of the
    // available results" (the Kubernetes API reference, ListOptions.limit). Serving that many
    // pods from the stand-in would cost seconds; the client the code asks for its lists is
    // stood in for instead, answering as such a server would.
    const items = Array.from({ length: 200_000 }, (_, i) => ({
      metadata: {
        name: `p${i}`,
        namespace: 'alpha',
        annotations: i % 2 ? {} : { 'sidecar.istio.io/status': '{}' },
      },
    }));
    const core = { listPodForAllNamespaces: async () => ({ items, metadata: {} }) };
    const kc = {
      makeApiClient: () => core,
      getCurrentCluster: () => ({ name: 'big', server: 'https://big.example' }),
    } as unknown as Parameters<typeof listMeshedPods>[0];
    const listing = await listMeshedPods(kc, []);
    assert.equal(listing.meshed.length, 100_000);
    assert.equal(listing.unmeshed, 100_000);
  });
});

describe('an API server behind a path prefix (Rancher, an auth proxy)', () => {
  test('the sidecars source lists and proxies below the kubeconfig’s path', async () => {
    const demo = demoCluster();
    const cluster = await liveCluster({
      objects: demo.objects,
      endpoints: demo.endpoints,
      pathPrefix: '/k8s/clusters/c-m-4x7qz',
    });
    try {
      const map = await readSidecars({ kubeconfig: cluster.kubeconfig.file, namespaces: [DEMO_NS] });
      assert.deepEqual(map.pods, { meshed: 3, unmeshed: 1, read: 3, failed: 0 });
      assert.equal(map.calls.length, 2);
      assert.deepEqual(
        cluster.api.requests.filter((r) => r.outsidePrefix),
        [],
        'nothing went past the prefix',
      );
      assert.equal(cluster.proxied().length, 3);
    } finally {
      await cluster.close();
    }
  });
});
