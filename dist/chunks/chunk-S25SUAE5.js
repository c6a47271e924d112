import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  INTENTS_GROUP,
  INTENTS_VERSIONS,
  INTENT_METHODS,
  child,
  collectYamlFiles,
  expectMap,
  expectSeq,
  expectString,
  fail,
  loadIntents,
  readYamlFile,
  require_dist
} from "./chunk-4HA6SVVC.js";
import {
  readSnapshot,
  snapshotToMap
} from "./chunk-WZX7VDCZ.js";
import {
  readPrometheusText
} from "./chunk-6SVOZDX7.js";
import {
  parseDuration,
  parseSince
} from "./chunk-2NF2SEYA.js";
import {
  HTTP_DETAIL_LABELS,
  ISTIO_DEFAULT_LABELS,
  OBSERVED_METRICS,
  ObservedMapBuilder
} from "./chunk-KCCRQSAY.js";
import {
  compareCalls,
  compareRules
} from "./chunk-DNUDPCNB.js";
import {
  InputError
} from "./chunk-WQ4DT2T6.js";
import {
  __toESM
} from "./chunk-PY5VAGIZ.js";

// src/config/baseline-file.ts
import { mkdir, readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";

// src/diff/istio-match.ts
var MATCH_ONE = "{*}";
var MATCH_ANY = "{**}";
var SEGMENT_CHARS = "A-Za-z0-9\\-._~%!$&'()+,;:@";
var ONE_SEGMENT = `[${SEGMENT_CHARS}]+`;
var ANY_SEGMENTS = `[${SEGMENT_CHARS}/]*`;
var VALID_LITERAL = /^[A-Za-z0-9\-._~%!$&'()+,;:@=]+$/;
function matchString(pattern, value) {
  if (pattern === "*") return value.length > 0;
  if (pattern.startsWith("*")) return value.endsWith(pattern.slice(1));
  if (pattern.endsWith("*")) return value.startsWith(pattern.slice(0, -1));
  return value === pattern;
}
function matchMethod(pattern, method) {
  return matchString(pattern, method);
}
function isPathTemplate(pattern) {
  return pattern.includes(MATCH_ONE) || pattern.includes(MATCH_ANY);
}
function validatePathPattern(pattern) {
  if (pattern === "") return "the path is empty";
  if (!isPathTemplate(pattern)) return null;
  if (!pattern.startsWith("/")) return 'a path template must start with "/"';
  const body = pattern.endsWith("/") ? pattern.slice(1, -1) : pattern.slice(1);
  let seenMatchAny = false;
  for (const segment of body.split("/")) {
    if (segment === MATCH_ONE || segment === MATCH_ANY) {
      if (seenMatchAny) return "{**} must be the last operator of a path template";
      seenMatchAny = segment === MATCH_ANY;
      continue;
    }
    if (segment.includes("{") || segment.includes("}")) {
      return `segment "${segment}" mixes {*} or {**} with other characters; an operator must be a whole segment`;
    }
    if (segment.includes("*")) return `segment "${segment}" has a "*" outside {*} or {**}`;
    if (segment === "") return 'a path template cannot have an empty segment ("//")';
    if (!VALID_LITERAL.test(segment))
      return `segment "${segment}" has characters a path template cannot hold`;
  }
  return null;
}
var compiledTemplates = /* @__PURE__ */ new Map();
function compileTemplate(pattern) {
  const cached = compiledTemplates.get(pattern);
  if (cached !== void 0) return cached;
  let compiled = null;
  if (validatePathPattern(pattern) === null) {
    const segments = pattern.slice(1).split("/");
    const source = segments.map((segment) => {
      if (segment === MATCH_ONE) return ONE_SEGMENT;
      if (segment === MATCH_ANY) return ANY_SEGMENTS;
      return segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    }).join("/");
    compiled = new RegExp(`^/${source}$`);
  }
  compiledTemplates.set(pattern, compiled);
  return compiled;
}
function matchPath(pattern, path5) {
  if (!isPathTemplate(pattern)) return matchString(pattern, path5);
  const template = compileTemplate(pattern);
  return template?.test(path5) === true;
}

// src/diff/rule-index.ts
function refKey(ref) {
  return `${ref.namespace}/${ref.name}`;
}
var WORKLOAD = "w:";
var SERVICE = "s:";
function ruleTargetKeys(rule) {
  const key = refKey(rule.server);
  if (rule.targetType === "service") return [SERVICE + key];
  if (rule.server.kind === "Service") return [SERVICE + key, WORKLOAD + key];
  return [WORKLOAD + key];
}
function callTargetKeys(call) {
  const keys = [WORKLOAD + refKey(call.server)];
  if (call.server.service) keys.push(SERVICE + refKey(call.server.service));
  return keys;
}
function kindsAgree(declared, observed) {
  return declared === void 0 || observed === void 0 || declared === observed;
}
function clientKindAgrees(rule, client) {
  return kindsAgree(rule.client.kind, client.kind);
}
function serverKindAgrees(rule, targetKey, call) {
  if (!targetKey.startsWith(WORKLOAD) || rule.server.kind === "Service") return true;
  return kindsAgree(rule.server.kind, call.server.kind);
}
function hasHttpDetail(call) {
  return call.method !== null && call.path !== null;
}
function ruleAllowsCall(rule, call) {
  if (rule.method !== null && (call.method === null || !matchMethod(rule.method, call.method))) return false;
  if (rule.path !== null && (call.path === null || !matchPath(rule.path, call.path))) return false;
  return true;
}
function buildRuleIndex(rules) {
  const index = /* @__PURE__ */ new Map();
  const states = [];
  for (const rule of rules) {
    const state = { rule, matched: false, calledWithDetail: false, calledWithoutDetail: false };
    states.push(state);
    const clientKey = refKey(rule.client);
    let byTarget = index.get(clientKey);
    if (!byTarget) {
      byTarget = /* @__PURE__ */ new Map();
      index.set(clientKey, byTarget);
    }
    for (const targetKey of ruleTargetKeys(rule)) {
      const list = byTarget.get(targetKey);
      if (list) list.push(state);
      else byTarget.set(targetKey, [state]);
    }
  }
  return { index, states };
}
function declaredTargetKeys(rules) {
  const keys = /* @__PURE__ */ new Set();
  for (const rule of rules) for (const key of ruleTargetKeys(rule)) keys.add(key);
  return keys;
}

// src/diff/baseline.ts
var BASELINE_VERSION = 1;
function missingEntry(call) {
  return {
    client: refKey(call.client),
    server: refKey(call.server),
    method: call.method,
    path: call.suggestedPath ?? call.path
  };
}
function staleEntry(rule) {
  return {
    client: refKey(rule.client),
    server: refKey(rule.server),
    targetType: rule.targetType,
    method: rule.method,
    path: rule.path
  };
}
var keyOf = (entry) => JSON.stringify(Object.values(entry));
function uniqueSorted(entries) {
  const byKey = new Map(entries.map((e) => [keyOf(e), e]));
  return [...byKey.keys()].sort().map((key) => byKey.get(key));
}
function baselineOf(drift) {
  return {
    version: BASELINE_VERSION,
    missing: uniqueSorted(drift.missing.map(missingEntry)),
    stale: uniqueSorted(drift.stale.map(staleEntry))
  };
}
function renderBaseline(baseline) {
  return `${JSON.stringify(baseline, null, 2)}
`;
}
function pathCovers(entryPath, call) {
  if (entryPath === call.path || entryPath !== null && entryPath === call.suggestedPath) return true;
  return entryPath !== null && call.path !== null && isPathTemplate(entryPath) && matchPath(entryPath, call.path);
}
function inBaseline(entry, call) {
  return entry.client === refKey(call.client) && entry.server === refKey(call.server) && entry.method === call.method && pathCovers(entry.path, call);
}
function applyBaseline(drift, baseline) {
  const usedMissing = /* @__PURE__ */ new Set();
  const missing = drift.missing.filter((call) => {
    const entry = baseline.missing.find((e) => inBaseline(e, call));
    if (entry) usedMissing.add(entry);
    return entry === void 0;
  });
  const staleKeys = new Set(baseline.stale.map(keyOf));
  const usedStale = /* @__PURE__ */ new Set();
  const stale = drift.stale.filter((rule) => {
    const key = keyOf(staleEntry(rule));
    if (!staleKeys.has(key)) return true;
    usedStale.add(key);
    return false;
  });
  const outcome = {
    missing: drift.missing.length - missing.length,
    stale: drift.stale.length - stale.length,
    resolved: baseline.missing.length - usedMissing.size + (staleKeys.size - usedStale.size)
  };
  const summary = {
    ...drift.summary,
    missing: missing.length,
    stale: stale.length,
    drift: missing.length > 0 || stale.length > 0
  };
  return { drift: { ...drift, missing, stale, summary }, outcome };
}
function parseBaseline(text2, file) {
  let raw;
  try {
    raw = JSON.parse(text2);
  } catch (err) {
    throw new InputError(`not a baseline: ${err.message}`, {
      file,
      line: jsonErrorLine(text2, err)
    });
  }
  const bad = (what) => {
    throw new InputError(`not a baseline: ${what}`, { file });
  };
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return bad("not a JSON object");
  const top = raw;
  if (top.version !== BASELINE_VERSION) bad(`version must be ${BASELINE_VERSION}`);
  const text_ = (v, at) => typeof v === "string" ? v : bad(`${at} must be a string`);
  const nullable = (v, at) => v === null ? null : text_(v, at);
  const list = (v, at) => {
    if (!Array.isArray(v)) return bad(`${at} must be a list`);
    return v.map(
      (x, i) => typeof x === "object" && x !== null && !Array.isArray(x) ? x : bad(`${at}[${i}] must be an object`)
    );
  };
  return {
    version: BASELINE_VERSION,
    missing: list(top.missing ?? [], "missing").map((x, i) => ({
      client: text_(x.client, `missing[${i}].client`),
      server: text_(x.server, `missing[${i}].server`),
      method: nullable(x.method ?? null, `missing[${i}].method`),
      path: nullable(x.path ?? null, `missing[${i}].path`)
    })),
    stale: list(top.stale ?? [], "stale").map((x, i) => ({
      client: text_(x.client, `stale[${i}].client`),
      server: text_(x.server, `stale[${i}].server`),
      targetType: text_(x.targetType, `stale[${i}].targetType`),
      method: nullable(x.method ?? null, `stale[${i}].method`),
      path: nullable(x.path ?? null, `stale[${i}].path`)
    }))
  };
}
function jsonErrorLine(text2, err) {
  const position = /position (\d+)/.exec(String(err.message))?.[1];
  if (position === void 0) return void 0;
  return text2.slice(0, Number(position)).split("\n").length;
}

// src/config/baseline-file.ts
var MAX_BASELINE_BYTES = 16 * 1024 * 1024;
async function readBaselineFile(cwd, file) {
  const absolute = path.resolve(cwd, file);
  let size;
  try {
    const info = await stat(absolute);
    if (!info.isFile()) throw new InputError("not a regular file", { file });
    size = info.size;
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(`cannot read the baseline: ${err.code ?? String(err)}`, {
      file
    });
  }
  if (size > MAX_BASELINE_BYTES) throw new InputError("baseline larger than 16 MiB", { file });
  return parseBaseline(await readFile(absolute, "utf8"), file);
}
async function writeBaselineFile(cwd, file, drift) {
  const baseline = baselineOf(drift);
  const absolute = path.resolve(cwd, file);
  await mkdir(path.dirname(absolute), { recursive: true });
  await writeFile(absolute, renderBaseline(baseline));
  return baseline.missing.length + baseline.stale.length;
}

// src/pipeline.ts
import path4 from "node:path";
import { fileURLToPath } from "node:url";

// src/config/drift-config.ts
var DEFAULT_CONFIG_FILE = ".intent-drift.yaml";
function defaultDriftConfig() {
  return {
    file: void 0,
    ignore: [],
    templates: true,
    minCount: 1,
    failOn: void 0,
    clientIdle: "warn",
    overrides: [],
    environments: {}
  };
}
function driftControls(config, cli = {}) {
  const controls = {
    ignore: config.ignore,
    templates: cli.templates ?? config.templates,
    minCount: cli.minCount ?? config.minCount,
    environments: config.environments,
    policy: {
      failOn: cli.failOn ?? config.failOn ?? "missing",
      clientIdle: config.clientIdle,
      overrides: config.overrides
    }
  };
  if (cli.namespaces) controls.namespaces = cli.namespaces;
  if (cli.baseline) controls.baseline = cli.baseline;
  return controls;
}
function namespacesOfEnvironment(config, environment) {
  return Object.entries(config.environments).filter(([, name]) => name === environment).map(([namespace]) => namespace).sort();
}

// src/config/read-config.ts
import { stat as stat2 } from "node:fs/promises";
import path2 from "node:path";
var TOP_KEYS = ["ignore", "templates", "minCount", "failOn", "clientIdle", "overrides", "environments"];
var IGNORE_KEYS = ["client", "server", "method", "path", "reason"];
var OVERRIDE_KEYS = ["client", "failOn"];
var FAIL_ON = ["missing", "stale", "any", "none"];
var HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH"];
var NAME_GLOB = /^[a-z0-9.*-]+$/;
async function loadDriftConfig(opts) {
  const shown = opts.file ?? DEFAULT_CONFIG_FILE;
  const absolute = path2.resolve(opts.cwd, shown);
  if (opts.file === void 0 && !await exists(absolute)) return defaultDriftConfig();
  return configFromDocuments(await readYamlFile(absolute, shown), shown);
}
async function exists(file) {
  try {
    await stat2(file);
    return true;
  } catch (err) {
    if (err.code === "ENOENT") return false;
    throw err;
  }
}
function configFromDocuments(documents, file) {
  const config = defaultDriftConfig();
  config.file = file;
  const [first, second] = documents;
  if (second) fail(file, second.line, "the config must be a single YAML document");
  if (!first?.root) return config;
  const top = expectMap(file, first.root, "config");
  rejectUnknownKeys(file, top, TOP_KEYS, "");
  for (const [key, entry] of top.entries) {
    const node = entry.value;
    if (node.type === "scalar" && node.value === null) continue;
    switch (key) {
      case "ignore":
        config.ignore = expectSeq(file, node, "ignore").items.map((item, i) => ignoreRule(file, item, i));
        break;
      case "templates":
        config.templates = booleanValue(file, node, "templates");
        break;
      case "minCount":
        config.minCount = positiveInteger(file, node, "minCount");
        break;
      case "failOn":
        config.failOn = oneOf(file, node, "failOn", FAIL_ON);
        break;
      case "clientIdle":
        config.clientIdle = oneOf(file, node, "clientIdle", ["warn", "fail"]);
        break;
      case "overrides":
        config.overrides = expectSeq(file, node, "overrides").items.map((item, i) => override(file, item, i));
        break;
      case "environments":
        config.environments = environments(file, node);
        break;
    }
  }
  return config;
}
function rejectUnknownKeys(file, map, known, field) {
  for (const [key, entry] of map.entries) {
    if (!known.includes(key)) {
      fail(file, entry.keyLine, `${field}unknown key "${key}" (known: ${known.join(", ")})`);
    }
  }
}
function booleanValue(file, node, field) {
  if (node.type !== "scalar" || typeof node.value !== "boolean")
    fail(file, node.line, `${field}: must be true or false`);
  return node.value;
}
function positiveInteger(file, node, field) {
  const value = node.type === "scalar" ? node.value : void 0;
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 1) {
    fail(file, node.line, `${field}: must be a whole number of 1 or more`);
  }
  return value;
}
function oneOf(file, node, field, allowed) {
  const value = expectString(file, node, field);
  if (!allowed.includes(value)) {
    fail(file, node.line, `${field}: must be one of ${allowed.join(", ")} (got "${value}")`);
  }
  return value;
}
function workloadGlob(file, node, field) {
  const value = expectString(file, node, field);
  if (value === "*") return value;
  const parts = value.split("/");
  if (parts.length !== 2 || parts.some((part) => !NAME_GLOB.test(part))) {
    fail(file, node.line, `${field}: must be namespace/name (lower case, "*" globs allowed), got "${value}"`);
  }
  return value;
}
function methodGlob(file, node, field) {
  const value = expectString(file, node, field);
  if (!/^[A-Z*]+$/.test(value)) {
    fail(file, node.line, `${field}: must be an upper-case HTTP method or a "*" glob, got "${value}"`);
  }
  if (!value.includes("*") && !HTTP_METHODS.includes(value)) {
    fail(file, node.line, `${field}: unknown HTTP method "${value}" (${HTTP_METHODS.join(", ")})`);
  }
  return value;
}
function pathGlob(file, node, field) {
  const value = expectString(file, node, field);
  if (!value.startsWith("/") && !value.startsWith("*")) {
    fail(file, node.line, `${field}: must start with "/" or "*", got "${value}"`);
  }
  if (/[\s\u0000-\u001f\u007f]/.test(value))
    fail(file, node.line, `${field}: must not hold spaces or control characters`);
  if (value.includes("?") || value.includes("#")) {
    fail(file, node.line, `${field}: paths are matched without query or fragment; remove "?" / "#"`);
  }
  const problem = isPathTemplate(value) ? validatePathPattern(value) : null;
  if (problem !== null) fail(file, node.line, `${field}: ${problem}`);
  return value;
}
function ignoreRule(file, node, i) {
  const field = `ignore[${i}]`;
  const map = expectMap(file, node, field);
  rejectUnknownKeys(file, map, IGNORE_KEYS, `${field}: `);
  const rule = { file, line: map.line };
  const value = (key) => {
    const entry = map.entries.get(key);
    return entry && !(entry.value.type === "scalar" && entry.value.value === null) ? entry.value : void 0;
  };
  const client = value("client");
  const server = value("server");
  const method = value("method");
  const pathNode = value("path");
  const reason = value("reason");
  if (client) rule.client = workloadGlob(file, client, `${field}.client`);
  if (server) rule.server = workloadGlob(file, server, `${field}.server`);
  if (method) rule.method = methodGlob(file, method, `${field}.method`);
  if (pathNode) rule.path = pathGlob(file, pathNode, `${field}.path`);
  if (reason) expectString(file, reason, `${field}.reason`);
  if (!client && !server && !method && !pathNode) {
    fail(file, map.line, `${field}: name at least one of client, server, method, path (use "*" to mean any)`);
  }
  return rule;
}
function override(file, node, i) {
  const field = `overrides[${i}]`;
  const map = expectMap(file, node, field);
  rejectUnknownKeys(file, map, OVERRIDE_KEYS, `${field}: `);
  const client = map.entries.get("client")?.value;
  const failOn = map.entries.get("failOn")?.value;
  if (!client) fail(file, map.line, `${field}.client: required`);
  if (!failOn) fail(file, map.line, `${field}.failOn: required`);
  return {
    client: workloadGlob(file, client, `${field}.client`),
    failOn: oneOf(file, failOn, `${field}.failOn`, FAIL_ON),
    file,
    line: map.line
  };
}
function environments(file, node) {
  const map = expectMap(file, node, "environments");
  const out = {};
  for (const [namespace, entry] of map.entries) {
    if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(namespace)) {
      fail(file, entry.keyLine, `environments: "${namespace}" is not a namespace name`);
    }
    const name = expectString(file, entry.value, `environments.${namespace}`);
    if (name === "") fail(file, entry.value.line, `environments.${namespace}: must not be empty`);
    out[namespace] = name;
  }
  return out;
}

