// Sidecar-format exposition (what pilot-agent serves on :15020/stats/prometheus): istio_* series
// with the default label set plus request_method/request_path, among Envoy noise lines.
//
// In the order pilot-agent merges them (istio/istio pilot/cmd/pilot-agent/status/server.go,
// handleStats): the agent's own registry first (every name prefixed `istio_agent_`), then Envoy's
// /stats/prometheus copied whole. Envoy's part always holds `envoy_server_*` series: the bootstrap's
// stats_matcher always includes the `server` prefix (pkg/bootstrap/config.go,
// requiredEnvoyStatsMatcherInclusionPrefixes, "used by readiness checks": server.state), and
// Envoy names its own stats `envoy_...` in Prometheus text, as in fixtures/demo/capture/*.prom.
// When the agent cannot scrape Envoy it only logs it and answers 200 with its own part alone:
// agentOnlyExposition.
export interface SeriesSpec {
  reporter: 'source' | 'destination' | 'waypoint';
  client: string;
  server: string;
  namespace: string;
  method: string;
  path: string;
  count: number;
  /** Client service account (principal). */
  clientSa?: string;
  service?: string;
}

function labelsOf(s: SeriesSpec): string {
  const sa = s.clientSa ?? 'default';
  const svc = s.service ?? `${s.server}-service`;
  const pairs: [string, string][] = [
    ['reporter', s.reporter],
    ['source_workload', s.client],
    ['source_canonical_service', s.client],
    ['source_canonical_revision', 'latest'],
    ['source_workload_namespace', s.namespace],
    ['source_principal', `spiffe://cluster.local/ns/${s.namespace}/sa/${sa}`],
    ['source_app', s.client],
    ['source_version', ''],
    ['source_cluster', 'Kubernetes'],
    ['destination_workload', s.server],
    ['destination_workload_namespace', s.namespace],
    ['destination_principal', `spiffe://cluster.local/ns/${s.namespace}/sa/default`],
    ['destination_app', s.server],
    ['destination_version', ''],
    ['destination_service', `${svc}.${s.namespace}.svc.cluster.local`],
    ['destination_canonical_service', s.server],
    ['destination_canonical_revision', 'latest'],
    ['destination_service_name', svc],
    ['destination_service_namespace', s.namespace],
    ['destination_cluster', 'Kubernetes'],
    ['request_protocol', 'http'],
    ['response_code', '200'],
    ['grpc_response_status', ''],
    ['response_flags', '-'],
    ['connection_security_policy', s.reporter === 'destination' ? 'mutual_tls' : 'unknown'],
    ['request_method', s.method],
    ['request_path', s.path],
  ];
  return pairs.map(([k, v]) => `${k}="${v}"`).join(',');
}

/** pilot-agent's own metrics, which head every merged answer. */
function agentPart(envoyScrapeFailures: number): string[] {
  return [
    '# HELP istio_agent_go_goroutines Number of goroutines that currently exist.',
    '# TYPE istio_agent_go_goroutines gauge',
    'istio_agent_go_goroutines 42',
    '# HELP istio_agent_scrape_failures_total The total number of failed scrapes.',
    '# TYPE istio_agent_scrape_failures_total counter',
    `istio_agent_scrape_failures_total{type="envoy"} ${envoyScrapeFailures}`,
    '# HELP istio_agent_scrapes_total The total number of scrapes.',
    '# TYPE istio_agent_scrapes_total counter',
    'istio_agent_scrapes_total 12',
  ];
}

/** What :15020 answers when pilot-agent could not scrape Envoy: 200, the agent's part alone. */
export function agentOnlyExposition(): string {
  return `${agentPart(1).join('\n')}\n`;
}

export interface ExpositionOptions {
  /** Envoy's envoy_server_uptime (seconds; default 626, as in fixtures/demo/capture); null: no such line. */
  uptimeSeconds?: number | null;
  /** Lines the app appends after Envoy's part (pilot-agent merges the app's metrics last). */
  appLines?: readonly string[];
}

export function sidecarExposition(series: readonly SeriesSpec[], opts: ExpositionOptions = {}): string {
  const lines = [
    ...agentPart(0),
    '# HELP envoy_cluster_upstream_cx_total Total connections',
    '# TYPE envoy_cluster_upstream_cx_total counter',
    'envoy_cluster_upstream_cx_total{cluster_name="xds-grpc"} 3',
    '# TYPE istio_requests_total counter',
  ];
  for (const s of series) lines.push(`istio_requests_total{${labelsOf(s)}} ${s.count}`);
  lines.push('# TYPE istio_request_duration_milliseconds histogram');
  for (const s of series) {
    lines.push(`istio_request_duration_milliseconds_bucket{${labelsOf(s)},le="+Inf"} ${s.count}`);
    lines.push(`istio_request_duration_milliseconds_count{${labelsOf(s)}} ${s.count}`);
  }
  lines.push('# TYPE envoy_server_live gauge', 'envoy_server_live{} 1');
  if (opts.uptimeSeconds !== null) {
    lines.push('# TYPE envoy_server_uptime gauge', `envoy_server_uptime{} ${opts.uptimeSeconds ?? 626}`);
  }
  lines.push(...(opts.appLines ?? []));
  return `${lines.join('\n')}\n`;
}
