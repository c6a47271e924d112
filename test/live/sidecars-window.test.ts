// --window when the pods change between the two readings: a rollout replaces a pod, so the old
// one, read at the first reading, is no longer listed at the second. What it served in the window
// is unknown, and the read must say so rather than report the window as if it saw everything.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { ObservedMap } from '../../src/model.ts';
import { readSidecars, type SidecarsProgress } from '../../src/observe/live/sidecars-source.ts';
import { deploymentChain, type PodSpec, pod } from '../support/demo-cluster.ts';
import type { KubeObject } from '../support/kube-api-server.ts';
import { type SeriesSpec, sidecarExposition } from '../support/sidecar-metrics.ts';
import { type LiveCluster, liveCluster } from './live-harness.ts';

const ns = 'shop';
const call = (client: string, server: string, path: string, count: number): SeriesSpec => ({
  reporter: 'source',
  client,
  server,
  namespace: ns,
  method: 'GET',
  path,
  count,
});
const ownedBy = (name: string, rs: string, hash: string, more: Partial<PodSpec> = {}) =>
  pod({
    ns,
    name,
    owner: { kind: 'ReplicaSet', name: rs, apiVersion: 'apps/v1' },
    labels: { 'pod-template-hash': hash },
    ...more,
  });
const DB_STATEFUL_SET: KubeObject = {
  kind: 'StatefulSet',
  apiVersion: 'apps/v1',
  metadata: { name: 'db', namespace: ns, uid: 'sts-db' },
};
/** A pod of the StatefulSet `db`. */
const dbMember = (name: string, more: Partial<PodSpec> = {}) =>
  pod({ ns, name, owner: { kind: 'StatefulSet', name: 'db', apiVersion: 'apps/v1' }, ...more });
/**
 * `--window` over the stand-in's namespace, with a window of 20 ms; `waiting` runs once, after
 * the first reading and before the second listing (where a test changes the cluster).
 */
const readWindow = (
  cluster: LiveCluster,
  waiting: () => void = () => {},
  more: { retries?: number } = {},
  progress: SidecarsProgress[] = [],
) =>
  readSidecars({
    kubeconfig: cluster.kubeconfig.file,
    namespaces: [ns],
    windowMs: 20,
    ...more,
    onProgress: (p) => {
      progress.push(p);
      if (p.reading === 'waiting') waiting();
    },
  });
/** The calls read, as `client->server path count`, sorted. */
const callLines = (map: ObservedMap) =>
  map.calls.map((c) => `${c.client.name}->${c.server.name} ${c.path} ${c.count}`).sort();
/** The warnings of pods whose sidecar started again in the window. */
const restartWarnings = (map: ObservedMap) =>
  map.warnings.filter((w) => w.includes('started again in the window'));
/** Puts `next` where the object named `name` was. */
function replaceObject(objects: KubeObject[], name: string, next: KubeObject): void {
  objects.splice(
    objects.findIndex((o) => o.metadata.name === name),
    1,
    next,
  );
}

describe('--window across a rollout', () => {
  let cluster: LiveCluster;
  let webReads = 0;
  const objects: KubeObject[] = [
    ...deploymentChain(ns, 'web', 'abc123'),
    ...deploymentChain(ns, 'admin', 'def456'),
    ...deploymentChain(ns, 'admin', 'fed654').filter((o) => o.kind === 'ReplicaSet'),
    ownedBy('web-abc123-a', 'web-abc123', 'abc123'),
    ownedBy('admin-def456-a', 'admin-def456', 'def456'),
  ];
  /** At the wait: admin's old pod goes, its new one (the next ReplicaSet) comes. */
  const rollOut = () => {
    replaceObject(objects, 'admin-def456-a', ownedBy('admin-fed654-b', 'admin-fed654', 'fed654'));
  };
  before(async () => {
    cluster = await liveCluster({
      objects,
      endpoints: new Map([
        // web's counter grows by 5 a reading.
        [
          `${ns}/web-abc123-a`,
          { metrics: () => sidecarExposition([call('web', 'cart', '/cart', 10 + 5 * ++webReads)]) },
        ],
        // The old admin pod's 40 calls were all made before the window.
        [`${ns}/admin-def456-a`, { metrics: () => sidecarExposition([call('admin', 'db', '/wipe', 40)]) }],
        // The new pod started within the window: all of its count is the window's.
        [`${ns}/admin-fed654-b`, { metrics: () => sidecarExposition([call('admin', 'db', '/wipe', 2)]) }],
      ]),
    });
  });
  after(() => cluster.close());

  test('a pod read first and gone at the second reading is a warning naming it', async () => {
    const map = await readWindow(cluster, () => rollOut());
    const gone = map.warnings.filter((w) => w.includes('admin-def456-a'));
    assert.equal(gone.length, 1, map.warnings.join('\n'));
    assert.match(
      gone[0]!,
      /^pod shop\/admin-def456-a: .*gone: read at the first reading, not a Running pod at the second .*its calls in the window are unknown/,
    );
    assert.ok(!map.warnings.some((w) => /web-abc123-a|admin-fed654-b/.test(w)), map.warnings.join('\n'));
    // Its first reading is not the window's: only the new pod's 2 count, not 40 more.
    assert.deepEqual(callLines(map), ['admin->db /wipe 2', 'web->cart /cart 5']);
    assert.deepEqual(map.pods, { meshed: 2, unmeshed: 0, read: 2, failed: 1 });
  });
});

