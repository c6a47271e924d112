import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { loadKubeConfig } from '../../src/observe/live/kube-config.ts';
import { describeFault, MAX_POD_SAMPLES, readPodMetrics } from '../../src/observe/live/pod-metrics.ts';
import { readSidecars } from '../../src/observe/live/sidecars-source.ts';
import { DEMO_NS, demoCluster, namespace, pod, readCapture } from '../support/demo-cluster.ts';
import type { PodEndpoint } from '../support/kube-api-server.ts';
import { agentOnlyExposition } from '../support/sidecar-metrics.ts';
import { liveCluster } from './live-harness.ts';

const CLIENT = `${DEMO_NS}/client-6b8d9c7f5d-x2x9k`;
const CLIENT2 = `${DEMO_NS}/client2-5f7c8d9b4c-qq7wz`;
const fast = { timeoutMs: 300, retries: 1, backoffMs: 10 };

/** The demo with one pod's :15020 replaced (undefined: nothing listens there). */
async function demoWith(pod: string, endpoint: PodEndpoint | undefined, deny?: string[]) {
  const demo = demoCluster();
  if (endpoint === undefined) demo.endpoints.delete(pod);
  else demo.endpoints.set(pod, endpoint);
  return liveCluster({ objects: demo.objects, endpoints: demo.endpoints, deny });
}

