import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  parseSince,
  promRange
} from "./chunk-AUXK2ZCI.js";
import {
  PROMETHEUS_TOO_MANY_SAMPLES,
  instantQuery,
  prometheusInfo,
  readPartQueries,
  sharedRowCount
} from "./chunk-7QYDKRFN.js";
import {
  runReaderWorker,
  workerScript
} from "./chunk-MTBUG5EW.js";
import "./chunk-ECHFJ74Z.js";
import "./chunk-HYR7AWVW.js";
import {
  ByteInterner,
  CALL_LABEL_SLOTS,
  CALL_METRICS,
  NO_CLIENT_SIDECAR,
  ObservedMapBuilder,
  REQUESTS_METRIC,
  StringTable,
  TCP_CONNECTIONS_METRIC
} from "./chunk-A4XXKKLU.js";
import {
  parseBaseUrl
} from "./chunk-WPGTBZZS.js";
import {
  shownUrl
} from "./chunk-55OXYYT6.js";
import "./chunk-FEXBMIR2.js";
import "./chunk-VEPUTHKX.js";
import {
  InputError
} from "./chunk-3OLJVOZR.js";
import "./chunk-HANBNIMK.js";

// src/observe/live/prometheus-parallel.ts
import { availableParallelism } from "node:os";
var WORKER_MIN_ROWS = 1e5;
var MAX_PROMETHEUS_WORKERS = 2;
var WORKER_YOUNG_GENERATION_MB = 16;
function prometheusWorkerScript() {
  return workerScript("./live/prometheus-worker.ts", "prometheus-worker");
}
function prometheusWorkers(requested, rows, parts) {
  if (requested !== void 0) return Math.max(1, Math.min(requested, parts));
  if (parts < 2 || rows < WORKER_MIN_ROWS) return 1;
  return Math.min(MAX_PROMETHEUS_WORKERS, availableParallelism(), parts);
}
async function readPartsInWorkers(entry, request, into, workers) {
  const { base, queries, at, target } = request;
  const groups = Array.from({ length: workers }, () => []);
  const sidecarQueries = [];
  queries.forEach((q, i) => {
    if (q.metric === -1) sidecarQueries.push(i);
    else groups[q.part % workers].push(i);
  });
  const shared = {
    ...target.token === void 0 ? {} : { token: target.token },
    ...target.caFile === void 0 ? {} : { caFile: target.caFile },
    ...target.timeoutMs === void 0 ? {} : { timeoutMs: target.timeoutMs }
  };
  const perWorker = Math.max(1, Math.ceil(request.concurrency / workers));
  const stop = new AbortController();
  const failed = (err) => {
    stop.abort(err);
    throw err;
  };
  const reads = groups.filter((g) => g.length > 0).map((group) => {
    const data = {
      base: base.href,
      queries: group.map((i) => queries[i]),
      atMs: at.getTime(),
      target: shared,
      concurrency: perWorker,
      maxRows: into.maxRows,
      rowsRead: into.rowsRead
    };
    return runReaderWorker(entry, data, {
      what: "reading Prometheus",
      signal: stop.signal,
      resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB }
    }).then((answer) => ({ group, answer })).catch(failed);
  });
  const sidecar = readPartQueries(
    base,
    sidecarQueries.map((i) => queries[i]),
    at,
    target,
    into,
    1,
    stop.signal
  ).catch(failed);
  const [seen, ...answers] = await Promise.all([sidecar, ...reads]);
  const rows = new Array(queries.length).fill(0);
  for (const { group, answer } of answers) {
    into.builder.absorb(answer.part, { warningsOnce: true });
    group.forEach((q, k) => {
      rows[q] = answer.extra[k] ?? 0;
    });
  }
  return { rows, clientSidecarSeen: seen.clientSidecarSeen };
}