describe('--window with a pod unread at the first reading', () => {
  test('its second reading is left out (where its counters started is unknown), with the first fault', async () => {
    let reads = 0;
    let adminReads = 0;
    const cluster = await liveCluster({
      objects: [
        ...deploymentChain(ns, 'web', 'abc123'),
        ...deploymentChain(ns, 'admin', 'def456'),
        ownedBy('web-abc123-a', 'web-abc123', 'abc123'),
        ownedBy('admin-def456-a', 'admin-def456', 'def456'),
      ],
      endpoints: new Map([
        [
          `${ns}/web-abc123-a`,
          { metrics: () => sidecarExposition([call('web', 'cart', '/cart', 10 + 5 * ++reads)]) },
        ],
        // Cut mid-line the first time; whole, with 50 calls since its proxy started, the second.
        [
          `${ns}/admin-def456-a`,
          {
            metrics: () =>
              ++adminReads === 1
                ? 'istio_requests_total{reporter="source"'
                : sidecarExposition([call('admin', 'db', '/wipe', 50)]),
          },
        ],
      ]),
    });
    try {
      const map = await readWindow(cluster, undefined, { retries: 0 });
      assert.deepEqual(callLines(map), ['web->cart /cart 5']);
      assert.equal(adminReads, 2, 'read at both readings');
      assert.ok(
        map.warnings.some((w) =>
          /^pod shop\/admin-def456-a: .*truncated: body ends in the middle of a line/.test(w),
        ),
        map.warnings.join('\n'),
      );
    } finally {
      await cluster.close();
    }
  });
});

describe('--window when a sidecar starts again between the readings', () => {
  test('a restarted proxy and a StatefulSet pod recreated under its name count whole from their start, with a warning', async () => {
    const objects: KubeObject[] = [
      ...deploymentChain(ns, 'web', 'abc123'),
      ...deploymentChain(ns, 'admin', 'def456'),
      ...deploymentChain(ns, 'shipper', 'aaa111'),
      DB_STATEFUL_SET,
      ownedBy('web-abc123-a', 'web-abc123', 'abc123'),
      ownedBy('admin-def456-a', 'admin-def456', 'def456'),
      ownedBy('shipper-aaa111-a', 'shipper-aaa111', 'aaa111', { native: true }),
      dbMember('db-0'),
    ];
    // What each pod's proxy counts at the first and the second reading.
    const counts: Record<string, [SeriesSpec, SeriesSpec]> = {
      // Unchanged: 10 calls before the window, 5 in it.
      'web-abc123-a': [call('web', 'cart', '/cart', 10), call('web', 'cart', '/cart', 15)],
      // Its istio-proxy container restarted in the window and has made 45 calls since: more
      // than the 40 of the first reading, so the difference (5) would hide 40 of them.
      'admin-def456-a': [call('admin', 'db', '/wipe', 40), call('admin', 'db', '/wipe', 45)],
      // A native sidecar (an init container) restarted: the same count as before, 30 new calls.
      'shipper-aaa111-a': [call('shipper', 'db', '/ship', 30), call('shipper', 'db', '/ship', 30)],
      // Replaced by a new pod of the same name (a new UID): 7 calls since, against 9 before.
      'db-0': [call('db', 'disk', '/write', 9), call('db', 'disk', '/write', 7)],
    };
    let second = false;
    const endpoints = new Map(
      Object.entries(counts).map(([name, [first, then]]) => [
        `${ns}/${name}`,
        { metrics: () => sidecarExposition([second ? then : first]) },
      ]),
    );
    const cluster = await liveCluster({ objects, endpoints });
    try {
      const map = await readWindow(cluster, () => {
        second = true;
        const restarted = { proxyRestarts: 1 };
        replaceObject(
          objects,
          'admin-def456-a',
          ownedBy('admin-def456-a', 'admin-def456', 'def456', restarted),
        );
        replaceObject(
          objects,
          'shipper-aaa111-a',
          ownedBy('shipper-aaa111-a', 'shipper-aaa111', 'aaa111', { native: true, proxyRestarts: 3 }),
        );
        replaceObject(objects, 'db-0', dbMember('db-0', { uid: 'pod-db-0-second' }));
      });
      assert.deepEqual(callLines(map), [
        'admin->db /wipe 45',
        'db->disk /write 7',
        'shipper->db /ship 30',
        'web->cart /cart 5',
      ]);
      const restarts = restartWarnings(map);
      assert.deepEqual(
        restarts.map((w) => w.split(':')[0]),
        ['pod shop/admin-def456-a', 'pod shop/db-0', 'pod shop/shipper-aaa111-a'],
        map.warnings.join('\n'),
      );
      assert.match(restarts[0]!, /its calls between the first reading and the restart are unknown/);
      assert.deepEqual(map.pods, { meshed: 4, unmeshed: 0, read: 4, failed: 0 });
    } finally {
      await cluster.close();
    }
  });
});

