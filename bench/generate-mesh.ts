// Builds a synthetic mesh for `npm run bench`: one sidecar exposition per workload (Istio 1.30's
// label order, request_method/request_path appended) and one ClientIntents file per client.
// Two shapes:
// - `sidecar`: what real sidecars expose: each workload calls one or two others, and every
//   istio_requests_total line comes with the three request histograms (66 more lines), so most
//   of the bytes are lines the reader skips by name.
// - `high-cardinality`: each workload calls 10 servers on 5 paths x 2 methods, both reporters,
//   no histograms: every line is a call (400,000 lines, 200,000 distinct calls at 2,000
//   workloads), and half of the calls are missing from the intents.
// Some intents drift on purpose so the diff has work to do; the generator counts what the
// check must find (`expected`), so the benchmark can refuse a fast wrong answer.

import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

export type MeshKind = 'sidecar' | 'high-cardinality';

export interface MeshShape {
  workloads: number;
  namespaces: number;
  kind?: MeshKind;
}

/** What `check` must report for the generated mesh. */
export interface ExpectedSummary {
  observed: number;
  declared: number;
  covered: number;
  missing: number;
  stale: number;
}

export interface GeneratedMesh {
  series: number;
  bytes: number;
  expected: ExpectedSummary;
}

const BUCKETS = [
  0.5, 1, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 30000, 60000, 300000, 600000, 1800000,
  3600000,
];
const METHODS = ['GET', 'POST', 'PUT', 'DELETE'];
const NOUNS = ['orders', 'users', 'carts', 'payments', 'invoices', 'shipments', 'reviews', 'stock'];

interface Call {
  client: number;
  server: number;
  method: string;
  path: string;
  count: number;
}

const nsOf = (shape: MeshShape, i: number) => `team-${i % shape.namespaces}`;
const nameOf = (i: number) => `svc-${i}`;

