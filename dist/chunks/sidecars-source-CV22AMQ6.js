import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  readPrometheusText,
  requireCounterValue
} from "./chunk-6JVBI76T.js";
import {
  delay,
  mapPool
} from "./chunk-HYR7AWVW.js";
import {
  NO_CLIENT_SIDECAR,
  OBSERVED_METRICS,
  ObservedMapBuilder
} from "./chunk-A4XXKKLU.js";
import {
  ObjectAppsV1Api,
  ObjectBatchV1Api,
  ObjectCoreV1Api,
  apiServerOf,
  failureOf,
  kubeRequest,
  loadKubeConfig,
  permissionHint,
  readBody,
  statusOf
} from "./chunk-ID4NORQV.js";
import "./chunk-7NJKBT2O.js";
import "./chunk-FEXBMIR2.js";
import "./chunk-VEPUTHKX.js";
import {
  InputError,
  NameGate,
  isInputError,
  showControlChars
} from "./chunk-3OLJVOZR.js";
import "./chunk-HANBNIMK.js";

// src/observe/live/meshed-pods.ts
var SIDECAR_STATUS_ANNOTATION = "sidecar.istio.io/status";
var WORKLOAD_NAME_ANNOTATION = "intents.otterize.com/workload-name";
var PROXY_CONTAINER = "istio-proxy";
var POD_PAGE_SIZE = 500;
function toMeshedPod(pod) {
  const meta = pod.metadata ?? {};
  return {
    name: meta.name ?? "",
    namespace: meta.namespace ?? "",
    serviceAccount: pod.spec?.serviceAccountName ?? "default",
    owners: (meta.ownerReferences ?? []).map((o) => ({
      kind: o.kind,
      name: o.name,
      controller: o.controller === true
    })),
    annotations: meta.annotations ?? {},
    labels: meta.labels ?? {},
    incarnation: `${meta.uid ?? ""}/${proxyRestarts(pod)}`
  };
}
function proxyRestarts(pod) {
  const statuses = [...pod.status?.containerStatuses ?? [], ...pod.status?.initContainerStatuses ?? []];
  return statuses.find((s) => s.name === PROXY_CONTAINER)?.restartCount ?? 0;
}
async function listMeshedPods(kc, namespaces, pageSize = POD_PAGE_SIZE) {
  const core = kc.makeApiClient(ObjectCoreV1Api);
  const listing = { meshed: [], unmeshed: 0 };
  const scopes = namespaces.length === 0 ? [null] : [...new Set(namespaces)];
  for (const namespace of scopes) {
    let pods;
    try {
      pods = await listScope(core, namespace, pageSize);
    } catch (err) {
      if (!isExpiredContinue(err)) throw listFailure(kc, err, namespace);
      try {
        pods = await listScope(core, namespace, pageSize);
      } catch (again) {
        throw listFailure(kc, again, namespace);
      }
    }
    for (const pod of pods) {
      if (pod.metadata?.annotations?.[SIDECAR_STATUS_ANNOTATION] === void 0) listing.unmeshed++;
      else listing.meshed.push(toMeshedPod(pod));
    }
  }
  return listing;
}
async function listScope(core, namespace, limit) {
  const fieldSelector = "status.phase=Running";
  const pods = [];
  let token;
  do {
    const page = namespace === null ? await core.listPodForAllNamespaces({ fieldSelector, limit, _continue: token }) : await core.listNamespacedPod({ namespace, fieldSelector, limit, _continue: token });
    for (const pod of page.items) pods.push(pod);
    token = page.metadata?._continue || void 0;
  } while (token !== void 0);
  return pods;
}
function isExpiredContinue(err) {
  const f = failureOf(err);
  return f.code === 410 && f.reason === "Expired";
}
function listFailure(kc, err, namespace) {
  const f = failureOf(err);
  const scope = namespace === null ? "in all namespaces" : `in namespace ${namespace}`;
  if (f.code === 403) {
    return new InputError(`cannot list pods ${scope}: ${permissionHint("list", "pods")}: ${f.message}`);
  }
  if (f.code === 401) return new InputError(`${apiServerOf(kc)}: unauthorized: ${f.message}`);
  if (f.code === 0) return new InputError(`cannot reach the API server ${apiServerOf(kc)}: ${f.message}`);
  return new InputError(`cannot list pods ${scope}: HTTP ${f.code}: ${f.message}`);
}

