// A generated mesh for the Prometheus source's tests: calls as the stand-in's series (both
// reporters, or the source only for servers without a sidecar), and what the map must hold.

import { after } from 'node:test';
import type { readPrometheus } from '../../src/observe/live/prometheus-source.ts';
import {
  type PrometheusApi,
  type PrometheusApiOptions,
  type SeriesValue,
  startPrometheusApi,
} from './prometheus-api-server.ts';

const REQUESTS = 'istio_requests_total';

export interface MeshCall {
  client: string;
  server: string;
  ns: string;
  method: string;
  path: string;
  /** Requests counted by each reporter (absent: that sidecar did not report). */
  source?: number;
  destination?: number;
  /** Requests a waypoint (ambient mode) counted. */
  waypoint?: number;
}

export function seriesOf(c: MeshCall): SeriesValue[] {
  const labels = (reporter: string): Record<string, string> => ({
    reporter,
    source_workload: c.client,
    source_workload_namespace: c.ns,
    source_principal: `spiffe://cluster.local/ns/${c.ns}/sa/${c.client}`,
    destination_workload: c.server,
    destination_workload_namespace: c.ns,
    destination_service: `${c.server}.${c.ns}.svc.cluster.local`,
    destination_service_name: c.server,
    destination_service_namespace: c.ns,
    request_protocol: 'http',
    request_method: c.method,
    request_path: c.path,
    response_code: '200',
  });
  const out: SeriesValue[] = [];
  if (c.destination !== undefined)
    out.push({ metric: REQUESTS, labels: labels('destination'), increase: c.destination });
  if (c.source !== undefined) out.push({ metric: REQUESTS, labels: labels('source'), increase: c.source });
  if (c.waypoint !== undefined)
    out.push({ metric: REQUESTS, labels: labels('waypoint'), increase: c.waypoint });
  return out;
}

/** `namespaces` x `perNamespace` calls; every seventh server has no sidecar (source only). */
export function mesh(namespaces: number, perNamespace: number): MeshCall[] {
  const calls: MeshCall[] = [];
  for (let n = 0; n < namespaces; n++) {
    for (let i = 0; i < perNamespace; i++) {
      const sourceOnly = i % 7 === 0;
      calls.push({
        client: `c${i % 50}`,
        server: `s${i}`,
        ns: `ns-${n}`,
        method: i % 2 === 0 ? 'GET' : 'POST',
        path: `/api/${i}`,
        source: 10 + i,
        ...(sourceOnly ? {} : { destination: 3 + (i % 5) }),
      });
    }
  }
  return calls;
}

/**
 * What the map must hold: one call each, the destination's count where it reported (else the
 * source's), or a waypoint's where that is larger.
 */
export function expected(calls: MeshCall[]): string[] {
  return calls
    .map((c) => {
      const count = Math.max(c.destination ?? c.source ?? 0, c.waypoint ?? 0);
      return `${c.ns}/${c.client} -> ${c.ns}/${c.server} ${c.method} ${c.path} ${count}`;
    })
    .sort();
}

export function seen(map: Awaited<ReturnType<typeof readPrometheus>>): string[] {
  return map.calls
    .map(
      (c) =>
        `${c.client.namespace}/${c.client.name} -> ${c.server.namespace}/${c.server.name} ${c.method} ${c.path} ${c.count}`,
    )
    .sort();
}

// The servers a test file started, closed when it ends (registered when the file imports this).
const closers: (() => Promise<void>)[] = [];
after(async () => {
  for (const close of closers) await close();
});

/** Closes a server when the test file ends. */
export function closeAfter(close: () => Promise<void>): void {
  closers.push(close);
}

/** A Prometheus stand-in serving these calls' series, closed when the test file ends. */
export async function standIn(
  calls: MeshCall[],
  opts: Pick<
    PrometheusApiOptions,
    'delayMs' | 'annotations' | 'maxSamples' | 'pointsPerSeries' | 'executionError'
  > = {},
): Promise<PrometheusApi> {
  const api = await startPrometheusApi({ series: () => calls.flatMap(seriesOf), ...opts });
  closeAfter(api.close);
  return api;
}
