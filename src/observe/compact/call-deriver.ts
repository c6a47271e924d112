// istioCallOf over interned label values: each part of a call (the client, the server, the
// Service, the host, the method, the path, the protocol) is decided by istio-call.ts's own
// function once per distinct value or pair of values, then remembered by id. A series then
// costs a few array and table lookups, whatever its strings. The names a call enters the map
// with are checked here too (name-gate.ts's rules), once per distinct name and namespace.
import {
  type CallProtocol,
  hostOf,
  known,
  methodOf,
  protocolOf,
  serviceOf,
  workloadOf,
} from '../istio-call.ts';
import { badService, badWorkload } from '../name-gate.ts';
import type { StringTable } from './string-table.ts';
import { TupleTable } from './tuple-table.ts';

/** Slots of the label values a call is derived from (see CALL_LABEL_SLOTS). */
const SOURCE_WORKLOAD = 1;
const SOURCE_NS = 2;
const DESTINATION_WORKLOAD = 3;
const DESTINATION_NS = 4;
const DESTINATION_SERVICE = 5;
const SERVICE_NAME = 6;
const SERVICE_NS = 7;
const REQUEST_PROTOCOL = 8;
const REQUEST_METHOD = 9;
const REQUEST_PATH = 10;

export const PROTOCOLS: readonly CallProtocol[] = ['http', 'grpc', 'tcp'];

/** A string id -> derived string id memo; -1 in and out stands for absent / null. */
class IdMemo {
  private results: Int32Array = new Int32Array(256);
  private readonly derive: (value: string | undefined) => string | null;
  private readonly strings: StringTable;
  private absent = -2;

  constructor(strings: StringTable, derive: (value: string | undefined) => string | null) {
    this.strings = strings;
    this.derive = derive;
  }

  get(id: number): number {
    if (id === -1) {
      if (this.absent === -2) this.absent = this.intern(this.derive(undefined));
      return this.absent;
    }
    if (id >= this.results.length) {
      const bigger = new Int32Array(Math.max(id + 1, this.results.length * 2));
      bigger.set(this.results);
      this.results = bigger;
    }
    const cached = this.results[id]!;
    if (cached !== 0) return cached - 2;
    const value = this.strings.value(id);
    const derived = this.derive(value);
    // Mostly the value itself (a path already normal, a method always).
    const result = derived === value ? id : this.intern(derived);
    this.results[id] = result + 2;
    return result;
  }

  private intern(value: string | null): number {
    return value === null ? -1 : this.strings.intern(value);
  }
}

type Derived = [string, string] | null;

/**
 * A (string id, string id) -> (id, id) memo, for refs made of a name and a namespace; with
 * `check`, also what is wrong with the derived names (undefined when nothing is).
 */
class PairMemo {
  private readonly keys = new TupleTable(2);
  private results: Int32Array = new Int32Array(512);
  /** Pair index -> what `check` found wrong; most pairs have nothing, so a sparse map. */
  private readonly faults = new Map<number, string>();
  private readonly key = new Int32Array(2);
  private readonly derive: (a: string | undefined, b: string | undefined) => Derived;
  private readonly check: ((derived: [string, string]) => string | undefined) | undefined;
  private readonly strings: StringTable;
  /** The two ids of the last get() (-2 before the first). */
  first = -2;
  second = -1;
  /** What `check` found wrong with the last get()'s names. */
  fault: string | undefined;

  constructor(
    strings: StringTable,
    derive: (a: string | undefined, b: string | undefined) => Derived,
    check?: (derived: [string, string]) => string | undefined,
  ) {
    this.strings = strings;
    this.derive = derive;
    this.check = check;
  }

  get(a: number, b: number): void {
    // Series come grouped: the same pair as last time is the common case.
    if (a === this.key[0] && b === this.key[1] && this.first !== -2) return;
    this.key[0] = a;
    this.key[1] = b;
    const index = this.keys.intern(this.key);
    if (this.keys.added) this.add(index, a, b);
    this.first = this.results[2 * index]!;
    this.second = this.results[2 * index + 1]!;
    this.fault = this.faults.size === 0 ? undefined : this.faults.get(index);
  }

