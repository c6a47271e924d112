// Observed calls the export tests share: the seed's demo, and a richer map that exercises
// every export rule (cross-namespace, merged methods, missing kinds, no HTTP detail, HEAD).
import type { ObservedCall, ServerRef, WorkloadRef } from '../../src/model.ts';

export const DEMO_NS = 'otterize-tutorial-istio-mapping';

function call(
  client: WorkloadRef,
  server: ServerRef,
  method: string | null,
  path: string | null,
): ObservedCall {
  return { client, server, method, path, count: 3, protocol: method === null ? 'tcp' : 'http' };
}

const demoNginx: ServerRef = {
  name: 'nginx',
  namespace: DEMO_NS,
  kind: 'Deployment',
  service: { name: 'nginx-service', namespace: DEMO_NS },
};

/** client -> nginx GET /client-path, client2 -> nginx POST /client2-path (listed out of order on purpose). */
export const DEMO_CALLS: ObservedCall[] = [
  call({ name: 'client2', namespace: DEMO_NS, kind: 'Deployment' }, demoNginx, 'POST', '/client2-path'),
  call({ name: 'client', namespace: DEMO_NS, kind: 'Deployment' }, demoNginx, 'GET', '/client-path'),
  call({ name: 'client', namespace: DEMO_NS, kind: 'Deployment' }, demoNginx, 'GET', '/client-path'),
];

const frontend: WorkloadRef = { name: 'frontend', namespace: 'shop', kind: 'Deployment' };
const worker: WorkloadRef = { name: 'worker', namespace: 'jobs' };
const catalog: ServerRef = {
  name: 'catalog',
  namespace: 'shop',
  kind: 'Deployment',
  service: { name: 'catalog-svc', namespace: 'shop' },
};
const orders: ServerRef = {
  name: 'orders',
  namespace: 'payments',
  kind: 'StatefulSet',
  service: { name: 'orders', namespace: 'payments' },
};
const search: ServerRef = {
  name: 'search',
  namespace: 'shop',
  service: { name: 'search', namespace: 'shop' },
};
const health: ServerRef = { name: 'health', namespace: 'shop', kind: 'Deployment' };

export const RICH_CALLS: ObservedCall[] = [
  call(frontend, catalog, 'POST', '/products'),
  call(frontend, catalog, 'GET', '/products'),
  call(frontend, catalog, 'GET', '/products/42'),
  call(frontend, orders, 'POST', '/orders'),
  call(frontend, search, null, null),
  call(frontend, health, 'HEAD', '/healthz'),
  call(worker, orders, 'PUT', '/orders/7'),
  call(worker, orders, 'GET', '/orders/7'),
  call(worker, orders, 'DELETE', '/orders/7'),
];

/**
 * The network-mapper's own end-to-end tutorial (otterize-tutorial-mapper: client and client2
 * call server, TCP only), whose real `export --format json` is
 * fixtures/intents/upstream/network-mapper/simple-tutorial-intents.json.
 */
const MAPPER_NS = 'otterize-tutorial-mapper';
const mapperServer: ServerRef = { name: 'server', namespace: MAPPER_NS, kind: 'Deployment' };
export const MAPPER_TUTORIAL_CALLS: ObservedCall[] = [
  call({ name: 'client2', namespace: MAPPER_NS, kind: 'Deployment' }, mapperServer, null, null),
  call({ name: 'client', namespace: MAPPER_NS, kind: 'Deployment' }, mapperServer, null, null),
];