describe('--window when a sidecar starts again after the second listing', () => {
  test("Envoy's uptime tells it: the second reading counts whole, with the same warning", async () => {
    const objects: KubeObject[] = [
      ...deploymentChain(ns, 'web', 'abc123'),
      ...deploymentChain(ns, 'admin', 'def456'),
      ...deploymentChain(ns, 'noisy', 'bbb222'),
      ...deploymentChain(ns, 'quiet', 'ccc333'),
      ...deploymentChain(ns, 'clocky', 'ddd444'),
      ownedBy('web-abc123-a', 'web-abc123', 'abc123'),
      ownedBy('admin-def456-a', 'admin-def456', 'def456'),
      ownedBy('noisy-bbb222-a', 'noisy-bbb222', 'bbb222'),
      ownedBy('quiet-ccc333-a', 'quiet-ccc333', 'ccc333'),
      ownedBy('clocky-ddd444-a', 'clocky-ddd444', 'ddd444'),
    ];
    // Both listings show the same pods, UIDs and restart counts: admin's proxy restarts after
    // the second listing and has counted 45 calls by its second reading, 3 s after its start.
    let second = false;
    const reading = (
      first: SeriesSpec,
      then: SeriesSpec,
      uptimes: [number | null, number | null],
      appLines: (second: boolean) => string[] = () => [],
    ) => ({
      metrics: () =>
        sidecarExposition([second ? then : first], {
          uptimeSeconds: second ? uptimes[1] : uptimes[0],
          appLines: appLines(second),
        }),
    });
    const endpoints = new Map([
      // Not restarted: the uptime grew (Envoy's flush lags the clock; here it did not move).
      [
        `${ns}/web-abc123-a`,
        reading(call('web', 'cart', '/cart', 10), call('web', 'cart', '/cart', 15), [900, 900]),
      ],
      [
        `${ns}/admin-def456-a`,
        reading(call('admin', 'db', '/wipe', 40), call('admin', 'db', '/wipe', 45), [5_000, 3]),
      ],
      // Its app appends envoy_server_uptime series of its own after Envoy's part, as if its proxy
      // had restarted, one with a value no counter has: not Envoy's, not read, not a fault.
      [
        `${ns}/noisy-bbb222-a`,
        reading(call('noisy', 'cart', '/n', 20), call('noisy', 'cart', '/n', 26), [700, 700], (again) => [
          '# TYPE envoy_server_uptime gauge',
          `envoy_server_uptime{} ${again ? -5 : 9_000}`,
          `envoy_server_uptime{app="noisy"} ${again ? 2 : 9_000}`,
        ]),
      ],
      // No Envoy uptime at all, and one with labels from its app: not Envoy's either, so the
      // counters' difference stands.
      [
        `${ns}/quiet-ccc333-a`,
        reading(call('quiet', 'cart', '/q', 8), call('quiet', 'cart', '/q', 12), [null, null], (again) => [
          '# TYPE envoy_server_uptime gauge',
          `envoy_server_uptime{app="quiet"} ${again ? 1 : 9_000}`,
        ]),
      ],
      // Envoy's unsigned gauge wrapped (its clock stepped back past its start): no uptime to go
      // by, a good answer all the same, and the counters' difference stands.
      [
        `${ns}/clocky-ddd444-a`,
        reading(call('clocky', 'cart', '/c', 10), call('clocky', 'cart', '/c', 12), [2 ** 64 - 1, 3]),
      ],
    ]);
    const cluster = await liveCluster({ objects, endpoints });
    try {
      const map = await readWindow(cluster, () => {
        // The pods change nothing the listing shows; only their answers change.
        second = true;
      });
      assert.deepEqual(callLines(map), [
        'admin->db /wipe 45',
        'clocky->cart /c 2',
        'noisy->cart /n 6',
        'quiet->cart /q 4',
        'web->cart /cart 5',
      ]);
      const restarts = restartWarnings(map);
      assert.deepEqual(
        restarts.map((w) => w.split(':')[0]),
        ['pod shop/admin-def456-a'],
        map.warnings.join('\n'),
      );
      assert.deepEqual(map.pods, { meshed: 5, unmeshed: 0, read: 5, failed: 0 });
    } finally {
      await cluster.close();
    }
  });
});

