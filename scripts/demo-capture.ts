// Writes fixtures/demo/capture/: what `kubectl get --raw .../pods/POD:15020/proxy/stats/prometheus`
// returns for the demo's three pods about ten minutes after they started, as Istio's sources say
// it is written (no cluster runs where this project is built, so it is generated, not recorded):
//
// - pilot-agent's merged endpoint writes its own metrics first (Go client, sorted, # HELP and
//   # TYPE), then Envoy's, then the app's (none here): istio/istio 1.30
//   pilot/cmd/pilot-agent/status/server.go, handleStats. Its registry prefixes istio_agent_
//   (initializeMonitoring) and counts the scrape before writing (ScrapeTotals), so a first scrape
//   reads 1. Go's expfmt prints floats with strconv 'g' (5.1376128e+07).
// - Envoy writes counters, then gauges, then histograms, each group sorted by the tag-extracted
//   name (istiocustom.* stripped of its namespace), `# TYPE` lines only, `name{} v` when untagged:
//   envoyproxy/envoy source/server/admin (grouped_stats_request.cc, prometheus_stats_render.cc).
//   Only the families Istio's bootstrap stats_matcher keeps are shown (cluster_manager,
//   listener_manager, server, cluster.xds-grpc, istio*: tools/packaging/common/envoy_bootstrap.json,
//   pkg/bootstrap/config.go), a few of each.
// - Histograms are Envoy's circllhist: default buckets, a bucket counting the values whose bin
//   lies wholly at or below `le`, the sum adding each bin's midpoint, printed with {:.32g}
//   (libcircllhist hist_approx_count_below, hist_approx_sum, hist_bucket_midpoint).
// - Labels as istio/proxy 1.30 source/extensions/filters/http/istio_stats/istio_stats.cc writes
//   them: the local side's version from the pod's `version` label (none here: ""), the peer's
//   "unknown" when absent; canonical revision `latest`; connection_security_policy `mutual_tls` on
//   the server, `unknown` on the client; request_method and request_path (the mesh-default
//   Telemetry's tag overrides) after the default labels. Durations are whole milliseconds, sizes
//   the bytes on the wire between the app and its sidecar (istio_stats.cc, log()).
// - nginx:1.14.2 serves no /client-path or /client2-path: 404 for GET and POST alike (its static
//   module answers a missing file with 404 before it would refuse a POST), a 169-byte page. The
//   clients' first calls came before nginx had a ready endpoint: their sidecars answered 503 with
//   response flag UH and no peer (destination workload unknown, the Service from the cluster).
//
// Run: node scripts/demo-capture.ts (writes the files); test/observe/demo-capture.test.ts checks
// the committed files are this output and that they hold together.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_ISTIO_VERSION } from '../src/cluster/istio-install.ts';

const NS = 'otterize-tutorial-istio-mapping';
const SERVICE_HOST = `nginx-service.${NS}.svc.cluster.local`;
/** Envoy's default histogram buckets (HistogramSettingsImpl::defaultBuckets). */
const BUCKETS = [
  0.5, 1, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 30000, 60000, 300000, 600000, 1800000,
  3600000,
];

/** A small deterministic generator (mulberry32), so the capture is the same on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` whole milliseconds drawn from [value, weight] pairs. */
function durations(count: number, seed: number, weights: [number, number][]): number[] {
  const next = random(seed);
  const total = weights.reduce((n, [, w]) => n + w, 0);
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    const r = next() * total;
    let below = 0;
    const hit = weights.find(([, w]) => {
      below += w;
      return r < below;
    });
    out.push((hit ?? weights.at(-1)!)[0]);
  }
  return out;
}

/** The circllhist bin of a non-negative integer: [left, left + width), or the zero bin. */
function bin(value: number): { left: number; width: number } {
  if (value === 0) return { left: 0, width: 0 };
  // Two significant digits: 93 is val 93, exp 1 (9.3e1); 1 is val 10, exp 0 (1.0e0).
  const exp = String(value).length - 1;
  const val = Number(String(value).slice(0, 2).padEnd(2, '0'));
  // As hist_bucket_to_double and hist_bucket_to_double_bin_width compute them, in doubles.
  return { left: (val / 10) * 10 ** exp, width: 10 ** exp / 10 };
}