// src/observe/live/prometheus-queries.ts
var CALL_LABELS = [
  "source_workload",
  "source_workload_namespace",
  "destination_workload",
  "destination_workload_namespace",
  "destination_service",
  "destination_service_name",
  "destination_service_namespace"
];
var HTTP_LABELS = [...CALL_LABELS, "request_protocol", "request_method", "request_path"];
var NAMESPACE_LABEL = "source_workload_namespace";
function alternation(values) {
  return values.map((v) => v.replace(/[\\.+*?()|[\]{}^$]/g, "\\$&")).join("|");
}
function matchers(reporter, scope) {
  let m = `reporter="${reporter}"`;
  if (scope.kind === "in") m += `, ${NAMESPACE_LABEL}=~${JSON.stringify(alternation(scope.namespaces))}`;
  if (scope.kind === "not-in") m += `, ${NAMESPACE_LABEL}!~${JSON.stringify(alternation(scope.namespaces))}`;
  return m;
}
function countedIn(selector, range) {
  return `(last_over_time(${selector}[${range}]) unless ${selector} offset ${range}) or increase(${selector}[${range}])`;
}
function preferDestination(metric, labels, range, scope) {
  const side = (reporter, by) => `sum by (${by.join(", ")}) (${countedIn(`${metric}{${matchers(reporter, scope)}}`, range)}) > 0`;
  const waypoint = side("waypoint", ["reporter", ...labels]);
  return `${side("destination", labels)} or ${side("source", labels)} or ${waypoint}`;
}
function requestsQuery(range, scope = { kind: "all" }) {
  return preferDestination(REQUESTS_METRIC, HTTP_LABELS, range, scope);
}
function tcpQuery(range, scope = { kind: "all" }) {
  return preferDestination(TCP_CONNECTIONS_METRIC, CALL_LABELS, range, scope);
}
function sizeQuery() {
  return `count by (${NAMESPACE_LABEL}) (group by (${HTTP_LABELS.join(", ")}) (${REQUESTS_METRIC}{reporter=~"source|destination|waypoint"}))`;
}
function namespaceScopes(sizes, maxRows) {
  let total = 0;
  for (const n of sizes.values()) total += n;
  if (total <= maxRows) return [{ kind: "all" }];
  const scopes = [];
  let group = [];
  let rows = 0;
  for (const ns of [...sizes.keys()].sort()) {
    const n = sizes.get(ns);
    if (group.length > 0 && rows + n > maxRows) {
      scopes.push({ kind: "in", namespaces: group });
      group = [];
      rows = 0;
    }
    group.push(ns);
    rows += n;
  }
  if (group.length > 0) scopes.push({ kind: "in", namespaces: group });
  scopes.push({ kind: "not-in", namespaces: [...sizes.keys()] });
  return scopes;
}
function clientSidecarQuery(range, scope = { kind: "all" }) {
  return `sum by (reporter) (${countedIn(`${REQUESTS_METRIC}{${matchers("source", scope)}}`, range)}) > 0`;
}

