// The observed map while it is being read, as interned ids in typed arrays. Per series: the
// label values the engine reads (CALL_LABEL_SLOTS) as string ids, turned into a call by
// CallDeriver (istio-call.ts's rules, once per distinct value); a series whose names are not
// Kubernetes names is counted and left out (name-gate.ts); counts are summed per (call,
// reporter), as the builder needs them (the largest reporter wins at the end).
//
// A table can be exported as plain arrays (a string table and typed arrays that a worker
// thread transfers without copying) and absorbed by another: the hand-off from the metrics
// workers.
import { known } from '../istio-call.ts';
import { REQUESTS_METRIC, TCP_CONNECTIONS_METRIC } from '../istio-labels.ts';
import { NameGate, type RefusedNames } from '../name-gate.ts';
import { normalizePath } from '../normalize-path.ts';
import { CALL_WIDTH, CallDeriver, F_PROTOCOL } from './call-deriver.ts';
import { ReporterSums } from './reporter-sums.ts';
import { StringTable } from './string-table.ts';
import { TupleTable } from './tuple-table.ts';

/** The labels a series is read for, in slot order. Slot 0, the reporter, is kept apart. */
export const CALL_LABEL_SLOTS: readonly string[] = [
  'reporter',
  'source_workload',
  'source_workload_namespace',
  'destination_workload',
  'destination_workload_namespace',
  'destination_service',
  'destination_service_name',
  'destination_service_namespace',
  'request_protocol',
  'request_method',
  'request_path',
];
export const SLOT_COUNT = CALL_LABEL_SLOTS.length;
const METHOD_SLOT = 9;
const PATH_SLOT = 10;

/** The metric families, by index. */
export const CALL_METRICS: readonly string[] = [REQUESTS_METRIC, TCP_CONNECTIONS_METRIC];
const REQUESTS = 0;

/** Counters the builder turns into warnings and stats. */
export interface SeriesCounters {
  series: number;
  requestSeries: number;
  detailedSeries: number;
  nonFinite: number;
  waypointSeries: number;
}

/** A table as plain data: what a worker posts back (the typed arrays are transferred). */
export interface ExportedCalls {
  strings: string[];
  /** CALL_WIDTH ids per call. */
  calls: Int32Array;
  /** Per (call, reporter) sum: the call's index, the reporter's string id, the sum. */
  sumCall: Int32Array;
  sumReporter: Int32Array;
  sums: Float64Array;
  counters: SeriesCounters;
  /** Request series with a positive count, per reporter. */
  requestSeriesByReporter: [string, number][];
  refused: RefusedNames;
}

export {
  CALL_WIDTH,
  F_CLIENT_NAME,
  F_CLIENT_NS,
  F_HOST,
  F_METHOD,
  F_PATH,
  F_PROTOCOL,
  F_SERVER_NAME,
  F_SERVER_NS,
  F_SERVICE_NAME,
  F_SERVICE_NS,
  PROTOCOLS,
} from './call-deriver.ts';

function grownInt(a: Int32Array, size: number): Int32Array {
  if (size <= a.length) return a;
  const b = new Int32Array(Math.max(size, a.length * 2));
  b.set(a);
  return b;
}

export class CallTables {
  readonly strings: StringTable;
  private readonly deriver: CallDeriver;
  readonly calls = new TupleTable(CALL_WIDTH);
  /** (call, reporter id) -> index into sums. */
  private readonly sums = new ReporterSums();
  /** Reporter string id -> 1 + the id of its canonical form ('unknown' for '' and absent). */
  private reporterOf: Int32Array = new Int32Array(64);
  private absentReporter = -1;
  private readonly waypoint: number;
  readonly counters: SeriesCounters = {
    series: 0,
    requestSeries: 0,
    detailedSeries: 0,
    nonFinite: 0,
    waypointSeries: 0,
  };
  private readonly callKey = new Int32Array(CALL_WIDTH);
  /** Series whose names may not enter the map, counted with a few examples. */
  readonly names = new NameGate();
  /** Canonical reporter id -> request series with a positive count it wrote. */
  private readonly positiveByReporter = new Map<number, number>();

  constructor(strings: StringTable = new StringTable()) {
    this.strings = strings;
    this.waypoint = strings.intern('waypoint');
    this.deriver = new CallDeriver(strings, CALL_METRICS, normalizePath);
  }

