// Label names Istio's stats filter writes, in a current proxy's order (istio/proxy
// testdata/metric/*.yaml.tmpl). Order is informative only: older proxies use another order.
export const ISTIO_DEFAULT_LABELS: readonly string[] = [
  'reporter',
  'source_workload',
  'source_canonical_service',
  'source_canonical_revision',
  'source_workload_namespace',
  'source_principal',
  'source_app',
  'source_version',
  'source_cluster',
  'destination_workload',
  'destination_workload_namespace',
  'destination_principal',
  'destination_app',
  'destination_version',
  'destination_service',
  'destination_canonical_service',
  'destination_canonical_revision',
  'destination_service_name',
  'destination_service_namespace',
  'destination_cluster',
  'request_protocol',
  'response_code',
  'grpc_response_status',
  'response_flags',
  'connection_security_policy',
];

/** Added by the seed's `mesh-default` Telemetry (tagOverrides); sorted after the defaults. */
export const HTTP_DETAIL_LABELS: readonly string[] = ['request_method', 'request_path'];

/** The metric families the observe stage turns into calls. */
export const REQUESTS_METRIC = 'istio_requests_total';
export const TCP_CONNECTIONS_METRIC = 'istio_tcp_connections_opened_total';
export const OBSERVED_METRICS: ReadonlySet<string> = new Set([REQUESTS_METRIC, TCP_CONNECTIONS_METRIC]);