// src/observe/live/prometheus-source.ts
var DEFAULT_MAX_ROWS_PER_QUERY = 1e5;
var DEFAULT_QUERY_CONCURRENCY = 4;
var MAX_PROMETHEUS_PARTS = 500;
var MAX_PROMETHEUS_ROWS = 4e6;
var REQUESTS = CALL_METRICS.indexOf(REQUESTS_METRIC);
var TCP = CALL_METRICS.indexOf(TCP_CONNECTIONS_METRIC);
function partQueries(range, scopes) {
  const queries = [];
  scopes.forEach((scope, part) => {
    queries.push({ text: requestsQuery(range, scope), metric: REQUESTS, part });
    queries.push({ text: tcpQuery(range, scope), metric: TCP, part });
  });
  scopes.forEach((scope, part) => {
    queries.push({ text: clientSidecarQuery(range, scope), metric: -1, part });
  });
  return queries;
}
async function readPrometheus(options) {
  const base = parseBaseUrl(options.url, "--prometheus-url");
  const now = options.now ?? /* @__PURE__ */ new Date();
  const from = parseSince(options.since ?? "1h", now);
  const range = promRange(now.getTime() - from.getTime());
  const target = { token: options.token, caFile: options.caFile, timeoutMs: options.timeoutMs };
  const sizes = /* @__PURE__ */ new Map();
  const nsSlot = CALL_LABEL_SLOTS.indexOf(NAMESPACE_LABEL);
  const size = { text: sizeQuery(), name: "the query for the series per namespace" };
  const names = new StringTable();
  const sized = await instantQuery(base, size, now, target, new ByteInterner(names), (ids, value) => {
    const ns = ids[nsSlot] === -1 ? "" : names.value(ids[nsSlot]);
    sizes.set(ns, (sizes.get(ns) ?? 0) + (Number.isFinite(value) ? value : 0));
  });
  const rows = [...sizes.values()].reduce((sum, n) => sum + n, 0);
  const maxRowsRead = options.maxRows ?? MAX_PROMETHEUS_ROWS;
  const read = {
    base,
    now,
    range,
    target,
    infos: sized.infos,
    rows,
    maxRows: maxRowsRead,
    options
  };
  let maxRows = options.maxRowsPerQuery ?? DEFAULT_MAX_ROWS_PER_QUERY;
  const maxParts = options.maxParts ?? MAX_PROMETHEUS_PARTS;
  for (let refused = 0; ; refused++) {
    const scopes = namespaceScopes(sizes, maxRows);
    if (scopes.length > maxParts) throw tooManyParts(read, sizes.size, scopes.length, maxParts, refused > 0);
    if (rows > read.maxRows) throw tooManyRows(read, sizes.size);
    try {
      const builder = await readScopes(read, scopes);
      if (refused > 0) {
        builder.addWarning(
          `Prometheus refused to load the samples of larger queries (its --query.max-samples): the calls were asked for in ${scopes.length} parts by the callers' namespace, of at most ${maxRows} rows each`
        );
      }
      return { ...builder.build(), window: { from: from.toISOString(), to: now.toISOString() } };
    } catch (err) {
      if (!(err instanceof InputError) || err.code !== PROMETHEUS_TOO_MANY_SAMPLES) throw err;
      const smaller = refused < MAX_SAMPLE_REFUSALS ? smallerParts(scopes, sizes) : void 0;
      if (smaller === void 0) {
        throw new InputError(
          `${err.message}, even asked for in ${scopes.length} part(s) by the callers' namespace: read a shorter window (--since), or raise that limit`
        );
      }
      maxRows = smaller;
    }
  }
}
function tooManyParts(read, namespaces, parts, maxParts, refusedBefore) {
  const why = refusedBefore ? ` in parts small enough for its --query.max-samples` : ` in parts of at most ${read.options.maxRowsPerQuery ?? DEFAULT_MAX_ROWS_PER_QUERY} rows`;
  return new InputError(
    `Prometheus at ${shownUrl(read.base)} counts ${read.rows} ${REQUESTS_METRIC} series in ${namespaces} callers' namespaces: reading them${why} takes ${parts} parts, more than the ${maxParts} intent-drift asks for. A count this large usually means a label holding IDs (request_path, or workload names a meshed app wrote through its sidecar); check that Prometheus`
  );
}
function tooManyRows(read, namespaces) {
  return new InputError(
    `Prometheus at ${shownUrl(read.base)} counts ${read.rows} ${REQUESTS_METRIC} series in ${namespaces} callers' namespaces, more than the ${read.maxRows} rows intent-drift reads. A count this large usually means a label holding IDs (request_path, or workload names a meshed app wrote through its sidecar); check that Prometheus`
  );
}
var MAX_SAMPLE_REFUSALS = 12;
function smallerParts(scopes, sizes) {
  let largest = 0;
  for (const scope of scopes) {
    const namespaces = scope.kind === "all" ? [...sizes.keys()] : scope.kind === "in" ? scope.namespaces : [];
    if (namespaces.length < 2) continue;
    let rows = 0;
    for (const ns of namespaces) rows += sizes.get(ns) ?? 0;
    largest = Math.max(largest, rows);
  }
  return largest === 0 ? void 0 : Math.max(1, Math.floor(largest / 2));
}
async function readScopes(read, scopes) {
  const { base, now, range, target, options } = read;
  const builder = new ObservedMapBuilder();
  builder.sources = 1;
  for (const info of read.infos) builder.addWarningOnce(prometheusInfo(info));
  const queries = partQueries(range, scopes);
  const concurrency = options.concurrency ?? DEFAULT_QUERY_CONCURRENCY;
  const into = {
    builder,
    values: new ByteInterner(builder.strings),
    maxRows: read.maxRows,
    rowsRead: sharedRowCount()
  };
  const workers = prometheusWorkers(options.workers, read.rows, scopes.length);
  const entry = workers > 1 ? prometheusWorkerScript() : void 0;
  const request = { base, queries, at: now, target, concurrency };
  const { rows, clientSidecarSeen } = entry === void 0 ? await readPartQueries(base, queries, now, target, into, concurrency) : await readPartsInWorkers(entry, request, into, workers);
  if (rows.every((n) => n === 0)) {
    builder.addWarning(`Prometheus at ${shownUrl(base)} has no Istio traffic in the last ${range}`);
  }
  const requestRows = rows.reduce((sum, n, i) => queries[i].metric === REQUESTS ? sum + n : sum, 0);
  const sidecarRows = requestRows - builder.requestSeriesReportedBy("waypoint");
  if (sidecarRows > 0 && !clientSidecarSeen) builder.addWarning(NO_CLIENT_SIDECAR);
  return builder;
}
export {
  DEFAULT_MAX_ROWS_PER_QUERY,
  DEFAULT_QUERY_CONCURRENCY,
  MAX_PROMETHEUS_PARTS,
  MAX_PROMETHEUS_ROWS,
  readPrometheus,
  requestsQuery,
  tcpQuery
};
