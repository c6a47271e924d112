import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  parseSince,
  promRange
} from "./chunk-ZPTFCTOP.js";
import {
  NO_CLIENT_SIDECAR,
  ObservedMapBuilder,
  REQUESTS_METRIC,
  TCP_CONNECTIONS_METRIC
} from "./chunk-PKCODQIK.js";
import {
  httpRequest,
  parseBaseUrl,
  shownUrl
} from "./chunk-434LG6IT.js";
import "./chunk-DNUDPCNB.js";
import "./chunk-AUPPVEQV.js";
import {
  InputError
} from "./chunk-KJZBDJRW.js";
import "./chunk-HANBNIMK.js";

// src/observe/live/prometheus-source.ts
var CALL_LABELS = [
  "reporter",
  "source_workload",
  "source_workload_namespace",
  "destination_workload",
  "destination_workload_namespace",
  "destination_service",
  "destination_service_name",
  "destination_service_namespace"
];
var HTTP_LABELS = [...CALL_LABELS, "request_protocol", "request_method", "request_path"];
function requestsQuery(range) {
  return `sum by (${HTTP_LABELS.join(", ")}) (increase(${REQUESTS_METRIC}{reporter=~"source|destination"}[${range}])) > 0`;
}
function tcpQuery(range) {
  return `sum by (${CALL_LABELS.join(", ")}) (increase(${TCP_CONNECTIONS_METRIC}{reporter=~"source|destination"}[${range}])) > 0`;
}
async function instantQuery(base, query, at, target) {
  const url = new URL("api/v1/query", base.href.endsWith("/") ? base : new URL(`${base.href}/`));
  const form = new URLSearchParams({ query, time: (at.getTime() / 1e3).toFixed(3) }).toString();
  const answer = await httpRequest(url, target, {
    method: "POST",
    body: form,
    contentType: "application/x-www-form-urlencoded"
  });
  if (answer.status === 401 || answer.status === 403) {
    throw new InputError(
      `${shownUrl(url)}: HTTP ${answer.status}: not authorized: check the bearer token (--prometheus-token-env)`
    );
  }
  let parsed;
  const notAnswer = () => new InputError(`${shownUrl(url)}: HTTP ${answer.status}: not a Prometheus API answer`);
  try {
    parsed = JSON.parse(answer.text);
  } catch {
    throw notAnswer();
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw notAnswer();
  if (answer.status !== 200 || parsed.status !== "success") {
    const why = typeof parsed.error === "string" ? parsed.error : `HTTP ${answer.status}`;
    const type = typeof parsed.errorType === "string" ? `${parsed.errorType}: ` : "";
    throw new InputError(`${shownUrl(url)}: query failed: ${type}${why}`);
  }
  if (parsed.data?.resultType !== "vector" || !Array.isArray(parsed.data.result)) {
    throw new InputError(
      `${shownUrl(url)}: expected a vector result, got ${String(parsed.data?.resultType)}`
    );
  }
  return parsed.data.result.map((item, i) => vectorItem(item, `${shownUrl(url)}: result[${i}]`));
}
function vectorItem(item, where) {
  const bad = (what) => {
    throw new InputError(`${where}: ${what} (not a Prometheus vector sample)`);
  };
  if (typeof item !== "object" || item === null || Array.isArray(item)) bad("not an object");
  const { metric, value } = item;
  if (typeof metric !== "object" || metric === null || Array.isArray(metric)) bad("metric is not an object");
  const labels = {};
  for (const [name, text] of Object.entries(metric)) {
    if (typeof text !== "string") bad(`metric.${name} is not a string`);
    labels[name] = text;
  }
  if (!Array.isArray(value) || value.length !== 2 || typeof value[0] !== "number" || typeof value[1] !== "string") {
    bad('value is not [time, "number"]');
  }
  return { metric: labels, value };
}
function preferDestination(metric, items) {
  const byCall = /* @__PURE__ */ new Map();
  for (const item of items) {
    const { reporter: _r, ...rest } = item.metric;
    const key = JSON.stringify(Object.entries(rest).sort());
    const group = byCall.get(key);
    if (group === void 0) byCall.set(key, [item]);
    else group.push(item);
  }
  const samples = [];
  for (const group of byCall.values()) {
    const dest = group.filter((i) => i.metric.reporter === "destination");
    for (const item of dest.length > 0 ? dest : group) {
      const v = Number(item.value[1]);
      const count = Number.isFinite(v) && v > 0 ? Math.max(1, Math.round(v)) : 0;
      samples.push({ metric, labels: item.metric, value: count, line: 0 });
    }
  }
  return samples;
}
async function readPrometheus(options) {
  const base = parseBaseUrl(options.url, "--prometheus-url");
  const now = options.now ?? /* @__PURE__ */ new Date();
  const from = parseSince(options.since ?? "1h", now);
  const range = promRange(now.getTime() - from.getTime());
  const target = { token: options.token, caFile: options.caFile, timeoutMs: options.timeoutMs };
  const [requests, tcp] = await Promise.all([
    instantQuery(base, requestsQuery(range), now, target),
    instantQuery(base, tcpQuery(range), now, target)
  ]);
  const builder = new ObservedMapBuilder();
  builder.sources = 1;
  for (const s of preferDestination(REQUESTS_METRIC, requests)) builder.add(s);
  for (const s of preferDestination(TCP_CONNECTIONS_METRIC, tcp)) builder.add(s);
  if (requests.length === 0 && tcp.length === 0) {
    builder.addWarning(`Prometheus at ${shownUrl(base)} has no Istio traffic in the last ${range}`);
  }
  if (requests.length > 0 && !requests.some((r) => r.metric.reporter === "source")) {
    builder.addWarning(NO_CLIENT_SIDECAR);
  }
  return { ...builder.build(), window: { from: from.toISOString(), to: now.toISOString() } };
}
export {
  preferDestination,
  readPrometheus,
  requestsQuery,
  tcpQuery
};