// src/declare/workload-manifests.ts
var WORKLOAD_KINDS = [
  "Deployment",
  "StatefulSet",
  "DaemonSet",
  "Job",
  "CronJob",
  "ReplicaSet",
  "Pod"
];
async function readWorkloadManifests(paths, opts = {}) {
  const files = await collectYamlFiles(paths, opts.cwd ?? process.cwd());
  const workloads = [];
  for (const { absolute, file } of files) {
    const documents = readYamlFile(absolute, file);
    workloads.push(...workloadsFromDocuments(documents, file, opts.defaultNamespace ?? "default"));
  }
  return createWorkloadLookup(workloads);
}
function workloadsFromDocuments(documents, file, defaultNamespace) {
  const found = [];
  const visit = (node) => {
    if (node?.type !== "map") return;
    const kind = text(child(node, "kind"));
    if (kind === "List") {
      const items = child(node, "items");
      if (items?.type === "seq") items.items.forEach(visit);
      return;
    }
    if (!kind || !WORKLOAD_KINDS.includes(kind)) return;
    const metadata = mapAt(node, ["metadata"]);
    const name = text(metadata && child(metadata, "name"));
    if (!name) return;
    const namespace = text(metadata && child(metadata, "namespace")) || defaultNamespace;
    const podSpec = mapAt(node, podSpecPath(kind));
    const serviceAccount = text(podSpec && child(podSpec, "serviceAccountName")) || text(podSpec && child(podSpec, "serviceAccount")) || "default";
    const labels = stringMap(mapAt(node, ["spec", "selector", "matchLabels"])) ?? stringMap(mapAt(node, podLabelsPath(kind))) ?? {};
    found.push({ name, namespace, kind, serviceAccount, labels, file, line: node.line });
  };
  for (const doc of documents) visit(doc.root);
  return found;
}
function createWorkloadLookup(workloads) {
  const byKey = new Map(workloads.map((w) => [`${w.namespace}/${w.name}`, w]));
  const get = (namespace, name) => byKey.get(`${namespace}/${name}`);
  return {
    workloads,
    get,
    kindOf: (namespace, name) => get(namespace, name)?.kind,
    serviceAccountOf: (namespace, name) => get(namespace, name)?.serviceAccount,
    labelsOf: (namespace, name) => get(namespace, name)?.labels
  };
}
function podTemplatePath(kind) {
  if (kind === "Pod") return [];
  if (kind === "CronJob") return ["spec", "jobTemplate", "spec", "template"];
  return ["spec", "template"];
}
function podSpecPath(kind) {
  return [...podTemplatePath(kind), "spec"];
}
function podLabelsPath(kind) {
  return [...podTemplatePath(kind), "metadata", "labels"];
}
function mapAt(node, path5) {
  let current = node;
  for (const key of path5) {
    if (current?.type !== "map") return void 0;
    current = child(current, key);
  }
  return current?.type === "map" ? current : void 0;
}
function text(node) {
  return node?.type === "scalar" && node.value !== null ? String(node.value) : void 0;
}
function stringMap(map) {
  if (!map || map.entries.size === 0) return void 0;
  const result = {};
  for (const [key, entry] of map.entries) {
    const value = text(entry.value);
    if (value !== void 0) result[key] = value;
  }
  return result;
}