describe('sidecars faults become warnings naming the pod; the run goes on', () => {
  for (const [name, endpoint, expected, attempts] of [
    [
      'slow pod (timeout)',
      { delayMs: 2000, metrics: () => readCapture('client.prom') },
      /client-6b8d9c7f5d-x2x9k.*timeout: no complete answer within 300 ms/,
      2,
    ],
    [
      'dead pod (nothing on :15020)',
      undefined,
      /client-6b8d9c7f5d-x2x9k.*HTTP 503: error trying to reach service: dial tcp .*:15020: connect: connection refused/,
      2,
    ],
    [
      'HTTP 500 from the agent',
      { fault: 'http500' },
      /client-6b8d9c7f5d-x2x9k.*unreachable: HTTP 500: internal error/,
      2,
    ],
    [
      'truncated body',
      { fault: 'truncate', metrics: () => readCapture('client.prom') },
      /client-6b8d9c7f5d-x2x9k.*truncated: body cut short/,
      2,
    ],
    [
      // pilot-agent could not scrape Envoy: 200 with its own metrics alone, not an idle sidecar.
      "Envoy's part missing (pilot-agent's metrics only)",
      { metrics: agentOnlyExposition },
      /client-6b8d9c7f5d-x2x9k.*no-envoy: the answer holds no Envoy stats.*its calls are unknown; skipped/,
      2,
    ],
    [
      // An app that appends its own series to the merged :15020 endpoint: a negative count would
      // cancel its undeclared call's (counter-value.ts); the pod's answer is set aside instead.
      'a count no counter has (a series the app appended)',
      {
        metrics: () =>
          `${readCapture('client.prom')}istio_requests_total{reporter="source",source_workload="client",source_workload_namespace="${DEMO_NS}",destination_workload="nginx",destination_workload_namespace="${DEMO_NS}",request_protocol="http",response_code="999"} -1000\n`,
      },
      /client-6b8d9c7f5d-x2x9k.*bad-body: .*istio_requests_total has the value -1000, which no sidecar writes/,
      1,
    ],
  ] as const) {
    test(name, async () => {
      const cluster = await demoWith(CLIENT, endpoint as PodEndpoint | undefined);
      try {
        const map = await readSidecars({ kubeconfig: cluster.kubeconfig.file, ...fast });
        assert.ok(
          map.warnings.some((w) => expected.test(w)),
          map.warnings.join('\n'),
        );
        // client's calls still show: nginx's sidecar reports them too (reporter=destination).
        assert.deepEqual(
          map.calls.map((c) => c.client.name),
          ['client', 'client2'],
          'the other pods are still read',
        );
        assert.deepEqual([map.pods.read, map.pods.failed], [2, 1]);
        assert.equal(
          cluster.proxied().filter((p) => p === CLIENT).length,
          attempts,
          'retried when the fault may pass',
        );
      } finally {
        await cluster.close();
      }
    });
  }

  test('a pod deleted since the listing (404 from the API server) is gone, and not asked again', async () => {
    const cluster = await demoWith(CLIENT, undefined);
    try {
      const kc = loadKubeConfig({ kubeconfig: cluster.kubeconfig.file });
      const deleted = {
        name: 'client-6b8d9c7f5d-old',
        namespace: DEMO_NS,
        serviceAccount: 'default',
        owners: [],
        annotations: {},
        labels: {},
        incarnation: 'x/0',
      };
      const reading = await readPodMetrics(kc, deleted, fast);
      assert.ok(!reading.ok);
      assert.deepEqual([reading.fault.kind, reading.fault.code], ['gone', 404]);
      assert.match(
        describeFault(deleted, reading.fault),
        /^pod .*\/client-6b8d9c7f5d-old: cannot read :15020\/stats\/prometheus: gone: HTTP 404: pods "client-6b8d9c7f5d-old" not found; skipped$/,
      );
      assert.equal(cluster.proxied().length, 1, 'asked once: a deleted pod does not come back');
    } finally {
      await cluster.close();
    }
  });

  // A meshed app can append series of its own to its sidecar's merged answer: one answer
  // holding more than a sidecar would is set aside whole, not retried, not kept in memory.
  const appended = (n: number) =>
    Array.from(
      { length: n },
      (_, i) =>
        `istio_requests_total{reporter="source",source_workload="client",source_workload_namespace="${DEMO_NS}",destination_workload="nginx",destination_workload_namespace="${DEMO_NS}",request_protocol="http",request_method="GET",request_path="/own/${i}",response_code="200"} 1\n`,
    ).join('');

  test('an answer of more series than the limit is set aside; one at the limit is read', async () => {
    const cluster = await demoWith(CLIENT, { metrics: () => readCapture('client.prom') + appended(1) });
    try {
      // Every demo pod answers two series: at the limit, the others are read.
      const map = await readSidecars({ kubeconfig: cluster.kubeconfig.file, ...fast, maxPodSamples: 2 });
      const expected = new RegExp(
        `pod ${CLIENT}: cannot read :15020/stats/prometheus: too-large: more than 2 series of istio_requests_total and istio_tcp_connections_opened_total in one answer`,
      );
      assert.ok(
        map.warnings.some((w) => expected.test(w)),
        map.warnings.join('\n'),
      );
      assert.deepEqual([map.pods.read, map.pods.failed], [2, 1]);
      assert.equal(cluster.proxied().filter((p) => p === CLIENT).length, 1, 'not retried');
      assert.ok(!map.calls.some((c) => c.path?.startsWith('/own/')));
    } finally {
      await cluster.close();
    }
  });

  test('an endless answer stops at the limit, not at the timeout, and the connection is closed', {
    timeout: 30_000,
  }, async () => {
    let hungUp = () => {};
    const closed = new Promise<void>((resolve) => {
      hungUp = resolve;
    });
    const cluster = await demoWith(CLIENT, {
      fault: 'endless',
      metrics: () => readCapture('client.prom'),
      endless: (round) => appended(50).replaceAll('/own/', `/own/${round}-`),
      onClose: () => hungUp(),
    });
    try {
      const map = await readSidecars({
        kubeconfig: cluster.kubeconfig.file,
        ...fast,
        timeoutMs: 60_000,
        maxPodSamples: 5000,
      });
      assert.ok(
        map.warnings.some((w) => /too-large: more than 5000 series/.test(w)),
        map.warnings.join('\n'),
      );
      assert.deepEqual([map.pods.read, map.pods.failed], [2, 1]);
      // The stand-in's writer saw the client hang up (it writes for as long as it is read).
      await closed;
    } finally {
      await cluster.close();
    }
  });

  test(`by default, an answer of ${MAX_POD_SAMPLES} series is read and one more is set aside`, async () => {
    for (const [extra, failed] of [
      [MAX_POD_SAMPLES - 2, 0],
      [MAX_POD_SAMPLES - 1, 1],
    ] as const) {
      const body = readCapture('client.prom') + appended(extra);
      const cluster = await demoWith(CLIENT, { metrics: () => body });
      try {
        const map = await readSidecars({ kubeconfig: cluster.kubeconfig.file, ...fast, timeoutMs: 20_000 });
        assert.equal(map.pods.failed, failed, map.warnings.join('\n'));
        assert.equal(
          map.warnings.some((w) => /too-large: more than 100000 series/.test(w)),
          failed === 1,
        );
      } finally {
        await cluster.close();
      }
    }
  });

  test('a pod that recovers on retry is counted once', async () => {
    let calls = 0;
    const cluster = await demoWith(CLIENT2, {
      metrics: () => (++calls === 1 ? 'istio_requests_total{reporter="source"' : readCapture('client2.prom')),
    });
    try {
      const map = await readSidecars({ kubeconfig: cluster.kubeconfig.file, ...fast });
      assert.equal(map.calls.find((c) => c.client.name === 'client2')?.count, 291);
      assert.equal(map.pods.failed, 0);
    } finally {
      await cluster.close();
    }
  });

  test('a pod whose Envoy part is back on retry is read once', async () => {
    let calls = 0;
    const cluster = await demoWith(CLIENT2, {
      metrics: () => (++calls === 1 ? agentOnlyExposition() : readCapture('client2.prom')),
    });
    try {
      const map = await readSidecars({ kubeconfig: cluster.kubeconfig.file, ...fast });
      assert.equal(map.calls.find((c) => c.client.name === 'client2')?.count, 291);
      assert.deepEqual([map.pods.read, map.pods.failed, calls], [3, 0, 2]);
    } finally {
      await cluster.close();
    }
  });

  test('403 on list pods is an input error naming the permission', async () => {
    const cluster = await demoWith(CLIENT, { metrics: () => '' }, ['list pods']);
    try {
      await assert.rejects(readSidecars({ kubeconfig: cluster.kubeconfig.file }), (err: Error) => {
        assert.equal(err.name, 'InputError');
        assert.match(err.message, /cannot list pods in all namespaces: missing permission: list pods/);
        assert.match(err.message, /cannot list resource "pods" in API group "" at the cluster scope/);
        return true;
      });
      assert.deepEqual(cluster.proxied(), []);
    } finally {
      await cluster.close();
    }
  });

  test('403 on pods/proxy names `get pods/proxy`; all pods forbidden fails the run', async () => {
    const cluster = await demoWith(CLIENT, { metrics: () => '' }, ['get pods/proxy']);
    try {
      await assert.rejects(
        readSidecars({ kubeconfig: cluster.kubeconfig.file, ...fast }),
        /cannot read any sidecar's metrics: missing permission: get pods\/proxy/,
      );
      assert.equal(cluster.proxied().length, 3, 'a 403 is not retried');
    } finally {
      await cluster.close();
    }
  });

  test('no pod readable, one forbidden and the others dead: warnings for each, not a permission error', async () => {
    const demo = demoCluster();
    demo.objects.push(namespace('restricted'), pod({ ns: 'restricted', name: 'audit-0' }));
    demo.endpoints.clear();
    demo.endpoints.set('restricted/audit-0', { metrics: () => readCapture('client.prom') });
    const cluster = await liveCluster({
      objects: demo.objects,
      endpoints: demo.endpoints,
      deny: ['get pods/proxy in restricted'],
    });
    try {
      const map = await readSidecars({ kubeconfig: cluster.kubeconfig.file, ...fast });
      assert.deepEqual([map.pods.read, map.pods.failed], [0, 4]);
      assert.ok(
        map.warnings.some((w) =>
          /namespace restricted: 1 pod\(s\) not read: missing permission: get pods\/proxy/.test(w),
        ),
        map.warnings.join('\n'),
      );
      assert.equal(map.warnings.filter((w) => /connection refused/.test(w)).length, 3);
    } finally {
      await cluster.close();
    }
  });

  test('faults of many pods: 403s counted per namespace, the other warnings stop at 20 and count the rest', async () => {
    const demo = demoCluster();
    demo.objects.push(namespace('restricted'), namespace('broken'));
    for (const name of ['audit-0', 'audit-1']) {
      demo.objects.push(pod({ ns: 'restricted', name }));
      demo.endpoints.set(`restricted/${name}`, { metrics: () => readCapture('client.prom') });
    }
    // Nothing listens on these pods' :15020.
    for (let i = 0; i < 22; i++) demo.objects.push(pod({ ns: 'broken', name: `dead-${i}` }));
    const cluster = await liveCluster({
      objects: demo.objects,
      endpoints: demo.endpoints,
      deny: ['get pods/proxy in restricted'],
    });
    try {
      const map = await readSidecars({ kubeconfig: cluster.kubeconfig.file, ...fast, retries: 0 });
      assert.deepEqual([map.pods.read, map.pods.failed], [3, 24]);
      assert.equal(map.stats.sources, 3, 'the pods read are the sources, not the pods listed');
      assert.ok(
        map.warnings.some((w) => /^namespace restricted: 2 pod\(s\) not read: missing permission/.test(w)),
        map.warnings.join('\n'),
      );
      assert.equal(
        map.warnings.filter((w) => /^pod broken\/dead-\d+: /.test(w)).length,
        20,
        map.warnings.join('\n'),
      );
      assert.ok(map.warnings.includes('... and 2 more pod(s) not read'), map.warnings.join('\n'));
    } finally {
      await cluster.close();
    }
  });

  test('403 on ReplicaSets: kinds guessed from pod-template-hash, with a warning', async () => {
    const cluster = await demoWith(CLIENT, { metrics: () => readCapture('client.prom') }, [
      'get replicasets.apps',
    ]);
    try {
      const map = await readSidecars({ kubeconfig: cluster.kubeconfig.file });
      assert.equal(map.calls[0]?.client.kind, 'Deployment');
      assert.ok(
        map.warnings.some((w) => /missing permission: get replicasets\.apps/.test(w)),
        map.warnings.join('\n'),
      );
    } finally {
      await cluster.close();
    }
  });

  test('a wrong token is an input error, not a crash', async () => {
    const demo = demoCluster();
    const cluster = await liveCluster(
      { objects: demo.objects, endpoints: demo.endpoints, token: 'rotated' },
      'stale',
    );
    try {
      await assert.rejects(readSidecars({ kubeconfig: cluster.kubeconfig.file }), /unauthorized/);
    } finally {
      await cluster.close();
    }
  });
});