// src/observe/live/envoy-part.ts
import { Buffer } from "node:buffer";
var MARK = Buffer.from("\nenvoy_server_", "latin1");
var KEEP = MARK.length - 1;
var EnvoyPartWatch = class {
  seen = false;
  /** The last bytes seen, for a mark split across chunks; the body's start is a line start. */
  tail = Buffer.from("\n", "latin1");
  see(chunk) {
    if (this.seen || chunk.length === 0) return;
    const buf = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    const head = Buffer.concat([this.tail, buf.subarray(0, KEEP)]);
    if (head.indexOf(MARK) !== -1 || buf.indexOf(MARK) !== -1) {
      this.seen = true;
      return;
    }
    this.tail = Buffer.from(buf.length >= KEEP ? buf.subarray(buf.length - KEEP) : head.subarray(-KEEP));
  }
};

// src/observe/live/reading-delta.ts
import { hash } from "node:crypto";
function seriesDigest(s) {
  const keys = Object.keys(s.labels).sort();
  const identity = [s.metric];
  for (const k of keys) identity.push(k, s.labels[k]);
  return hash("sha256", JSON.stringify(identity), "base64");
}
function seriesValues(samples) {
  const values = /* @__PURE__ */ new Map();
  for (const s of samples) {
    const key = seriesDigest(s);
    values.set(key, (values.get(key) ?? 0) + s.value);
  }
  return values;
}
function grownSince(then, samples) {
  const now = /* @__PURE__ */ new Map();
  for (const s of samples) {
    const key = seriesDigest(s);
    const seen = now.get(key);
    now.set(key, seen === void 0 ? s : { ...seen, value: seen.value + s.value });
  }
  const grown = [];
  for (const [key, s] of now) {
    const old = then.get(key) ?? 0;
    const delta = s.value >= old ? s.value - old : s.value;
    if (delta > 0) grown.push({ ...s, value: delta });
  }
  return grown;
}
var UPTIME_METRIC = "envoy_server_uptime";
var UPTIME_SLACK_SECONDS = 15;
function startedBetween(first, second) {
  if (first.uptimeSeconds === void 0 || second.uptimeSeconds === void 0) return false;
  const elapsedSeconds = (second.sentMs - first.answeredMs) / 1e3;
  return second.uptimeSeconds < first.uptimeSeconds + elapsedSeconds - UPTIME_SLACK_SECONDS;
}