describe('--window with a workload that starts in the window', () => {
  test('its pod, new at the second listing, is named as the first listing’s are (kind, Otterize name)', async () => {
    const objects: KubeObject[] = [
      ...deploymentChain(ns, 'web', 'abc123'),
      ownedBy('web-abc123-a', 'web-abc123', 'abc123'),
    ];
    let reads = 0;
    const cluster = await liveCluster({
      objects,
      endpoints: new Map([
        [
          `${ns}/web-abc123-a`,
          { metrics: () => sidecarExposition([call('web', 'cart', '/cart', 10 + 5 * ++reads)]) },
        ],
        [
          `${ns}/reporter-bbb222-a`,
          { metrics: () => sidecarExposition([call('reporter', 'db', '/rows', 3)]) },
        ],
      ]),
    });
    const progress: SidecarsProgress[] = [];
    try {
      const map = await readWindow(
        cluster,
        () => {
          if (objects.some((o) => o.metadata.name === 'reporter')) return;
          // A Deployment created in the window, its pods named for Otterize by annotation.
          objects.push(
            ...deploymentChain(ns, 'reporter', 'bbb222'),
            ownedBy('reporter-bbb222-a', 'reporter-bbb222', 'bbb222', {
              annotations: { 'intents.otterize.com/workload-name': 'nightly-reports' },
            }),
          );
        },
        {},
        progress,
      );
      // Each reading counts against its own listing: one pod first, two at the second; the wait, in ms.
      assert.deepEqual(
        progress.filter((p) => p.done === p.total || p.reading === 'waiting'),
        [
          { reading: 'first', done: 1, total: 1 },
          { reading: 'waiting', done: 0, total: 20 },
          { reading: 'second', done: 2, total: 2 },
        ],
      );
      assert.deepEqual(
        map.calls
          .map((c) => `${c.client.name}/${c.client.kind}->${c.server.name} ${c.path} ${c.count}`)
          .sort(),
        ['nightly-reports/Deployment->db /rows 3', 'web/Deployment->cart /cart 5'],
      );
      assert.deepEqual(map.workloads.map((w) => `${w.kind}/${w.name}`).sort(), [
        'Deployment/nightly-reports',
        'Deployment/web',
      ]);
    } finally {
      await cluster.close();
    }
  });
});