/** Sidecar shape: each workload calls one or two others (alternately): about 1.5 calls each. */
function sidecarCalls(shape: MeshShape): Call[] {
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

/** The servers a high-cardinality client calls: 10 distinct others. */
function serversOf(shape: MeshShape, client: number): number[] {
  return Array.from({ length: 10 }, (_, k) => (client + 1 + k * 37) % shape.workloads);
}

/** The 5 paths of a server: four of its nouns and one ID path (the templater suggests `{*}`). */
function pathsOf(client: number, server: number): string[] {
  const paths = Array.from({ length: 4 }, (_, j) => `/api/v1/${NOUNS[(server + j) % NOUNS.length]}`);
  paths.push(`/api/v1/items/${(client * 7 + server) % 1000}`);
  return paths;
}

/** High-cardinality shape: 10 servers x 5 paths x GET and POST per client. */
function highCardinalityCalls(shape: MeshShape): Call[] {
  const calls: Call[] = [];
  for (let i = 0; i < shape.workloads; i++) {
    for (const server of serversOf(shape, i)) {
      for (const [j, p] of pathsOf(i, server).entries()) {
        for (const method of ['GET', 'POST']) {
          calls.push({ client: i, server, method, path: p, count: 1 + ((i * 13 + server * 7 + j) % 900) });
        }
      }
    }
  }
  return calls;
}

export function meshCalls(shape: MeshShape): Call[] {
  return shape.kind === 'high-cardinality' ? highCardinalityCalls(shape) : sidecarCalls(shape);
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

function seriesText(labels: string, count: number, histograms: boolean): string {
  let out = `istio_requests_total{${labels}} ${count}\n`;
  if (!histograms) return out;
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

/** A declared target: its name as the client writes it, and its HTTP rules. */
interface Target {
  name: string;
  rules: { path: string; methods: string[] }[];
}

function intentsText(shape: MeshShape, client: number, targets: Target[]): string {
  let body = '';
  for (const t of targets) {
    body += `    - kubernetes:\n        name: ${t.name}\n        kind: Deployment\n`;
    if (t.rules.length === 0) continue;
    body += '        http:\n';
    for (const r of t.rules)
      body += `          - path: ${r.path}\n            methods: [${r.methods.join(', ')}]\n`;
  }
  if (body === '') body = '    - kubernetes:\n        name: nobody\n';
  const ns = nsOf(shape, client);
  return (
    `apiVersion: k8s.otterize.com/v2beta1\nkind: ClientIntents\nmetadata:\n  name: ${nameOf(client)}\n` +
    `  namespace: ${ns}\nspec:\n  workload:\n    name: ${nameOf(client)}\n    kind: Deployment\n  targets:\n${body}`
  );
}

function targetName(shape: MeshShape, client: number, server: number): string {
  const dns = nsOf(shape, server);
  return dns === nsOf(shape, client) ? nameOf(server) : `${nameOf(server)}.${dns}`;
}

/**
 * Sidecar shape: every 10th client forgets its first call (missing); every 13th declares an
 * old path for it instead (that call missing, the old path stale).
 */
function sidecarTargets(shape: MeshShape, client: number, calls: Call[], tally: ExpectedSummary): Target[] {
  const targets: Target[] = [];
  for (const [k, c] of calls.entries()) {
    tally.observed++;
    if (client % 10 === 0 && k === 0) {
      tally.missing++;
      continue;
    }
    const old = client % 13 === 0 && k === 0;
    tally.declared++;
    if (old) {
      tally.missing++;
      tally.stale++;
    } else tally.covered++;
    targets.push({
      name: targetName(shape, client, c.server),
      rules: [{ path: old ? '/api/old' : c.path, methods: [c.method] }],
    });
  }
  if (targets.length === 0) tally.declared++; // the `nobody` target: an allow-all rule
  if (targets.length === 0) tally.stale++;
  return targets;
}

/**
 * High-cardinality shape: each target declares its five paths for GET only, so every POST is
 * missing; every 13th client also declares a path it never calls, every 17th a server it never
 * calls (both stale).
 */
function highCardinalityTargets(shape: MeshShape, client: number, tally: ExpectedSummary): Target[] {
  const targets: Target[] = [];
  for (const server of serversOf(shape, client)) {
    const rules = pathsOf(client, server).map((p) => ({ path: p, methods: ['GET'] }));
    tally.observed += rules.length * 2;
    tally.covered += rules.length;
    tally.missing += rules.length;
    if (client % 13 === 0 && targets.length === 0) {
      rules.push({ path: '/api/v1/legacy', methods: ['GET'] });
      tally.stale++;
    }
    tally.declared += rules.length;
    targets.push({ name: targetName(shape, client, server), rules });
  }
  if (client % 17 === 0) {
    const idle = (client + shape.workloads - 1) % shape.workloads;
    targets.push({
      name: targetName(shape, client, idle),
      rules: [{ path: '/api/v1/ping', methods: ['GET'] }],
    });
    tally.declared++;
    tally.stale++;
  }
  return targets;
}

function groupCalls(calls: Call[]) {
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
  return { bySidecar, byClient };
}

/**
 * The mesh's Deployments as manifests (what `--workloads` reads: each workload's kind, service
 * account and labels). The intents name every workload and target as a Deployment, so the
 * report with them is the report without them.
 */
export function workloadManifests(shape: MeshShape): string {
  const docs: string[] = [];
  for (let w = 0; w < shape.workloads; w++) {
    const name = nameOf(w);
    docs.push(
      `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\n  namespace: ${nsOf(shape, w)}\n` +
        `spec:\n  selector:\n    matchLabels:\n      app: ${name}\n  template:\n    metadata:\n      labels:\n` +
        `        app: ${name}\n    spec:\n      serviceAccountName: ${name}\n      containers:\n        - name: app\n` +
        '          image: app\n',
    );
  }
  return docs.join('---\n');
}

/** Writes metrics/<workload>.prom and intents/<workload>.yaml under dir. */
export async function generateMesh(dir: string, shape: MeshShape): Promise<GeneratedMesh> {
  const highCardinality = shape.kind === 'high-cardinality';
  const { bySidecar, byClient } = groupCalls(meshCalls(shape));
  await mkdir(path.join(dir, 'metrics'), { recursive: true });
  await mkdir(path.join(dir, 'intents'), { recursive: true });
  const expected: ExpectedSummary = { observed: 0, declared: 0, covered: 0, missing: 0, stale: 0 };
  let series = 0;
  let bytes = 0;
  for (let w = 0; w < shape.workloads; w++) {
    const out = createWriteStream(path.join(dir, 'metrics', `${nameOf(w)}.prom`));
    let text = '# HELP istio_requests_total Total requests.\n# TYPE istio_requests_total counter\n';
    for (const { call, reporter } of bySidecar.get(w) ?? []) {
      text += seriesText(labelText(shape, call, reporter), call.count, !highCardinality);
      series += highCardinality ? 1 : 67;
    }
    text += '# TYPE istio_build gauge\nistio_build{component="proxy",tag="1.30.1"} 1\n';
    bytes += Buffer.byteLength(text);
    if (!out.write(text)) await once(out, 'drain');
    out.end();
    await once(out, 'finish');
    const targets = highCardinality
      ? highCardinalityTargets(shape, w, expected)
      : sidecarTargets(shape, w, byClient.get(w) ?? [], expected);
    await writeFile(path.join(dir, 'intents', `${nameOf(w)}.yaml`), intentsText(shape, w, targets));
  }
  return { series, bytes, expected };
}