// src/observe/live/pod-metrics.ts
var SIDECAR_METRICS_PORT = 15020;
var SIDECAR_METRICS_PATH = "stats/prometheus";
var READ_METRICS = /* @__PURE__ */ new Set([...OBSERVED_METRICS, UPTIME_METRIC]);
var MAX_POD_SAMPLES = 1e5;
function podProxyPath(pod) {
  const ns = encodeURIComponent(pod.namespace);
  const name = encodeURIComponent(pod.name);
  return `/api/v1/namespaces/${ns}/pods/${name}:${SIDECAR_METRICS_PORT}/proxy/${SIDECAR_METRICS_PATH}`;
}
var Truncated = class extends Error {
};
var TooLarge = class extends Error {
};
var NO_ENVOY = `the answer holds no Envoy stats (no envoy_server_* series), only pilot-agent's own: the agent could not scrape Envoy (istio_agent_scrape_failures_total{type="envoy"}); its calls are unknown`;
async function* checkedBody(body, envoy) {
  let last = -1;
  try {
    for await (const chunk of body) {
      if (chunk.length > 0) last = chunk[chunk.length - 1];
      envoy.see(chunk);
      yield chunk;
    }
  } catch (err) {
    const code = err.code;
    if (code === "ABORT_ERR") throw err;
    throw new Truncated(`body cut short (${err.message})`);
  }
  if (last !== -1 && last !== 10) throw new Truncated("body ends in the middle of a line");
}
async function attempt(kc, pod, timeoutMs, maxSamples) {
  const source = `pod ${pod.namespace}/${pod.name}`;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const sentMs = performance.now();
  try {
    const res = await kubeRequest(kc, podProxyPath(pod), {
      signal: controller.signal,
      headers: { Accept: "text/plain, */*" }
    });
    if (res.status !== 200) {
      const f = statusOf(res.status, (await readBody(res.body, 64 * 1024)).text);
      const kind = f.code === 403 ? "forbidden" : f.code === 404 ? "gone" : "unreachable";
      return { ok: false, fault: { kind, code: f.code, message: f.message } };
    }
    const samples = [];
    const envoy = new EnvoyPartWatch();
    let uptimeSeconds;
    let uptimeSeen = false;
    await readPrometheusText(checkedBody(res.body, envoy), {
      source,
      metrics: READ_METRICS,
      onSample: (s) => {
        if (s.metric === UPTIME_METRIC) {
          if (uptimeSeen || Object.keys(s.labels).length > 0) return;
          uptimeSeen = true;
          if (s.value >= 0 && Number.isSafeInteger(s.value)) uptimeSeconds = s.value;
          return;
        }
        requireCounterValue(s.value, s.metric, { file: source, line: s.line });
        if (samples.length === maxSamples) throw new TooLarge();
        samples.push(s);
      }
    });
    if (!envoy.seen) return { ok: false, fault: { kind: "no-envoy", message: NO_ENVOY } };
    return { ok: true, samples, clock: { sentMs, answeredMs: performance.now(), uptimeSeconds } };
  } catch (err) {
    if (err instanceof TooLarge) {
      controller.abort();
      const message = `more than ${maxSamples} series of ${[...OBSERVED_METRICS].join(" and ")} in one answer (a series the app wrote itself?): not read`;
      return { ok: false, fault: { kind: "too-large", message } };
    }
    if (controller.signal.aborted) {
      return { ok: false, fault: { kind: "timeout", message: `no complete answer within ${timeoutMs} ms` } };
    }
    if (err instanceof Truncated) return { ok: false, fault: { kind: "truncated", message: err.message } };
    if (isInputError(err)) return { ok: false, fault: { kind: "bad-body", message: err.toString() } };
    const e = err;
    return { ok: false, fault: { kind: "unreachable", message: `${e.code ?? "error"}: ${e.message}` } };
  } finally {
    clearTimeout(timer);
  }
}
function worthRetrying(f) {
  if (f.kind === "timeout" || f.kind === "truncated" || f.kind === "no-envoy") return true;
  return f.kind === "unreachable" && (f.code === void 0 || f.code >= 500);
}
async function readPodMetrics(kc, pod, opts) {
  const maxSamples = opts.maxSamples ?? MAX_POD_SAMPLES;
  let reading = await attempt(kc, pod, opts.timeoutMs, maxSamples);
  for (let i = 0; i < opts.retries && !reading.ok && worthRetrying(reading.fault); i++) {
    const backoff = opts.backoffMs * 2 ** i;
    await delay(backoff / 2 + Math.random() * (backoff / 2));
    reading = await attempt(kc, pod, opts.timeoutMs, maxSamples);
  }
  return reading;
}
function describeFault(pod, f) {
  const where = `pod ${pod.namespace}/${pod.name}: cannot read :${SIDECAR_METRICS_PORT}/${SIDECAR_METRICS_PATH}`;
  const code = f.code === void 0 ? "" : `HTTP ${f.code}: `;
  return `${where}: ${f.kind}: ${code}${f.message}; skipped`;
}

