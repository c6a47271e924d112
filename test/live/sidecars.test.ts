import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { exportIntentsFile } from '../../src/declare/export-intents.ts';
import { readSidecars, type SidecarsProgress } from '../../src/observe/live/sidecars-source.ts';
import { NO_CLIENT_SIDECAR } from '../../src/observe/observed-map.ts';
import { DEMO_NS, demoCluster, deploymentChain, pod } from '../support/demo-cluster.ts';
import { sidecarExposition } from '../support/sidecar-metrics.ts';
import { type LiveCluster, liveCluster } from './live-harness.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

describe('sidecars source against the demo cluster', () => {
  let cluster: LiveCluster;
  const demo = demoCluster();
  before(async () => {
    cluster = await liveCluster({ objects: demo.objects, endpoints: demo.endpoints });
  });
  after(() => cluster.close());

  test('reads the demo map with Deployment kinds and never proxies pods without sidecars', async () => {
    const progress: SidecarsProgress[] = [];
    const map = await readSidecars({
      kubeconfig: cluster.kubeconfig.file,
      onProgress: (p) => progress.push(p),
    });
    const calls = map.calls.map(
      (c) =>
        `${c.client.kind}/${c.client.name} -> ${c.server.kind}/${c.server.name} ${c.method} ${c.path} ${c.count}`,
    );
    assert.deepEqual(calls, [
      'Deployment/client -> Deployment/nginx GET /client-path 287',
      'Deployment/client2 -> Deployment/nginx POST /client2-path 291',
    ]);
    assert.deepEqual(cluster.proxied().sort(), [...demo.meshedPods].sort());
    for (const unmeshed of demo.unmeshedPods) assert.ok(!cluster.proxied().includes(unmeshed), unmeshed);
    assert.deepEqual(map.pods, { meshed: 3, unmeshed: 2, read: 3, failed: 0 });
    assert.deepEqual(progress.at(-1), { reading: 'single', done: 3, total: 3 });
    assert.ok(map.warnings.some((w) => w.includes('cumulative since each sidecar started')));
    assert.ok(!map.warnings.includes(NO_CLIENT_SIDECAR), 'the clients’ sidecars saw their calls');
    const accounts = Object.fromEntries(map.workloads.map((w) => [w.name, w.serviceAccount]));
    assert.deepEqual(accounts, {
      client: 'client-service-account',
      client2: 'client2-service-account',
      nginx: 'default',
    });
  });

  test('export --format json of the live map equals export-istio-demo.json (the Otterize export format)', async () => {
    const map = await readSidecars({ kubeconfig: cluster.kubeconfig.file, namespaces: [DEMO_NS] });
    const ours = JSON.parse(exportIntentsFile(map.calls, { format: 'json' }));
    const theirs = JSON.parse(
      await readFile(path.join(ROOT, 'fixtures/intents/export-istio-demo.json'), 'utf8'),
    );
    assert.deepEqual(ours, theirs);
  });

  test('-n lists pods only in the asked namespaces, with the field selector the client sends', async () => {
    cluster.api.requests.length = 0;
    await readSidecars({ kubeconfig: cluster.kubeconfig.file, namespaces: ['kube-system'] });
    const lists = cluster.api.requests.filter((r) => r.path.endsWith('/pods'));
    assert.deepEqual(
      lists.map((r) => [r.path, r.query.fieldSelector]),
      [['/api/v1/namespaces/kube-system/pods', 'status.phase=Running']],
    );
    assert.deepEqual(cluster.proxied(), []);
    // A namespace named twice (`-n shop -n shop`) is listed once: its pods are not read twice.
    cluster.api.requests.length = 0;
    await readSidecars({ kubeconfig: cluster.kubeconfig.file, namespaces: ['kube-system', 'kube-system'] });
    assert.equal(cluster.api.requests.filter((r) => r.path.endsWith('/pods')).length, 1);
  });

  test('--context picks the kubeconfig context; an unknown one is an input error', async () => {
    await assert.rejects(
      readSidecars({ kubeconfig: cluster.kubeconfig.file, context: 'nope' }),
      /--context nope: no such context/,
    );
    await assert.rejects(
      readSidecars({ kubeconfig: cluster.kubeconfig.file, context: 'unreachable' }),
      /cannot reach the API server http:\/\/127\.0\.0\.1:9/,
    );
  });
});

