// The observed map's builder as it was before the interned tables (src/observe/compact/), with
// what main added to it since (the name gate, Services no workload answered, per-reporter
// counts of request series, scrubbed warnings): one Map entry per call, keyed by JSON, each
// series turned into a call by istioCallOf. Kept as the reference the builder is tested
// against (test/observe/observed-map-reference.test.ts, test/observe/exposition-differential.test.ts).
// Samples -> ObservedMap. Counts are summed per distinct call PER REPORTER and kept that way
// (a later `--window` can subtract an earlier reading per reporter); build() then takes, for each
// call, the largest reporter's sum: a call between two meshed pods is counted by both sidecars.
// A call to a Service of the mesh that no workload answered (the caller's sidecar writes 503 UH,
// `no healthy upstream`, while the Service has no ready endpoint) is a call to that Service, not
// to an external host: it joins the workload the same Service leads to in the other series.
import type { ObservedCall, ObservedMap, WorkloadRef } from '../../src/model.ts';
import type { Sample } from '../../src/observe/exposition-line.ts';
import { type IstioCall, istioCallOf } from '../../src/observe/istio-call.ts';
import { OBSERVED_METRICS, REQUESTS_METRIC, TCP_CONNECTIONS_METRIC } from '../../src/observe/istio-labels.ts';
import { NameGate } from '../../src/observe/name-gate.ts';
import { compareCalls } from '../../src/order.ts';
import { scrubSecrets } from '../../src/safe-text.ts';

/** An IstioCall without its reporter: what two reporters of one call agree on. */
export type CallKey = Omit<IstioCall, 'reporter' | 'hasHttpDetail'>;

export interface CallCounts {
  call: CallKey;
  /** reporter -> summed counter values of its series. */
  byReporter: Map<string, number>;
}

const UNKNOWN = 'unknown';

/** `destination_service` of a Kubernetes Service: `<name>.<namespace>.svc.<cluster domain>`. */
function isServiceHost(c: CallKey): boolean {
  return (
    c.server === null &&
    c.service !== null &&
    c.host?.startsWith(`${c.service.name}.${c.service.namespace}.svc.`) === true
  );
}

function serviceKey(service: NonNullable<CallKey['service']>): string {
  return `${service.namespace}/${service.name}`;
}

/**
 * The counts with each unanswered call to a mesh Service given its server: the one workload the
 * Service leads to elsewhere in the map, else the Service itself (kind Service), as an intent
 * naming the Service would. Counts of calls that become equal are added, per reporter.
 */
function attributeServiceCalls(counts: readonly CallCounts[]): { merged: CallCounts[]; toService: number } {
  const behind = new Map<string, Map<string, WorkloadRef>>();
  for (const { call } of counts) {
    if (call.server === null || call.service === null) continue;
    const key = serviceKey(call.service);
    if (!behind.has(key)) behind.set(key, new Map());
    behind.get(key)!.set(JSON.stringify(call.server), call.server);
  }
  const merged = new Map<string, CallCounts>();
  let toService = 0;
  for (const entry of counts) {
    let call = entry.call;
    if (isServiceHost(call)) {
      const servers = [...(behind.get(serviceKey(call.service!))?.values() ?? [])];
      const server = servers.length === 1 ? servers[0]! : { ...call.service!, kind: 'Service' as const };
      if (servers.length !== 1 && Math.max(0, ...entry.byReporter.values()) > 0) toService++;
      call = { ...call, server, host: null };
    }
    const key = keyOf(call);
    const into = merged.get(key);
    if (into === undefined) {
      merged.set(key, { call, byReporter: new Map(entry.byReporter) });
      continue;
    }
    for (const [reporter, n] of entry.byReporter) {
      into.byReporter.set(reporter, (into.byReporter.get(reporter) ?? 0) + n);
    }
  }
  return { merged: [...merged.values()], toService };
}

function keyOf(c: CallKey): string {
  return JSON.stringify([c.client, c.server, c.service, c.host, c.method, c.path, c.protocol]);
}

function pairOf(c: CallKey): string {
  return JSON.stringify([c.client, c.server ?? c.host]);
}

function toObservedCall(c: CallKey, count: number): ObservedCall {
  const server = c.server ?? { name: c.host ?? UNKNOWN, namespace: c.service?.namespace ?? UNKNOWN };
  const call: ObservedCall = {
    client: c.client ?? { name: UNKNOWN, namespace: UNKNOWN },
    server: c.service === null ? { ...server } : { ...server, service: { ...c.service } },
    method: c.method,
    path: c.path,
    count,
    protocol: c.protocol,
  };
  if (c.server === null && c.host !== null) call.host = c.host;
  return call;
}

export class ReferenceObservedMapBuilder {
  private readonly counts = new Map<string, CallCounts>();
  private requestSeries = 0;
  private detailedSeries = 0;
  private nonFinite = 0;
  private waypointSeries = 0;
  /** Request series with a positive count, per reporter. */
  private readonly reporters = new Map<string, number>();
  private readonly warnings: string[] = [];
  /** Every source's calls enter here: names that are not Kubernetes names stop at the gate. */
  private readonly names = new NameGate();
  /** Samples kept (stats.series). */
  series = 0;
  /** Files or pods read (stats.sources). */
  sources = 0;

