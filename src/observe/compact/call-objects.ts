// From the interned tables to the ObservedCall objects the diff and the reports read. Calls
// with the same client (or server) share one reference object: a map of 200,000 calls between
// 2,000 workloads holds 2,000 of them, not 400,000. Nothing downstream mutates a reference
// (the pipeline and the exporters copy before they change one).
import type { ObservedCall, ServerRef, WorkloadRef } from '../../model.ts';
import {
  type CallTables,
  F_CLIENT_NAME,
  F_CLIENT_NS,
  F_HOST,
  F_METHOD,
  F_PATH,
  F_PROTOCOL,
  F_SERVER_NAME,
  F_SERVER_NS,
  PROTOCOLS,
} from './call-tables.ts';
import { attributeServiceCalls, F_KIND, SERVICE_KIND } from './service-calls.ts';
import { TupleTable } from './tuple-table.ts';

const UNKNOWN = 'unknown';

/** What build() decided about the calls: which to keep, and how many coarse ones it dropped. */
export interface KeptCalls {
  calls: ObservedCall[];
  unattributed: ObservedCall[];
  external: ObservedCall[];
  droppedCoarse: number;
  /** Calls to a Service that no workload answered, now listed as calls to the Service itself. */
  toService: number;
}

/** Reference objects, one per distinct tuple of string ids. */
class RefCache<T> {
  private readonly keys: TupleTable;
  private readonly refs: T[] = [];
  private readonly make: (key: Int32Array) => T;
  readonly key: Int32Array;

  constructor(width: number, make: (key: Int32Array) => T) {
    this.keys = new TupleTable(width);
    this.key = new Int32Array(width);
    this.make = make;
  }

  /** The object for the ids in `this.key`. */
  get(): T {
    const index = this.keys.intern(this.key);
    if (this.keys.added) this.refs.push(this.make(this.key));
    return this.refs[index]!;
  }
}

/**
 * The calls to report: counts > 0; TCP evidence only for pairs that show no HTTP at all;
 * method-less HTTP calls only for pairs without method/path calls (series created before the
 * Telemetry applied keep no detail). Unanswered calls to a mesh Service are first given their
 * server (service-calls.ts).
 */
export function keptCalls(tables: CallTables): KeptCalls {
  const { t, width, counts, toService } = attributeServiceCalls(tables);
  const n = counts.length;
  const kindOf = (c: number) => (width > F_KIND ? t[c * width + F_KIND]! : 0);
  const s = (id: number) => tables.strings.value(id);
  // A pair is (client, server) or (client, host) when the server is outside the mesh; a
  // Service standing in for its server is a server of its own.
  const pairs = new TupleTable(6);
  const pairOf = new Int32Array(n);
  const pairKey = new Int32Array(6);
  let http: Uint8Array = new Uint8Array(1024);
  let detailed: Uint8Array = new Uint8Array(1024);
  for (let c = 0; c < n; c++) {
    if (!(counts[c]! > 0)) continue;
    const b = c * width;
    pairKey[0] = t[b + F_CLIENT_NAME]!;
    pairKey[1] = t[b + F_CLIENT_NS]!;
    pairKey[2] = t[b + F_SERVER_NAME]!;
    pairKey[3] = t[b + F_SERVER_NS]!;
    pairKey[4] = t[b + F_HOST]!;
    pairKey[5] = kindOf(c);
    const p = pairs.intern(pairKey);
    pairOf[c] = p;
    if (p >= http.length) {
      http = grown(http);
      detailed = grown(detailed);
    }
    if (PROTOCOLS[t[b + F_PROTOCOL]!] !== 'tcp') http[p] = 1;
    if (t[b + F_METHOD] !== -1 || t[b + F_PATH] !== -1) detailed[p] = 1;
  }
  const clients = new RefCache<WorkloadRef>(2, (k) =>
    k[0] === -1 ? { name: UNKNOWN, namespace: UNKNOWN } : { name: s(k[0]!), namespace: s(k[1]!) },
  );
  const servers = new RefCache<ServerRef>(6, (k) => serverRef(k, s));
  const out: KeptCalls = { calls: [], unattributed: [], external: [], droppedCoarse: 0, toService };
  for (let c = 0; c < n; c++) {
    const count = counts[c]!;
    if (!(count > 0)) continue;
    const b = c * width;
    const protocol = PROTOCOLS[t[b + F_PROTOCOL]!]!;
    const method = t[b + F_METHOD]!;
    const path = t[b + F_PATH]!;
    if (protocol === 'tcp' && http[pairOf[c]!] === 1) continue;
    if (protocol !== 'tcp' && method === -1 && path === -1 && detailed[pairOf[c]!] === 1) {
      out.droppedCoarse++;
      continue;
    }
    clients.key[0] = t[b + F_CLIENT_NAME]!;
    clients.key[1] = t[b + F_CLIENT_NS]!;
    for (let i = 0; i < 5; i++) servers.key[i] = t[b + F_SERVER_NAME + i]!;
    servers.key[5] = kindOf(c);
    const call: ObservedCall = {
      client: clients.get(),
      server: servers.get(),
      method: method === -1 ? null : s(method),
      path: path === -1 ? null : s(path),
      count: smallIfIntegral(count),
      protocol,
    };
    const serverName = t[b + F_SERVER_NAME]!;
    const host = t[b + F_HOST]!;
    if (serverName === -1 && host !== -1) call.host = s(host);
    if (t[b + F_CLIENT_NAME] === -1) out.unattributed.push(call);
    else if (serverName === -1) out.external.push(call);
    else out.calls.push(call);
  }
  return out;
}

/**
 * A count as V8's small integer when it fits one (counters are whole numbers; past 2^31 - 1 it
 * stays a double): read from a Float64Array it would be boxed, one more object per call.
 */
function smallIfIntegral(n: number): number {
  return n === (n | 0) ? n | 0 : n;
}

/** The server as the report names it: the workload (or Service), else the host, with the Service used. */
function serverRef(k: Int32Array, s: (id: number) => string): ServerRef {
  // k holds F_SERVER_NAME .. F_HOST (server name, server ns, service name, service ns, host), then the kind.
  const [name, ns, serviceName, serviceNs, host, kind] = k;
  const server: ServerRef =
    name !== -1
      ? { name: s(name!), namespace: s(ns!) }
      : {
          name: host === -1 ? UNKNOWN : s(host!),
          namespace: serviceNs === -1 ? UNKNOWN : s(serviceNs!),
        };
  if (kind === SERVICE_KIND) server.kind = 'Service';
  if (serviceName !== -1) server.service = { name: s(serviceName!), namespace: s(serviceNs!) };
  return server;
}

function grown(a: Uint8Array): Uint8Array {
  const b = new Uint8Array(a.length * 2);
  b.set(a);
  return b;
}