describe('owners and windows', () => {
  const ns = 'shop';
  const series = (count: number) =>
    sidecarExposition([
      {
        reporter: 'source',
        client: 'web',
        server: 'cart',
        namespace: ns,
        method: 'GET',
        path: '/cart',
        count,
      },
      {
        reporter: 'source',
        client: 'web',
        server: 'cart',
        namespace: ns,
        method: 'POST',
        path: '/idle',
        count: 5,
      },
    ]);
  let webCount = 10;
  let cluster: LiveCluster;
  before(async () => {
    cluster = await liveCluster({
      objects: [
        ...deploymentChain(ns, 'web', 'abc123'),
        { kind: 'StatefulSet', apiVersion: 'apps/v1', metadata: { name: 'cart', namespace: ns } },
        { kind: 'CronJob', apiVersion: 'batch/v1', metadata: { name: 'nightly', namespace: ns } },
        {
          kind: 'Job',
          apiVersion: 'batch/v1',
          metadata: {
            name: 'nightly-28999',
            namespace: ns,
            ownerReferences: [
              { apiVersion: 'batch/v1', kind: 'CronJob', name: 'nightly', uid: 'cj', controller: true },
            ],
          },
        },
        pod({
          ns,
          name: 'web-abc123-zzz',
          owner: { kind: 'ReplicaSet', name: 'web-abc123', apiVersion: 'apps/v1' },
          labels: { 'pod-template-hash': 'abc123' },
          annotations: { 'intents.otterize.com/workload-name': 'storefront' },
        }),
        pod({
          ns,
          name: 'cart-0',
          owner: { kind: 'StatefulSet', name: 'cart', apiVersion: 'apps/v1' },
          serviceAccount: 'cart-sa',
        }),
        pod({
          ns,
          name: 'nightly-28999-q',
          owner: { kind: 'Job', name: 'nightly-28999', apiVersion: 'batch/v1' },
        }),
        pod({ ns, name: 'bare', native: true }),
      ],
      endpoints: new Map([
        [
          `${ns}/web-abc123-zzz`,
          {
            metrics: () => {
              webCount += 7;
              return series(webCount);
            },
          },
        ],
        [`${ns}/cart-0`, { metrics: () => sidecarExposition([]) }],
        [`${ns}/nightly-28999-q`, { metrics: () => sidecarExposition([]) }],
        [`${ns}/bare`, { metrics: () => sidecarExposition([]) }],
      ]),
    });
  });
  after(() => cluster.close());

  test('owner chains: Deployment (renamed by annotation), StatefulSet, CronJob, bare Pod', async () => {
    const map = await readSidecars({ kubeconfig: cluster.kubeconfig.file });
    const kinds = map.workloads.map((w) => `${w.kind}/${w.name}`).sort();
    assert.deepEqual(kinds, ['CronJob/nightly', 'Deployment/storefront', 'Pod/bare', 'StatefulSet/cart']);
    const call = map.calls.find((c) => c.path === '/cart');
    assert.equal(call?.client.name, 'storefront');
    assert.equal(call?.client.kind, 'Deployment');
    assert.equal(call?.server.kind, 'StatefulSet');
    assert.equal(map.workloads.find((w) => w.name === 'cart')?.serviceAccount, 'cart-sa');
  });

  test('--window keeps only what grew between the two readings', async () => {
    const phases = new Set<string>();
    const map = await readSidecars({
      kubeconfig: cluster.kubeconfig.file,
      namespaces: [ns],
      windowMs: 50,
      onProgress: (p) => phases.add(p.reading),
    });
    assert.deepEqual(
      map.calls.map((c) => `${c.method} ${c.path} ${c.count}`),
      ['GET /cart 7'],
    );
    assert.ok(map.window && Date.parse(map.window.to) >= Date.parse(map.window.from));
    assert.deepEqual([...phases], ['first', 'waiting', 'second']);
    assert.ok(!map.warnings.some((w) => w.includes('cumulative')));
  });
});