// src/observe/live/workload-owners.ts
var INTERMEDIATE = /* @__PURE__ */ new Set(["ReplicaSet", "Job"]);
function controllerOf(owners) {
  if (owners === void 0 || owners.length === 0) return void 0;
  const c = owners.find((o) => o.controller === true) ?? owners[0];
  return { kind: c.kind, name: c.name };
}
var OwnerResolver = class {
  apps;
  batch;
  cache = /* @__PURE__ */ new Map();
  denied = /* @__PURE__ */ new Set();
  warnings = [];
  names = new NameGate();
  constructor(kc) {
    this.apps = kc.makeApiClient(ObjectAppsV1Api);
    this.batch = kc.makeApiClient(ObjectBatchV1Api);
  }
  /**
   * The top owner of an intermediate object, or the object itself when it has none. Owners are
   * walked one read at a time (each read once, cached), never by awaiting another walk: owner
   * references may loop (nothing refuses them), and a walk stops at an object it has been at.
   */
  async top(namespace, owner, pod) {
    const walked = /* @__PURE__ */ new Set();
    let current = owner;
    while (INTERMEDIATE.has(current.kind)) {
      const at = `${current.kind}/${current.name}`;
      if (walked.has(at)) break;
      walked.add(at);
      const step = await this.stepUp(namespace, current, pod);
      current = step.owner;
      if (step.last) break;
    }
    return current;
  }
  /** An intermediate object's controller (`last`: no read goes further), read once. */
  stepUp(namespace, owner, pod) {
    const key = `${namespace}/${owner.kind}/${owner.name}`;
    let found = this.cache.get(key);
    if (found === void 0) {
      found = this.readUp(namespace, owner, pod);
      this.cache.set(key, found);
    }
    return found;
  }
  async readUp(namespace, owner, pod) {
    try {
      const obj = owner.kind === "ReplicaSet" ? await this.apps.readNamespacedReplicaSet({ name: owner.name, namespace }) : await this.batch.readNamespacedJob({ name: owner.name, namespace });
      const up = controllerOf(obj.metadata?.ownerReferences);
      return up === void 0 ? { owner, last: true } : { owner: up, last: false };
    } catch (err) {
      return { owner: this.guess(namespace, owner, pod, err), last: true };
    }
  }
  /** Without read access: a Deployment names its ReplicaSets NAME-<pod-template-hash>. */
  guess(namespace, owner, pod, err) {
    const f = failureOf(err);
    const resource = owner.kind === "ReplicaSet" ? "replicasets.apps" : "jobs.batch";
    if (!this.denied.has(`${resource}/${f.code}`)) {
      this.denied.add(`${resource}/${f.code}`);
      this.warnings.push(
        f.code === 403 ? `cannot read ${owner.kind}s (${permissionHint("get", resource)}): workload kinds are guessed` : `cannot read ${owner.kind} ${namespace}/${owner.name}: ${f.message}; workload kinds are guessed`
      );
    }
    const hash2 = pod.labels["pod-template-hash"];
    if (owner.kind === "ReplicaSet" && hash2 !== void 0 && owner.name.endsWith(`-${hash2}`)) {
      return { kind: "Deployment", name: owner.name.slice(0, -hash2.length - 1) };
    }
    return owner;
  }
  async resolve(pod) {
    const direct = controllerOf(pod.owners) ?? { kind: "Pod", name: pod.name };
    const owner = await this.top(pod.namespace, direct, pod);
    return {
      istioName: owner.name,
      name: this.annotatedName(pod) ?? owner.name,
      namespace: pod.namespace,
      kind: owner.kind,
      serviceAccount: pod.serviceAccount,
      labels: pod.labels
    };
  }
  /** The pod's workload-name annotation when it is a Kubernetes name; a warning once otherwise. */
  annotatedName(pod) {
    const name = pod.annotations[WORKLOAD_NAME_ANNOTATION];
    if (name === void 0 || this.names.admitWorkload({ name, namespace: pod.namespace })) return name;
    if (this.names.count === 1) {
      this.warnings.push(
        `pod ${pod.namespace}/${pod.name}: annotation ${WORKLOAD_NAME_ANNOTATION} is not a Kubernetes name: "${showControlChars(name.slice(0, 80))}"; the pod's owner names it instead`
      );
    }
    return void 0;
  }
  /** One entry per workload (several pods of a Deployment collapse into one). */
  async resolveAll(pods, concurrency) {
    const all = await mapPool(pods, concurrency, (p) => this.resolve(p));
    const byKey = /* @__PURE__ */ new Map();
    for (const w of all) byKey.set(`${w.namespace}/${w.istioName}`, w);
    return [...byKey.values()];
  }
};