  /** Adds one sample; returns false when its family is not one the map is built from. */
  add(sample: Sample): boolean {
    if (!OBSERVED_METRICS.has(sample.metric)) return false;
    this.series++;
    const { reporter, hasHttpDetail, ...call } = istioCallOf(sample.metric, sample.labels);
    if (!this.names.admit(call)) return true;
    if (sample.metric === REQUESTS_METRIC) {
      this.requestSeries++;
      if (hasHttpDetail) this.detailedSeries++;
      if (sample.value > 0) this.reporters.set(reporter, (this.reporters.get(reporter) ?? 0) + 1);
    }
    if (reporter === 'waypoint') this.waypointSeries++;
    if (!Number.isFinite(sample.value)) {
      this.nonFinite++;
      return true;
    }
    const key = keyOf(call);
    let entry = this.counts.get(key);
    if (entry === undefined) {
      entry = { call, byReporter: new Map() };
      this.counts.set(key, entry);
    }
    entry.byReporter.set(reporter, (entry.byReporter.get(reporter) ?? 0) + sample.value);
    return true;
  }

  /** Request series with a positive count that `reporter` wrote (`source`: a caller's sidecar). */
  requestSeriesReportedBy(reporter: string): number {
    return this.reporters.get(reporter) ?? 0;
  }

  /** Request series with a positive count, whoever reported them. */
  requestSeriesCounted(): number {
    let n = 0;
    for (const count of this.reporters.values()) n += count;
    return n;
  }

  /** A warning for the report; it may quote a library's message, so credentials are scrubbed. */
  addWarning(message: string): void {
    this.warnings.push(scrubSecrets(message));
  }

  /** Per-call, per-reporter sums so far (for subtracting an earlier reading). */
  perReporterCounts(): ReadonlyMap<string, CallCounts> {
    return this.counts;
  }

  build(): ObservedMap {
    const warnings = [...this.warnings];
    const kept: { call: CallKey; count: number }[] = [];
    const { merged, toService } = attributeServiceCalls([...this.counts.values()]);
    if (toService > 0) {
      warnings.push(
        `${toService} call(s) to a Service that no workload answered (503 UH: no ready endpoint) are listed ` +
          'as calls to the Service: its workload is not in the metrics read',
      );
    }
    for (const { call, byReporter } of merged) {
      let count = 0;
      for (const value of byReporter.values()) if (value > count) count = value;
      if (count > 0) kept.push({ call, count });
    }
    // TCP evidence only for pairs that show no HTTP at all; method-less HTTP series only for pairs
    // without method/path series (series created before the Telemetry applied keep no detail).
    const httpPairs = new Set<string>();
    const detailedPairs = new Set<string>();
    for (const { call } of kept) {
      if (call.protocol !== 'tcp') httpPairs.add(pairOf(call));
      if (call.method !== null || call.path !== null) detailedPairs.add(pairOf(call));
    }
    let droppedCoarse = 0;
    const result: ObservedMap = {
      calls: [],
      unattributed: [],
      external: [],
      warnings,
      stats: { series: 0, sources: 0 },
    };
    for (const { call, count } of kept) {
      const pair = pairOf(call);
      if (call.protocol === 'tcp' && httpPairs.has(pair)) continue;
      if (call.protocol !== 'tcp' && call.method === null && call.path === null && detailedPairs.has(pair)) {
        droppedCoarse++;
        continue;
      }
      const observed = toObservedCall(call, count);
      if (call.client === null) result.unattributed.push(observed);
      else if (call.server === null) result.external.push(observed);
      else result.calls.push(observed);
    }
    if (this.requestSeries > 0 && this.detailedSeries === 0) {
      warnings.push(
        `no ${REQUESTS_METRIC} series carries request_method/request_path labels: the mesh-default Telemetry ` +
          '(tagOverrides request_method, request_path) seems missing, so calls are known per service only',
      );
    } else if (droppedCoarse > 0) {
      warnings.push(
        `${droppedCoarse} call(s) without request_method/request_path were dropped where the same client and ` +
          'server also have series with them (series created before the Telemetry applied?)',
      );
    }
    if (this.series > 0 && this.requestSeries === 0) {
      // ztunnel (ambient mode without waypoints) and plain TCP services report connections only.
      warnings.push(
        `only ${TCP_CONNECTIONS_METRIC} series (TCP connections, no HTTP requests): calls are known per service, ` +
          'and HTTP rules cannot be checked (ambient mode without waypoints, or TCP-only traffic)',
      );
    } else if (this.waypointSeries > 0) {
      warnings.push(
        `${this.waypointSeries} series reported by waypoints (ambient mode): HTTP detail exists only for traffic ` +
          'through a waypoint; calls that bypass one are not seen',
      );
    }
    const refused = this.names.warning('series');
    if (refused !== undefined) warnings.push(refused);
    if (this.nonFinite > 0)
      warnings.push(`${this.nonFinite} series with a NaN or infinite value were ignored`);
    if (this.series === 0) warnings.push(`no ${REQUESTS_METRIC} or ${TCP_CONNECTIONS_METRIC} series found`);
    result.calls.sort(compareCalls);
    result.unattributed.sort(compareCalls);
    result.external.sort(compareCalls);
    result.stats = { series: this.series, sources: this.sources };
    return result;
  }
}