  /** Derives a new pair (kept apart from get(): its closures would cost every call a context). */
  private add(index: number, a: number, b: number): void {
    if (2 * index + 1 >= this.results.length) {
      const bigger = new Int32Array(this.results.length * 2);
      bigger.set(this.results);
      this.results = bigger;
    }
    const s = (id: number) => (id === -1 ? undefined : this.strings.value(id));
    const first = s(a);
    const second = s(b);
    const result = this.derive(first, second);
    // Mostly the two values themselves: their ids need no lookup.
    const idOf = (value: string) => (value === first ? a : value === second ? b : this.strings.intern(value));
    this.results[2 * index] = result === null ? -1 : idOf(result[0]);
    this.results[2 * index + 1] = result === null ? -1 : idOf(result[1]);
    const fault = result === null ? undefined : this.check?.(result);
    if (fault !== undefined) this.faults.set(index, fault);
  }
}

/** Fields of a call tuple (ids into the string table, -1 for null). */
export const F_CLIENT_NAME = 0;
export const F_CLIENT_NS = 1;
export const F_SERVER_NAME = 2;
export const F_SERVER_NS = 3;
export const F_SERVICE_NAME = 4;
export const F_SERVICE_NS = 5;
export const F_HOST = 6;
export const F_METHOD = 7;
export const F_PATH = 8;
export const F_PROTOCOL = 9;
export const CALL_WIDTH = 10;

export class CallDeriver {
  private readonly workloads: PairMemo;
  private readonly services: PairMemo;
  private readonly hosts: PairMemo;
  private readonly methods: IdMemo;
  private readonly paths: IdMemo;
  /** Per metric, per request_protocol id: the protocol's index in PROTOCOLS. */
  private readonly protocols: IdMemo[];
  private readonly protocolIds: number[];

  constructor(strings: StringTable, metrics: readonly string[], normalize: (path: string) => string) {
    const ref = (r: { name: string; namespace: string } | null): [string, string] | null =>
      r === null ? null : [r.name, r.namespace];
    const named = ([name, namespace]: [string, string]) => ({ name, namespace });
    this.workloads = new PairMemo(
      strings,
      (n, ns) => ref(workloadOf(n, ns)),
      (w) => badWorkload(named(w)),
    );
    this.services = new PairMemo(
      strings,
      (n, ns) => ref(serviceOf(n, ns)),
      (s) => badService(named(s)),
    );
    this.hosts = new PairMemo(strings, (ds, name) => {
      const host = hostOf(ds, name);
      return host === null ? null : [host, host];
    });
    this.methods = new IdMemo(strings, methodOf);
    this.paths = new IdMemo(strings, (p) => {
      const path = known(p);
      return path === null ? null : normalize(path);
    });
    this.protocolIds = PROTOCOLS.map((p) => strings.intern(p));
    this.protocols = metrics.map((metric) => new IdMemo(strings, (value) => protocolOf(metric, value)));
  }

  /**
   * Fills `call` (CALL_WIDTH ids) with what the series of `metric` with label values `ids` says.
   * Returns what is wrong with its names (the first of client, server, Service, as NameGate
   * checks them), or undefined when the call may enter the map.
   */
  derive(metric: number, ids: ArrayLike<number>, call: Int32Array): string | undefined {
    this.workloads.get(ids[SOURCE_WORKLOAD]!, ids[SOURCE_NS]!);
    call[F_CLIENT_NAME] = this.workloads.first;
    call[F_CLIENT_NS] = this.workloads.second;
    let fault = this.workloads.fault;
    this.workloads.get(ids[DESTINATION_WORKLOAD]!, ids[DESTINATION_NS]!);
    const server = this.workloads.first;
    call[F_SERVER_NAME] = server;
    call[F_SERVER_NS] = this.workloads.second;
    fault ??= this.workloads.fault;
    this.services.get(ids[SERVICE_NAME]!, ids[SERVICE_NS]!);
    call[F_SERVICE_NAME] = this.services.first;
    call[F_SERVICE_NS] = this.services.second;
    fault ??= this.services.fault;
    if (server === -1) {
      this.hosts.get(ids[DESTINATION_SERVICE]!, ids[SERVICE_NAME]!);
      call[F_HOST] = this.hosts.first;
    } else call[F_HOST] = -1;
    const protocol = this.protocolIds.indexOf(this.protocols[metric]!.get(ids[REQUEST_PROTOCOL]!));
    call[F_PROTOCOL] = protocol;
    const http = PROTOCOLS[protocol] !== 'tcp';
    call[F_METHOD] = http ? this.methods.get(ids[REQUEST_METHOD]!) : -1;
    call[F_PATH] = http ? this.paths.get(ids[REQUEST_PATH]!) : -1;
    return fault;
  }
}
