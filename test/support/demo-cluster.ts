// The seed's demo as a cluster the stand-in serves: namespace otterize-tutorial-istio-mapping with
// client, client2 (Deployments -> ReplicaSets -> Pods, sidecar injected) and nginx (a native
// sidecar in initContainers), plus pods without sidecars that must never be proxied.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { KubeObject, PodEndpoint } from './kube-api-server.ts';

export const DEMO_NS = 'otterize-tutorial-istio-mapping';
const CAPTURE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/demo/capture');
const SIDECAR_STATUS = JSON.stringify({
  initContainers: ['istio-init'],
  containers: ['istio-proxy'],
  revision: 'default',
});

export function namespace(name: string, labels: Record<string, string> = {}): KubeObject {
  return {
    kind: 'Namespace',
    apiVersion: 'v1',
    metadata: { name, labels, uid: `ns-${name}` },
    status: { phase: 'Active' },
  };
}

export function deploymentChain(ns: string, name: string, hash: string): KubeObject[] {
  return [
    {
      kind: 'Deployment',
      apiVersion: 'apps/v1',
      metadata: { name, namespace: ns, uid: `dep-${name}` },
      spec: { selector: { matchLabels: { app: name } } },
    },
    {
      kind: 'ReplicaSet',
      apiVersion: 'apps/v1',
      metadata: {
        name: `${name}-${hash}`,
        namespace: ns,
        uid: `rs-${name}`,
        labels: { app: name, 'pod-template-hash': hash },
        ownerReferences: [
          {
            apiVersion: 'apps/v1',
            kind: 'Deployment',
            name,
            uid: `dep-${name}`,
            controller: true,
            blockOwnerDeletion: true,
          },
        ],
      },
    },
  ];
}

export interface OwnerSpec {
  kind: string;
  name: string;
  apiVersion: string;
  /** Default true for `owner`, false for each of `owners`. */
  controller?: boolean;
}

export interface PodSpec {
  ns: string;
  name: string;
  /** The one owner, as controller. */
  owner?: OwnerSpec;
  /** Several owners (at most one of them the controller, as the API server enforces). */
  owners?: OwnerSpec[];
  labels?: Record<string, string>;
  serviceAccount?: string;
  meshed?: boolean;
  native?: boolean;
  annotations?: Record<string, string>;
  phase?: string;
  /** metadata.uid; the API server gives each pod its own, a recreated one a new one. Default `pod-NAME`. */
  uid?: string;
  /** The istio-proxy container's restartCount in status. Default 0. */
  proxyRestarts?: number;
}

export function pod(p: PodSpec): KubeObject {
  const annotations: Record<string, string> = { ...p.annotations };
  if (p.meshed !== false) annotations['sidecar.istio.io/status'] = SIDECAR_STATUS;
  const proxy = {
    name: 'istio-proxy',
    image: 'docker.io/istio/proxyv2:1.30.0',
    ports: [{ containerPort: 15090, name: 'http-envoy-prom' }],
  };
  const app = { name: p.name.split('-')[0] ?? p.name, image: 'alpine/curl' };
  const initContainers = p.meshed !== false && p.native ? [{ ...proxy, restartPolicy: 'Always' }] : [];
  const containers = p.meshed !== false && !p.native ? [app, proxy] : [app];
  // As the kubelet reports a running container: its status, with how often it restarted.
  const status = (c: { name: string; image: string }) => ({
    name: c.name,
    image: c.image,
    imageID: '',
    containerID: `containerd://${c.name}`,
    ready: true,
    started: true,
    restartCount: c.name === proxy.name ? (p.proxyRestarts ?? 0) : 0,
    state: { running: { startedAt: '2026-01-01T00:00:00Z' } },
  });
  return {
    kind: 'Pod',
    apiVersion: 'v1',
    metadata: {
      name: p.name,
      namespace: p.ns,
      uid: p.uid ?? `pod-${p.name}`,
      labels: p.labels ?? {},
      annotations,
      ownerReferences: ownerReferences(p),
    },
    spec: {
      serviceAccountName: p.serviceAccount ?? 'default',
      initContainers,
      containers,
    },
    status: {
      phase: p.phase ?? 'Running',
      podIP: `10.244.0.${Math.floor(Math.random() * 250) + 2}`,
      initContainerStatuses: initContainers.map(status),
      containerStatuses: containers.map(status),
    },
  };
}

