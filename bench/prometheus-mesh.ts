// The series behind the benchmark's Prometheus answers: `rows` distinct calls (each its own
// path, the hard case: no two rows make one call) in 40 namespaces, counted by both sidecars
// except where the server has none (every tenth call: the source's count stands in).
// Generated on each walk, never held: a million and a half calls are three million series.
import type { SeriesValue } from '../test/support/prometheus-api-server.ts';

export const NAMESPACES = 40;

export function* prometheusMesh(rows: number): Generator<SeriesValue> {
  for (let i = 0; i < rows; i++) {
    const ns = `team-${i % NAMESPACES}`;
    const client = `svc-${Math.floor(i / 400) % 2000}`;
    const server = `svc-${(i * 7) % 2000}`;
    const labels = (reporter: string): Record<string, string> => ({
      reporter,
      source_workload: client,
      source_workload_namespace: ns,
      destination_workload: server,
      destination_workload_namespace: ns,
      destination_service: `${server}.${ns}.svc.cluster.local`,
      destination_service_name: server,
      destination_service_namespace: ns,
      request_protocol: 'http',
      request_method: i % 2 === 0 ? 'GET' : 'POST',
      request_path: `/api/v1/items/${i}`,
      response_code: '200',
    });
    if (i % 10 !== 0)
      yield { metric: 'istio_requests_total', labels: labels('destination'), increase: 5 + (i % 7) };
    yield { metric: 'istio_requests_total', labels: labels('source'), increase: 6 + (i % 7) };
  }
}