  /**
   * One series: `metric` indexes CALL_METRICS, `ids[slot]` is the string id of each label in
   * CALL_LABEL_SLOTS (-1 when the series has no such label).
   */
  addSeries(metric: number, ids: ArrayLike<number>, value: number): void {
    const c = this.counters;
    c.series++;
    const refused = this.deriver.derive(metric, ids, this.callKey);
    if (refused !== undefined) {
      this.names.refuse(refused);
      return;
    }
    const reporter = this.canonicalReporter(ids[0]!);
    if (metric === REQUESTS) {
      c.requestSeries++;
      if (ids[METHOD_SLOT]! !== -1 || ids[PATH_SLOT]! !== -1) c.detailedSeries++;
      if (value > 0) this.positiveByReporter.set(reporter, (this.positiveByReporter.get(reporter) ?? 0) + 1);
    }
    if (reporter === this.waypoint) c.waypointSeries++;
    if (!Number.isFinite(value)) {
      c.nonFinite++;
      return;
    }
    this.addSum(this.calls.intern(this.callKey), reporter, value);
  }

  /** Request series with a positive count that `reporter` wrote. */
  requestSeriesReportedBy(reporter: string): number {
    const id = this.strings.find(reporter);
    return id === -1 ? 0 : (this.positiveByReporter.get(id) ?? 0);
  }

  /** Request series with a positive count, whoever reported them. */
  requestSeriesCounted(): number {
    let n = 0;
    for (const count of this.positiveByReporter.values()) n += count;
    return n;
  }

  private addSum(call: number, reporter: number, value: number): void {
    this.sums.add(call, reporter, value);
  }

  /** The id of `known(reporter) ?? 'unknown'`, computed once per distinct reporter value. */
  private canonicalReporter(id: number): number {
    if (id === -1) {
      if (this.absentReporter === -1) this.absentReporter = this.strings.intern('unknown');
      return this.absentReporter;
    }
    this.reporterOf = grownInt(this.reporterOf, id + 1);
    const cached = this.reporterOf[id]!;
    if (cached !== 0) return cached - 1;
    const canonical = this.strings.intern(known(this.strings.value(id)) ?? 'unknown');
    this.reporterOf[id] = canonical + 1;
    return canonical;
  }

  /** Per (call, reporter) sums. */
  reporterSums(): Generator<{ call: number; reporter: number; sum: number }> {
    return this.sums.entries();
  }

  /** Each call's count: its largest reporter's sum, 0 when none is positive. */
  callCounts(): Float64Array {
    return this.sums.largest(this.calls.size);
  }

  export(): ExportedCalls {
    const n = this.sums.size;
    const sumCall = new Int32Array(n);
    const sumReporter = new Int32Array(n);
    const sums = new Float64Array(n);
    let i = 0;
    for (const e of this.sums.entries()) {
      sumCall[i] = e.call;
      sumReporter[i] = e.reporter;
      sums[i++] = e.sum;
    }
    return {
      strings: this.strings.values.slice(),
      calls: this.calls.entries(),
      sumCall,
      sumReporter,
      sums,
      counters: { ...this.counters },
      requestSeriesByReporter: [...this.positiveByReporter].map(([id, n]) => [this.strings.value(id), n]),
      refused: this.names.export(),
    };
  }

  /** Adds another table's calls and sums (read from other files) to this one. */
  absorb(part: ExportedCalls): void {
    const ids = new Int32Array(part.strings.length);
    part.strings.forEach((s, i) => {
      ids[i] = this.strings.intern(s);
    });
    const callIds = new Int32Array(part.calls.length / CALL_WIDTH);
    const key = this.callKey;
    for (let c = 0; c < callIds.length; c++) {
      for (let f = 0; f < CALL_WIDTH; f++) {
        const v = part.calls[c * CALL_WIDTH + f]!;
        key[f] = f === F_PROTOCOL || v === -1 ? v : ids[v]!;
      }
      callIds[c] = this.calls.intern(key);
    }
    for (let i = 0; i < part.sums.length; i++) {
      this.addSum(callIds[part.sumCall[i]!]!, ids[part.sumReporter[i]!]!, part.sums[i]!);
    }
    for (const k of Object.keys(this.counters) as (keyof SeriesCounters)[]) {
      this.counters[k] += part.counters[k];
    }
    for (const [reporter, n] of part.requestSeriesByReporter) {
      const id = this.strings.intern(reporter);
      this.positiveByReporter.set(id, (this.positiveByReporter.get(id) ?? 0) + n);
    }
    this.names.absorb(part.refused);
  }
}