function ownerReferences(p: PodSpec): object[] | undefined {
  const owners = p.owners ?? (p.owner === undefined ? [] : [{ controller: true, ...p.owner }]);
  if (owners.filter((o) => o.controller === true).length > 1) {
    throw new Error(`pod ${p.name}: only one ownerReference may be the controller`);
  }
  if (owners.length === 0) return undefined;
  return owners.map((o) => ({
    apiVersion: o.apiVersion,
    kind: o.kind,
    name: o.name,
    uid: `owner-${o.name}`,
    // Both are optional (*bool, omitempty in k8s.io/apimachinery's OwnerReference): a reference
    // written without them, as a scheduler's or a hand-made one may be, comes back without them.
    ...(o.controller === undefined ? {} : { controller: o.controller, blockOwnerDeletion: o.controller }),
  }));
}

export function readCapture(file: string): string {
  return readFileSync(path.join(CAPTURE, file), 'utf8');
}

export interface DemoCluster {
  objects: KubeObject[];
  endpoints: Map<string, PodEndpoint>;
  meshedPods: string[];
  unmeshedPods: string[];
}

export function demoCluster(): DemoCluster {
  const rsOwner = (name: string, hash: string) => ({
    kind: 'ReplicaSet',
    name: `${name}-${hash}`,
    apiVersion: 'apps/v1',
  });
  const objects: KubeObject[] = [
    namespace(DEMO_NS, { 'istio-injection': 'enabled' }),
    namespace('kube-system'),
    ...deploymentChain(DEMO_NS, 'client', '6b8d9c7f5d'),
    ...deploymentChain(DEMO_NS, 'client2', '5f7c8d9b4c'),
    ...deploymentChain(DEMO_NS, 'nginx', '7c5ddbdf54'),
    pod({
      ns: DEMO_NS,
      name: 'client-6b8d9c7f5d-x2x9k',
      owner: rsOwner('client', '6b8d9c7f5d'),
      labels: { app: 'client', 'pod-template-hash': '6b8d9c7f5d' },
      serviceAccount: 'client-service-account',
    }),
    pod({
      ns: DEMO_NS,
      name: 'client2-5f7c8d9b4c-qq7wz',
      owner: rsOwner('client2', '5f7c8d9b4c'),
      labels: { app: 'client2', 'pod-template-hash': '5f7c8d9b4c' },
      serviceAccount: 'client2-service-account',
    }),
    pod({
      ns: DEMO_NS,
      name: 'nginx-7c5ddbdf54-8mhz4',
      owner: rsOwner('nginx', '7c5ddbdf54'),
      labels: { app: 'nginx', 'pod-template-hash': '7c5ddbdf54' },
      native: true,
    }),
    pod({ ns: DEMO_NS, name: 'debug-shell', meshed: false, labels: { run: 'debug-shell' } }),
    pod({ ns: DEMO_NS, name: 'old-job-pod', phase: 'Succeeded', labels: {} }),
    pod({ ns: 'kube-system', name: 'coredns-5d78c9869d-abcde', meshed: false }),
    {
      kind: 'Service',
      apiVersion: 'v1',
      metadata: { name: 'nginx-service', namespace: DEMO_NS },
      spec: { selector: { app: 'nginx' }, ports: [{ port: 8080, targetPort: 80 }] },
    },
  ];
  const endpoints = new Map<string, PodEndpoint>([
    [`${DEMO_NS}/client-6b8d9c7f5d-x2x9k`, { metrics: () => readCapture('client.prom') }],
    [`${DEMO_NS}/client2-5f7c8d9b4c-qq7wz`, { metrics: () => readCapture('client2.prom') }],
    [`${DEMO_NS}/nginx-7c5ddbdf54-8mhz4`, { metrics: () => readCapture('nginx.prom') }],
  ]);
  return {
    objects,
    endpoints,
    meshedPods: [...endpoints.keys()],
    unmeshedPods: [
      `${DEMO_NS}/debug-shell`,
      'kube-system/coredns-5d78c9869d-abcde',
      `${DEMO_NS}/old-job-pod`,
    ],
  };
}
