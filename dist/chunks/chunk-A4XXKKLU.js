import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  compareCalls
} from "./chunk-FEXBMIR2.js";
import {
  NameGate,
  badService,
  badWorkload,
  scrubSecrets
} from "./chunk-3OLJVOZR.js";

// src/observe/istio-labels.ts
var ISTIO_DEFAULT_LABELS = [
  "reporter",
  "source_workload",
  "source_canonical_service",
  "source_canonical_revision",
  "source_workload_namespace",
  "source_principal",
  "source_app",
  "source_version",
  "source_cluster",
  "destination_workload",
  "destination_workload_namespace",
  "destination_principal",
  "destination_app",
  "destination_version",
  "destination_service",
  "destination_canonical_service",
  "destination_canonical_revision",
  "destination_service_name",
  "destination_service_namespace",
  "destination_cluster",
  "request_protocol",
  "response_code",
  "grpc_response_status",
  "response_flags",
  "connection_security_policy"
];
var HTTP_DETAIL_LABELS = ["request_method", "request_path"];
var REQUESTS_METRIC = "istio_requests_total";
var TCP_CONNECTIONS_METRIC = "istio_tcp_connections_opened_total";
var OBSERVED_METRICS = /* @__PURE__ */ new Set([REQUESTS_METRIC, TCP_CONNECTIONS_METRIC]);

// src/observe/compact/hash-seed.ts
var HASH_SEED = 2166136261 ^ Math.floor(Math.random() * 4294967296) | 1;

// src/observe/compact/tuple-table.ts
var EMPTY = -1;
function mixHash(hash, value) {
  let k = Math.imul(value, 3432918353);
  k = k << 15 | k >>> 17;
  k = Math.imul(k, 461845907);
  let h = hash ^ k;
  h = h << 13 | h >>> 19;
  return Math.imul(h, 5) + 3864292196 | 0;
}
function finishHash(hash) {
  let h = hash ^ hash >>> 16;
  h = Math.imul(h, 2246822507);
  h ^= h >>> 13;
  h = Math.imul(h, 3266489909);
  return h ^ h >>> 16;
}
var TupleTable = class {
  width;
  /** width ints per entry, in insertion order. */
  data;
  /** Each entry's hash, so that growing the table never hashes again. */
  hashes;
  slots;
  mask;
  size = 0;
  constructor(width, capacity = 1024) {
    this.width = width;
    let slots = 16;
    while (slots < capacity * 2) slots *= 2;
    this.slots = new Int32Array(slots).fill(EMPTY);
    this.mask = slots - 1;
    this.data = new Int32Array(Math.max(16, capacity) * width);
    this.hashes = new Int32Array(Math.max(16, capacity));
  }
  hashOf(key) {
    let h = HASH_SEED;
    for (let i = 0; i < this.width; i++) h = mixHash(h, key[i]);
    return finishHash(h);
  }
  equalsAt(index, key) {
    const base = index * this.width;
    for (let i = 0; i < this.width; i++) if (this.data[base + i] !== key[i]) return false;
    return true;
  }
  /** The index of `key` (its first `width` ints), or -1. */
  find(key) {
    for (let slot = this.hashOf(key) & this.mask; ; slot = slot + 1 & this.mask) {
      const index = this.slots[slot];
      if (index === EMPTY || this.equalsAt(index, key)) return index;
    }
  }
  /** The index of `key`, adding it when new (`added` then tells so). */
  intern(key) {
    const hash = this.hashOf(key);
    let slot = hash & this.mask;
    for (; ; slot = slot + 1 & this.mask) {
      const index2 = this.slots[slot];
      if (index2 === EMPTY) break;
      if (this.hashes[index2] === hash && this.equalsAt(index2, key)) {
        this.added = false;
        return index2;
      }
    }
    const index = this.size++;
    if (this.size > this.hashes.length) this.growData();
    this.hashes[index] = hash;
    const base = index * this.width;
    for (let i = 0; i < this.width; i++) this.data[base + i] = key[i];
    this.slots[slot] = index;
    this.added = true;
    if (this.size * 2 > this.slots.length) this.rehash();
    return index;
  }
  /** Whether the last intern() added its key. */
  added = false;
  /** Field `field` of entry `index`. */
  at(index, field) {
    return this.data[index * this.width + field];
  }
  /** The entries, width ints each (a copy, trimmed to size). */
  entries() {
    return this.data.slice(0, this.size * this.width);
  }
  growData() {
    const data = new Int32Array(this.data.length * 2);
    data.set(this.data);
    this.data = data;
    const hashes = new Int32Array(this.hashes.length * 2);
    hashes.set(this.hashes);
    this.hashes = hashes;
  }
  rehash() {
    const slots = new Int32Array(this.slots.length * 2).fill(EMPTY);
    const mask = slots.length - 1;
    for (let index = 0; index < this.size; index++) {
      let slot = this.hashes[index] & mask;
      while (slots[slot] !== EMPTY) slot = slot + 1 & mask;
      slots[slot] = index;
    }
    this.slots = slots;
    this.mask = mask;
  }
};

