// Sidecar-format exposition (what pilot-agent serves on :15020/stats/prometheus): istio_* series
// with the default label set plus request_method/request_path, among Envoy noise lines.
export interface SeriesSpec {
  reporter: 'source' | 'destination';
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

export function sidecarExposition(series: readonly SeriesSpec[]): string {
  const lines = [
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
  lines.push('# TYPE istio_agent_go_goroutines gauge', 'istio_agent_go_goroutines 42');
  return `${lines.join('\n')}\n`;
}
