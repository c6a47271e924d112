// Series -> ObservedMap. Counts are summed per distinct call PER REPORTER and kept that way
// (a later `--window` can subtract an earlier reading per reporter); build() then takes, for each
// call, the largest reporter's sum: a call between two meshed pods is counted by both sidecars.
//
// Every source enters here: add() for a Sample (label values as strings), addInterned() for
// the byte readers (label values already interned into `strings`), absorb() for the tables a
// metrics worker read. All three meet in CallTables, where CallDeriver turns a series into a
// call with istio-call.ts's functions (workloadOf, serviceOf, hostOf, methodOf, protocolOf),
// each once per distinct value or (name, namespace) pair: the one place a check of names
// belongs, and a cheap one (names that are not Kubernetes names stop there, name-gate.ts).
// A call to a Service of the mesh that no workload answered (503 UH) is a call to that
// Service, not to an external host: build() gives it its server (compact/service-calls.ts).
import type { ObservedMap } from '../model.ts';
import { compareCalls } from '../order.ts';
import { scrubSecrets } from '../safe-text.ts';
import { keptCalls } from './compact/call-objects.ts';
import {
  CALL_LABEL_SLOTS,
  CALL_METRICS,
  CallTables,
  type ExportedCalls,
  SLOT_COUNT,
} from './compact/call-tables.ts';
import type { StringTable } from './compact/string-table.ts';
import type { Sample } from './exposition-line.ts';
import type { IstioCall } from './istio-call.ts';
import { REQUESTS_METRIC, TCP_CONNECTIONS_METRIC } from './istio-labels.ts';

/** An IstioCall without its reporter: what two reporters of one call agree on. */
export type CallKey = Omit<IstioCall, 'reporter' | 'hasHttpDetail'>;

/**
 * Said when a live source saw calls but no caller's sidecar counted one: the traffic entered
 * from outside the mesh, which Istio sees only from the server's side (source unknown).
 */
export const NO_CLIENT_SIDECAR =
  'no client sidecar saw any call (no istio_requests_total series with reporter="source"): the traffic came ' +
  "from outside the mesh (kubectl port-forward and NodePort skip the caller's sidecar); drive it from a " +
  'meshed pod, e.g. kubectl exec deploy/CLIENT -- curl http://SERVICE:PORT/PATH';

export interface CallCounts {
  call: CallKey;
  /** reporter -> summed counter values of its series. */
  byReporter: Map<string, number>;
}

/** What a metrics worker hands back: the tables, and what the builder counted besides. */
export interface ExportedMap extends ExportedCalls {
  warnings: string[];
  sources: number;
}

export class ObservedMapBuilder {
  private readonly tables = new CallTables();
  private readonly warnings: string[] = [];
  private readonly warned = new Set<string>();
  private readonly ids = new Int32Array(SLOT_COUNT);
  /** Files or pods read (stats.sources). */
  sources = 0;

  /** The string table label values are interned into (shared with the byte reader). */
  get strings(): StringTable {
    return this.tables.strings;
  }

  /** Samples kept (stats.series). */
  get series(): number {
    return this.tables.counters.series;
  }

  /** Adds one sample; returns false when its family is not one the map is built from. */
  add(sample: Sample): boolean {
    const metric = CALL_METRICS.indexOf(sample.metric);
    if (metric === -1) return false;
    const strings = this.tables.strings;
    for (let i = 0; i < SLOT_COUNT; i++) {
      const value = Object.hasOwn(sample.labels, CALL_LABEL_SLOTS[i]!)
        ? sample.labels[CALL_LABEL_SLOTS[i]!]
        : undefined;
      this.ids[i] = value === undefined ? -1 : strings.intern(value);
    }
    this.tables.addSeries(metric, this.ids, sample.value);
    return true;
  }

  /**
   * Adds one series read by the byte reader: `metric` indexes CALL_METRICS, `ids` holds the
   * string id (in `strings`) of each label of CALL_LABEL_SLOTS, -1 where the series has none.
   */
  addInterned(metric: number, ids: ArrayLike<number>, value: number): void {
    this.tables.addSeries(metric, ids, value);
  }

  /** Request series with a positive count that `reporter` wrote (`source`: a caller's sidecar). */
  requestSeriesReportedBy(reporter: string): number {
    return this.tables.requestSeriesReportedBy(reporter);
  }

  /** Request series with a positive count, whoever reported them. */
  requestSeriesCounted(): number {
    return this.tables.requestSeriesCounted();
  }