// src/model.ts
var CHECKABLE_TARGETS = /* @__PURE__ */ new Set(["kubernetes", "service"]);

// src/diff/compute-drift.ts
function computeDrift(observed, declared, opts = {}) {
  const scope = opts.namespaces && opts.namespaces.length > 0 ? new Set(opts.namespaces) : null;
  const inScope = (namespace) => scope === null || scope.has(namespace);
  const calls = observed.calls.filter((call) => inScope(call.client.namespace));
  const rules = declared.rules.filter((rule) => inScope(rule.client.namespace));
  const checkable = rules.filter((rule) => CHECKABLE_TARGETS.has(rule.targetType));
  const warnings = [...observed.warnings, ...declared.warnings, ...templateWarnings(checkable)];
  const { index, states } = buildRuleIndex(checkable);
  const closedTargets = declaredTargetKeys(declared.rules.filter((r) => CHECKABLE_TARGETS.has(r.targetType)));
  const covered = [];
  const ignored = [];
  const missingByKey = /* @__PURE__ */ new Map();
  for (const call of calls) {
    if (isCovered(call, index)) {
      covered.push(call);
      continue;
    }
    const ignoredBy = opts.isIgnored?.(call);
    if (ignoredBy === true) {
      ignored.push(call);
    } else if (ignoredBy) {
      const entry = { ...call, ignoredBy: { file: ignoredBy.file, line: ignoredBy.line } };
      ignored.push(entry);
    } else {
      addMissing(
        missingByKey,
        call,
        callTargetKeys(call).some((key) => closedTargets.has(key)),
        opts
      );
    }
  }
  const activeClients = /* @__PURE__ */ new Set();
  for (const call of calls) activeClients.add(refKey(call.client));
  const external = observed.external.filter((call) => inScope(call.client.namespace));
  for (const call of external) activeClients.add(refKey(call.client));
  const stale = [];
  const notChecked = [];
  for (const rule of rules) {
    if (!CHECKABLE_TARGETS.has(rule.targetType)) notChecked.push({ ...rule, why: "not-http" });
  }
  for (const state of states) {
    if (state.matched) continue;
    if (!state.calledWithDetail && state.calledWithoutDetail) {
      notChecked.push({ ...state.rule, why: "no-http-detail" });
    } else {
      stale.push({ ...state.rule, reason: staleReason(state, activeClients) });
    }
  }
  const missing = withIntentsFiles([...missingByKey.values()], declared).sort(compareCalls);
  stale.sort(compareRules);
  notChecked.sort(compareRules);
  covered.sort(compareCalls);
  ignored.sort(compareCalls);
  return {
    missing,
    stale,
    covered,
    notChecked,
    unattributed: observed.unattributed.filter((call) => inScope(call.server.namespace)).sort(compareCalls),
    external: external.sort(compareCalls),
    ignored,
    warnings: [...new Set(warnings)],
    summary: {
      observed: calls.length,
      declared: rules.length,
      covered: covered.length,
      missing: missing.length,
      stale: stale.length,
      notChecked: notChecked.length,
      ignored: ignored.length,
      drift: missing.length > 0 || stale.length > 0
    }
  };
}
function isCovered(call, index) {
  const byTarget = index.get(refKey(call.client));
  if (!byTarget) return false;
  const detail = hasHttpDetail(call);
  let allowed = false;
  let targetDeclared = false;
  for (const targetKey of callTargetKeys(call)) {
    for (const state of byTarget.get(targetKey) ?? []) {
      if (!clientKindAgrees(state.rule, call.client) || !serverKindAgrees(state.rule, targetKey, call))
        continue;
      targetDeclared = true;
      if (detail) state.calledWithDetail = true;
      else state.calledWithoutDetail = true;
      if (ruleAllowsCall(state.rule, call)) {
        state.matched = true;
        allowed = true;
      }
    }
  }
  return allowed || !detail && targetDeclared;
}
function staleReason(state, activeClients) {
  if (state.calledWithDetail) return "path-not-called";
  return activeClients.has(refKey(state.rule.client)) ? "server-not-called" : "client-idle";
}
function addMissing(byKey, call, wouldBeBlocked, opts) {
  const key = [refKey(call.client), refKey(call.server), call.method ?? "", call.path ?? ""].join("\0");
  const known = byKey.get(key);
  if (!known) {
    const suggestedPath = call.path === null ? void 0 : opts.suggestPath?.(call.path, call);
    const entry = { ...call, wouldBeBlocked };
    if (suggestedPath !== void 0 && suggestedPath !== call.path) entry.suggestedPath = suggestedPath;
    byKey.set(key, entry);
    return;
  }
  known.count += call.count;
  known.wouldBeBlocked ||= wouldBeBlocked;
  if (call.firstSeen !== void 0 && (known.firstSeen === void 0 || call.firstSeen < known.firstSeen)) {
    known.firstSeen = call.firstSeen;
  }
  if (call.lastSeen !== void 0 && (known.lastSeen === void 0 || call.lastSeen > known.lastSeen)) {
    known.lastSeen = call.lastSeen;
  }
}
function templateWarnings(rules) {
  const warnings = [];
  for (const rule of rules) {
    const problem = rule.path === null ? null : validatePathPattern(rule.path);
    if (problem !== null) {
      warnings.push(`${rule.file}:${rule.line}: path ${JSON.stringify(rule.path)} never matches: ${problem}`);
    }
  }
  return warnings;
}
function withIntentsFiles(missing, declared) {
  const home = /* @__PURE__ */ new Map();
  for (const d of declared.documents) {
    const key = `${d.client.namespace}/${d.client.name}`;
    if (!home.has(key)) home.set(key, { file: d.file, line: d.line });
  }
  return missing.map((call) => {
    const at = home.get(`${call.client.namespace}/${call.client.name}`);
    return at === void 0 ? call : { ...call, intentsFile: at };
  });
}