// src/observe/compact/string-table.ts
var EMPTY2 = -1;
function hashOf(value, seed) {
  let h = seed;
  for (let i = 0; i < value.length; i++) h = Math.imul(h ^ value.charCodeAt(i), 16777619);
  return finishHash(h);
}
var StringTable = class {
  values = [];
  /** Per id, its string's hash: growing the table never hashes again. */
  hashes = new Int32Array(256);
  slots = new Int32Array(512).fill(EMPTY2);
  mask = 511;
  seed;
  /** Occupied slots passed over by lookups: about one per lookup, unless hashes were made to collide. */
  probes = 0;
  /** `seed`: the process's (tests give FNV-1a's own basis, to meet its known collisions). */
  constructor(seed = HASH_SEED) {
    this.seed = seed;
  }
  /** The id of `value`, adding it when new. */
  intern(value) {
    const hash = hashOf(value, this.seed);
    let slot = hash & this.mask;
    for (; ; slot = slot + 1 & this.mask) {
      const id2 = this.slots[slot];
      if (id2 === EMPTY2) break;
      if (this.hashes[id2] === hash && this.values[id2] === value) return id2;
      this.probes++;
    }
    const id = this.values.length;
    this.values.push(value);
    if (id === this.hashes.length) {
      const hashes = new Int32Array(id * 2);
      hashes.set(this.hashes);
      this.hashes = hashes;
    }
    this.hashes[id] = hash;
    this.slots[slot] = id;
    if (this.values.length * 2 > this.slots.length) this.rehash();
    return id;
  }
  /** The id of `value`, or -1 when it was never interned. */
  find(value) {
    const hash = hashOf(value, this.seed);
    for (let slot = hash & this.mask; ; slot = slot + 1 & this.mask) {
      const id = this.slots[slot];
      if (id === EMPTY2) return EMPTY2;
      if (this.hashes[id] === hash && this.values[id] === value) return id;
    }
  }
  value(id) {
    return this.values[id];
  }
  get size() {
    return this.values.length;
  }
  rehash() {
    const slots = new Int32Array(this.slots.length * 2).fill(EMPTY2);
    const mask = slots.length - 1;
    for (let id = 0; id < this.values.length; id++) {
      let slot = this.hashes[id] & mask;
      while (slots[slot] !== EMPTY2) slot = slot + 1 & mask;
      slots[slot] = id;
    }
    this.slots = slots;
    this.mask = mask;
  }
};