/** fmt's {:.32g}: 32 significant digits, trailing zeros dropped. */
function g32(x: number): string {
  const fixed = x.toPrecision(32);
  return fixed.includes('.') ? fixed.replace(/0+$/, '').replace(/\.$/, '') : fixed;
}

/** Go's strconv.FormatFloat(x, 'g', -1, 64), as expfmt prints values. */
function goFloat(x: number): string {
  if (Number.isInteger(x) && Math.abs(x) < 1e6) return String(x);
  const [mantissa, e] = x.toExponential().split('e') as [string, string];
  const exp = Number(e);
  if (exp < -4 || exp >= 6)
    return `${mantissa}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  return String(x);
}

function histogramLines(name: string, labels: string, values: readonly number[]): string[] {
  const bins = new Map<number, { left: number; width: number; count: number }>();
  for (const v of values) {
    const b = bin(v);
    const at = bins.get(b.left) ?? { ...b, count: 0 };
    at.count++;
    bins.set(b.left, at);
  }
  const sorted = [...bins.values()].sort((a, b) => a.left - b.left);
  const prefix = labels === '' ? '' : `${labels},`;
  const lines = BUCKETS.map((le) => {
    const below = sorted.filter((b) => b.left + b.width <= le).reduce((n, b) => n + b.count, 0);
    return `${name}_bucket{${prefix}le="${g32(le)}"} ${below}`;
  });
  let sum = 0;
  for (const b of sorted) sum += (b.left === 0 ? 0 : b.left + b.width / 2) * b.count;
  lines.push(`${name}_bucket{${prefix}le="+Inf"} ${values.length}`);
  lines.push(`${name}_sum{${labels}} ${g32(sum)}`);
  lines.push(`${name}_count{${labels}} ${values.length}`);
  return lines;
}

interface Workload {
  name: string;
  serviceAccount: string;
}

const CLIENT: Workload = { name: 'client', serviceAccount: 'client-service-account' };
const CLIENT2: Workload = { name: 'client2', serviceAccount: 'client2-service-account' };
const NGINX: Workload = { name: 'nginx', serviceAccount: 'default' };

type Labels = [string, string][];

const principal = (w: Workload) => `spiffe://cluster.local/ns/${NS}/sa/${w.serviceAccount}`;

/** The caller's labels; `local` on its own sidecar (version ""), else a peer ("unknown"). */
function sourceLabels(w: Workload, local: boolean, mtls = true): Labels {
  return [
    ['source_workload', w.name],
    ['source_canonical_service', w.name],
    ['source_canonical_revision', 'latest'],
    ['source_workload_namespace', NS],
    // The client sidecar's own SAN comes from its upstream TLS connection: none without one.
    ['source_principal', mtls ? principal(w) : 'unknown'],
    ['source_app', w.name],
    ['source_version', local ? '' : 'unknown'],
    ['source_cluster', 'Kubernetes'],
  ];
}

/** The server's labels; undefined: no peer answered (only the Service is known). */
function destinationLabels(w: Workload | undefined, local: boolean): Labels {
  const peer = (value: string) => (w === undefined ? 'unknown' : value);
  return [
    ['destination_workload', peer(w?.name ?? '')],
    ['destination_workload_namespace', peer(NS)],
    ['destination_principal', w === undefined ? 'unknown' : principal(w)],
    ['destination_app', peer(w?.name ?? '')],
    ['destination_version', local ? '' : 'unknown'],
    ['destination_service', SERVICE_HOST],
    ['destination_canonical_service', peer(w?.name ?? '')],
    ['destination_canonical_revision', 'latest'],
    ['destination_service_name', 'nginx-service'],
    ['destination_service_namespace', NS],
    ['destination_cluster', peer('Kubernetes')],
  ];
}

function requestLabels(code: string, flags: string, policy: string, method: string, path: string): Labels {
  return [
    ['request_protocol', 'http'],
    ['response_code', code],
    ['grpc_response_status', ''],
    ['response_flags', flags],
    ['connection_security_policy', policy],
    ['request_method', method],
    ['request_path', path],
  ];
}

/** One istio_requests_total series and the values behind its three histograms. */
interface Series {
  labels: Labels;
  requestBytes: number;
  responseBytes: number;
  durations: number[];
}

/** One pod's exposition: its Envoy's view plus pilot-agent's own metrics. */
interface Pod {
  series: Series[];
  agent: { goroutines: number; threads: number; cpu: number; memory: number; start: number; startup: number };
  envoy: { cdsUpdates: number; ldsUpdates: number; clusters: number; uptime: number; initMs: number };
}

const formatLabels = (labels: Labels) => labels.map(([k, v]) => `${k}="${v}"`).join(',');

/** curl's request line and headers (GET or POST without a body), as the client's sidecar reads them. */
function curlRequestBytes(method: string, path: string): number {
  const lines = [
    `${method} ${path} HTTP/1.1`,
    'Host: nginx-service:8080',
    'User-Agent: curl/8.14.1',
    'Accept: */*',
    '',
  ];
  return lines.reduce((n, l) => n + l.length + 2, 0);
}

/** nginx 1.14.2's 404 page: <html>, <head>, <body>, <center><h1>, the nginx/1.14.2 tail. */
const NGINX_404_BODY = 169;
/**
 * What the client's app reads back: the status line and the headers its sidecar passes on
 * (server, date, content-type, content-length, x-envoy-upstream-service-time: 165 bytes), the page.
 */
const CLIENT_404_RESPONSE = 165 + NGINX_404_BODY;
/** Envoy's local reply `no healthy upstream` (19 bytes) with its headers. */
const UH_RESPONSE = 153;
/**
 * Between the two sidecars the metadata exchange headers (x-envoy-peer-metadata and -id, about
 * 1 KB each way) and the client sidecar's own (x-request-id, x-forwarded-proto, ...) travel too.
 */
const REQUEST_HEADERS_ADDED = 1074;
const RESPONSE_HEADERS_ADDED = 953;

const CLIENT_TIMES: [number, number][] = [
  [1, 42],
  [2, 38],
  [3, 11],
  [4, 4],
  [5, 2],
  [7, 1],
  [9, 1],
  [14, 1],
];
const SERVER_TIMES: [number, number][] = [
  [0, 55],
  [1, 38],
  [2, 5],
  [4, 2],
];

function clientPod(
  w: Workload,
  method: string,
  path: string,
  answered: number,
  unanswered: number,
  seed: number,
): Pod {
  const request = curlRequestBytes(method, path);
  return {
    series: [
      {
        labels: [
          ['reporter', 'source'],
          ...sourceLabels(w, true),
          ...destinationLabels(NGINX, false),
          ...requestLabels('404', '-', 'unknown', method, path),
        ],
        requestBytes: request,
        responseBytes: CLIENT_404_RESPONSE,
        durations: durations(answered, seed, CLIENT_TIMES),
      },
      {
        labels: [
          ['reporter', 'source'],
          ...sourceLabels(w, true, false),
          ...destinationLabels(undefined, false),
          ...requestLabels('503', 'UH', 'unknown', method, path),
        ],
        requestBytes: request,
        responseBytes: UH_RESPONSE,
        durations: durations(unanswered, seed + 1, [[0, 1]]),
      },
    ],
    agent: { goroutines: 41, threads: 10, cpu: 1.87, memory: 51376128, start: 1779962417.61, startup: 2.204 },
    envoy: { cdsUpdates: 3, ldsUpdates: 3, clusters: 17, uptime: 626, initMs: 213 },
  };
}

function serverSeries(client: Workload, method: string, path: string, count: number, seed: number): Series {
  return {
    labels: [
      ['reporter', 'destination'],
      ...sourceLabels(client, false),
      ...destinationLabels(NGINX, true),
      ...requestLabels('404', '-', 'mutual_tls', method, path),
    ],
    requestBytes: curlRequestBytes(method, path) + REQUEST_HEADERS_ADDED,
    responseBytes: CLIENT_404_RESPONSE + RESPONSE_HEADERS_ADDED,
    durations: durations(count, seed, SERVER_TIMES),
  };
}

export const DEMO_PODS: Record<string, Pod> = {
  'client.prom': clientPod(CLIENT, 'GET', '/client-path', 284, 3, 11),
  'client2.prom': clientPod(CLIENT2, 'POST', '/client2-path', 288, 3, 23),
  'nginx.prom': {
    series: [
      serverSeries(CLIENT, 'GET', '/client-path', 284, 31),
      serverSeries(CLIENT2, 'POST', '/client2-path', 288, 37),
    ],
    agent: { goroutines: 43, threads: 11, cpu: 1.93, memory: 52162560, start: 1779962409.27, startup: 3.118 },
    envoy: { cdsUpdates: 3, ldsUpdates: 3, clusters: 18, uptime: 633, initMs: 236 },
  },
};

/** The Go client's exposition of pilot-agent's registry: families sorted by name. */
function agentLines(a: Pod['agent']): string[] {
  const family = (name: string, help: string, type: string, value: number) => [
    `# HELP ${name} ${help}`,
    `# TYPE ${name} ${type}`,
    `${name} ${goFloat(value)}`,
  ];
  return [
    ...family(
      'istio_agent_go_goroutines',
      'Number of goroutines that currently exist.',
      'gauge',
      a.goroutines,
    ),
    ...family('istio_agent_go_threads', 'Number of OS threads created.', 'gauge', a.threads),
    ...family(
      'istio_agent_process_cpu_seconds_total',
      'Total user and system CPU time spent in seconds.',
      'counter',
      a.cpu,
    ),
    ...family(
      'istio_agent_process_resident_memory_bytes',
      'Resident memory size in bytes.',
      'gauge',
      a.memory,
    ),
    ...family(
      'istio_agent_process_start_time_seconds',
      'Start time of the process since unix epoch in seconds.',
      'gauge',
      a.start,
    ),
    ...family('istio_agent_scrapes_total', 'The total number of scrapes.', 'counter', 1),
    ...family(
      'istio_agent_startup_duration_seconds',
      'The time from the process starting to being marked ready.',
      'gauge',
      a.startup,
    ),
  ];
}

/** Envoy's part: counters, gauges, histograms, each sorted by tag-extracted name. */
function envoyLines(pod: Pod): string[] {
  const e = pod.envoy;
  const series = pod.series.map((s) => ({ ...s, tags: formatLabels(s.labels) }));
  const histograms = (name: string, values: (s: Series) => number[]) => [
    `# TYPE ${name} histogram`,
    ...series.flatMap((s) => histogramLines(name, s.tags, values(s))),
  ];
  return [
    '# TYPE envoy_cluster_upstream_cx_total counter',
    'envoy_cluster_upstream_cx_total{cluster_name="xds-grpc"} 1',
    '# TYPE envoy_cluster_manager_cds_update_success counter',
    `envoy_cluster_manager_cds_update_success{} ${e.cdsUpdates}`,
    '# TYPE istio_requests_total counter',
    ...series.map((s) => `istio_requests_total{${s.tags}} ${s.durations.length}`),
    '# TYPE envoy_listener_manager_lds_update_success counter',
    `envoy_listener_manager_lds_update_success{} ${e.ldsUpdates}`,
    '# TYPE envoy_cluster_manager_active_clusters gauge',
    `envoy_cluster_manager_active_clusters{} ${e.clusters}`,
    '# TYPE istio_build gauge',
    `istio_build{component="proxy",tag="${DEFAULT_ISTIO_VERSION}"} 1`,
    '# TYPE envoy_server_live gauge',
    'envoy_server_live{} 1',
    '# TYPE envoy_server_uptime gauge',
    `envoy_server_uptime{} ${e.uptime}`,
    ...histograms('istio_request_bytes', (s) => s.durations.map(() => s.requestBytes)),
    ...histograms('istio_request_duration_milliseconds', (s) => s.durations),
    ...histograms('istio_response_bytes', (s) => s.durations.map(() => s.responseBytes)),
    '# TYPE envoy_server_initialization_time_ms histogram',
    ...histogramLines('envoy_server_initialization_time_ms', '', [e.initMs]),
  ];
}

/** Each capture file's text. */
export function demoCapture(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [file, pod] of Object.entries(DEMO_PODS)) {
    out[file] = `${[...agentLines(pod.agent), ...envoyLines(pod)].join('\n')}\n`;
  }
  return out;
}

if (import.meta.main) {
  const dir = path.resolve(import.meta.dirname, '..', 'fixtures', 'demo', 'capture');
  for (const [file, text] of Object.entries(demoCapture())) writeFileSync(path.join(dir, file), text);
}
