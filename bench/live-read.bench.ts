// Live read of 1,000 meshed pods from the API-server stand-in, each sidecar answering after
// 50 ms, through the real client and the default concurrency (16). Target: at most 5 s end to end.
// Run: npx node bench/live-read.bench.ts
import { readSidecars } from '../src/observe/live/sidecars-source.ts';
import { deploymentChain, namespace, pod } from '../test/support/demo-cluster.ts';
import { type KubeObject, type PodEndpoint, startKubeApiServer } from '../test/support/kube-api-server.ts';
import { writeKubeconfig } from '../test/support/kubeconfig.ts';
import { sidecarExposition } from '../test/support/sidecar-metrics.ts';

const PODS = 1000;
const DEPLOYMENTS = 100;
const DELAY_MS = 50;
const TARGET_MS = 5000;
const ns = 'bench';

const objects: KubeObject[] = [namespace(ns)];
const endpoints = new Map<string, PodEndpoint>();
for (let d = 0; d < DEPLOYMENTS; d++) objects.push(...deploymentChain(ns, `svc${d}`, `h${d}x`));
for (let i = 0; i < PODS; i++) {
  const d = i % DEPLOYMENTS;
  const name = `svc${d}-h${d}x-p${i}`;
  objects.push(
    pod({
      ns,
      name,
      owner: { kind: 'ReplicaSet', name: `svc${d}-h${d}x`, apiVersion: 'apps/v1' },
      labels: { 'pod-template-hash': `h${d}x` },
    }),
  );
  const text = sidecarExposition([
    {
      reporter: 'source',
      client: `svc${d}`,
      server: `svc${(d + 1) % DEPLOYMENTS}`,
      namespace: ns,
      method: 'GET',
      path: `/api/${d}`,
      count: 10,
    },
    {
      reporter: 'destination',
      client: `svc${(d + DEPLOYMENTS - 1) % DEPLOYMENTS}`,
      server: `svc${d}`,
      namespace: ns,
      method: 'GET',
      path: `/api/${(d + DEPLOYMENTS - 1) % DEPLOYMENTS}`,
      count: 10,
    },
  ]);
  endpoints.set(`${ns}/${name}`, { delayMs: DELAY_MS, metrics: () => text });
}

const api = await startKubeApiServer({ objects, endpoints });
const kubeconfig = await writeKubeconfig(api.url);
try {
  const started = performance.now();
  const map = await readSidecars({ kubeconfig: kubeconfig.file });
  const ms = performance.now() - started;
  const ok = map.pods.read === PODS && map.calls.length === DEPLOYMENTS;
  console.log(
    `live read: ${PODS} meshed pods (${DELAY_MS} ms each, concurrency 16): ${ms.toFixed(0)} ms end to end, ` +
      `${map.calls.length} calls, ${map.pods.failed} pods failed (target <= ${TARGET_MS} ms: ${ms <= TARGET_MS ? 'met' : 'MISSED'})`,
  );
  if (!ok) {
    console.error(`unexpected result: read ${map.pods.read} pods, ${map.calls.length} calls`);
    process.exitCode = 1;
  }
} finally {
  await api.close();
  await kubeconfig.remove();
}
