import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  compareCalls
} from "./chunk-DNUDPCNB.js";
import {
  NameGate,
  scrubSecrets
} from "./chunk-KJZBDJRW.js";

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
function normalizePath(raw) {
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
function workload(name, namespace) {
  const n = known(name);
  const ns = known(namespace);
  return n === null || ns === null ? null : { name: n, namespace: ns };
}
function protocolOf(metric, labels) {
  if (metric.startsWith("istio_tcp_") || metric === TCP_CONNECTIONS_METRIC) return "tcp";
  return labels.request_protocol === "grpc" ? "grpc" : "http";
}
function istioCallOf(metric, labels) {
  const protocol = protocolOf(metric, labels);
  const serviceName = known(labels.destination_service_name);
  const serviceNamespace = known(labels.destination_service_namespace);
  const service = serviceName === null || serviceNamespace === null || NOT_A_SERVICE.has(serviceName) ? null : { name: serviceName, namespace: serviceNamespace };
  const http = protocol !== "tcp";
  const method = http ? known(labels.request_method) : null;
  const path = http ? known(labels.request_path) : null;
  const server = workload(labels.destination_workload, labels.destination_workload_namespace);
  return {
    reporter: known(labels.reporter) ?? "unknown",
    client: workload(labels.source_workload, labels.source_workload_namespace),
    server,
    service,
    host: server === null ? known(labels.destination_service) ?? serviceName : null,
    method: method === null ? null : method.toUpperCase(),
    path: path === null ? null : normalizePath(path),
    protocol,
    hasHttpDetail: http && (labels.request_method !== void 0 || labels.request_path !== void 0)
  };
}

// src/observe/observed-map.ts
var UNKNOWN = "unknown";
var NO_CLIENT_SIDECAR = `no client sidecar saw any call (no istio_requests_total series with reporter="source"): the traffic came from outside the mesh (kubectl port-forward and NodePort skip the caller's sidecar); drive it from a meshed pod, e.g. kubectl exec deploy/CLIENT -- curl http://SERVICE:PORT/PATH`;
function isServiceHost(c) {
  return c.server === null && c.service !== null && c.host?.startsWith(`${c.service.name}.${c.service.namespace}.svc.`) === true;
}
function serviceKey(service) {
  return `${service.namespace}/${service.name}`;
}
function attributeServiceCalls(counts) {
  const behind = /* @__PURE__ */ new Map();
  for (const { call } of counts) {
    if (call.server === null || call.service === null) continue;
    const key = serviceKey(call.service);
    if (!behind.has(key)) behind.set(key, /* @__PURE__ */ new Map());
    behind.get(key).set(JSON.stringify(call.server), call.server);
  }
  const merged = /* @__PURE__ */ new Map();
  let toService = 0;
  for (const entry of counts) {
    let call = entry.call;
    if (isServiceHost(call)) {
      const servers = [...behind.get(serviceKey(call.service))?.values() ?? []];
      const server = servers.length === 1 ? servers[0] : { ...call.service, kind: "Service" };
      if (servers.length !== 1 && Math.max(0, ...entry.byReporter.values()) > 0) toService++;
      call = { ...call, server, host: null };
    }
    const key = keyOf(call);
    const into = merged.get(key);
    if (into === void 0) {
      merged.set(key, { call, byReporter: new Map(entry.byReporter) });
      continue;
    }
    for (const [reporter, n] of entry.byReporter) {
      into.byReporter.set(reporter, (into.byReporter.get(reporter) ?? 0) + n);
    }
  }
  return { merged: [...merged.values()], toService };
}
function keyOf(c) {
  return JSON.stringify([c.client, c.server, c.service, c.host, c.method, c.path, c.protocol]);
}
function pairOf(c) {
  return JSON.stringify([c.client, c.server ?? c.host]);
}
function toObservedCall(c, count) {
  const server = c.server ?? { name: c.host ?? UNKNOWN, namespace: c.service?.namespace ?? UNKNOWN };
  const call = {
    client: c.client ?? { name: UNKNOWN, namespace: UNKNOWN },
    server: c.service === null ? { ...server } : { ...server, service: { ...c.service } },
    method: c.method,
    path: c.path,
    count,
    protocol: c.protocol
  };
  if (c.server === null && c.host !== null) call.host = c.host;
  return call;
}
var ObservedMapBuilder = class {
  counts = /* @__PURE__ */ new Map();
  requestSeries = 0;
  detailedSeries = 0;
  nonFinite = 0;
  waypointSeries = 0;
  /** Request series with a positive count, per reporter. */
  reporters = /* @__PURE__ */ new Map();
  warnings = [];
  /** Every source's calls enter here: names that are not Kubernetes names stop at the gate. */
  names = new NameGate();
  /** Samples kept (stats.series). */
  series = 0;
  /** Files or pods read (stats.sources). */
  sources = 0;
  /** Adds one sample; returns false when its family is not one the map is built from. */
  add(sample) {
    if (!OBSERVED_METRICS.has(sample.metric)) return false;
    this.series++;
    const { reporter, hasHttpDetail, ...call } = istioCallOf(sample.metric, sample.labels);
    if (!this.names.admit(call)) return true;
    if (sample.metric === REQUESTS_METRIC) {
      this.requestSeries++;
      if (hasHttpDetail) this.detailedSeries++;
      if (sample.value > 0) this.reporters.set(reporter, (this.reporters.get(reporter) ?? 0) + 1);
    }
    if (reporter === "waypoint") this.waypointSeries++;
    if (!Number.isFinite(sample.value)) {
      this.nonFinite++;
      return true;
    }
    const key = keyOf(call);
    let entry = this.counts.get(key);
    if (entry === void 0) {
      entry = { call, byReporter: /* @__PURE__ */ new Map() };
      this.counts.set(key, entry);
    }
    entry.byReporter.set(reporter, (entry.byReporter.get(reporter) ?? 0) + sample.value);
    return true;
  }
  /** Request series with a positive count that `reporter` wrote (`source`: a caller's sidecar). */
  requestSeriesReportedBy(reporter) {
    return this.reporters.get(reporter) ?? 0;
  }
  /** Request series with a positive count, whoever reported them. */
  requestSeriesCounted() {
    let n = 0;
    for (const count of this.reporters.values()) n += count;
    return n;
  }
  /** A warning for the report; it may quote a library's message, so credentials are scrubbed. */
  addWarning(message) {
    this.warnings.push(scrubSecrets(message));
  }
  /** Per-call, per-reporter sums so far (for subtracting an earlier reading). */
  perReporterCounts() {
    return this.counts;
  }
  build() {
    const warnings = [...this.warnings];
    const kept = [];
    const { merged, toService } = attributeServiceCalls([...this.counts.values()]);
    if (toService > 0) {
      warnings.push(
        `${toService} call(s) to a Service that no workload answered (503 UH: no ready endpoint) are listed as calls to the Service: its workload is not in the metrics read`
      );
    }
    for (const { call, byReporter } of merged) {
      let count = 0;
      for (const value of byReporter.values()) if (value > count) count = value;
      if (count > 0) kept.push({ call, count });
    }
    const httpPairs = /* @__PURE__ */ new Set();
    const detailedPairs = /* @__PURE__ */ new Set();
    for (const { call } of kept) {
      if (call.protocol !== "tcp") httpPairs.add(pairOf(call));
      if (call.method !== null || call.path !== null) detailedPairs.add(pairOf(call));
    }
    let droppedCoarse = 0;
    const result = {
      calls: [],
      unattributed: [],
      external: [],
      warnings,
      stats: { series: 0, sources: 0 }
    };
    for (const { call, count } of kept) {
      const pair = pairOf(call);
      if (call.protocol === "tcp" && httpPairs.has(pair)) continue;
      if (call.protocol !== "tcp" && call.method === null && call.path === null && detailedPairs.has(pair)) {
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
        `no ${REQUESTS_METRIC} series carries request_method/request_path labels: the mesh-default Telemetry (tagOverrides request_method, request_path) seems missing, so calls are known per service only`
      );
    } else if (droppedCoarse > 0) {
      warnings.push(
        `${droppedCoarse} call(s) without request_method/request_path were dropped where the same client and server also have series with them (series created before the Telemetry applied?)`
      );
    }
    if (this.series > 0 && this.requestSeries === 0) {
      warnings.push(
        `only ${TCP_CONNECTIONS_METRIC} series (TCP connections, no HTTP requests): calls are known per service, and HTTP rules cannot be checked (ambient mode without waypoints, or TCP-only traffic)`
      );
    } else if (this.waypointSeries > 0) {
      warnings.push(
        `${this.waypointSeries} series reported by waypoints (ambient mode): HTTP detail exists only for traffic through a waypoint; calls that bypass one are not seen`
      );
    }
    const refused = this.names.warning("series");
    if (refused !== void 0) warnings.push(refused);
    if (this.nonFinite > 0)
      warnings.push(`${this.nonFinite} series with a NaN or infinite value were ignored`);
    if (this.series === 0) warnings.push(`no ${REQUESTS_METRIC} or ${TCP_CONNECTIONS_METRIC} series found`);
    result.calls.sort(compareCalls);
    result.unattributed.sort(compareCalls);
    result.external.sort(compareCalls);
    result.stats = { series: this.series, sources: this.sources };
    return result;
  }
};

export {
  ISTIO_DEFAULT_LABELS,
  HTTP_DETAIL_LABELS,
  REQUESTS_METRIC,
  TCP_CONNECTIONS_METRIC,
  OBSERVED_METRICS,
  NO_CLIENT_SIDECAR,
  ObservedMapBuilder
};