describe('traffic that no client sidecar saw', () => {
  // kubectl port-forward into nginx: the server's sidecar counts the calls (caller unknown), and the
  // meshed client pods, which made no call, count nothing.
  const ns = 'web';
  let cluster: LiveCluster;
  before(async () => {
    const fromOutside = sidecarExposition([
      {
        reporter: 'destination',
        client: 'unknown',
        server: 'nginx',
        namespace: ns,
        method: 'GET',
        path: '/',
        count: 12,
      },
    ]);
    cluster = await liveCluster({
      objects: [
        ...deploymentChain(ns, 'nginx', 'abc123'),
        ...deploymentChain(ns, 'client', 'def456'),
        pod({
          ns,
          name: 'nginx-abc123-a',
          owner: { kind: 'ReplicaSet', name: 'nginx-abc123', apiVersion: 'apps/v1' },
        }),
        pod({
          ns,
          name: 'client-def456-b',
          owner: { kind: 'ReplicaSet', name: 'client-def456', apiVersion: 'apps/v1' },
        }),
      ],
      endpoints: new Map([
        [`${ns}/nginx-abc123-a`, { metrics: () => fromOutside }],
        [`${ns}/client-def456-b`, { metrics: () => sidecarExposition([]) }],
      ]),
    });
  });
  after(() => cluster.close());

  test('is told apart: a warning says to drive traffic from a meshed pod', async () => {
    const map = await readSidecars({ kubeconfig: cluster.kubeconfig.file });
    assert.equal(map.unattributed.length, 1);
    assert.ok(map.warnings.includes(NO_CLIENT_SIDECAR), map.warnings.join('\n'));
    assert.match(NO_CLIENT_SIDECAR, /kubectl exec deploy\/CLIENT -- curl/);
  });
});