// src/diff/coverage.ts
function percentOf(part, whole) {
  return whole === 0 ? 100 : Math.floor(part * 100 / whole);
}
function computeCoverage(rules, drift, opts = {}) {
  const scope = opts.namespaces && opts.namespaces.length > 0 ? new Set(opts.namespaces) : null;
  const byClient = /* @__PURE__ */ new Map();
  const entryOf = (client) => {
    const key = refKey(client);
    let entry = byClient.get(key);
    if (!entry) {
      const environment = opts.environments?.[client.namespace];
      entry = {
        client: { name: client.name, namespace: client.namespace },
        ...environment === void 0 ? {} : { environment },
        declared: 0,
        exercised: 0,
        stale: { "path-not-called": 0, "server-not-called": 0, "client-idle": 0 },
        noDetail: 0,
        percent: 0
      };
      byClient.set(key, entry);
    }
    return entry;
  };
  const inScope = (rule) => scope === null || scope.has(rule.client.namespace);
  for (const rule of rules) {
    if (CHECKABLE_TARGETS.has(rule.targetType) && inScope(rule)) entryOf(rule.client).declared++;
  }
  for (const rule of drift.stale) if (inScope(rule)) entryOf(rule.client).stale[rule.reason]++;
  for (const rule of drift.notChecked) {
    if (rule.why === "no-http-detail" && inScope(rule)) entryOf(rule.client).noDetail++;
  }
  let declared = 0;
  let exercised = 0;
  const clients = [...byClient.values()].sort((a, b) => compareKeys(refKey(a.client), refKey(b.client)));
  for (const entry of clients) {
    const stale = entry.stale["path-not-called"] + entry.stale["server-not-called"] + entry.stale["client-idle"];
    entry.exercised = Math.max(0, entry.declared - stale - entry.noDetail);
    entry.percent = percentOf(entry.exercised, entry.declared);
    declared += entry.declared;
    exercised += entry.exercised;
  }
  return { clients, total: { declared, exercised, percent: percentOf(exercised, declared) } };
}
function compareKeys(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

// src/diff/ignore-rules.ts
var globCache = /* @__PURE__ */ new Map();
function globToRegExp(glob) {
  let compiled = globCache.get(glob);
  if (!compiled) {
    const source = glob.split("*").map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*");
    compiled = new RegExp(`^${source}$`, "s");
    globCache.set(glob, compiled);
  }
  return compiled;
}
function matchGlob(glob, value) {
  return globToRegExp(glob).test(value);
}
function fieldMatches(glob, values) {
  if (glob === void 0) return true;
  return values.some((value) => value === null ? glob === "*" : matchGlob(glob, value));
}
function pathMatches(pattern, path5) {
  if (pattern === void 0 || !isPathTemplate(pattern)) return fieldMatches(pattern, [path5]);
  return path5 !== null && (path5 === pattern || matchPath(pattern, path5));
}
function ignoreRuleMatchesCall(rule, call) {
  const servers = [refKey(call.server)];
  if (call.server.service) servers.push(refKey(call.server.service));
  return fieldMatches(rule.client, [refKey(call.client)]) && fieldMatches(rule.server, servers) && fieldMatches(rule.method, [call.method]) && pathMatches(rule.path, call.path);
}
function ignoreRuleMatchesDeclared(rule, declared) {
  return fieldMatches(rule.client, [refKey(declared.client)]) && fieldMatches(rule.server, [refKey(declared.server)]) && fieldMatches(rule.method, [declared.method]) && pathMatches(rule.path, declared.path);
}
function buildIgnoreMatcher(rules) {
  const where = (rule) => rule === void 0 ? void 0 : { file: rule.file, line: rule.line };
  return {
    forCall: (call) => where(rules.find((rule) => ignoreRuleMatchesCall(rule, call))),
    forDeclared: (declared) => where(rules.find((rule) => ignoreRuleMatchesDeclared(rule, declared)))
  };
}

// src/diff/fail-policy.ts
function failOnFor(policy, client) {
  const key = refKey(client);
  return policy.overrides.find((o) => matchGlob(o.client, key))?.failOn ?? policy.failOn;
}
var failsOnMissing = (failOn) => failOn === "missing" || failOn === "any";
var failsOnStale = (failOn) => failOn === "stale" || failOn === "any";
function evaluateFailure(drift, policy) {
  const failingMissing = drift.missing.filter(
    (call) => failsOnMissing(failOnFor(policy, call.client))
  ).length;
  let failingStale = 0;
  let idleWarnings = 0;
  for (const rule of drift.stale) {
    if (!failsOnStale(failOnFor(policy, rule.client))) continue;
    if (rule.reason === "client-idle" && policy.clientIdle === "warn") idleWarnings++;
    else failingStale++;
  }
  return {
    exitCode: failingMissing > 0 || failingStale > 0 ? 1 : 0,
    failingMissing,
    failingStale,
    idleWarnings
  };
}

// src/diff/id-segment.ts
var INTEGER = /^\d+$/;
var UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
var HEX = /^[0-9a-f]{8,}$/i;
var DATE = /^\d{4}-\d{2}-\d{2}$/;
var DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}(:?\d{2}){1,2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/;
var VERSION = /^v\d+([._]\d+)*([a-z]+\d*)?$/i;
var DOTTED_NUMBER = /^\d+(\.\d+){1,3}$/;
var FILE_NAME = /^(.+)\.([A-Za-z][A-Za-z0-9]{0,4})$/;
var TOKEN_CHARS = /^[A-Za-z0-9_-]+$/;
function isVersionSegment(segment) {
  return VERSION.test(segment) || DOTTED_NUMBER.test(segment);
}
function count(text2, pattern) {
  return text2.match(pattern)?.length ?? 0;
}
function isRandomRun(run) {
  if (run.length < 10) return false;
  const digits = count(run, /\d/g);
  const letters = count(run, /[A-Za-z]/g);
  if (digits === 0 || letters === 0) return false;
  return digits >= 2 || count(run, /[A-Z]/g) >= 3 && count(run, /[a-z]/g) >= 2;
}
function isToken(segment) {
  if (segment.length < 16 || !TOKEN_CHARS.test(segment)) return false;
  return segment.split(/[-_]/).some(isRandomRun);
}
function isValueShape(segment) {
  if (INTEGER.test(segment) || UUID.test(segment) || DATE.test(segment) || DATE_TIME.test(segment)) {
    return true;
  }
  if (HEX.test(segment) && /\d/.test(segment) && /[a-f]/i.test(segment)) return true;
  return isToken(segment);
}
function isIdLikeSegment(segment) {
  if (segment === "" || isVersionSegment(segment)) return false;
  if (isValueShape(segment)) return true;
  const file = FILE_NAME.exec(segment);
  return file !== null && file[1] !== void 0 && isValueShape(file[1]);
}

// src/diff/path-template.ts
var MATCH_ONE2 = "{*}";
var MATCH_ANY2 = "{**}";
var TEMPLATE_SEGMENT = /^[A-Za-z0-9\-._~%!$&'()+,;:@]+$/;
var DEFAULT_MIN_VARIANTS = 5;
function splitPath(path5) {
  if (!path5.startsWith("/") || path5 === "/") return null;
  const trailingSlash = path5.endsWith("/");
  const segments = (trailingSlash ? path5.slice(1, -1) : path5.slice(1)).split("/");
  return { segments, trailingSlash };
}
function joinPath(segments, trailingSlash) {
  return `/${segments.join("/")}${trailingSlash ? "/" : ""}`;
}
function canBeOneSegment(segment) {
  return TEMPLATE_SEGMENT.test(segment) && isIdLikeSegment(segment);
}
function checked(raw, template) {
  if (template === raw) return raw;
  return validatePathPattern(template) === null && matchPath(template, raw) ? template : raw;
}
function templatePath(path5) {
  const split = splitPath(path5);
  if (!split) return path5;
  const segments = split.segments.map((s) => canBeOneSegment(s) ? MATCH_ONE2 : s);
  return checked(path5, joinPath(segments, split.trailingSlash));
}
function hasDigit(value) {
  return /\d/.test(value);
}
function valuesVary(values, minVariants) {
  if (values.length < minVariants) return false;
  if (values.some(isVersionSegment)) return false;
  const withDigits = values.filter(hasDigit).length;
  return withDigits * 2 >= values.length || values.length >= minVariants * 10;
}
function groupBy(items, keyOf2) {
  const groups = /* @__PURE__ */ new Map();
  for (const item of items) {
    const key = keyOf2(item);
    const list = groups.get(key);
    if (list) list.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
function collapseVaryingSegments(entries, minVariants) {
  for (let changed = true, rounds = 0; changed && rounds < 16; rounds++) {
    changed = false;
    const byShape = groupBy(entries, (e) => `${e.segments.length}${e.trailingSlash ? "/" : ""}`);
    for (const sameShape of byShape.values()) {
      const width = sameShape[0]?.segments.length ?? 0;
      for (let i = 0; i < width; i++) {
        const neighbours = groupBy(
          sameShape,
          (e) => e.segments.map((s, j) => j === i ? "" : s).join("\0")
        );
        for (const bucket of neighbours.values()) {
          const values = [...new Set(bucket.map((e) => e.rawSegments[i] ?? ""))];
          if (!valuesVary(values, minVariants)) continue;
          for (const entry of bucket) {
            const value = entry.rawSegments[i] ?? "";
            if (entry.segments[i] !== MATCH_ONE2 && TEMPLATE_SEGMENT.test(value)) {
              entry.segments[i] = MATCH_ONE2;
              changed = true;
            }
          }
        }
      }
    }
  }
}
function collapseVaryingTails(entries, minVariants) {
  const longest = Math.max(0, ...entries.map((e) => e.segments.length));
  for (let depth = longest - 1; depth >= 1; depth--) {
    const candidates = entries.filter((e) => e.tailFrom === void 0 && e.segments.length > depth);
    const byPrefix = groupBy(candidates, (e) => e.segments.slice(0, depth).join("/"));
    for (const group of byPrefix.values()) {
      const last = group[0]?.segments[depth - 1] ?? "";
      if (last === "api" || last === MATCH_ONE2 || isVersionSegment(last)) continue;
      const tails = new Set(group.map((e) => e.rawSegments.slice(depth).join("/")));
      const depths = new Set(group.map((e) => e.segments.length));
      const firsts = new Set(group.map((e) => e.rawSegments[depth]));
      if (tails.size >= minVariants * 2 && depths.size >= 2 && firsts.size >= minVariants) {
        for (const entry of group) entry.tailFrom = depth;
      }
    }
  }
}
function entryTemplate(entry) {
  if (entry.tailFrom !== void 0) {
    return checked(entry.raw, `${joinPath(entry.segments.slice(0, entry.tailFrom), false)}/${MATCH_ANY2}`);
  }
  const template = checked(entry.raw, joinPath(entry.segments, entry.trailingSlash));
  return template === entry.raw ? templatePath(entry.raw) : template;
}
function templatePaths(paths, opts = {}) {
  const minVariants = opts.minVariants ?? DEFAULT_MIN_VARIANTS;
  const entries = [];
  for (const raw of new Set(paths)) {
    const split = splitPath(raw);
    if (!split) continue;
    const segments = split.segments.map((s) => canBeOneSegment(s) ? MATCH_ONE2 : s);
    entries.push({ raw, rawSegments: split.segments, segments, trailingSlash: split.trailingSlash });
  }
  collapseVaryingSegments(entries, minVariants);
  collapseVaryingTails(entries, minVariants);
  const out = /* @__PURE__ */ new Map();
  for (const entry of entries) out.set(entry.raw, entryTemplate(entry));
  return out;
}
function pairKey(call) {
  return `${refKey(call.client)}\0${refKey(call.server)}`;
}
function buildPathTemplater(calls, opts = {}) {
  const pathsByPair = /* @__PURE__ */ new Map();
  for (const call of calls) {
    if (call.path === null) continue;
    const key = pairKey(call);
    const list = pathsByPair.get(key);
    if (list) list.push(call.path);
    else pathsByPair.set(key, [call.path]);
  }
  const templates = /* @__PURE__ */ new Map();
  for (const [key, paths] of pathsByPair) templates.set(key, templatePaths(paths, opts));
  const templateOf = (path5, call) => (call && templates.get(pairKey(call))?.get(path5)) ?? templatePath(path5);
  return {
    pathOf: (call) => call.path === null ? null : templateOf(call.path, call),
    suggest: (path5, call) => {
      const template = templateOf(path5, call);
      return template === path5 ? void 0 : template;
    }
  };
}
function templateWidening(raw, template) {
  if (raw === template) return void 0;
  const rawSplit = splitPath(raw);
  const templateSplit = splitPath(template);
  if (!rawSplit || !templateSplit) return void 0;
  const parts = [];
  templateSplit.segments.forEach((segment, i) => {
    if (segment === MATCH_ONE2) parts.push(`any segment for ${rawSplit.segments[i] ?? ""}`);
    if (segment === MATCH_ANY2) {
      const prefix = joinPath(templateSplit.segments.slice(0, i), true);
      parts.push(`anything under ${prefix} (seen: ${rawSplit.segments.slice(i).join("/")})`);
    }
  });
  return parts.length === 0 ? void 0 : parts.join("; ");
}

// src/diff/drift-controls.ts
var DEFAULT_POLICY = { failOn: "missing", clientIdle: "warn", overrides: [] };
function withCounts(drift) {
  const { missing, stale } = drift;
  return {
    ...drift,
    summary: {
      ...drift.summary,
      missing: missing.length,
      stale: stale.length,
      drift: missing.length > 0 || stale.length > 0
    }
  };
}
function checkDrift(observed, declared, controls = {}) {
  const namespaces = controls.namespaces ? [...controls.namespaces] : [];
  const scope = new Set(namespaces);
  const ignore = buildIgnoreMatcher(controls.ignore ?? []);
  const templater = controls.templates === false ? void 0 : buildPathTemplater(observed.calls.filter((c) => scope.size === 0 || scope.has(c.client.namespace)));
  const raw = computeDrift(observed, declared, {
    namespaces,
    ...controls.ignore && controls.ignore.length > 0 ? { isIgnored: ignore.forCall } : {},
    ...templater ? { suggestPath: templater.suggest } : {}
  });
  const coverage = computeCoverage(declared.rules, raw, {
    namespaces,
    ...controls.environments ? { environments: controls.environments } : {}
  });
  const ignoredStale = [];
  const stale = [];
  for (const rule of raw.stale) {
    const by = ignore.forDeclared(rule);
    if (by) ignoredStale.push({ ...rule, ignoredBy: by });
    else stale.push(rule);
  }
  const minCount = controls.minCount ?? 1;
  const missing = raw.missing.filter((call) => call.count >= minCount);
  const dropped = raw.missing.filter((call) => call.count < minCount);
  const beforeBaseline = withCounts({ ...raw, missing, stale });
  let current = beforeBaseline;
  let baselineOutcome;
  if (controls.baseline) {
    const applied = applyBaseline(beforeBaseline, controls.baseline);
    current = applied.drift;
    baselineOutcome = applied.outcome;
  }
  const failure = evaluateFailure(current, controls.policy ?? DEFAULT_POLICY);
  const warnings = [...current.warnings];
  if (failure.idleWarnings > 0) {
    warnings.push(
      `${failure.idleWarnings} stale ${failure.idleWarnings === 1 ? "rule belongs" : "rules belong"} to clients that made no calls in this run (client-idle): reported, not failing (config clientIdle: fail to change)`
    );
  }
  const drift = { ...current, warnings, coverage, ignoredStale, failure };
  if (minCount > 1) {
    drift.noise = { minCount, calls: dropped.length, requests: dropped.reduce((sum, c) => sum + c.count, 0) };
  }
  if (baselineOutcome) drift.baseline = baselineOutcome;
  if (controls.environments && Object.keys(controls.environments).length > 0) {
    drift.environments = controls.environments;
  }
  return { drift, beforeBaseline, exitCode: failure.exitCode };
}

// src/observe/read-metrics.ts
import { Buffer as Buffer2 } from "node:buffer";
import { readdir, stat as stat3 } from "node:fs/promises";
import path3 from "node:path";

// src/observe/envoy-json.ts
var ISTIO_STAT_PREFIX = "istiocustom.";
var ENVOY_LABEL_KEYS = /* @__PURE__ */ new Set([
  ...ISTIO_DEFAULT_LABELS,
  ...HTTP_DETAIL_LABELS
]);
function keyAt(s, at, keys, seen) {
  const dot = s.indexOf(".", at);
  const token = s.slice(at, dot === -1 ? s.length : dot);
  return keys.has(token) && !seen.has(token) ? token : null;
}
function parseEnvoyLabels(s, keys = ENVOY_LABEL_KEYS) {
  const labels = {};
  const seen = /* @__PURE__ */ new Set();
  let pos = 0;
  while (pos < s.length) {
    const key = keyAt(s, pos, keys, seen);
    if (key === null) {
      const token = s.slice(pos, s.indexOf(".", pos) === -1 ? s.length : s.indexOf(".", pos));
      return seen.has(token) ? `label "${token}" appears twice` : `unknown label key "${token.slice(0, 40)}"`;
    }
    seen.add(key);
    const valueStart = pos + key.length + 1;
    if (valueStart > s.length || keyAt(s, valueStart, keys, seen) !== null) {
      labels[key] = "";
      pos = valueStart;
      continue;
    }
    let end = s.indexOf(".", valueStart);
    while (end !== -1 && keyAt(s, end + 1, keys, seen) === null) end = s.indexOf(".", end + 1);
    if (end === -1) end = s.length;
    labels[key] = s.slice(valueStart, end);
    pos = end + 1;
  }
  return labels;
}
function wantedMetric(name, metrics) {
  const base = name.startsWith(ISTIO_STAT_PREFIX) ? name.slice(ISTIO_STAT_PREFIX.length) : name;
  const dot = base.indexOf(".");
  const metric = dot === -1 ? base : base.slice(0, dot);
  if (!metrics.has(metric)) return null;
  return { metric, rest: dot === -1 ? "" : base.slice(dot + 1) };
}
function describe(value) {
  if (value === null) return "null";
  return Array.isArray(value) ? "an array" : typeof value;
}
function readEnvoyStatsJson(text2, options) {
  const file = options.source;
  let doc;
  try {
    doc = JSON.parse(text2);
  } catch (err) {
    throw new InputError(`not valid JSON: ${err.message}`, { file });
  }
  if (typeof doc !== "object" || doc === null || Array.isArray(doc)) {
    throw new InputError(`expected an Envoy stats object {"stats": [...]}, found ${describe(doc)}`, { file });
  }
  const stats = doc.stats;
  if (!Array.isArray(stats)) {
    const data = doc.data;
    if (typeof data === "object" && data !== null && "result" in data) {
      throw new InputError(
        "this is a Prometheus HTTP API response, not Envoy stats; use --source prometheus to query Prometheus",
        { file }
      );
    }
    throw new InputError(`expected a "stats" array (Envoy JSON stats), found ${describe(stats)}`, { file });
  }
  const keys = options.extraLabelKeys === void 0 ? ENVOY_LABEL_KEYS : /* @__PURE__ */ new Set([...ENVOY_LABEL_KEYS, ...options.extraLabelKeys]);
  let samples = 0;
  for (let i = 0; i < stats.length; i++) {
    const entry = stats[i];
    const where = `stats[${i}]`;
    if (typeof entry !== "object" || entry === null)
      throw new InputError(`${where} is not an object`, { file });
    if ("histograms" in entry && !("name" in entry)) continue;
    const { name, value } = entry;
    if (typeof name !== "string") throw new InputError(`${where} has no "name" string`, { file });
    const wanted = wantedMetric(name, options.metrics);
    if (wanted === null) continue;
    if (typeof value !== "number") {
      throw new InputError(`${where} (${wanted.metric}): "value" is ${describe(value)}, expected a number`, {
        file
      });
    }
    const labels = parseEnvoyLabels(wanted.rest, keys);
    if (typeof labels === "string") throw new InputError(`${where} (${wanted.metric}): ${labels}`, { file });
    samples++;
    options.onSample({ metric: wanted.metric, labels, value, line: i + 1 });
  }
  return { entries: stats.length, samples };
}

// src/observe/file-chunks.ts
import { Buffer } from "node:buffer";
import { closeSync, openSync, readSync } from "node:fs";
var DEFAULT_CHUNK_BYTES = 1 << 20;
function* readFileChunks(file, buffer = Buffer.allocUnsafe(DEFAULT_CHUNK_BYTES)) {
  const fd = openSync(file, "r");
  try {
    for (; ; ) {
      const bytesRead = readSync(fd, buffer, 0, buffer.length, null);
      if (bytesRead === 0) return;
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    closeSync(fd);
  }
}

// src/observe/read-metrics.ts
function unreadable(file, err) {
  const code = err.code;
  if (code === "ENOENT") return new InputError("no such file or directory", { file });
  if (code === "EACCES" || code === "EPERM") return new InputError("permission denied", { file });
  if (code === "EISDIR") return new InputError("is a directory", { file });
  return new InputError(`cannot read: ${err.message}`, { file });
}
async function listMetricFiles(root) {
  let info;
  try {
    info = await stat3(root);
  } catch (err) {
    throw unreadable(root, err);
  }
  if (info.isFile()) return [root];
  if (!info.isDirectory()) throw new InputError("not a regular file or directory", { file: root });
  let entries;
  try {
    entries = (await readdir(root, { withFileTypes: true })).sort((a, b) => a.name < b.name ? -1 : 1);
  } catch (err) {
    throw unreadable(root, err);
  }
  const files = [];
  for (const entry of entries) {
    const child2 = path3.join(root, entry.name);
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      const target = await stat3(child2).catch((err) => {
        throw unreadable(child2, err);
      });
      isDir = target.isDirectory();
      isFile = target.isFile();
    }
    if (isDir) files.push(...await listMetricFiles(child2));
    else if (isFile) files.push(child2);
  }
  return files;
}
function isBlankByte(c) {
  return c === 32 || c === 9 || c === 10 || c === 13;
}
var BOM = Buffer2.from([239, 187, 191]);
async function readMetricsFile(absolute, onSample, buffer = Buffer2.allocUnsafe(DEFAULT_CHUNK_BYTES), file = absolute) {
  let chunks;
  let first;
  const blankHead = [];
  let current;
  try {
    chunks = readFileChunks(absolute, buffer);
    for (current = chunks.next(); !current.done; current = chunks.next()) {
      const buf = current.value;
      const from = blankHead.length === 0 && buf.subarray(0, 3).equals(BOM) ? 3 : 0;
      for (let i = from; i < buf.length && first === void 0; i++)
        if (!isBlankByte(buf[i])) first = buf[i];
      if (first !== void 0) break;
      blankHead.push(Buffer2.from(buf));
    }
  } catch (err) {
    throw unreadable(file, err);
  }
  if (first === void 0) throw new InputError("empty: no metrics in this file", { file });
  const options = { source: file, metrics: OBSERVED_METRICS, onSample };
  const firstChunk = current.value;
  function* all() {
    yield* blankHead;
    yield firstChunk;
    for (current = chunks.next(); !current.done; current = chunks.next()) yield current.value;
  }
  try {
    if (first === 123 || first === 91) {
      const parts = [];
      for (const buf of all()) parts.push(Buffer2.from(buf));
      const text2 = Buffer2.concat(parts).toString("utf8").replace(/^\uFEFF/, "");
      return readEnvoyStatsJson(text2, options).samples;
    }
    return (await readPrometheusText(all(), options)).samples;
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw unreadable(file, err);
  } finally {
    chunks.return(void 0);
  }
}
function displayName(absolute, cwd) {
  const rel = path3.relative(cwd, absolute);
  return rel === "" || rel.startsWith("..") || path3.isAbsolute(rel) ? absolute : rel.split(path3.sep).join("/");
}
async function readMetrics(paths, opts = {}) {
  const cwd = opts.cwd ?? process.cwd();
  if (paths.length === 0) throw new InputError("no metrics path given");
  const builder = new ObservedMapBuilder();
  const onSample = (s) => {
    builder.add(s);
  };
  const buffer = Buffer2.allocUnsafe(DEFAULT_CHUNK_BYTES);
  for (const given of paths) {
    const root = path3.resolve(cwd, given);
    const files = await listMetricFiles(root).catch((err) => {
      throw err instanceof InputError && err.file === root ? new InputError(err.message, { file: given }) : err;
    });
    if (files.length === 0) throw new InputError("no files in this directory", { file: given });
    for (const absolute of files) {
      const file = displayName(absolute, cwd);
      builder.sources++;
      const samples = await readMetricsFile(absolute, onSample, buffer, file);
      if (samples === 0) builder.addWarning(`${file}: no istio_requests_total or istio_tcp_* series`);
    }
  }
  return builder.build();
}

// src/observe/snapshot/snapshot-merge.ts
function callKey(c) {
  return JSON.stringify([
    c.client.namespace,
    c.client.name,
    c.server.namespace,
    c.server.name,
    c.server.service?.namespace ?? null,
    c.server.service?.name ?? null,
    c.method,
    c.path,
    c.protocol,
    c.host ?? null
  ]);
}
function mergeCalls(lists) {
  const byKey = /* @__PURE__ */ new Map();
  for (const list of lists) {
    for (const c of list) {
      const key = callKey(c);
      const seen = byKey.get(key);
      if (seen === void 0) {
        byKey.set(key, { ...c, client: { ...c.client }, server: { ...c.server } });
        continue;
      }
      seen.count += c.count;
      if (Date.parse(c.firstSeen) < Date.parse(seen.firstSeen)) seen.firstSeen = c.firstSeen;
      if (Date.parse(c.lastSeen) > Date.parse(seen.lastSeen)) seen.lastSeen = c.lastSeen;
      seen.client.kind ??= c.client.kind;
      seen.server.kind ??= c.server.kind;
    }
  }
  return [...byKey.values()].sort(compareCalls);
}
function mergeSnapshots(snapshots) {
  const times = snapshots.map((s) => s.capturedAt).sort();
  const sources = [...new Set(snapshots.map((s) => s.source))];
  return {
    kind: "IntentDriftSnapshot",
    version: 1,
    source: sources.length === 1 ? sources[0] : "merged",
    capturedAt: times[times.length - 1] ?? (/* @__PURE__ */ new Date()).toISOString(),
    calls: mergeCalls(snapshots.map((s) => s.calls)),
    unattributed: mergeCalls(snapshots.map((s) => s.unattributed)),
    external: mergeCalls(snapshots.map((s) => s.external)),
    warnings: [...new Set(snapshots.flatMap((s) => s.warnings))],
    stats: {
      series: snapshots.reduce((n, s) => n + s.stats.series, 0),
      sources: snapshots.reduce((n, s) => n + s.stats.sources, 0)
    }
  };
}
function filterSince(snapshot, since) {
  const keep = (c) => Date.parse(c.lastSeen) >= since.getTime();
  return {
    ...snapshot,
    calls: snapshot.calls.filter(keep),
    unattributed: snapshot.unattributed.filter(keep),
    external: snapshot.external.filter(keep)
  };
}
async function readSnapshots(files, opts = {}) {
  if (files.length === 0) throw new InputError("--source snapshot needs --snapshot FILE");
  const snapshots = await Promise.all(files.map((f) => readSnapshot(f)));
  let merged = mergeSnapshots(snapshots);
  if (opts.since !== void 0) merged = filterSince(merged, opts.since);
  return snapshotToMap(merged);
}

// src/settings.ts
var SOURCES = ["metrics", "snapshot", "sidecars", "prometheus", "mapper"];
var FAIL_ON2 = ["missing", "stale", "any", "none"];
var REPORT_FORMATS = ["text", "markdown", "json"];
var API_VERSIONS = [
  "k8s.otterize.com/v2beta1",
  "k8s.otterize.com/v2alpha1",
  "k8s.otterize.com/v1beta1",
  "k8s.otterize.com/v1alpha3",
  "k8s.otterize.com/v1alpha2"
];
var DEFAULT_API_VERSION = API_VERSIONS[0];
function defaultSettings(cwd) {
  return {
    cwd,
    intents: [],
    source: "metrics",
    metrics: [],
    snapshots: [],
    workloads: [],
    namespaces: [],
    failOn: "missing",
    failOnExplicit: false,
    configFile: void 0,
    templates: true,
    minCount: void 0,
    environment: void 0,
    baselineFile: void 0,
    writeBaselineFile: void 0,
    format: "text",
    reportFile: void 0,
    color: false,
    output: void 0,
    live: {
      kubeconfig: void 0,
      context: void 0,
      window: void 0,
      concurrency: 16,
      podTimeout: void 0,
      prometheusUrl: void 0,
      prometheusTokenEnv: "PROMETHEUS_TOKEN",
      prometheusCa: void 0,
      since: void 0,
      mapperUrl: void 0
    },
    export: {
      format: "yaml",
      outputType: "single-file",
      apiVersion: DEFAULT_API_VERSION,
      asService: false
    }
  };
}

// src/pipeline.ts
function demoDirectory() {
  return path4.resolve(path4.dirname(fileURLToPath(import.meta.url)), "..", "fixtures", "demo");
}
function demoSettings(base) {
  const dir = demoDirectory();
  const root = path4.resolve(dir, "..", "..");
  const rel = (p) => path4.relative(root, path4.join(dir, p));
  return {
    ...defaultSettings(root),
    failOn: base.failOn,
    failOnExplicit: base.failOnExplicit,
    templates: base.templates,
    minCount: base.minCount,
    format: base.format,
    reportFile: base.reportFile === void 0 ? void 0 : path4.resolve(base.cwd, base.reportFile),
    writeBaselineFile: base.writeBaselineFile === void 0 ? void 0 : path4.resolve(base.cwd, base.writeBaselineFile),
    baselineFile: base.baselineFile === void 0 ? void 0 : path4.resolve(base.cwd, base.baselineFile),
    configFile: base.configFile === void 0 ? void 0 : path4.resolve(base.cwd, base.configFile),
    color: base.color,
    namespaces: base.namespaces,
    intents: [rel("intents")],
    metrics: [rel("capture")],
    workloads: [rel("workloads.yaml")]
  };
}
async function observe(settings, onProgress) {
  let map = await readSource(settings, onProgress);
  if (settings.workloads.length > 0) {
    const lookup = await readWorkloadManifests(settings.workloads, { cwd: settings.cwd });
    map = { ...map, ...attachWorkloadKinds(map, lookup) };
  }
  return map;
}
async function readSource(settings, onProgress) {
  const live = settings.live;
  const access = {
    ...live.kubeconfig === void 0 ? {} : { kubeconfig: path4.resolve(settings.cwd, live.kubeconfig) },
    ...live.context === void 0 ? {} : { context: live.context }
  };
  switch (settings.source) {
    case "metrics":
      if (settings.metrics.length === 0) throw new InputError("--source metrics needs --metrics PATH");
      return readMetrics(settings.metrics, { cwd: settings.cwd });
    case "snapshot":
      return readSnapshots(
        settings.snapshots.map((f) => path4.resolve(settings.cwd, f)),
        live.since === void 0 ? {} : { since: parseSince(live.since, /* @__PURE__ */ new Date()) }
      );
    // Live sources load @kubernetes/client-node and friends: only when asked for (a separate chunk
    // in the bundle), so offline runs start fast.
    case "sidecars": {
      const { readSidecars } = await import("./sidecars-source-ENBGWLXK.js");
      return readSidecars({
        ...access,
        namespaces: settings.namespaces,
        concurrency: live.concurrency,
        ...live.window === void 0 ? {} : { windowMs: parseDuration(live.window, "--window") },
        ...live.podTimeout === void 0 ? {} : { timeoutMs: parseDuration(live.podTimeout, "--pod-timeout") },
        ...onProgress === void 0 ? {} : { onProgress }
      });
    }
    case "prometheus": {
      const { readPrometheus } = await import("./prometheus-source-GOHRTFFI.js");
      if (live.prometheusUrl === void 0)
        throw new InputError("--source prometheus needs --prometheus-url URL");
      const token = process.env[live.prometheusTokenEnv];
      return readPrometheus({
        url: live.prometheusUrl,
        ...live.since === void 0 ? {} : { since: live.since },
        ...token === void 0 || token === "" ? {} : { token },
        ...live.prometheusCa === void 0 ? {} : { caFile: path4.resolve(settings.cwd, live.prometheusCa) }
      });
    }
    case "mapper": {
      const { readMapper } = await import("./mapper-source-UG4VGM3D.js");
      return readMapper({
        ...access,
        namespaces: settings.namespaces,
        ...live.mapperUrl === void 0 ? {} : { url: live.mapperUrl }
      });
    }
  }
}
async function declare(settings) {
  if (settings.intents.length === 0) throw new InputError("no intents given: use --intents PATH");
  return loadIntents(settings.intents, { cwd: settings.cwd, workerFromFiles: 200 });
}
function readConfig(settings) {
  return loadDriftConfig({
    cwd: settings.cwd,
    ...settings.configFile === void 0 ? {} : { file: settings.configFile }
  });
}
function scopeOf(settings, config) {
  if (settings.environment === void 0) return settings.namespaces;
  const namespaces = namespacesOfEnvironment(config, settings.environment);
  if (namespaces.length === 0) {
    throw new InputError(`--environment ${settings.environment}: the config maps no namespace to it`);
  }
  return [.../* @__PURE__ */ new Set([...settings.namespaces, ...namespaces])];
}
async function check(settings, onProgress) {
  const config = await readConfig(settings);
  const namespaces = scopeOf(settings, config);
  const baseline = settings.baselineFile === void 0 ? void 0 : await readBaselineFile(settings.cwd, settings.baselineFile);
  const [observed, declared] = await Promise.all([
    observe({ ...settings, namespaces }, onProgress),
    declare(settings)
  ]);
  const controls = driftControls(config, {
    namespaces,
    ...settings.failOnExplicit ? { failOn: settings.failOn } : {},
    ...settings.templates ? {} : { templates: false },
    ...settings.minCount === void 0 ? {} : { minCount: settings.minCount },
    ...baseline === void 0 ? {} : { baseline }
  });
  const result = checkDrift(observed, declared, controls);
  return { observed, declared, config, ...result };
}
function attachWorkloadKinds(map, lookup) {
  const withKind2 = (ref) => {
    if (ref.kind !== void 0) return ref;
    const kind = lookup.kindOf(ref.namespace, ref.name);
    return kind === void 0 ? ref : { ...ref, kind };
  };
  const call = (c) => ({
    ...c,
    client: withKind2(c.client),
    server: withKind2(c.server)
  });
  return {
    ...map,
    calls: map.calls.map(call),
    unattributed: map.unattributed.map(call),
    external: map.external.map(call)
  };
}

// src/report/display-text.ts
var UNSAFE_CHARS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
var NAMED_ESCAPES = { "\n": "\\n", "\r": "\\r", "	": "\\t" };
function showControlChars(text2) {
  return text2.replace(UNSAFE_CHARS, (char) => {
    const named = NAMED_ESCAPES[char];
    if (named !== void 0) return named;
    const code = char.charCodeAt(0);
    return code <= 255 ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
  });
}
function qualifiedName(ref) {
  return `${ref.name}.${ref.namespace}`;
}
function targetName(server, clientNamespace) {
  return server.namespace === clientNamespace ? server.name : qualifiedName(server);
}
function plural(count2, singular, pluralForm = `${singular}s`) {
  return `${count2} ${count2 === 1 ? singular : pluralForm}`;
}
function countLabel(count2, protocol) {
  return protocol === "tcp" ? plural(count2, "connection") : plural(count2, "request");
}

// src/report/drift-extras.ts
function asControlled(drift) {
  return drift;
}
function splitStale(stale) {
  const order = {
    "path-not-called": 0,
    "server-not-called": 1,
    "client-idle": 2
  };
  const sorted = [...stale].sort((a, b) => order[a.reason] - order[b.reason]);
  return {
    stale: sorted.filter((rule) => rule.reason !== "client-idle"),
    notExercised: sorted.filter((rule) => rule.reason === "client-idle")
  };
}
function ignoredByText(entry) {
  const by = entry.ignoredBy;
  return by === void 0 ? void 0 : `${by.file}:${by.line}`;
}
function wideningOf(call) {
  if (call.suggestedPath === void 0 || call.path === null) return void 0;
  return templateWidening(call.path, call.suggestedPath);
}
function coverageSummary(drift) {
  const coverage = asControlled(drift).coverage;
  if (!coverage || coverage.total.declared === 0) return void 0;
  const { exercised, declared, percent } = coverage.total;
  return `coverage ${percent}% (${exercised} of ${plural(declared, "declared rule")} exercised)`;
}
function controlNotes(drift) {
  const { noise, baseline } = asControlled(drift);
  const notes = [];
  if (noise && noise.calls > 0) {
    notes.push(
      `${plural(noise.calls, "missing call")} (${plural(noise.requests, "request")}) seen fewer than ${noise.minCount} times dropped as noise (minCount).`
    );
  }
  if (baseline && (baseline.missing > 0 || baseline.stale > 0 || baseline.resolved > 0)) {
    let note = `Baseline: ${baseline.missing} missing and ${baseline.stale} stale already accepted, not reported.`;
    if (baseline.resolved > 0) {
      note += ` ${plural(baseline.resolved, "baseline entry", "baseline entries")} no longer seen: refresh with --write-baseline.`;
    }
    notes.push(note);
  }
  return notes;
}
function environmentOf(drift, namespace) {
  return asControlled(drift).environments?.[namespace];
}

// src/report/json-report.ts
var JSON_REPORT_VERSION = 1;
function jsonRef(ref) {
  const out = { name: ref.name, namespace: ref.namespace };
  if (ref.kind !== void 0) out.kind = ref.kind;
  return out;
}
function jsonCall(call) {
  const server = jsonRef(call.server);
  if (call.server.service)
    server.service = { name: call.server.service.name, namespace: call.server.service.namespace };
  const out = {
    client: jsonRef(call.client),
    server,
    method: call.method,
    path: call.path,
    count: call.count,
    protocol: call.protocol
  };
  if (call.firstSeen !== void 0) out.firstSeen = call.firstSeen;
  if (call.lastSeen !== void 0) out.lastSeen = call.lastSeen;
  if (call.host !== void 0) out.host = call.host;
  if ("suggestedPath" in call && call.suggestedPath !== void 0) {
    out.suggestedPath = call.suggestedPath;
    const widens = wideningOf(call);
    if (widens !== void 0) out.suggestedPathWidens = widens;
  }
  if ("wouldBeBlocked" in call) out.wouldBeBlocked = call.wouldBeBlocked;
  if ("intentsFile" in call && call.intentsFile !== void 0) {
    out.intentsFile = { file: call.intentsFile.file, line: call.intentsFile.line };
  }
  const ignoredBy = call.ignoredBy;
  if (ignoredBy !== void 0) out.ignoredBy = { file: ignoredBy.file, line: ignoredBy.line };
  return out;
}
function jsonRule(rule) {
  const out = {
    client: jsonRef(rule.client),
    server: jsonRef(rule.server),
    targetType: rule.targetType,
    method: rule.method,
    path: rule.path,
    file: rule.file,
    line: rule.line
  };
  if ("reason" in rule) out.reason = rule.reason;
  if ("why" in rule) out.why = rule.why;
  const ignoredBy = rule.ignoredBy;
  if (ignoredBy !== void 0) out.ignoredBy = { file: ignoredBy.file, line: ignoredBy.line };
  return out;
}
function toJsonReport(drift) {
  const s = drift.summary;
  const report = {
    version: JSON_REPORT_VERSION,
    summary: {
      observed: s.observed,
      declared: s.declared,
      covered: s.covered,
      missing: s.missing,
      stale: s.stale,
      notChecked: s.notChecked,
      ignored: s.ignored,
      drift: s.drift
    },
    missing: drift.missing.map(jsonCall),
    stale: drift.stale.map(jsonRule),
    covered: drift.covered.map(jsonCall),
    notChecked: drift.notChecked.map(jsonRule),
    unattributed: drift.unattributed.map(jsonCall),
    external: drift.external.map(jsonCall),
    ignored: drift.ignored.map(jsonCall),
    warnings: [...drift.warnings]
  };
  const extras = asControlled(drift);
  if (extras.ignoredStale) report.ignoredStale = extras.ignoredStale.map(jsonRule);
  if (extras.coverage) report.coverage = extras.coverage;
  if (extras.noise) report.noise = { ...extras.noise };
  if (extras.baseline) report.baseline = { ...extras.baseline };
  if (extras.environments) report.environments = { ...extras.environments };
  if (extras.failure) report.failure = { ...extras.failure };
  return report;
}
function renderJsonReport(drift) {
  return `${JSON.stringify(toJsonReport(drift), null, 2)}
`;
}

// src/report/markdown-escape.ts
var ZERO_WIDTH_SPACE = "\u200B";
function longestBacktickRun(text2) {
  let longest = 0;
  for (const run of text2.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  return longest;
}
function codeSpan(text2, opts = {}) {
  let content = showControlChars(text2).replaceAll("<!--", `<!-${ZERO_WIDTH_SPACE}-`);
  if (content === "") return "*empty*";
  if (opts.inTable) content = content.replaceAll("|", "\\|");
  const fence = "`".repeat(longestBacktickRun(content) + 1);
  const needsPadding = /^[` ]|[` ]$/.test(content) && content.trim() !== "";
  return needsPadding ? `${fence} ${content} ${fence}` : `${fence}${content}${fence}`;
}
function cellCode(text2) {
  return codeSpan(text2, { inTable: true });
}
function safeLinkUrl(url) {
  if (!/^https?:\/\/[A-Za-z0-9]/i.test(url)) return void 0;
  return url.replace(
    /[^A-Za-z0-9\-._~:/?#@!$&*+,;=%]/gu,
    (char) => char.length === 1 && char.charCodeAt(0) < 128 ? `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}` : encodeURIComponent(char)
  );
}
function linkedCode(text2, url, opts = {}) {
  const code = codeSpan(text2, opts);
  const safe = url === void 0 ? void 0 : safeLinkUrl(url);
  return safe === void 0 ? code : `[${code}](${safe})`;
}
function tableRow(cells) {
  return `| ${cells.join(" | ")} |`;
}

// src/report/markdown-cells.ts
var STALE_REASON = {
  "path-not-called": "method and path never called",
  "server-not-called": "server never called",
  "client-idle": "client made no calls"
};
var NOT_CHECKED_WHY = {
  "not-http": "not visible in Istio HTTP metrics",
  "no-http-detail": "called, but no method/path in the metrics"
};
function header(...titles) {
  return [tableRow(titles), tableRow(titles.map((t) => t === "count" ? "---:" : "---"))];
}
function clientCell(ref) {
  return cellCode(qualifiedName(ref));
}
function serverCell(call) {
  const server = cellCode(qualifiedName(call.server));
  return call.server.service ? `${server} via ${cellCode(qualifiedName(call.server.service))}` : server;
}
function targetCell(rule) {
  const target = cellCode(qualifiedName(rule.server));
  return rule.targetType === "kubernetes" ? target : `${rule.targetType} ${target}`;
}
function valueCell(value, whenNull) {
  return value === null ? `*${whenNull}*` : cellCode(value);
}
function declaredAtCell(rule, fileLink) {
  return linkedCode(`${rule.file}:${rule.line}`, fileLink?.(rule.file, rule.line), { inTable: true });
}
function distinctClients(items) {
  return new Set(items.map((i) => `${i.client.namespace}/${i.client.name}`)).size;
}

// src/report/markdown-control-sections.ts
function ruleCells(rule, fileLink) {
  return [
    clientCell(rule.client),
    targetCell(rule),
    valueCell(rule.method, "any"),
    valueCell(rule.path, "any"),
    declaredAtCell(rule, fileLink)
  ];
}
function coverageSection(drift) {
  const coverage = asControlled(drift).coverage;
  if (!coverage || coverage.total.declared === 0) return void 0;
  const withEnvironment = coverage.clients.some((c) => c.environment !== void 0);
  const titles = [
    "client",
    ...withEnvironment ? ["environment"] : [],
    "exercised",
    "coverage",
    "not exercised"
  ];
  const rows = coverage.clients.filter((c) => c.declared > 0).map((c) => {
    const why = Object.entries(c.stale).filter(([, n]) => n > 0).map(([reason, n]) => `${n} ${reason}`);
    if (c.noDetail > 0) why.push(`${c.noDetail} without HTTP detail`);
    const environment = environmentOf(drift, c.client.namespace);
    return tableRow([
      clientCell(c.client),
      ...withEnvironment ? [environment === void 0 ? "" : cellCode(environment)] : [],
      `${c.exercised} of ${c.declared}`,
      `${c.percent}%`,
      why.join(", ")
    ]);
  });
  const { exercised, declared, percent } = coverage.total;
  return {
    title: `Coverage: ${percent}% of the declared rules exercised (${exercised} of ${declared})`,
    header: header(...titles),
    rows,
    collapsed: true,
    priority: 8
  };
}
function controlSections(drift, fileLink) {
  const { notExercised } = splitStale(drift.stale);
  const ignoredStale = asControlled(drift).ignoredStale ?? [];
  const sections = [
    {
      title: `Not exercised by this run: ${plural(notExercised.length, "rule")} of ${plural(distinctClients(notExercised), "client")}`,
      intro: "These clients made no calls during the run, so their rules are neither confirmed nor stale. Drive them in the traffic step to check them.",
      header: header("client", "target", "method", "path", "declared in", "reason"),
      rows: notExercised.map((rule) => tableRow([...ruleCells(rule, fileLink), "client made no calls"])),
      collapsed: true,
      priority: 3
    },
    {
      title: `Stale rules ignored by the config: ${plural(ignoredStale.length, "rule")}`,
      header: header("client", "target", "method", "path", "declared in", "ignored by"),
      rows: ignoredStale.map(
        (rule) => tableRow([...ruleCells(rule, fileLink), cellCode(ignoredByText(rule) ?? "-")])
      ),
      collapsed: true,
      priority: 4
    }
  ];
  const coverage = coverageSection(drift);
  if (coverage) sections.push(coverage);
  return sections;
}

// src/report/markdown-sections.ts
function missingRow(call, fileLink) {
  const path5 = valueCell(call.path, "unknown");
  return tableRow([
    clientCell(call.client),
    serverCell(call),
    valueCell(call.method, "unknown"),
    call.suggestedPath ? `${path5} \u2192 ${cellCode(call.suggestedPath)}` : path5,
    String(call.count),
    call.wouldBeBlocked ? "**blocked**" : "open (server has no intents)",
    call.intentsFile ? declaredAtCell(call.intentsFile, fileLink) : "a new ClientIntents"
  ]);
}
function callRow(call) {
  return tableRow([
    clientCell(call.client),
    serverCell(call),
    valueCell(call.method, "unknown"),
    valueCell(call.path, "unknown"),
    String(call.count)
  ]);
}
function ruleRow(rule, fileLink, why) {
  return tableRow([
    clientCell(rule.client),
    targetCell(rule),
    valueCell(rule.method, "any"),
    valueCell(rule.path, "any"),
    declaredAtCell(rule, fileLink),
    why
  ]);
}
var TEMPLATE_NOTE = "A path shown as `path \u2192 template` suggests an Istio template: `{*}` allows any one segment there and `{**}` any rest of the path, not only the values seen.";
function ignoredRow(call, withRule) {
  const cells = [
    clientCell(call.client),
    serverCell(call),
    valueCell(call.method, "unknown"),
    valueCell(call.path, "unknown"),
    String(call.count)
  ];
  if (withRule) cells.push(cellCode(ignoredByText(call) ?? "-"));
  return tableRow(cells);
}
function buildSections(drift, fileLink) {
  const { stale } = splitStale(drift.stale);
  const ignoredWithRule = drift.ignored.some((call) => ignoredByText(call) !== void 0);
  const templated = drift.missing.some((call) => call.suggestedPath !== void 0);
  const sections = [
    {
      title: `Missing intents: ${plural(drift.missing.length, "call")} of ${plural(distinctClients(drift.missing), "client")}`,
      intro: `Observed, but no declared intent allows it. **Blocked**: the server already has intents, so Istio would reject the call once they are enforced.${templated ? ` ${TEMPLATE_NOTE}` : ""}`,
      header: header("client", "server", "method", "path", "count", "once enforced", "declare in"),
      rows: drift.missing.map((call) => missingRow(call, fileLink)),
      collapsed: false,
      priority: 0
    },
    {
      title: `Stale intents: ${plural(stale.length, "rule")} of ${plural(distinctClients(stale), "client")}`,
      intro: "Declared, but no observed call used it.",
      header: header("client", "target", "method", "path", "declared in", "reason"),
      rows: stale.map((rule) => ruleRow(rule, fileLink, STALE_REASON[rule.reason])),
      collapsed: false,
      priority: 1
    },
    ...controlSections(drift, fileLink),
    {
      title: `Covered: ${plural(drift.covered.length, "call")}`,
      header: header("client", "server", "method", "path", "count"),
      rows: drift.covered.map(callRow),
      collapsed: true,
      priority: 7
    },
    {
      title: `Not checked: ${plural(drift.notChecked.length, "rule")}`,
      header: header("client", "target", "method", "path", "declared in", "why"),
      rows: drift.notChecked.map((rule) => ruleRow(rule, fileLink, NOT_CHECKED_WHY[rule.why])),
      collapsed: true,
      priority: 3
    },
    {
      title: `Ignored by the config: ${plural(drift.ignored.length, "call")}`,
      header: ignoredWithRule ? header("client", "server", "method", "path", "count", "ignored by") : header("client", "server", "method", "path", "count"),
      rows: drift.ignored.map((call) => ignoredRow(call, ignoredWithRule)),
      collapsed: true,
      priority: 4
    },
    {
      title: `Unattributed (callers outside the mesh): ${plural(drift.unattributed.length, "call")}`,
      header: header("server", "method", "path", "count"),
      rows: drift.unattributed.map(
        (call) => tableRow([
          serverCell(call),
          valueCell(call.method, "unknown"),
          valueCell(call.path, "unknown"),
          String(call.count)
        ])
      ),
      collapsed: true,
      priority: 5
    },
    {
      title: `External destinations: ${plural(drift.external.length, "call")}`,
      header: header("client", "destination", "count"),
      rows: drift.external.map(
        (call) => tableRow([
          clientCell(call.client),
          cellCode(call.host ?? qualifiedName(call.server.service ?? call.server)),
          String(call.count)
        ])
      ),
      collapsed: true,
      priority: 6
    },
    {
      title: "Warnings",
      rows: drift.warnings.map((warning) => `- ${codeSpan(warning)}`),
      collapsed: false,
      priority: 2
    }
  ];
  return sections.filter((section) => section.rows.length > 0);
}

// src/report/markdown-report.ts
var COMMENT_MARKER = "<!-- intent-drift -->";
var DEFAULT_MAX_LENGTH = 65e3;
function verdict(drift) {
  const s = drift.summary;
  const { stale, notExercised } = splitStale(drift.stale);
  const ignored = s.ignored + (asControlled(drift).ignoredStale?.length ?? 0);
  let headline = "### \u2705 intent-drift: no drift";
  if (s.missing > 0 || stale.length > 0) {
    headline = `### \u274C intent-drift: ${s.missing} missing, ${stale.length} stale`;
  } else if (asControlled(drift).failure?.exitCode === 1) {
    headline = `### \u274C intent-drift: ${notExercised.length} not exercised`;
  } else if (notExercised.length > 0) {
    headline = "### \u2705 intent-drift: no drift in what the run exercised";
  }
  const counts = [`${s.covered} covered`];
  if (s.notChecked > 0) counts.push(`${s.notChecked} not checked`);
  if (ignored > 0) counts.push(`${ignored} ignored`);
  if (notExercised.length > 0) counts.push(`${notExercised.length} not exercised`);
  counts.push(`${plural(s.observed, "call")} observed`, `${plural(s.declared, "rule")} declared`);
  const coverage = coverageSummary(drift);
  if (coverage !== void 0) counts.push(coverage);
  const notes = controlNotes(drift).flatMap((note, i) => i === 0 ? [`> ${note}`] : ["", `> ${note}`]);
  return [headline, "", counts.join(" \xB7 "), ...notes.length > 0 ? ["", ...notes] : []];
}
function renderSection(section, kept) {
  const body = [];
  if (section.intro) body.push(section.intro, "");
  if (kept > 0) body.push(...section.header ?? [], ...section.rows.slice(0, kept));
  const left = section.rows.length - kept;
  if (left > 0) body.push(...kept > 0 ? [""] : [], `*\u2026 and ${left} more not shown here.*`);
  if (section.collapsed) {
    return ["", `<details><summary>${section.title}</summary>`, "", ...body, "", "</details>"];
  }
  return ["", `#### ${section.title}`, "", ...body];
}
function renderDocument(drift, sections, kept) {
  const lines = [COMMENT_MARKER, ...verdict(drift)];
  const left = sections.reduce((sum, section, i) => sum + section.rows.length - (kept[i] ?? 0), 0);
  if (left > 0) {
    lines.push(
      "",
      `> **Cut to fit a GitHub comment:** ${plural(left, "row")} left out. The full report is in the job summary and in the JSON report.`
    );
  }
  sections.forEach((section, i) => {
    lines.push(...renderSection(section, kept[i] ?? 0));
  });
  return `${lines.join("\n")}
`;
}
function allocateRows(sections, budget) {
  const kept = sections.map(() => 0);
  let left = budget;
  const byPriority = sections.map((section, i) => ({ section, i })).sort((a, b) => a.section.priority - b.section.priority);
  for (const { section, i } of byPriority) {
    let used = (section.header ?? []).reduce((sum, line) => sum + line.length + 1, 0);
    let rows = 0;
    for (const row of section.rows) {
      if (used + row.length + 1 > left) break;
      used += row.length + 1;
      rows++;
    }
    if (rows > 0) {
      kept[i] = rows;
      left -= used;
    }
  }
  return kept;
}
function renderMarkdownReport(drift, opts = {}) {
  const maxLength = opts.maxLength ?? DEFAULT_MAX_LENGTH;
  const sections = buildSections(drift, opts.fileLink);
  const full = renderDocument(
    drift,
    sections,
    sections.map((s) => s.rows.length)
  );
  if (full.length <= maxLength) return full;
  const frame = renderDocument(
    drift,
    sections,
    sections.map(() => 0)
  ).length;
  const kept = allocateRows(sections, maxLength - frame - 64);
  let text2 = renderDocument(drift, sections, kept);
  const byLeastImportant = sections.map((s, i) => ({ s, i })).sort((a, b) => b.s.priority - a.s.priority);
  while (text2.length > maxLength) {
    const victim = byLeastImportant.find(({ i }) => (kept[i] ?? 0) > 0);
    if (!victim) break;
    kept[victim.i] = (kept[victim.i] ?? 0) - 1;
    text2 = renderDocument(drift, sections, kept);
  }
  return text2;
}

// src/declare/build-client-intents.ts
function buildClientIntents(calls, opts = {}) {
  const warnings = /* @__PURE__ */ new Set();
  const clients = /* @__PURE__ */ new Map();
  for (const call of calls) {
    const clientKey = `${call.client.namespace}/${call.client.name}`;
    let entry = clients.get(clientKey);
    if (!entry) {
      entry = { client: { ...call.client }, targets: /* @__PURE__ */ new Map() };
      clients.set(clientKey, entry);
    }
    if (!entry.client.kind && call.client.kind) entry.client.kind = call.client.kind;
    const target = targetOf(call, opts.asService === true, warnings);
    const targetKey = `${target.type} ${target.name} ${target.kind ?? ""}`;
    let draft = entry.targets.get(targetKey);
    if (!draft) {
      draft = { target, methodsByPath: /* @__PURE__ */ new Map(), allowAll: false };
      entry.targets.set(targetKey, draft);
    }
    addCall(draft, call, opts.pathOf ? opts.pathOf(call) : call.path, warnings);
  }
  const intents = [...clients.values()].sort((a, b) => compare(a.client.namespace, b.client.namespace) || compare(a.client.name, b.client.name)).map(({ client, targets }) => ({
    client,
    targets: [...targets.values()].map(finishTarget).sort((a, b) => compare(a.name, b.name) || compare(a.type, b.type))
  }));
  return { intents, warnings: [...warnings] };
}
function targetOf(call, asService, warnings) {
  const { client, server } = call;
  const qualified = (name2, namespace) => namespace === client.namespace ? name2 : `${name2}.${namespace}`;
  if (asService) {
    if (server.service)
      return { type: "service", name: qualified(server.service.name, server.service.namespace) };
    warnings.add(`no Service known for ${server.namespace}/${server.name}: written as a kubernetes target`);
  }
  const name = qualified(server.name, server.namespace);
  return server.kind ? { type: "kubernetes", name, kind: server.kind } : { type: "kubernetes", name };
}
function addCall(draft, call, path5, warnings) {
  if (call.method !== null && path5 !== null && !INTENT_METHODS.includes(call.method)) {
    warnings.add(
      `${call.client.name} -> ${draft.target.name}: method ${call.method} cannot be declared; the target allows every method`
    );
    draft.allowAll = true;
    return;
  }
  if (call.method === null || path5 === null) {
    draft.allowAll = true;
    return;
  }
  let methods = draft.methodsByPath.get(path5);
  if (!methods) {
    methods = /* @__PURE__ */ new Set();
    draft.methodsByPath.set(path5, methods);
  }
  methods.add(call.method);
}
function finishTarget(draft) {
  const http = draft.allowAll ? null : [...draft.methodsByPath].sort(([a], [b]) => compare(a, b)).map(([path5, methods]) => ({ path: path5, methods: [...methods].sort(compare) }));
  return { ...draft.target, http };
}
function compare(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

// src/declare/export-intents.ts
var import_yaml = __toESM(require_dist(), 1);
var DEFAULT_EXPORT_API_VERSION = `${INTENTS_GROUP}/v2beta1`;
function resolveExportApiVersion(choice = DEFAULT_EXPORT_API_VERSION) {
  const shorthand = { v1: "v1alpha3", v2: "v2beta1" };
  const bare = choice.startsWith(`${INTENTS_GROUP}/`) ? choice.slice(INTENTS_GROUP.length + 1) : choice;
  const version = shorthand[bare] ?? bare;
  if (!INTENTS_VERSIONS.includes(version)) {
    throw new InputError(
      `unknown ClientIntents API version "${choice}" (known: ${INTENTS_VERSIONS.join(", ")})`
    );
  }
  return `${INTENTS_GROUP}/${version}`;
}
function clientIntentsManifest(intents, apiVersion) {
  const { client, targets } = intents;
  const version = apiVersion.slice(INTENTS_GROUP.length + 1);
  const spec = version.startsWith("v2") ? { workload: withKind({ name: client.name }, client.kind), targets: targets.map(v2Target) } : {
    service: withKind({ name: client.name }, version === "v1alpha2" ? void 0 : client.kind),
    calls: targets.map((t) => v1Call(t, version))
  };
  return {
    apiVersion,
    kind: "ClientIntents",
    metadata: { name: client.name, namespace: client.namespace },
    spec
  };
}
function withKind(base, kind) {
  return kind ? { ...base, kind } : base;
}
function v2Target(target) {
  const body = target.type === "kubernetes" ? withKind({ name: target.name }, target.kind) : { name: target.name };
  if (target.http) body.http = target.http.map((rule) => ({ path: rule.path, methods: rule.methods }));
  return { [target.type]: body };
}
function v1Call(target, version) {
  const isService = target.type === "service";
  const call = { name: isService ? `svc:${target.name}` : target.name };
  if (!isService && version !== "v1alpha2" && target.kind) call.kind = target.kind;
  if (target.http) {
    call.type = "http";
    call[version === "v1alpha2" ? "resources" : "HTTPResources"] = target.http.map((rule) => ({
      path: rule.path,
      methods: rule.methods
    }));
  }
  return call;
}
function toYamlDocuments(manifests) {
  return manifests.map((m) => (0, import_yaml.stringify)(m, { indent: 2, lineWidth: 0, minContentWidth: 0 })).join("---\n");
}
function toJsonArray(manifests) {
  const objects = manifests.map(({ apiVersion, kind, metadata, spec }) => ({
    kind,
    apiVersion,
    metadata: { ...metadata, creationTimestamp: null },
    spec,
    status: { upToDate: false, observedGeneration: 0 }
  }));
  return `${JSON.stringify(objects, null, 2)}
`;
}
function renderIntentsFile(intents, opts = {}) {
  const apiVersion = resolveExportApiVersion(opts.apiVersion);
  const manifests = intents.map((i) => clientIntentsManifest(i, apiVersion));
  return opts.format === "json" ? toJsonArray(manifests) : toYamlDocuments(manifests);
}
function renderIntentsDir(intents, opts = {}) {
  const extension = opts.format === "json" ? "json" : "yaml";
  const files = {};
  for (const one of intents) {
    files[`${one.client.name}.${one.client.namespace}.${extension}`] = renderIntentsFile([one], opts);
  }
  return files;
}

export {
  SOURCES,
  FAIL_ON2 as FAIL_ON,
  REPORT_FORMATS,
  API_VERSIONS,
  defaultSettings,
  refKey,
  writeBaselineFile,
  readWorkloadManifests,
  buildPathTemplater,
  demoSettings,
  observe,
  declare,
  readConfig,
  check,
  showControlChars,
  qualifiedName,
  targetName,
  plural,
  countLabel,
  asControlled,
  splitStale,
  ignoredByText,
  wideningOf,
  coverageSummary,
  controlNotes,
  environmentOf,
  toJsonReport,
  renderJsonReport,
  cellCode,
  tableRow,
  COMMENT_MARKER,
  renderMarkdownReport,
  buildClientIntents,
  DEFAULT_EXPORT_API_VERSION,
  clientIntentsManifest,
  toYamlDocuments,
  renderIntentsFile,
  renderIntentsDir
};
