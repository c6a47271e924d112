// Builds a synthetic mesh for `npm run bench`: one sidecar exposition per workload (Istio 1.30's
// label order, request_method/request_path appended, the three request histograms) and one
// ClientIntents file per client. Some intents drift on purpose so the diff has work to do.

import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface MeshShape {
  workloads: number;
  namespaces: number;
}

const BUCKETS = [
  0.5, 1, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 30000, 60000, 300000, 600000, 1800000,
  3600000,
];
const METHODS = ['GET', 'POST', 'PUT', 'DELETE'];

interface Call {
  client: number;
  server: number;
  method: string;
  path: string;
  count: number;
}

const nsOf = (shape: MeshShape, i: number) => `team-${i % shape.namespaces}`;
const nameOf = (i: number) => `svc-${i}`;

/** Each workload calls one or two others (alternately): about 1.5 calls per workload. */
export function meshCalls(shape: MeshShape): Call[] {
  const calls: Call[] = [];
  for (let i = 0; i < shape.workloads; i++) {
    const targets = i % 2 === 0 ? [i + 1] : [i + 1, i + 7];
    for (const [k, t] of targets.entries()) {
      calls.push({
        client: i,
        server: t % shape.workloads,
        method: METHODS[(i + k) % METHODS.length]!,
        path: `/api/v${1 + (k % 2)}/resource-${(i * 31 + k) % 97}`,
        count: 100 + ((i * 13 + k) % 900),
      });
    }
  }
  return calls;
}

function labelText(shape: MeshShape, c: Call, reporter: 'source' | 'destination'): string {
  const src = nameOf(c.client);
  const dst = nameOf(c.server);
  const sns = nsOf(shape, c.client);
  const dns = nsOf(shape, c.server);
  return (
    `reporter="${reporter}",source_workload="${src}",source_canonical_service="${src}",` +
    `source_canonical_revision="latest",source_workload_namespace="${sns}",` +
    `source_principal="spiffe://cluster.local/ns/${sns}/sa/${src}",source_app="${src}",source_version="v1",` +
    `source_cluster="Kubernetes",destination_workload="${dst}",destination_workload_namespace="${dns}",` +
    `destination_principal="spiffe://cluster.local/ns/${dns}/sa/${dst}",destination_app="${dst}",` +
    `destination_version="v1",destination_service="${dst}.${dns}.svc.cluster.local",` +
    `destination_canonical_service="${dst}",destination_canonical_revision="latest",` +
    `destination_service_name="${dst}",destination_service_namespace="${dns}",destination_cluster="Kubernetes",` +
    `request_protocol="http",response_code="200",grpc_response_status="",response_flags="-",` +
    `connection_security_policy="${reporter === 'source' ? 'unknown' : 'mutual_tls'}",` +
    `request_method="${c.method}",request_path="${c.path}"`
  );
}

function seriesText(labels: string, count: number): string {
  let out = `istio_requests_total{${labels}} ${count}\n`;
  for (const family of [
    'istio_request_bytes',
    'istio_request_duration_milliseconds',
    'istio_response_bytes',
  ]) {
    for (const le of BUCKETS)
      out += `${family}_bucket{${labels},le="${le}"} ${Math.min(count, Math.ceil(le))}\n`;
    out += `${family}_bucket{${labels},le="+Inf"} ${count}\n`;
    out += `${family}_sum{${labels}} ${count * 7}\n${family}_count{${labels}} ${count}\n`;
  }
  return out;
}

function intentsText(shape: MeshShape, client: number, calls: Call[]): string {
  const ns = nsOf(shape, client);
  let targets = '';
  for (const [k, c] of calls.entries()) {
    // Every 10th client forgets its first call (missing); every 13th declares an old path (stale).
    if (client % 10 === 0 && k === 0) continue;
    const p = client % 13 === 0 && k === 0 ? '/api/old' : c.path;
    const dns = nsOf(shape, c.server);
    const name = dns === ns ? nameOf(c.server) : `${nameOf(c.server)}.${dns}`;
    targets += `    - kubernetes:\n        name: ${name}\n        kind: Deployment\n        http:\n`;
    targets += `          - path: ${p}\n            methods: [${c.method}]\n`;
  }
  if (targets === '') targets = '    - kubernetes:\n        name: nobody\n';
  return (
    `apiVersion: k8s.otterize.com/v2beta1\nkind: ClientIntents\nmetadata:\n  name: ${nameOf(client)}\n` +
    `  namespace: ${ns}\nspec:\n  workload:\n    name: ${nameOf(client)}\n    kind: Deployment\n  targets:\n${targets}`
  );
}

/** Writes metrics/<workload>.prom and intents/<workload>.yaml under dir; returns series written. */
export async function generateMesh(
  dir: string,
  shape: MeshShape,
): Promise<{ series: number; bytes: number }> {
  const calls = meshCalls(shape);
  const bySidecar = new Map<number, { call: Call; reporter: 'source' | 'destination' }[]>();
  const byClient = new Map<number, Call[]>();
  for (const c of calls) {
    for (const [w, reporter] of [
      [c.client, 'source'],
      [c.server, 'destination'],
    ] as const) {
      const list = bySidecar.get(w) ?? [];
      list.push({ call: c, reporter });
      bySidecar.set(w, list);
    }
    const mine = byClient.get(c.client) ?? [];
    mine.push(c);
    byClient.set(c.client, mine);
  }
  await mkdir(path.join(dir, 'metrics'), { recursive: true });
  await mkdir(path.join(dir, 'intents'), { recursive: true });
  let series = 0;
  let bytes = 0;
  for (let w = 0; w < shape.workloads; w++) {
    const out = createWriteStream(path.join(dir, 'metrics', `${nameOf(w)}.prom`));
    let text = '# HELP istio_requests_total Total requests.\n# TYPE istio_requests_total counter\n';
    for (const { call, reporter } of bySidecar.get(w) ?? []) {
      const chunk = seriesText(labelText(shape, call, reporter), call.count);
      series += 67;
      text += chunk;
    }
    text += '# TYPE istio_build gauge\nistio_build{component="proxy",tag="1.30.1"} 1\n';
    bytes += Buffer.byteLength(text);
    if (!out.write(text)) await once(out, 'drain');
    out.end();
    await once(out, 'finish');
    await writeFile(
      path.join(dir, 'intents', `${nameOf(w)}.yaml`),
      intentsText(shape, w, byClient.get(w) ?? []),
    );
  }
  return { series, bytes };
}