// src/observe/live/sidecars-source.ts
var MAX_POD_WARNINGS = 20;
var podKey = (p) => `${p.namespace}/${p.name}`;
var LEFT_IN_WINDOW = {
  kind: "gone",
  message: "read at the first reading, not a Running pod at the second (deleted, rolled out or scaled down): its calls in the window are unknown"
};
function leftInWindow(gone, read) {
  const left = /* @__PURE__ */ new Map();
  for (const pod of gone) if (read.has(podKey(pod))) left.set(podKey(pod), { pod, fault: LEFT_IN_WINDOW });
  return left;
}
function sameWorkloadLast(workloads) {
  return [...new Map(workloads.map((w) => [`${w.namespace}/${w.istioName}`, w])).values()];
}
function listingChanges(first, again) {
  const then = new Map(first.map((p) => [podKey(p), p]));
  const added = [];
  const restarted = /* @__PURE__ */ new Set();
  const kept = /* @__PURE__ */ new Set();
  for (const pod of again) {
    const key = podKey(pod);
    const before = then.get(key);
    if (before === void 0) added.push(pod);
    else {
      kept.add(key);
      if (before.incarnation !== pod.incarnation) restarted.add(key);
    }
  }
  return { added, gone: first.filter((p) => !kept.has(podKey(p))), restarted };
}
function restartWarnings(keys) {
  const lines = [...keys].sort().map(
    (key) => `pod ${key}: its sidecar started again in the window (a restart, or a new pod of the same name): counted from that start; its calls between the first reading and the restart are unknown`
  );
  if (lines.length <= MAX_POD_WARNINGS) return lines;
  return [
    ...lines.slice(0, MAX_POD_WARNINGS),
    `... and ${lines.length - MAX_POD_WARNINGS} more pod(s) whose sidecar started again in the window`
  ];
}
async function readAll(kc, pods, opts, progress, take) {
  const reading = { read: /* @__PURE__ */ new Set(), failed: /* @__PURE__ */ new Map() };
  let done = 0;
  await mapPool(pods, opts.concurrency, async (pod) => {
    const r = await readPodMetrics(kc, pod, opts);
    if (r.ok) {
      reading.read.add(podKey(pod));
      take(podKey(pod), r.samples, r.clock);
    } else reading.failed.set(podKey(pod), { pod, fault: r.fault });
    progress(++done);
  });
  return reading;
}
function faultWarnings(failed) {
  const forbidden = /* @__PURE__ */ new Map();
  const lines = [];
  for (const { pod, fault } of failed.values()) {
    if (fault.kind === "forbidden") forbidden.set(pod.namespace, (forbidden.get(pod.namespace) ?? 0) + 1);
    else lines.push(describeFault(pod, fault));
  }
  const out = [...forbidden].map(
    ([ns, n]) => `namespace ${ns}: ${n} pod(s) not read: ${permissionHint("get", "pods/proxy")}`
  );
  lines.sort();
  out.push(...lines.slice(0, MAX_POD_WARNINGS));
  if (lines.length > MAX_POD_WARNINGS)
    out.push(`... and ${lines.length - MAX_POD_WARNINGS} more pod(s) not read`);
  return out;
}
function attachLiveWorkloads(map, workloads) {
  const byIstioName = new Map(workloads.map((w) => [`${w.namespace}/${w.istioName}`, w]));
  const ref = (r) => {
    const w = byIstioName.get(`${r.namespace}/${r.name}`);
    return w === void 0 || r.kind === "Service" ? r : { ...r, name: w.name, kind: r.kind ?? w.kind };
  };
  const call = (c) => ({ ...c, client: ref(c.client), server: ref(c.server) });
  return {
    ...map,
    calls: map.calls.map(call),
    unattributed: map.unattributed.map(call),
    external: map.external.map(call)
  };
}
async function readSidecars(options = {}) {
  const kc = options.kubeConfig ?? loadKubeConfig(options);
  const namespaces = options.namespaces ?? [];
  const tuning = {
    concurrency: options.concurrency ?? 16,
    timeoutMs: options.timeoutMs ?? 1e4,
    retries: options.retries ?? 2,
    backoffMs: options.backoffMs ?? 250,
    ...options.maxPodSamples === void 0 ? {} : { maxSamples: options.maxPodSamples }
  };
  const windowed = options.windowMs !== void 0;
  const report = (reading, total) => (done) => options.onProgress?.({ reading, done, total });
  const listing = await listMeshedPods(kc, namespaces, options.pageSize);
  const resolver = new OwnerResolver(kc);
  let owners = resolver.resolveAll(listing.meshed, Math.min(8, tuning.concurrency));
  const from = /* @__PURE__ */ new Date();
  const builder = new ObservedMapBuilder();
  const add = (samples) => {
    for (const s of samples) builder.add(s);
  };
  const earlier = /* @__PURE__ */ new Map();
  let first = await readAll(
    kc,
    listing.meshed,
    tuning,
    report(windowed ? "first" : "single", listing.meshed.length),
    windowed ? (pod, samples, clock) => earlier.set(pod, { values: seriesValues(samples), clock }) : (_pod, samples) => add(samples)
  );
  let pods = listing.meshed;
  let window;
  const restartedRead = [];
  if (windowed) {
    options.onProgress?.({ reading: "waiting", done: 0, total: options.windowMs });
    await delay(options.windowMs, options.signal);
    const again = await listMeshedPods(kc, namespaces, options.pageSize);
    pods = again.meshed;
    const changes = listingChanges(listing.meshed, pods);
    if (changes.added.length > 0) {
      const before = owners;
      const added = resolver.resolveAll(changes.added, Math.min(8, tuning.concurrency));
      owners = Promise.all([before, added]).then(([a, b]) => sameWorkloadLast([...a, ...b]));
    }
    const unknown = new Set(first.failed.keys());
    const { restarted } = changes;
    for (const key of restarted) earlier.delete(key);
    const second = await readAll(kc, pods, tuning, report("second", pods.length), (pod, samples, clock) => {
      if (unknown.has(pod)) return;
      const then = earlier.get(pod);
      if (then !== void 0 && startedBetween(then.clock, clock)) {
        restartedRead.push(pod);
        add(samples);
        return;
      }
      add(then === void 0 ? samples : grownSince(then.values, samples));
    });
    for (const key of restarted) if (second.read.has(key)) restartedRead.push(key);
    earlier.clear();
    window = { from: from.toISOString(), to: (/* @__PURE__ */ new Date()).toISOString() };
    for (const [key, f] of first.failed) if (!second.failed.has(key)) second.failed.set(key, f);
    for (const [key, f] of leftInWindow(changes.gone, first.read)) second.failed.set(key, f);
    first = second;
  }
  const workloads = await owners;
  if (pods.length > 0 && first.read.size === 0 && [...first.failed.values()].every((f) => f.fault.kind === "forbidden")) {
    throw new InputError(`cannot read any sidecar's metrics: ${permissionHint("get", "pods/proxy")}`);
  }
  builder.sources = first.read.size;
  if (pods.length === 0) {
    builder.addWarning(
      `no meshed pods (annotation sidecar.istio.io/status) ${namespaces.length === 0 ? "in the cluster" : `in namespace(s) ${namespaces.join(", ")}`} (ambient mode has no sidecars: use --source prometheus with waypoints)`
    );
  }
  for (const w of [...resolver.warnings, ...faultWarnings(first.failed), ...restartWarnings(restartedRead)])
    builder.addWarning(w);
  if (!windowed && pods.length > 0) {
    builder.addWarning("no --window: counts are cumulative since each sidecar started");
  }
  if (builder.requestSeriesCounted() > 0 && builder.requestSeriesReportedBy("source") === 0) {
    builder.addWarning(NO_CLIENT_SIDECAR);
  }
  const map = attachLiveWorkloads(builder.build(), workloads);
  const result = {
    ...map,
    workloads,
    pods: {
      meshed: pods.length,
      unmeshed: listing.unmeshed,
      read: first.read.size,
      failed: first.failed.size
    }
  };
  if (window !== void 0) result.window = window;
  return result;
}
export {
  attachLiveWorkloads,
  readSidecars
};