// src/observe/normalize-path.ts
var HEX = /^[0-9A-Fa-f]{2}$/;
function isUnreserved(code) {
  return code >= 65 && code <= 90 || code >= 97 && code <= 122 || code >= 48 && code <= 57 || code === 45 || code === 46 || code === 95 || code === 126;
}
function decodeUnreservedOnce(path) {
  if (!path.includes("%")) return path;
  let out = "";
  let i = 0;
  while (i < path.length) {
    const pct = path.indexOf("%", i);
    if (pct === -1) break;
    out += path.slice(i, pct);
    const hex = path.slice(pct + 1, pct + 3);
    if (HEX.test(hex)) {
      const code = Number.parseInt(hex, 16);
      out += isUnreserved(code) ? String.fromCharCode(code) : `%${hex.toUpperCase()}`;
      i = pct + 3;
    } else {
      out += "%";
      i = pct + 1;
    }
  }
  return out + path.slice(i);
}
function decodeUnreserved(path) {
  let current = path;
  for (; ; ) {
    const next = decodeUnreservedOnce(current);
    if (next === current) return current;
    current = next;
  }
}
function removeDotSegments(path) {
  const segments = path.split("/");
  const out = [];
  for (let i = 1; i < segments.length; i++) {
    const seg = segments[i];
    const last = i === segments.length - 1;
    if (seg === "." || seg === "..") {
      if (seg === "..") out.pop();
      if (last) out.push("");
      continue;
    }
    out.push(seg);
  }
  return `/${out.join("/")}`;
}
var ALREADY_NORMAL = /^\/[^?#%\\]*$/;
function normalizePath(raw) {
  if (ALREADY_NORMAL.test(raw) && !raw.includes("/.")) return raw;
  return normalizeFully(raw);
}
function normalizeFully(raw) {
  let path = raw;
  const cut = path.search(/[?#]/);
  if (cut !== -1) path = path.slice(0, cut);
  path = decodeUnreserved(path).replaceAll("\\", "/");
  if (path === "") return "/";
  if (!path.startsWith("/")) return path;
  return removeDotSegments(path);
}

// src/observe/istio-call.ts
var NOT_A_SERVICE = /* @__PURE__ */ new Set([
  "PassthroughCluster",
  "InboundPassthroughCluster",
  "InboundPassthroughClusterIpv4",
  "InboundPassthroughClusterIpv6",
  "BlackHoleCluster"
]);
function known(value) {
  return value === void 0 || value === "" || value === "unknown" ? null : value;
}
function workloadOf(name, namespace) {
  const n = known(name);
  const ns = known(namespace);
  return n === null || ns === null ? null : { name: n, namespace: ns };
}
function serviceOf(name, namespace) {
  const n = known(name);
  const ns = known(namespace);
  return n === null || ns === null || NOT_A_SERVICE.has(n) ? null : { name: n, namespace: ns };
}
function hostOf(destinationService, serviceName) {
  return known(destinationService) ?? known(serviceName);
}
function protocolOf(metric, requestProtocol) {
  if (metric.startsWith("istio_tcp_") || metric === TCP_CONNECTIONS_METRIC) return "tcp";
  return requestProtocol === "grpc" ? "grpc" : "http";
}
function methodOf(requestMethod) {
  return known(requestMethod);
}

// src/observe/compact/call-deriver.ts
var SOURCE_WORKLOAD = 1;
var SOURCE_NS = 2;
var DESTINATION_WORKLOAD = 3;
var DESTINATION_NS = 4;
var DESTINATION_SERVICE = 5;
var SERVICE_NAME = 6;
var SERVICE_NS = 7;
var REQUEST_PROTOCOL = 8;
var REQUEST_METHOD = 9;
var REQUEST_PATH = 10;
var PROTOCOLS = ["http", "grpc", "tcp"];
var IdMemo = class {
  results = new Int32Array(256);
  derive;
  strings;
  absent = -2;
  constructor(strings, derive) {
    this.strings = strings;
    this.derive = derive;
  }
  get(id) {
    if (id === -1) {
      if (this.absent === -2) this.absent = this.intern(this.derive(void 0));
      return this.absent;
    }
    if (id >= this.results.length) {
      const bigger = new Int32Array(Math.max(id + 1, this.results.length * 2));
      bigger.set(this.results);
      this.results = bigger;
    }
    const cached = this.results[id];
    if (cached !== 0) return cached - 2;
    const value = this.strings.value(id);
    const derived = this.derive(value);
    const result = derived === value ? id : this.intern(derived);
    this.results[id] = result + 2;
    return result;
  }
  intern(value) {
    return value === null ? -1 : this.strings.intern(value);
  }
};
var PairMemo = class {
  keys = new TupleTable(2);
  results = new Int32Array(512);
  /** Pair index -> what `check` found wrong; most pairs have nothing, so a sparse map. */
  faults = /* @__PURE__ */ new Map();
  key = new Int32Array(2);
  derive;
  check;
  strings;
  /** The two ids of the last get() (-2 before the first). */
  first = -2;
  second = -1;
  /** What `check` found wrong with the last get()'s names. */
  fault;
  constructor(strings, derive, check) {
    this.strings = strings;
    this.derive = derive;
    this.check = check;
  }
  get(a, b) {
    if (a === this.key[0] && b === this.key[1] && this.first !== -2) return;
    this.key[0] = a;
    this.key[1] = b;
    const index = this.keys.intern(this.key);
    if (this.keys.added) this.add(index, a, b);
    this.first = this.results[2 * index];
    this.second = this.results[2 * index + 1];
    this.fault = this.faults.size === 0 ? void 0 : this.faults.get(index);
  }
  /** Derives a new pair (kept apart from get(): its closures would cost every call a context). */
  add(index, a, b) {
    if (2 * index + 1 >= this.results.length) {
      const bigger = new Int32Array(this.results.length * 2);
      bigger.set(this.results);
      this.results = bigger;
    }
    const s = (id) => id === -1 ? void 0 : this.strings.value(id);
    const first = s(a);
    const second = s(b);
    const result = this.derive(first, second);
    const idOf = (value) => value === first ? a : value === second ? b : this.strings.intern(value);
    this.results[2 * index] = result === null ? -1 : idOf(result[0]);
    this.results[2 * index + 1] = result === null ? -1 : idOf(result[1]);
    const fault = result === null ? void 0 : this.check?.(result);
    if (fault !== void 0) this.faults.set(index, fault);
  }
};
var F_CLIENT_NAME = 0;
var F_CLIENT_NS = 1;
var F_SERVER_NAME = 2;
var F_SERVER_NS = 3;
var F_SERVICE_NAME = 4;
var F_SERVICE_NS = 5;
var F_HOST = 6;
var F_METHOD = 7;
var F_PATH = 8;
var F_PROTOCOL = 9;
var CALL_WIDTH = 10;
var CallDeriver = class {
  workloads;
  services;
  hosts;
  methods;
  paths;
  /** Per metric, per request_protocol id: the protocol's index in PROTOCOLS. */
  protocols;
  protocolIds;
  constructor(strings, metrics, normalize) {
    const ref = (r) => r === null ? null : [r.name, r.namespace];
    const named = ([name, namespace]) => ({ name, namespace });
    this.workloads = new PairMemo(
      strings,
      (n, ns) => ref(workloadOf(n, ns)),
      (w) => badWorkload(named(w))
    );
    this.services = new PairMemo(
      strings,
      (n, ns) => ref(serviceOf(n, ns)),
      (s) => badService(named(s))
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
  derive(metric, ids, call) {
    this.workloads.get(ids[SOURCE_WORKLOAD], ids[SOURCE_NS]);
    call[F_CLIENT_NAME] = this.workloads.first;
    call[F_CLIENT_NS] = this.workloads.second;
    let fault = this.workloads.fault;
    this.workloads.get(ids[DESTINATION_WORKLOAD], ids[DESTINATION_NS]);
    const server = this.workloads.first;
    call[F_SERVER_NAME] = server;
    call[F_SERVER_NS] = this.workloads.second;
    fault ??= this.workloads.fault;
    this.services.get(ids[SERVICE_NAME], ids[SERVICE_NS]);
    call[F_SERVICE_NAME] = this.services.first;
    call[F_SERVICE_NS] = this.services.second;
    fault ??= this.services.fault;
    if (server === -1) {
      this.hosts.get(ids[DESTINATION_SERVICE], ids[SERVICE_NAME]);
      call[F_HOST] = this.hosts.first;
    } else call[F_HOST] = -1;
    const protocol = this.protocolIds.indexOf(this.protocols[metric].get(ids[REQUEST_PROTOCOL]));
    call[F_PROTOCOL] = protocol;
    const http = PROTOCOLS[protocol] !== "tcp";
    call[F_METHOD] = http ? this.methods.get(ids[REQUEST_METHOD]) : -1;
    call[F_PATH] = http ? this.paths.get(ids[REQUEST_PATH]) : -1;
    return fault;
  }
};

// src/observe/compact/reporter-sums.ts
var NONE = -1;
function grownInt(a, size) {
  const b = new Int32Array(Math.max(size, a.length * 2)).fill(NONE);
  b.set(a);
  return b;
}
function grownFloat(a, size) {
  const b = new Float64Array(Math.max(size, a.length * 2));
  b.set(a);
  return b;
}
var ReporterSums = class {
  first = new Int32Array(1024).fill(NONE);
  firstSum = new Float64Array(1024);
  second = new Int32Array(1024).fill(NONE);
  secondSum = new Float64Array(1024);
  more = new TupleTable(2);
  moreSum = new Float64Array(16);
  key = new Int32Array(2);
  /** One more than the largest call index seen. */
  calls = 0;
  add(call, reporter, value) {
    if (call >= this.first.length) {
      this.first = grownInt(this.first, call + 1);
      this.second = grownInt(this.second, call + 1);
      this.firstSum = grownFloat(this.firstSum, call + 1);
      this.secondSum = grownFloat(this.secondSum, call + 1);
    }
    if (call >= this.calls) this.calls = call + 1;
    const a = this.first[call];
    if (a === reporter || a === NONE) {
      this.first[call] = reporter;
      this.firstSum[call] = this.firstSum[call] + value;
      return;
    }
    const b = this.second[call];
    if (b === reporter || b === NONE) {
      this.second[call] = reporter;
      this.secondSum[call] = this.secondSum[call] + value;
      return;
    }
    this.key[0] = call;
    this.key[1] = reporter;
    const at = this.more.intern(this.key);
    if (at >= this.moreSum.length) this.moreSum = grownFloat(this.moreSum, at + 1);
    this.moreSum[at] = this.moreSum[at] + value;
  }
  /** Every (call, reporter) sum: by call, then the order the reporters came in. */
  *entries() {
    for (let call = 0; call < this.calls; call++) {
      if (this.first[call] !== NONE) yield { call, reporter: this.first[call], sum: this.firstSum[call] };
      if (this.second[call] !== NONE)
        yield { call, reporter: this.second[call], sum: this.secondSum[call] };
    }
    for (let i = 0; i < this.more.size; i++) {
      yield { call: this.more.at(i, 0), reporter: this.more.at(i, 1), sum: this.moreSum[i] };
    }
  }
  /** Each of `calls` calls' largest sum, 0 when none is positive. */
  largest(calls) {
    const out = new Float64Array(calls);
    for (let call = 0; call < Math.min(calls, this.calls); call++) {
      if (this.first[call] !== NONE && this.firstSum[call] > out[call]) out[call] = this.firstSum[call];
      if (this.second[call] !== NONE && this.secondSum[call] > out[call]) out[call] = this.secondSum[call];
    }
    for (let i = 0; i < this.more.size; i++) {
      const call = this.more.at(i, 0);
      if (this.moreSum[i] > out[call]) out[call] = this.moreSum[i];
    }
    return out;
  }
  /** How many (call, reporter) sums there are. */
  get size() {
    let n = this.more.size;
    for (let call = 0; call < this.calls; call++) {
      if (this.first[call] !== NONE) n++;
      if (this.second[call] !== NONE) n++;
    }
    return n;
  }
};

// src/observe/compact/call-tables.ts
var CALL_LABEL_SLOTS = [
  "reporter",
  "source_workload",
  "source_workload_namespace",
  "destination_workload",
  "destination_workload_namespace",
  "destination_service",
  "destination_service_name",
  "destination_service_namespace",
  "request_protocol",
  "request_method",
  "request_path"
];
var SLOT_COUNT = CALL_LABEL_SLOTS.length;
var METHOD_SLOT = 9;
var PATH_SLOT = 10;
var CALL_METRICS = [REQUESTS_METRIC, TCP_CONNECTIONS_METRIC];
var REQUESTS = 0;
function grownInt2(a, size) {
  if (size <= a.length) return a;
  const b = new Int32Array(Math.max(size, a.length * 2));
  b.set(a);
  return b;
}
var CallTables = class {
  strings;
  deriver;
  calls = new TupleTable(CALL_WIDTH);
  /** (call, reporter id) -> index into sums. */
  sums = new ReporterSums();
  /** Reporter string id -> 1 + the id of its canonical form ('unknown' for '' and absent). */
  reporterOf = new Int32Array(64);
  absentReporter = -1;
  waypoint;
  counters = {
    series: 0,
    requestSeries: 0,
    detailedSeries: 0,
    nonFinite: 0,
    waypointSeries: 0
  };
  callKey = new Int32Array(CALL_WIDTH);
  /** Series whose names may not enter the map, counted with a few examples. */
  names = new NameGate();
  /** Canonical reporter id -> request series with a positive count it wrote. */
  positiveByReporter = /* @__PURE__ */ new Map();
  constructor(strings = new StringTable()) {
    this.strings = strings;
    this.waypoint = strings.intern("waypoint");
    this.deriver = new CallDeriver(strings, CALL_METRICS, normalizePath);
  }
  /**
   * One series: `metric` indexes CALL_METRICS, `ids[slot]` is the string id of each label in
   * CALL_LABEL_SLOTS (-1 when the series has no such label).
   */
  addSeries(metric, ids, value) {
    const c = this.counters;
    c.series++;
    const refused = this.deriver.derive(metric, ids, this.callKey);
    if (refused !== void 0) {
      this.names.refuse(refused);
      return;
    }
    const reporter = this.canonicalReporter(ids[0]);
    if (metric === REQUESTS) {
      c.requestSeries++;
      if (ids[METHOD_SLOT] !== -1 || ids[PATH_SLOT] !== -1) c.detailedSeries++;
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
  requestSeriesReportedBy(reporter) {
    const id = this.strings.find(reporter);
    return id === -1 ? 0 : this.positiveByReporter.get(id) ?? 0;
  }
  /** Request series with a positive count, whoever reported them. */
  requestSeriesCounted() {
    let n = 0;
    for (const count of this.positiveByReporter.values()) n += count;
    return n;
  }
  addSum(call, reporter, value) {
    this.sums.add(call, reporter, value);
  }
  /** The id of `known(reporter) ?? 'unknown'`, computed once per distinct reporter value. */
  canonicalReporter(id) {
    if (id === -1) {
      if (this.absentReporter === -1) this.absentReporter = this.strings.intern("unknown");
      return this.absentReporter;
    }
    this.reporterOf = grownInt2(this.reporterOf, id + 1);
    const cached = this.reporterOf[id];
    if (cached !== 0) return cached - 1;
    const canonical = this.strings.intern(known(this.strings.value(id)) ?? "unknown");
    this.reporterOf[id] = canonical + 1;
    return canonical;
  }
  /** Per (call, reporter) sums. */
  reporterSums() {
    return this.sums.entries();
  }
  /** Each call's count: its largest reporter's sum, 0 when none is positive. */
  callCounts() {
    return this.sums.largest(this.calls.size);
  }
  export() {
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
      requestSeriesByReporter: [...this.positiveByReporter].map(([id, n2]) => [this.strings.value(id), n2]),
      refused: this.names.export()
    };
  }
  /** Adds another table's calls and sums (read from other files) to this one. */
  absorb(part) {
    const ids = new Int32Array(part.strings.length);
    part.strings.forEach((s, i) => {
      ids[i] = this.strings.intern(s);
    });
    const callIds = new Int32Array(part.calls.length / CALL_WIDTH);
    const key = this.callKey;
    for (let c = 0; c < callIds.length; c++) {
      for (let f = 0; f < CALL_WIDTH; f++) {
        const v = part.calls[c * CALL_WIDTH + f];
        key[f] = f === F_PROTOCOL || v === -1 ? v : ids[v];
      }
      callIds[c] = this.calls.intern(key);
    }
    for (let i = 0; i < part.sums.length; i++) {
      this.addSum(callIds[part.sumCall[i]], ids[part.sumReporter[i]], part.sums[i]);
    }
    for (const k of Object.keys(this.counters)) {
      this.counters[k] += part.counters[k];
    }
    for (const [reporter, n] of part.requestSeriesByReporter) {
      const id = this.strings.intern(reporter);
      this.positiveByReporter.set(id, (this.positiveByReporter.get(id) ?? 0) + n);
    }
    this.names.absorb(part.refused);
  }
};

// src/observe/compact/service-calls.ts
var F_KIND = CALL_WIDTH;
var SERVICE_KIND = 1;
function toMeshService(t, b, s) {
  const service = t[b + F_SERVICE_NAME];
  const host = t[b + F_HOST];
  if (t[b + F_SERVER_NAME] !== -1 || service === -1 || host === -1) return false;
  return s(host).startsWith(`${s(service)}.${s(t[b + F_SERVICE_NS])}.svc.`);
}
function attributeServiceCalls(tables) {
  const t = tables.calls.entries();
  const n = tables.calls.size;
  const s = (id) => tables.strings.value(id);
  const unanswered = [];
  for (let c = 0; c < n; c++) if (toMeshService(t, c * CALL_WIDTH, s)) unanswered.push(c);
  const counts = tables.callCounts();
  if (unanswered.length === 0) return { t, width: CALL_WIDTH, counts, toService: 0 };
  const services = new TupleTable(2);
  const key = new Int32Array(2);
  let behind = new Int32Array(2 * 64);
  let several = new Uint8Array(64);
  for (let c = 0; c < n; c++) {
    const b = c * CALL_WIDTH;
    if (t[b + F_SERVER_NAME] === -1 || t[b + F_SERVICE_NAME] === -1) continue;
    key[0] = t[b + F_SERVICE_NAME];
    key[1] = t[b + F_SERVICE_NS];
    const i = services.intern(key);
    if (2 * i + 1 >= behind.length) {
      behind = grownInt3(behind);
      several = grownBytes(several);
    }
    if (services.added) {
      behind[2 * i] = t[b + F_SERVER_NAME];
      behind[2 * i + 1] = t[b + F_SERVER_NS];
    } else if (behind[2 * i] !== t[b + F_SERVER_NAME] || behind[2 * i + 1] !== t[b + F_SERVER_NS]) {
      several[i] = 1;
    }
  }
  const width = CALL_WIDTH + 1;
  const merged = new TupleTable(width, n);
  const into = new Int32Array(n);
  const call = new Int32Array(width);
  let toService = 0;
  let next = 0;
  for (let c = 0; c < n; c++) {
    const b = c * CALL_WIDTH;
    for (let f = 0; f < CALL_WIDTH; f++) call[f] = t[b + f];
    call[F_KIND] = 0;
    if (c === unanswered[next]) {
      next++;
      key[0] = t[b + F_SERVICE_NAME];
      key[1] = t[b + F_SERVICE_NS];
      const i = services.find(key);
      if (i !== -1 && several[i] === 0) {
        call[F_SERVER_NAME] = behind[2 * i];
        call[F_SERVER_NS] = behind[2 * i + 1];
      } else {
        call[F_SERVER_NAME] = key[0];
        call[F_SERVER_NS] = key[1];
        call[F_KIND] = SERVICE_KIND;
        if (counts[c] > 0) toService++;
      }
      call[F_HOST] = -1;
    }
    into[c] = merged.intern(call);
  }
  const sums = new ReporterSums();
  for (const e of tables.reporterSums()) sums.add(into[e.call], e.reporter, e.sum);
  return { t: merged.entries(), width, counts: sums.largest(merged.size), toService };
}
function grownInt3(a) {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}
function grownBytes(a) {
  const b = new Uint8Array(a.length * 2);
  b.set(a);
  return b;
}

// src/observe/compact/call-objects.ts
var UNKNOWN = "unknown";
var RefCache = class {
  keys;
  refs = [];
  make;
  key;
  constructor(width, make) {
    this.keys = new TupleTable(width);
    this.key = new Int32Array(width);
    this.make = make;
  }
  /** The object for the ids in `this.key`. */
  get() {
    const index = this.keys.intern(this.key);
    if (this.keys.added) this.refs.push(this.make(this.key));
    return this.refs[index];
  }
};
function keptCalls(tables) {
  const { t, width, counts, toService } = attributeServiceCalls(tables);
  const n = counts.length;
  const kindOf = (c) => width > F_KIND ? t[c * width + F_KIND] : 0;
  const s = (id) => tables.strings.value(id);
  const pairs = new TupleTable(6);
  const pairOf = new Int32Array(n);
  const pairKey = new Int32Array(6);
  let http = new Uint8Array(1024);
  let detailed = new Uint8Array(1024);
  for (let c = 0; c < n; c++) {
    if (!(counts[c] > 0)) continue;
    const b = c * width;
    pairKey[0] = t[b + F_CLIENT_NAME];
    pairKey[1] = t[b + F_CLIENT_NS];
    pairKey[2] = t[b + F_SERVER_NAME];
    pairKey[3] = t[b + F_SERVER_NS];
    pairKey[4] = t[b + F_HOST];
    pairKey[5] = kindOf(c);
    const p = pairs.intern(pairKey);
    pairOf[c] = p;
    if (p >= http.length) {
      http = grown(http);
      detailed = grown(detailed);
    }
    if (PROTOCOLS[t[b + F_PROTOCOL]] !== "tcp") http[p] = 1;
    if (t[b + F_METHOD] !== -1 || t[b + F_PATH] !== -1) detailed[p] = 1;
  }
  const clients = new RefCache(
    2,
    (k) => k[0] === -1 ? { name: UNKNOWN, namespace: UNKNOWN } : { name: s(k[0]), namespace: s(k[1]) }
  );
  const servers = new RefCache(6, (k) => serverRef(k, s));
  const out = { calls: [], unattributed: [], external: [], droppedCoarse: 0, toService };
  for (let c = 0; c < n; c++) {
    const count = counts[c];
    if (!(count > 0)) continue;
    const b = c * width;
    const protocol = PROTOCOLS[t[b + F_PROTOCOL]];
    const method = t[b + F_METHOD];
    const path = t[b + F_PATH];
    if (protocol === "tcp" && http[pairOf[c]] === 1) continue;
    if (protocol !== "tcp" && method === -1 && path === -1 && detailed[pairOf[c]] === 1) {
      out.droppedCoarse++;
      continue;
    }
    clients.key[0] = t[b + F_CLIENT_NAME];
    clients.key[1] = t[b + F_CLIENT_NS];
    for (let i = 0; i < 5; i++) servers.key[i] = t[b + F_SERVER_NAME + i];
    servers.key[5] = kindOf(c);
    const call = {
      client: clients.get(),
      server: servers.get(),
      method: method === -1 ? null : s(method),
      path: path === -1 ? null : s(path),
      count: smallIfIntegral(count),
      protocol
    };
    const serverName = t[b + F_SERVER_NAME];
    const host = t[b + F_HOST];
    if (serverName === -1 && host !== -1) call.host = s(host);
    if (t[b + F_CLIENT_NAME] === -1) out.unattributed.push(call);
    else if (serverName === -1) out.external.push(call);
    else out.calls.push(call);
  }
  return out;
}
function smallIfIntegral(n) {
  return n === (n | 0) ? n | 0 : n;
}
function serverRef(k, s) {
  const [name, ns, serviceName, serviceNs, host, kind] = k;
  const server = name !== -1 ? { name: s(name), namespace: s(ns) } : {
    name: host === -1 ? UNKNOWN : s(host),
    namespace: serviceNs === -1 ? UNKNOWN : s(serviceNs)
  };
  if (kind === SERVICE_KIND) server.kind = "Service";
  if (serviceName !== -1) server.service = { name: s(serviceName), namespace: s(serviceNs) };
  return server;
}
function grown(a) {
  const b = new Uint8Array(a.length * 2);
  b.set(a);
  return b;
}

// src/observe/observed-map.ts
var NO_CLIENT_SIDECAR = `no client sidecar saw any call (no istio_requests_total series with reporter="source"): the traffic came from outside the mesh (kubectl port-forward and NodePort skip the caller's sidecar); drive it from a meshed pod, e.g. kubectl exec deploy/CLIENT -- curl http://SERVICE:PORT/PATH`;
var ObservedMapBuilder = class {
  tables = new CallTables();
  warnings = [];
  warned = /* @__PURE__ */ new Set();
  ids = new Int32Array(SLOT_COUNT);
  /** Files or pods read (stats.sources). */
  sources = 0;
  /** The string table label values are interned into (shared with the byte reader). */
  get strings() {
    return this.tables.strings;
  }
  /** Samples kept (stats.series). */
  get series() {
    return this.tables.counters.series;
  }
  /** Adds one sample; returns false when its family is not one the map is built from. */
  add(sample) {
    const metric = CALL_METRICS.indexOf(sample.metric);
    if (metric === -1) return false;
    const strings = this.tables.strings;
    for (let i = 0; i < SLOT_COUNT; i++) {
      const value = Object.hasOwn(sample.labels, CALL_LABEL_SLOTS[i]) ? sample.labels[CALL_LABEL_SLOTS[i]] : void 0;
      this.ids[i] = value === void 0 ? -1 : strings.intern(value);
    }
    this.tables.addSeries(metric, this.ids, sample.value);
    return true;
  }
  /**
   * Adds one series read by the byte reader: `metric` indexes CALL_METRICS, `ids` holds the
   * string id (in `strings`) of each label of CALL_LABEL_SLOTS, -1 where the series has none.
   */
  addInterned(metric, ids, value) {
    this.tables.addSeries(metric, ids, value);
  }
  /** Request series with a positive count that `reporter` wrote (`source`: a caller's sidecar). */
  requestSeriesReportedBy(reporter) {
    return this.tables.requestSeriesReportedBy(reporter);
  }
  /** Request series with a positive count, whoever reported them. */
  requestSeriesCounted() {
    return this.tables.requestSeriesCounted();
  }
  /** A warning for the report; it may quote a library's message, so credentials are scrubbed. */
  addWarning(message) {
    this.push(scrubSecrets(message));
  }
  /** addWarning, unless this builder holds the same warning already (one per distinct note). */
  addWarningOnce(message) {
    const scrubbed = scrubSecrets(message);
    if (!this.warned.has(scrubbed)) this.push(scrubbed);
  }
  /** Every warning goes in here: `warned` answers addWarningOnce without a scan of the list. */
  push(warning) {
    this.warnings.push(warning);
    this.warned.add(warning);
  }
  /** The tables as transferable data (a worker's answer). */
  export() {
    return { ...this.tables.export(), warnings: [...this.warnings], sources: this.sources };
  }
  /**
   * Takes in what another builder read (a worker's answer), after what this one holds. With
   * `warningsOnce`, a warning this builder holds already is not added again (notes every part of
   * one read may carry, such as Prometheus' `infos`).
   */
  absorb(part, opts = {}) {
    this.tables.absorb(part);
    for (const warning of part.warnings) {
      if (opts.warningsOnce) this.addWarningOnce(warning);
      else this.push(warning);
    }
    this.sources += part.sources;
  }
  /** Per-call, per-reporter sums so far (for subtracting an earlier reading). */
  perReporterCounts() {
    const out = /* @__PURE__ */ new Map();
    const { calls, strings } = this.tables;
    const s = (id) => id === -1 ? null : strings.value(id);
    for (const { call, reporter, sum } of this.tables.reporterSums()) {
      const key = String(call);
      let entry = out.get(key);
      if (entry === void 0) {
        const f = (i) => calls.at(call, i);
        const ref = (a, b) => f(a) === -1 ? null : { name: s(f(a)), namespace: s(f(b)) };
        entry = {
          call: {
            client: ref(0, 1),
            server: ref(2, 3),
            service: ref(4, 5),
            host: s(f(6)),
            method: s(f(7)),
            path: s(f(8)),
            protocol: ["http", "grpc", "tcp"][f(9)]
          },
          byReporter: /* @__PURE__ */ new Map()
        };
        out.set(key, entry);
      }
      entry.byReporter.set(strings.value(reporter), sum);
    }
    return out;
  }
  build() {
    const warnings = [...this.warnings];
    const kept = keptCalls(this.tables);
    const c = this.tables.counters;
    if (kept.toService > 0) {
      warnings.push(
        `${kept.toService} call(s) to a Service that no workload answered (503 UH: no ready endpoint) are listed as calls to the Service: its workload is not in the metrics read`
      );
    }
    if (c.requestSeries > 0 && c.detailedSeries === 0) {
      warnings.push(
        `no ${REQUESTS_METRIC} series carries request_method/request_path labels: the mesh-default Telemetry (tagOverrides request_method, request_path) seems missing, so calls are known per service only`
      );
    } else if (kept.droppedCoarse > 0) {
      warnings.push(
        `${kept.droppedCoarse} call(s) without request_method/request_path were dropped where the same client and server also have series with them (series created before the Telemetry applied?)`
      );
    }
    if (c.series > 0 && c.requestSeries === 0) {
      warnings.push(
        `only ${TCP_CONNECTIONS_METRIC} series (TCP connections, no HTTP requests): calls are known per service, and HTTP rules cannot be checked (ambient mode without waypoints, or TCP-only traffic)`
      );
    } else if (c.waypointSeries > 0) {
      warnings.push(
        `${c.waypointSeries} series reported by waypoints (ambient mode): HTTP detail exists only for traffic through a waypoint; calls that bypass one are not seen`
      );
    }
    const refused = this.tables.names.warning("series");
    if (refused !== void 0) warnings.push(refused);
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
      stats: { series: c.series, sources: this.sources }
    };
  }
};

// src/observe/compact/byte-interner.ts
import { Buffer } from "node:buffer";
var EMPTY3 = -1;
var ByteInterner = class {
  strings;
  /** The bytes of every distinct sequence, back to back. */
  // Small to start with: the live source makes one per pod; all of it doubles as it fills.
  arena = new Uint8Array(4096);
  used = 0;
  // Per distinct byte sequence: where its bytes are, their hash, and the string id.
  offsets = new Int32Array(64);
  lengths = new Int32Array(64);
  hashes = new Int32Array(64);
  ids = new Int32Array(64);
  count = 0;
  slots = new Int32Array(128).fill(EMPTY3);
  mask = 127;
  seed;
  /** Occupied slots passed over by lookups: about one per lookup, unless hashes were made to collide. */
  probes = 0;
  /** `seed`: the process's (tests give FNV-1a's own basis, to meet collisions made for it). */
  constructor(strings, seed = HASH_SEED) {
    this.strings = strings;
    this.seed = seed;
  }
  /** The entry (distinct byte sequence) the last intern() found or added. */
  lastEntry = -1;
  /** Whether buf[start, end) holds the bytes of `entry` (a cheap test before hashing). */
  holds(entry, buf, start, end) {
    return this.lengths[entry] === end - start && this.sameBytes(entry, buf, start, end - start);
  }
  /** The string id of an entry. */
  idOf(entry) {
    return this.ids[entry];
  }
  /** The string id of buf[start, end), decoded as UTF-8 (as the whole line would decode). */
  intern(buf, start, end) {
    let h = this.seed;
    for (let i = start; i < end; i++) h = Math.imul(h ^ buf[i], 16777619);
    h = finishHash(h);
    const length = end - start;
    let slot = h & this.mask;
    for (; ; slot = slot + 1 & this.mask) {
      const e = this.slots[slot];
      if (e === EMPTY3) break;
      if (this.hashes[e] === h && this.lengths[e] === length && this.sameBytes(e, buf, start, length)) {
        this.lastEntry = e;
        return this.ids[e];
      }
      this.probes++;
    }
    return this.add(slot, h, buf, start, end);
  }
  sameBytes(e, buf, start, length) {
    const arena = this.arena;
    const at = this.offsets[e];
    for (let i = 0; i < length; i++) if (arena[at + i] !== buf[start + i]) return false;
    return true;
  }
  add(slot, hash, buf, start, end) {
    const length = end - start;
    if (this.count === this.offsets.length) this.growEntries();
    while (this.used + length > this.arena.length) {
      const bigger = new Uint8Array(this.arena.length * 2);
      bigger.set(this.arena.subarray(0, this.used));
      this.arena = bigger;
    }
    this.arena.set(buf.subarray(start, end), this.used);
    const e = this.count++;
    this.offsets[e] = this.used;
    this.lengths[e] = length;
    this.hashes[e] = hash;
    this.ids[e] = this.strings.intern(Buffer.prototype.toString.call(buf, "utf8", start, end));
    this.used += length;
    this.slots[slot] = e;
    this.lastEntry = e;
    if (this.count * 2 > this.slots.length) this.rehash();
    return this.ids[e];
  }
  growEntries() {
    const grow = (a) => {
      const b = new Int32Array(a.length * 2);
      b.set(a);
      return b;
    };
    this.offsets = grow(this.offsets);
    this.lengths = grow(this.lengths);
    this.hashes = grow(this.hashes);
    this.ids = grow(this.ids);
  }
  rehash() {
    const slots = new Int32Array(this.slots.length * 2).fill(EMPTY3);
    const mask = slots.length - 1;
    for (let e = 0; e < this.count; e++) {
      let slot = this.hashes[e] & mask;
      while (slots[slot] !== EMPTY3) slot = slot + 1 & mask;
      slots[slot] = e;
    }
    this.slots = slots;
    this.mask = mask;
  }
};

export {
  ISTIO_DEFAULT_LABELS,
  HTTP_DETAIL_LABELS,
  REQUESTS_METRIC,
  TCP_CONNECTIONS_METRIC,
  OBSERVED_METRICS,
  StringTable,
  CALL_LABEL_SLOTS,
  SLOT_COUNT,
  CALL_METRICS,
  NO_CLIENT_SIDECAR,
  ObservedMapBuilder,
  ByteInterner
};