describe('--window across a StatefulSet’s rolling update', () => {
  test('every pod recreated counts whole; the warnings stop at 20 and count the rest', async () => {
    const n = 25;
    const names = Array.from({ length: n }, (_, i) => `db-${i}`);
    const objects: KubeObject[] = [DB_STATEFUL_SET, ...names.map((name) => dbMember(name))];
    let second = false;
    const cluster = await liveCluster({
      objects,
      endpoints: new Map(
        names.map((name) => [
          `${ns}/${name}`,
          { metrics: () => sidecarExposition([call('db', 'disk', `/write/${name}`, second ? 4 : 9)]) },
        ]),
      ),
    });
    try {
      const map = await readWindow(cluster, () => {
        second = true;
        objects.splice(1, n, ...names.map((name) => dbMember(name, { uid: `pod-${name}-updated` })));
      });
      assert.equal(map.calls.length, n);
      assert.ok(
        map.calls.every((c) => c.count === 4),
        'each counted whole (the count also went down; the warnings are what the restart check adds)',
      );
      const restarts = restartWarnings(map);
      assert.equal(restarts.length, 21, map.warnings.join('\n'));
      assert.equal(restarts[20], '... and 5 more pod(s) whose sidecar started again in the window');
      assert.match(restarts[0]!, /^pod shop\/db-0: /);
    } finally {
      await cluster.close();
    }
  });
});

describe('--window with -n', () => {
  test('the second listing keeps to the namespaces asked for: no other namespace’s pod is read', async () => {
    let reads = 0;
    const objects: KubeObject[] = [
      ...deploymentChain(ns, 'web', 'abc123'),
      ownedBy('web-abc123-a', 'web-abc123', 'abc123'),
      ...deploymentChain('other', 'batch', 'ccc333'),
      pod({
        ns: 'other',
        name: 'batch-ccc333-a',
        owner: { kind: 'ReplicaSet', name: 'batch-ccc333', apiVersion: 'apps/v1' },
      }),
    ];
    const cluster = await liveCluster({
      objects,
      endpoints: new Map([
        [
          `${ns}/web-abc123-a`,
          { metrics: () => sidecarExposition([call('web', 'cart', '/cart', 10 + 5 * ++reads)]) },
        ],
        [
          'other/batch-ccc333-a',
          {
            metrics: () => sidecarExposition([{ ...call('batch', 'db', '/rows', 7), namespace: 'other' }]),
          },
        ],
      ]),
    });
    try {
      const map = await readWindow(cluster);
      assert.deepEqual(callLines(map), ['web->cart /cart 5']);
      assert.deepEqual(map.pods, { meshed: 1, unmeshed: 0, read: 1, failed: 0 });
      assert.ok(!cluster.proxied().includes('other/batch-ccc333-a'), cluster.proxied().join(', '));
    } finally {
      await cluster.close();
    }
  });
});

describe('--window with a new workload named as one in another namespace', () => {
  test('both workloads are kept, each namespace’s calls named by its own', async () => {
    const inNs = (space: string, name: string, rs: string, hash: string, otterizeName: string) =>
      pod({
        ns: space,
        name,
        owner: { kind: 'ReplicaSet', name: rs, apiVersion: 'apps/v1' },
        labels: { 'pod-template-hash': hash },
        annotations: { 'intents.otterize.com/workload-name': otterizeName },
      });
    const objects: KubeObject[] = [
      ...deploymentChain('east', 'web', 'abc123'),
      inNs('east', 'web-abc123-a', 'web-abc123', 'abc123', 'web-east'),
    ];
    let reads = 0;
    const cluster = await liveCluster({
      objects,
      endpoints: new Map([
        [
          'east/web-abc123-a',
          {
            metrics: () =>
              sidecarExposition([{ ...call('web', 'cart', '/cart', 10 + 5 * ++reads), namespace: 'east' }]),
          },
        ],
        [
          'west/web-bbb222-a',
          { metrics: () => sidecarExposition([{ ...call('web', 'cart', '/new', 3), namespace: 'west' }]) },
        ],
      ]),
    });
    try {
      const map = await readSidecars({
        kubeconfig: cluster.kubeconfig.file,
        windowMs: 20,
        onProgress: (p) => {
          if (p.reading !== 'waiting' || objects.some((o) => o.metadata.namespace === 'west')) return;
          objects.push(
            ...deploymentChain('west', 'web', 'bbb222'),
            inNs('west', 'web-bbb222-a', 'web-bbb222', 'bbb222', 'web-west'),
          );
        },
      });
      assert.deepEqual(
        map.calls
          .map((c) => `${c.client.namespace}/${c.client.kind}/${c.client.name} ${c.path} ${c.count}`)
          .sort(),
        ['east/Deployment/web-east /cart 5', 'west/Deployment/web-west /new 3'],
      );
      assert.deepEqual(map.workloads.map((w) => `${w.namespace}/${w.name}`).sort(), [
        'east/web-east',
        'west/web-west',
      ]);
    } finally {
      await cluster.close();
    }
  });
});
