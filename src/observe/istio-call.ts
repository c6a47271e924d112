// One series' label set -> who called whom, how. Reads only the Istio labels it needs, by name,
// so label order and extra labels (Prometheus target labels: pod, instance, job, namespace, ...)
// do not matter.
import type { ServiceRef, WorkloadRef } from '../model.ts';
import { TCP_CONNECTIONS_METRIC } from './istio-labels.ts';
import { normalizePath } from './normalize-path.ts';

export type CallProtocol = 'http' | 'grpc' | 'tcp';

export interface IstioCall {
  /** source, destination, waypoint, ... ('unknown' when absent). */
  reporter: string;
  /** null: the caller is outside the mesh (source_workload unknown). */
  client: WorkloadRef | null;
  /** null: the destination is no workload of the mesh (external host, passthrough). */
  server: WorkloadRef | null;
  /** The Kubernetes Service the caller used; null when unknown or a passthrough cluster. */
  service: ServiceRef | null;
  /**
   * For a destination outside the mesh only: destination_service (a host), or
   * destination_service_name when that is all there is. null when `server` is known, so that
   * scrapes of one pod on several passthrough ports count as one call.
   */
  host: string | null;
  method: string | null;
  path: string | null;
  protocol: CallProtocol;
  /** The series carried request_method or request_path (the mesh-default Telemetry applied). */
  hasHttpDetail: boolean;
}

/** Envoy clusters that stand for "no Service": traffic passed through or dropped. */
const NOT_A_SERVICE = new Set([
  'PassthroughCluster',
  'InboundPassthroughCluster',
  'InboundPassthroughClusterIpv4',
  'InboundPassthroughClusterIpv6',
  'BlackHoleCluster',
]);

/** Istio writes `unknown` for a missing value; an empty string means the same. */
export function known(value: string | undefined): string | null {
  return value === undefined || value === '' || value === 'unknown' ? null : value;
}

/** A workload, when both its name and namespace are known. */
export function workloadOf(name: string | undefined, namespace: string | undefined): WorkloadRef | null {
  const n = known(name);
  const ns = known(namespace);
  return n === null || ns === null ? null : { name: n, namespace: ns };
}

/** The Kubernetes Service the caller used; null when unknown or a passthrough cluster. */
export function serviceOf(name: string | undefined, namespace: string | undefined): ServiceRef | null {
  const n = known(name);
  const ns = known(namespace);
  return n === null || ns === null || NOT_A_SERVICE.has(n) ? null : { name: n, namespace: ns };
}

/** For a destination outside the mesh: its host, else the Service name it was given. */
export function hostOf(
  destinationService: string | undefined,
  serviceName: string | undefined,
): string | null {
  return known(destinationService) ?? known(serviceName);
}

export function protocolOf(metric: string, requestProtocol: string | undefined): CallProtocol {
  if (metric.startsWith('istio_tcp_') || metric === TCP_CONNECTIONS_METRIC) return 'tcp';
  return requestProtocol === 'grpc' ? 'grpc' : 'http';
}

/**
 * The method as the request sent it: Envoy's request_method is the `:method` header as is
 * (HTTP/2 lets a client send `get`), and Istio matches it exactly and case-sensitively
 * (istio/istio pilot/pkg/security/authz/model/generator.go methodGenerator -> matcher.HeaderMatcher
 * -> StringMatcherExact(v, false)), as RFC 9110 section 9.1 says methods are. So a `get` is
 * not a `GET`: no rule of ClientIntents, whose methods are upper case, allows it.
 */
export function methodOf(requestMethod: string | undefined): string | null {
  return known(requestMethod);
}

/**
 * What one series' labels say. `normalize` is normalizePath, or a memo of it for a caller that
 * meets the same path in many series. The observed map derives the same from interned label
 * values, field by field with the functions above (compact/call-deriver.ts; a property test
 * keeps the two equal): a rule about what a label means belongs in those functions.
 */
export function istioCallOf(
  metric: string,
  labels: Record<string, string>,
  normalize: (path: string) => string = normalizePath,
): IstioCall {
  const protocol = protocolOf(metric, labels.request_protocol);
  const http = protocol !== 'tcp';
  const path = http ? known(labels.request_path) : null;
  const server = workloadOf(labels.destination_workload, labels.destination_workload_namespace);
  return {
    reporter: known(labels.reporter) ?? 'unknown',
    client: workloadOf(labels.source_workload, labels.source_workload_namespace),
    server,
    service: serviceOf(labels.destination_service_name, labels.destination_service_namespace),
    host: server === null ? hostOf(labels.destination_service, labels.destination_service_name) : null,
    method: http ? methodOf(labels.request_method) : null,
    path: path === null ? null : normalize(path),
    protocol,
    hasHttpDetail: http && (labels.request_method !== undefined || labels.request_path !== undefined),
  };
}