describe('--concurrency bounds the pods read at once', () => {
  test('two at a time: never more than two pod proxies in flight, and every pod read', async () => {
    const demo = demoCluster();
    let inFlight = 0;
    let most = 0;
    const endpoints = new Map(
      [...demo.endpoints].map(([key, endpoint]) => [
        key,
        {
          ...endpoint,
          delayMs: 150,
          metrics: () => {
            inFlight--;
            return endpoint.metrics?.() ?? '';
          },
        },
      ]),
    );
    const cluster = await liveCluster({
      objects: demo.objects,
      endpoints,
      beforeRequest: (r) => {
        if (!/\/pods\/[^/]+\/proxy\//.test(r.path)) return;
        inFlight++;
        most = Math.max(most, inFlight);
      },
    });
    try {
      const map = await readSidecars({ kubeconfig: cluster.kubeconfig.file, concurrency: 2 });
      assert.deepEqual(map.pods, { meshed: 3, unmeshed: 2, read: 3, failed: 0 });
      assert.ok(most <= 2 && most > 0, `${most} pods read at once`);
    } finally {
      await cluster.close();
    }
  });
});

describe('a namespace without meshed pods', () => {
  test('one warning that says so, and none about cumulative counts; not a permission error', async () => {
    const cluster = await liveCluster({
      objects: [pod({ ns: 'plain', name: 'app-0', meshed: false })],
    });
    try {
      const map = await readSidecars({ kubeconfig: cluster.kubeconfig.file, namespaces: ['plain'] });
      assert.deepEqual(map.pods, { meshed: 0, unmeshed: 1, read: 0, failed: 0 });
      assert.deepEqual(map.calls, []);
      assert.equal(map.stats.sources, 0);
      assert.deepEqual(map.warnings, [
        'no meshed pods (annotation sidecar.istio.io/status) in namespace(s) plain' +
          ' (ambient mode has no sidecars: use --source prometheus with waypoints)',
        'no istio_requests_total or istio_tcp_connections_opened_total series found',
      ]);
    } finally {
      await cluster.close();
    }
  });
});

describe('Otterize names on calls to and from outside the mesh', () => {
  test('an external call’s client and an unattributed call’s server carry the workloads’ Otterize names', async () => {
    const ns = 'named';
    const member = (name: string, rs: string, hash: string, otterizeName: string) =>
      pod({
        ns,
        name,
        owner: { kind: 'ReplicaSet', name: rs, apiVersion: 'apps/v1' },
        labels: { 'pod-template-hash': hash },
        annotations: { 'intents.otterize.com/workload-name': otterizeName },
      });
    const series = (reporter: 'source' | 'destination', client: string, server: string) =>
      sidecarExposition([{ reporter, client, server, namespace: ns, method: 'GET', path: '/x', count: 3 }]);
    const cluster = await liveCluster({
      objects: [
        ...deploymentChain(ns, 'web', 'abc123'),
        ...deploymentChain(ns, 'api', 'def456'),
        member('web-abc123-a', 'web-abc123', 'abc123', 'storefront'),
        member('api-def456-a', 'api-def456', 'def456', 'backend'),
      ],
      endpoints: new Map([
        // web calls a destination no workload answered; api is called from outside the mesh.
        [
          `${ns}/web-abc123-a`,
          {
            metrics: () =>
              series('source', 'web', 'unknown')
                .replaceAll('unknown-service.named.svc.cluster.local', 'api.example.com')
                .replaceAll(
                  'destination_service_name="unknown-service"',
                  'destination_service_name="api.example.com"',
                )
                .replaceAll(
                  'destination_service_namespace="named"',
                  'destination_service_namespace="unknown"',
                ),
          },
        ],
        [`${ns}/api-def456-a`, { metrics: () => series('destination', 'unknown', 'api') }],
      ]),
    });
    try {
      const map = await readSidecars({ kubeconfig: cluster.kubeconfig.file, namespaces: [ns] });
      assert.deepEqual(
        map.external.map((c) => `${c.client.kind}/${c.client.name}`),
        ['Deployment/storefront'],
      );
      assert.deepEqual(
        map.unattributed.map((c) => `${c.server.kind}/${c.server.name}`),
        ['Deployment/backend'],
      );
    } finally {
      await cluster.close();
    }
  });
  test('a call to a Service no workload answered keeps the Service’s name, though a workload shares it', async () => {
    // Service web had no ready endpoint (503 UH): the call is to the Service itself. The
    // Deployment web, Otterize name storefront, is not what it reached: no Service storefront exists.
    const ns = 'unanswered';
    const member = (name: string, rs: string, hash: string, annotations: Record<string, string> = {}) =>
      pod({
        ns,
        name,
        owner: { kind: 'ReplicaSet', name: rs, apiVersion: 'apps/v1' },
        labels: { 'pod-template-hash': hash },
        annotations,
      });
    const toService = { reporter: 'source' as const, client: 'client', server: 'unknown', service: 'web' };
    const cluster = await liveCluster({
      objects: [
        ...deploymentChain(ns, 'web', 'abc123'),
        ...deploymentChain(ns, 'client', 'def456'),
        member('web-abc123-a', 'web-abc123', 'abc123', {
          'intents.otterize.com/workload-name': 'storefront',
        }),
        member('client-def456-a', 'client-def456', 'def456'),
      ],
      endpoints: new Map([
        [`${ns}/web-abc123-a`, { metrics: () => sidecarExposition([]) }],
        [
          `${ns}/client-def456-a`,
          {
            metrics: () =>
              sidecarExposition([{ ...toService, namespace: ns, method: 'GET', path: '/x', count: 3 }]),
          },
        ],
      ]),
    });
    try {
      const map = await readSidecars({ kubeconfig: cluster.kubeconfig.file, namespaces: [ns] });
      assert.deepEqual(
        map.calls.map((c) => `${c.client.kind}/${c.client.name} -> ${c.server.kind}/${c.server.name}`),
        ['Deployment/client -> Service/web'],
      );
    } finally {
      await cluster.close();
    }
  });
});