  /** A warning for the report; it may quote a library's message, so credentials are scrubbed. */
  addWarning(message: string): void {
    this.push(scrubSecrets(message));
  }

  /** addWarning, unless this builder holds the same warning already (one per distinct note). */
  addWarningOnce(message: string): void {
    const scrubbed = scrubSecrets(message);
    if (!this.warned.has(scrubbed)) this.push(scrubbed);
  }

  /** Every warning goes in here: `warned` answers addWarningOnce without a scan of the list. */
  private push(warning: string): void {
    this.warnings.push(warning);
    this.warned.add(warning);
  }

  /** The tables as transferable data (a worker's answer). */
  export(): ExportedMap {
    return { ...this.tables.export(), warnings: [...this.warnings], sources: this.sources };
  }

  /**
   * Takes in what another builder read (a worker's answer), after what this one holds. With
   * `warningsOnce`, a warning this builder holds already is not added again (notes every part of
   * one read may carry, such as Prometheus' `infos`).
   */
  absorb(part: ExportedMap, opts: { warningsOnce?: boolean } = {}): void {
    this.tables.absorb(part);
    for (const warning of part.warnings) {
      if (opts.warningsOnce) this.addWarningOnce(warning);
      else this.push(warning);
    }
    this.sources += part.sources;
  }

  /** Per-call, per-reporter sums so far (for subtracting an earlier reading). */
  perReporterCounts(): ReadonlyMap<string, CallCounts> {
    const out = new Map<string, CallCounts>();
    const { calls, strings } = this.tables;
    const s = (id: number) => (id === -1 ? null : strings.value(id));
    for (const { call, reporter, sum } of this.tables.reporterSums()) {
      const key = String(call);
      let entry = out.get(key);
      if (entry === undefined) {
        const f = (i: number) => calls.at(call, i);
        const ref = (a: number, b: number) => (f(a) === -1 ? null : { name: s(f(a))!, namespace: s(f(b))! });
        entry = {
          call: {
            client: ref(0, 1),
            server: ref(2, 3),
            service: ref(4, 5),
            host: s(f(6)),
            method: s(f(7)),
            path: s(f(8)),
            protocol: (['http', 'grpc', 'tcp'] as const)[f(9)]!,
          },
          byReporter: new Map(),
        };
        out.set(key, entry);
      }
      entry.byReporter.set(strings.value(reporter), sum);
    }
    return out;
  }

  build(): ObservedMap {
    const warnings = [...this.warnings];
    const kept = keptCalls(this.tables);
    const c = this.tables.counters;
    if (kept.toService > 0) {
      warnings.push(
        `${kept.toService} call(s) to a Service that no workload answered (503 UH: no ready endpoint) are listed ` +
          'as calls to the Service: its workload is not in the metrics read',
      );
    }
    if (c.requestSeries > 0 && c.detailedSeries === 0) {
      warnings.push(
        `no ${REQUESTS_METRIC} series carries request_method/request_path labels: the mesh-default Telemetry ` +
          '(tagOverrides request_method, request_path) seems missing, so calls are known per service only',
      );
    } else if (kept.droppedCoarse > 0) {
      warnings.push(
        `${kept.droppedCoarse} call(s) without request_method/request_path were dropped where the same client and ` +
          'server also have series with them (series created before the Telemetry applied?)',
      );
    }
    if (c.series > 0 && c.requestSeries === 0) {
      // ztunnel (ambient mode without waypoints) and plain TCP services report connections only.
      warnings.push(
        `only ${TCP_CONNECTIONS_METRIC} series (TCP connections, no HTTP requests): calls are known per service, ` +
          'and HTTP rules cannot be checked (ambient mode without waypoints, or TCP-only traffic)',
      );
    } else if (c.waypointSeries > 0) {
      warnings.push(
        `${c.waypointSeries} series reported by waypoints (ambient mode): HTTP detail exists only for traffic ` +
          'through a waypoint; calls that bypass one are not seen',
      );
    }
    const refused = this.tables.names.warning('series');
    if (refused !== undefined) warnings.push(refused);
    if (c.nonFinite > 0) warnings.push(`${c.nonFinite} series with a NaN or infinite value were ignored`);
    if (c.series === 0) warnings.push(`no ${REQUESTS_METRIC} or ${TCP_CONNECTIONS_METRIC} series found`);
    kept.calls.sort(compareCalls);
    kept.unattributed.sort(compareCalls);
    kept.external.sort(compareCalls);
    return {
      calls: kept.calls,
      unattributed: kept.unattributed,
      external: kept.external,
      warnings,
      stats: { series: c.series, sources: this.sources },
    };
  }
}
