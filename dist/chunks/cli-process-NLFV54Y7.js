import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  API_VERSIONS,
  EDGE_STYLES,
  EXPORT_FORMATS,
  FAIL_ON,
  INTENT_METHODS,
  ISTIO_CLIENT_LABEL,
  LIST_FORMATS,
  MAX_YAML_BYTES,
  MISSING_MEANS,
  NODE_STYLES,
  NOT_CHECKED_MEANS,
  NOT_EXERCISED_MEANS,
  NO_HTTP_DETAIL,
  PATCH_OVER_ROOM,
  PATCH_TOO_LONG,
  REPORT_FORMATS,
  SERVICE_LABEL,
  SOURCES,
  STALE_MEANS,
  STALE_REASON_MEANS,
  asControlled,
  assertDistinctOutputFiles,
  buildClientIntents,
  buildPathTemplater,
  check,
  controlNotes,
  countLabel,
  coverageSummary,
  declare,
  defaultSettings,
  environmentOf,
  escapeHtml,
  fail,
  formattedIdentityWithKind,
  graphOfDrift,
  graphOfMap,
  hasUsableFont,
  ignoredByText,
  jsonCall,
  namespaceList,
  observeInScope,
  observedParts,
  onlyDrift,
  parseYamlDocuments,
  patchLowerBound,
  patchRoom,
  patchWithinRoom,
  pictureText,
  planIntentsEdit,
  plural,
  policyName,
  qualifiedName,
  readConfig,
  readWorkloadManifests,
  recheck,
  refKey,
  renderCiReport,
  renderComment,
  renderGraphDot,
  renderIntentsDir,
  renderIntentsFile,
  renderJsonReportChunks,
  renderPng,
  renderSvg,
  requireKubeClientNode,
  sarifOutsideWarning,
  splitStale,
  targetIdentity,
  targetName,
  validatePathPattern,
  wideningOf,
  workloadSelector,
  writeBaselineFile,
  yamlDocumentText
} from "./chunk-24NJ4UY3.js";
import {
  leavesDirectory,
  openInRepository,
  repositoryLinkGuard,
  repositoryRoot,
  writeFileInRepository,
  writeFileInside
} from "./chunk-IKDDHJP5.js";
import "./chunk-PZ32DOGX.js";
import "./chunk-6JVBI76T.js";
import "./chunk-AUXK2ZCI.js";
import "./chunk-MTBUG5EW.js";
import "./chunk-ECHFJ74Z.js";
import "./chunk-A4XXKKLU.js";
import {
  HOW_TO_OBSERVE,
  findKubeconfig
} from "./chunk-7NJKBT2O.js";
import "./chunk-55OXYYT6.js";
import "./chunk-FEXBMIR2.js";
import "./chunk-VEPUTHKX.js";
import {
  InputError,
  VERSION,
  internalError,
  isDnsLabel,
  isInputError,
  jsonWithEscapes,
  safeLine,
  showControlChars
} from "./chunk-3OLJVOZR.js";
import "./chunk-HANBNIMK.js";

// src/cli/main.ts
import { mkdir as mkdir2 } from "node:fs/promises";
import path5 from "node:path";

// src/demo-settings.ts
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
function demoDirectory() {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (; ; ) {
    const candidate = path.join(dir, "fixtures", "demo");
    if (existsSync(path.join(candidate, "workloads.yaml"))) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir)
      throw new InputError("the embedded demo (fixtures/demo) is not part of this installation");
    dir = parent;
  }
}
function demoSettings(base) {
  const dir = demoDirectory();
  const root = path.resolve(dir, "..", "..");
  const rel = (p) => path.relative(root, path.join(dir, p));
  const users = (p) => p === void 0 ? void 0 : path.resolve(base.cwd, p);
  return {
    ...base,
    cwd: root,
    source: "metrics",
    intents: [rel("intents")],
    metrics: [rel("capture")],
    snapshots: [],
    workloads: [rel("workloads.yaml")],
    reportFile: users(base.reportFile),
    sarifFile: users(base.sarifFile),
    junitFile: users(base.junitFile),
    writeBaselineFile: users(base.writeBaselineFile),
    baselineFile: users(base.baselineFile),
    configFile: users(base.configFile),
    // The demo is not the user's repository: its config is only the one given with --config.
    findConfig: false
  };
}

// src/report/list-report.ts
function byNameThenNamespace(a, b) {
  const left = `${a.name}\0${a.namespace}`;
  const right = `${b.name}\0${b.namespace}`;
  return left < right ? -1 : left > right ? 1 : 0;
}
function codeUnitOrder(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
function collect(calls, namespaces) {
  const clients = /* @__PURE__ */ new Map();
  for (const call of calls) {
    if (namespaces && !namespaces.has(call.client.namespace)) continue;
    const clientKey = `${call.client.namespace}/${call.client.name}`;
    let client = clients.get(clientKey);
    if (!client) {
      client = { name: call.client.name, namespace: call.client.namespace, servers: /* @__PURE__ */ new Map() };
      clients.set(clientKey, client);
    }
    const serverKey = `${call.server.namespace}/${call.server.name}`;
    let server = client.servers.get(serverKey);
    if (!server) {
      server = { name: call.server.name, namespace: call.server.namespace, paths: /* @__PURE__ */ new Map() };
      client.servers.set(serverKey, server);
    }
    if (call.path === null) continue;
    let methods = server.paths.get(call.path);
    if (!methods) {
      methods = /* @__PURE__ */ new Set();
      server.paths.set(call.path, methods);
    }
    if (call.method !== null) methods.add(call.method);
  }
  return [...clients.values()].sort(byNameThenNamespace);
}
function renderList(source, opts = {}) {
  const calls = Array.isArray(source) ? source : source.calls;
  const namespaces = opts.namespaces && opts.namespaces.length > 0 ? new Set(opts.namespaces) : null;
  const show2 = showControlChars;
  const lines = [];
  for (const client of collect(calls, namespaces)) {
    lines.push(`${show2(client.name)} in namespace ${show2(client.namespace)} calls:`);
    for (const server of [...client.servers.values()].sort(byNameThenNamespace)) {
      lines.push(`  - ${show2(server.name)} in namespace ${show2(server.namespace)}`);
      for (const path6 of [...server.paths.keys()].sort(codeUnitOrder)) {
        const methods = [...server.paths.get(path6) ?? []].sort(codeUnitOrder);
        lines.push(`    - path ${show2(path6)}, methods: [${methods.map(show2).join(",")}]`);
      }
    }
  }
  return lines.length === 0 ? "" : `${lines.join("\n")}
`;
}
function listData(map, opts = {}) {
  const namespaces = opts.namespaces && opts.namespaces.length > 0 ? new Set(opts.namespaces) : null;
  const inScope = (ns) => namespaces === null || namespaces.has(ns);
  return {
    version: 1,
    calls: map.calls.filter((c) => inScope(c.client.namespace)).map(jsonCall),
    unattributed: map.unattributed.filter((c) => inScope(c.server.namespace)).map(jsonCall),
    external: map.external.filter((c) => inScope(c.client.namespace)).map(jsonCall),
    warnings: [...map.warnings]
  };
}
function renderListJson(map, opts = {}) {
  return `${jsonWithEscapes(JSON.stringify(listData(map, opts), null, 2))}
`;
}

// src/cli/flag-spec.ts
var FLAG_GROUPS = [
  { group: "observed", title: "Where the observed calls come from" },
  { group: "intents", title: "Declared intents and scope" },
  { group: "verdict", title: "Verdict and drift controls" },
  { group: "output", title: "Output" },
  { group: "general", title: "General" }
];
function flagSignature(flag) {
  const long = `--${flag.name}${flag.value === void 0 ? "" : ` ${flag.value}`}`;
  return flag.short === void 0 ? long : `-${flag.short}, ${long}`;
}
function flagHelp(flag, command) {
  const own = command === void 0 ? void 0 : flag.helpFor?.[command];
  return own ?? flag.help;
}
function oneOf(flag, value, allowed) {
  if (allowed.includes(value)) return value;
  throw new InputError(`--${flag} must be one of ${allowed.join(", ")} (got '${value}')`);
}
function wholeNumber(flag, value, min, max = Number.MAX_SAFE_INTEGER) {
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < min || n > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `of ${min} or more` : `from ${min} to ${max}`;
    throw new InputError(`--${flag} must be a whole number ${range} (got '${value}')`);
  }
  return n;
}
function filePath(flag, value, stdin = false) {
  if (value === "-" && !stdin) {
    throw new InputError(`--${flag} does not read stdin: give a file name instead of '-'`);
  }
  if (value === "") throw new InputError(`--${flag} needs a non-empty value`);
  return value;
}

// src/cli/flags-observed.ts
var OBSERVING = ["check", "list", "export", "visualize", "capture"];
var READING_FILES = ["check", "list", "export", "visualize"];
var OBSERVED_FLAGS = [
  {
    name: "source",
    value: "S",
    kind: "string",
    group: "observed",
    commands: OBSERVING,
    help: "metrics, snapshot, sidecars, prometheus or mapper; default: what the flags below name, else sidecars when a kubeconfig is found",
    apply: (s, v) => {
      s.source = oneOf("source", v, SOURCES);
    }
  },
  {
    name: "metrics",
    value: "PATH",
    kind: "list",
    group: "observed",
    commands: READING_FILES,
    sources: ["metrics"],
    help: "sidecar metrics (Prometheus text or Envoy JSON stats): a file, a folder, or '-' for stdin; repeatable",
    apply: (s, v) => {
      s.metrics = v.map((p) => filePath("metrics", p, true));
    }
  },
  {
    name: "snapshot",
    value: "FILE",
    kind: "list",
    group: "observed",
    commands: READING_FILES,
    sources: ["snapshot"],
    help: "a file written by capture, or '-' for stdin; repeatable, merged",
    apply: (s, v) => {
      s.snapshots = v.map((p) => filePath("snapshot", p, true));
    }
  },
  {
    name: "kubeconfig",
    value: "FILE",
    kind: "string",
    group: "observed",
    commands: [...OBSERVING, "reset"],
    sources: ["sidecars", "mapper"],
    help: "the cluster to read (default $KUBECONFIG, ~/.kube/config, or the in-cluster account)",
    apply: (s, v) => {
      s.live.kubeconfig = filePath("kubeconfig", v);
    }
  },
  {
    name: "context",
    value: "NAME",
    kind: "string",
    group: "observed",
    commands: [...OBSERVING, "reset"],
    sources: ["sidecars", "mapper"],
    help: "the kubeconfig context",
    apply: (s, v) => {
      s.live.context = v;
    }
  },
  {
    name: "window",
    value: "DURATION",
    kind: "string",
    group: "observed",
    commands: OBSERVING,
    sources: ["sidecars"],
    help: "read the sidecars twice this far apart and keep only what grew in between (60s)",
    apply: (s, v) => {
      s.live.window = v;
    }
  },
  {
    name: "concurrency",
    value: "N",
    kind: "string",
    group: "observed",
    commands: OBSERVING,
    sources: ["sidecars"],
    help: "pods read at once (1 to 256, default 16)",
    apply: (s, v) => {
      s.live.concurrency = wholeNumber("concurrency", v, 1, 256);
    }
  },
  {
    name: "pod-timeout",
    value: "DURATION",
    kind: "string",
    group: "observed",
    commands: OBSERVING,
    sources: ["sidecars"],
    help: "per-pod timeout (default 10s)",
    apply: (s, v) => {
      s.live.podTimeout = v;
    }
  },
  {
    name: "prometheus-url",
    value: "URL",
    kind: "string",
    group: "observed",
    commands: OBSERVING,
    sources: ["prometheus"],
    help: "Prometheus' base URL, http or https",
    apply: (s, v) => {
      s.live.prometheusUrl = v;
    }
  },
  {
    name: "prometheus-token-env",
    value: "NAME",
    kind: "string",
    group: "observed",
    commands: OBSERVING,
    sources: ["prometheus"],
    help: "the environment variable holding a bearer token (default PROMETHEUS_TOKEN)",
    apply: (s, v) => {
      s.live.prometheusTokenEnv = v;
    }
  },
  {
    name: "prometheus-ca",
    value: "FILE",
    kind: "string",
    group: "observed",
    commands: OBSERVING,
    sources: ["prometheus"],
    help: "a CA bundle for https",
    apply: (s, v) => {
      s.live.prometheusCa = filePath("prometheus-ca", v);
    }
  },
  {
    name: "prometheus-timeout",
    value: "DURATION",
    kind: "string",
    group: "observed",
    commands: OBSERVING,
    sources: ["prometheus"],
    help: "per query, its answer read included (default 30s, at most 1h)",
    apply: (s, v) => {
      s.live.prometheusTimeout = v;
    }
  },
  {
    name: "since",
    value: "WHEN",
    kind: "string",
    group: "observed",
    commands: OBSERVING,
    sources: ["prometheus", "snapshot"],
    help: "the range read (15m, 2h) or an RFC 3339 time; for a snapshot, the calls last seen since then",
    apply: (s, v) => {
      s.live.since = v;
    }
  },
  {
    name: "mapper-url",
    value: "URL",
    kind: "string",
    group: "observed",
    commands: [...OBSERVING, "reset"],
    sources: ["mapper"],
    help: "the network mapper's GraphQL endpoint (else the API server's service proxy)",
    apply: (s, v) => {
      s.live.mapperUrl = v;
    }
  },
  {
    name: "mapper-token-env",
    value: "NAME",
    kind: "string",
    group: "observed",
    commands: [...OBSERVING, "reset"],
    sources: ["mapper"],
    requires: { flag: "mapper-url" },
    help: "the environment variable holding a bearer token for --mapper-url, for an auth proxy in front of the mapper (default MAPPER_TOKEN; the service proxy uses the kubeconfig)",
    apply: (s, v) => {
      s.live.mapperTokenEnv = v;
    }
  },
  {
    name: "workloads",
    value: "PATH",
    kind: "list",
    group: "observed",
    commands: [...OBSERVING, "policies"],
    help: "Kubernetes manifests: the workload kinds and service accounts the sources do not tell; repeatable",
    apply: (s, v) => {
      s.workloads = v.map((p) => filePath("workloads", p));
    }
  }
];

// src/cli/flags-intents.ts
var CHECKING = ["check", "demo", "visualize"];
var INTENTS_FLAGS = [
  {
    name: "intents",
    value: "PATH",
    kind: "list",
    group: "intents",
    commands: ["check", "visualize", "policies"],
    help: "ClientIntents, YAML or JSON: a file, a folder (recursive; its *.yaml, *.yml and *.json, extensions in lower case as kubectl reads a folder) or a glob; repeatable",
    apply: (s, v) => {
      s.intents = v.map((p) => filePath("intents", p));
    }
  },
  {
    name: "default-namespace",
    value: "NS",
    kind: "string",
    group: "intents",
    commands: ["check", "visualize", "policies"],
    requires: { flag: "intents", on: ["visualize"] },
    help: "the namespace of ClientIntents without metadata.namespace (as kubectl apply -n NS); default: the -n namespace when exactly one is given, else such ClientIntents are an error",
    apply: (s, v) => {
      if (!isDnsLabel(v)) {
        throw new InputError(`--default-namespace must be a Kubernetes namespace name (got '${v}')`);
      }
      s.defaultNamespace = v;
    }
  },
  {
    name: "namespace",
    short: "n",
    value: "NS",
    kind: "list",
    group: "intents",
    commands: [...OBSERVING, "policies", "demo"],
    help: "only clients in these namespaces; repeatable, and comma lists (-n shop,web); a namespace with nothing observed and nothing declared is an error",
    apply: (s, v) => {
      s.namespaces = namespaceList(v, "--namespace");
    }
  },
  {
    name: "environment",
    value: "NAME",
    kind: "string",
    group: "intents",
    commands: CHECKING,
    requires: { flag: "intents", on: ["visualize"] },
    help: "only the namespaces the config's environments map to this name; one with nothing observed and nothing declared is an error",
    apply: (s, v) => {
      s.environment = v;
    }
  }
];

// src/cli/flags-output.ts
var OUTPUT_FLAGS = [
  {
    name: "format",
    value: "FMT",
    kind: "string",
    group: "output",
    commands: ["check", "demo", "list", "export"],
    help: "text (default), markdown (the pull-request comment), json (docs/report.schema.json), sarif (SARIF 2.1.0 for code scanning) or junit (JUnit XML for CI test reports)",
    helpFor: { list: "text (default), json or yaml", export: "yaml (default) or json" },
    apply: (s, v, { command }) => {
      if (command === "export") s.export.format = oneOf("format", v, EXPORT_FORMATS);
      else if (command === "list") s.listFormat = oneOf("format", v, LIST_FORMATS);
      else s.format = oneOf("format", v, REPORT_FORMATS);
    }
  },
  {
    name: "report",
    value: "FILE",
    kind: "string",
    group: "output",
    commands: ["check", "demo"],
    help: "also write the JSON report to this file",
    apply: (s, v) => {
      s.reportFile = filePath("report", v);
    }
  },
  {
    name: "sarif",
    value: "FILE",
    kind: "string",
    group: "output",
    commands: ["check", "demo"],
    help: "also write SARIF 2.1.0 for GitHub code scanning (paths from the repository root)",
    apply: (s, v) => {
      s.sarifFile = filePath("sarif", v);
    }
  },
  {
    name: "junit",
    value: "FILE",
    kind: "string",
    group: "output",
    commands: ["check", "demo"],
    help: "also write JUnit XML for CI test reports (GitLab, Jenkins)",
    apply: (s, v) => {
      s.junitFile = filePath("junit", v);
    }
  },
  {
    name: "output",
    short: "o",
    value: "PATH",
    kind: "string",
    group: "output",
    commands: ["export", "visualize", "policies", "capture"],
    help: "where the output goes",
    helpFor: {
      export: "a file, or a folder with --output-type dir (default: stdout)",
      visualize: "the picture: .svg or .png (Graphviz), or .html (an interactive page: filters, search, details); required",
      policies: "a file (default: stdout)",
      capture: "the snapshot file (required)"
    },
    apply: (s, v) => {
      s.output = filePath("output", v);
    }
  },
  {
    name: "output-type",
    value: "TYPE",
    kind: "string",
    group: "output",
    commands: ["export"],
    help: "single-file (default) or dir (one <workload>.<namespace>.yaml per client; needs -o)",
    apply: (s, v) => {
      s.export.outputType = oneOf("output-type", v, ["single-file", "dir"]);
    }
  },
  {
    name: "api-version",
    value: "V",
    kind: "string",
    group: "output",
    commands: ["export"],
    help: "k8s.otterize.com/v2beta1 (default), v2alpha1, v1beta1, v1alpha3 or v1alpha2",
    apply: (s, v) => {
      const full = v.includes("/") ? v : `k8s.otterize.com/${v}`;
      s.export.apiVersion = oneOf("api-version", full, API_VERSIONS);
    }
  },
  {
    name: "as-service",
    kind: "boolean",
    group: "output",
    commands: ["export"],
    help: "targets name the Kubernetes Service the caller used, not the workload",
    apply: (s) => {
      s.export.asService = true;
    }
  },
  {
    name: "only-drift",
    kind: "boolean",
    group: "output",
    commands: ["visualize"],
    requires: { flag: "intents" },
    help: 'draw only missing and stale calls and rules (.svg, .png); the .html page starts with its "drift only" filter on',
    apply: (s) => {
      s.visualize.onlyDrift = true;
    }
  },
  {
    name: "color",
    kind: "boolean",
    group: "output",
    commands: ["check", "demo"],
    help: "colour the text report (default: when stdout is a terminal; NO_COLOR and FORCE_COLOR are honoured)",
    apply: (s) => {
      s.color = true;
    }
  },
  {
    name: "no-color",
    kind: "boolean",
    group: "output",
    commands: ["check", "demo"],
    help: "never colour the text report",
    apply: (s) => {
      s.color = false;
    }
  }
];
var GENERAL_FLAGS = [
  {
    name: "help",
    short: "h",
    kind: "boolean",
    group: "general",
    commands: ["check", "list", "export", "visualize", "policies", "capture", "reset", "demo"],
    help: "print the help of the command (or, without one, the commands and every flag)",
    apply: () => {
    }
  },
  {
    name: "version",
    kind: "boolean",
    group: "general",
    commands: ["check", "list", "export", "visualize", "policies", "capture", "reset", "demo"],
    help: "print the version",
    apply: () => {
    }
  }
];

// src/cli/flags-verdict.ts
var VERDICT_FLAGS = [
  {
    name: "fail-on",
    value: "WHAT",
    kind: "string",
    group: "verdict",
    commands: CHECKING,
    requires: { flag: "intents", on: ["visualize"] },
    help: "missing, stale, any or none: what exits 1 (default: the config's failOn, else missing)",
    helpFor: {
      visualize: "missing, stale, any or none: exit 1 on that drift (default: exit 0 once the picture is written)"
    },
    apply: (s, v) => {
      s.failOn = oneOf("fail-on", v, FAIL_ON);
      s.failOnExplicit = true;
    }
  },
  {
    name: "allow-empty",
    kind: "boolean",
    group: "verdict",
    commands: OBSERVING,
    help: "nothing observed in scope (or only calls from outside the mesh, or no call with a method or path against HTTP rules) is a warning, not exit 2: for a cluster that truly had no traffic",
    apply: (s) => {
      s.allowEmpty = true;
    }
  },
  {
    name: "config",
    value: "FILE",
    kind: "string",
    group: "verdict",
    commands: [...CHECKING, "export"],
    help: "the drift controls (default: the nearest .intent-drift.yaml from here up to the repository root)",
    apply: (s, v) => {
      s.configFile = filePath("config", v);
    }
  },
  {
    name: "no-templates",
    kind: "boolean",
    group: "verdict",
    commands: [...CHECKING, "export"],
    help: "keep raw paths; never suggest {*} templates",
    apply: (s) => {
      s.templates = false;
    }
  },
  {
    name: "min-count",
    value: "N",
    kind: "string",
    group: "verdict",
    commands: CHECKING,
    requires: { flag: "intents", on: ["visualize"] },
    help: "missing calls to an endpoint (its template or path) seen fewer than N times in all are noise",
    apply: (s, v) => {
      s.minCount = wholeNumber("min-count", v, 1);
    }
  },
  {
    name: "baseline",
    value: "FILE",
    kind: "string",
    group: "verdict",
    commands: CHECKING,
    requires: { flag: "intents", on: ["visualize"] },
    help: "report only drift that is not in this baseline",
    apply: (s, v) => {
      s.baselineFile = filePath("baseline", v);
    }
  },
  {
    name: "write-baseline",
    value: "FILE",
    kind: "string",
    group: "verdict",
    commands: ["check", "demo"],
    help: "record today's drift as the baseline; exits 0 once written (unless --fail-on is given)",
    apply: (s, v) => {
      s.writeBaselineFile = filePath("write-baseline", v);
    }
  },
  {
    name: "fix",
    kind: "boolean",
    group: "verdict",
    commands: ["check"],
    help: "add the missing calls to the local intents files (the edit the action suggests), and print the files changed",
    apply: (s) => {
      s.fix = true;
    }
  },
  {
    name: "prune-stale",
    kind: "boolean",
    group: "verdict",
    commands: ["check"],
    requires: { flag: "fix" },
    help: "with --fix, also remove the stale rules (not those of clients the run never drove)",
    apply: (s) => {
      s.pruneStale = true;
    }
  }
];

// src/cli/flag-table.ts
var FLAG_TABLE = [
  ...OBSERVED_FLAGS,
  ...INTENTS_FLAGS,
  ...VERDICT_FLAGS,
  ...OUTPUT_FLAGS,
  ...GENERAL_FLAGS
];
function flagByName(name) {
  return FLAG_TABLE.find((f) => f.name === name);
}
function flagByShort(letter) {
  return FLAG_TABLE.find((f) => f.short === letter);
}
function flagsOf(command) {
  return FLAG_TABLE.filter((f) => f.commands.includes(command));
}

// src/cli/argv.ts
function looksLikeFlag(arg) {
  return arg.startsWith("-") && arg !== "-" && !/^-\d/.test(arg);
}
function splitArgv(argv) {
  const out = { positionals: [], flags: /* @__PURE__ */ new Map(), unknown: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--") {
      out.positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!looksLikeFlag(arg)) {
      out.positionals.push(arg);
      continue;
    }
    const long = arg.startsWith("--");
    const eq = arg.indexOf("=");
    const name = long ? arg.slice(2, eq === -1 ? void 0 : eq) : arg.slice(1, eq === -1 ? void 0 : eq);
    const inline = eq === -1 ? void 0 : arg.slice(eq + 1);
    const flag = long ? flagByName(name) : name.length === 1 ? flagByShort(name) : void 0;
    if (flag === void 0) {
      out.unknown.push(long ? `--${name}` : `-${name}`);
      continue;
    }
    const shown2 = long ? `--${flag.name}` : `-${flag.short}`;
    let given = out.flags.get(flag.name);
    if (given !== void 0 && flag.kind !== "list") {
      throw new InputError(`${shown2} is given twice: give it once`);
    }
    given ??= { flag, values: [] };
    out.flags.set(flag.name, given);
    if (flag.kind === "boolean") {
      if (inline !== void 0) throw new InputError(`${shown2} takes no value (got '${inline}')`);
      continue;
    }
    let value = inline;
    if (value === void 0) {
      const next = argv[i + 1];
      if (next === void 0 || looksLikeFlag(next)) {
        throw new InputError(`${shown2} needs a value (${flag.value ?? "VALUE"})`);
      }
      value = next;
      i++;
    }
    given.values.push(value);
  }
  return out;
}

// src/cli/command-table.ts
var COMMANDS = [
  "check",
  "list",
  "export",
  "visualize",
  "policies",
  "capture",
  "reset",
  "demo"
];
var COMMAND_TABLE = [
  {
    name: "check",
    summary: "read the observed calls and the declared intents, diff them, report",
    usage: "check --intents PATH (--metrics PATH | --snapshot FILE | --prometheus-url URL | a kubeconfig) [flags]",
    examples: [
      {
        run: "intent-drift check --intents deploy/intents --metrics capture/",
        does: "diff the sidecar metrics in capture/ against the intents; exit 1 on a missing call"
      },
      {
        run: "intent-drift check --intents deploy/intents --metrics capture/ --fix",
        does: "also add the missing calls to the intents files, keeping their comments"
      }
    ],
    exit: "drift"
  },
  {
    name: "list",
    summary: "print the observed calls, grouped by client",
    usage: "list (--metrics PATH | --snapshot FILE | --prometheus-url URL | a kubeconfig) [flags]",
    examples: [
      { run: "intent-drift list --metrics capture/", does: "who calls whom, with methods and paths" },
      {
        run: "kubectl get --raw /api/v1/namespaces/shop/pods/web-0:15020/proxy/stats/prometheus | intent-drift list --metrics - --format json",
        does: "one sidecar's calls, read from stdin, as JSON"
      }
    ],
    exit: "output"
  },
  {
    name: "export",
    summary: "write the observed calls as ClientIntents",
    usage: "export (--metrics PATH | --snapshot FILE | --prometheus-url URL | a kubeconfig) [-o PATH] [flags]",
    examples: [
      {
        run: "intent-drift export --metrics capture/ --workloads deploy/ -o intents/",
        does: "one ClientIntents per client, with the workload kinds from the manifests"
      },
      {
        run: "intent-drift export --snapshot staging.json --output-type dir -o intents/",
        does: "one file per client, named <workload>.<namespace>.yaml"
      }
    ],
    exit: "output"
  },
  {
    name: "visualize",
    summary: "draw the calls and, with --intents, the drift as SVG, PNG or HTML",
    usage: "visualize -o FILE.svg|.png|.html (--metrics PATH | --snapshot FILE | ...) [--intents PATH] [flags]",
    examples: [
      {
        run: "intent-drift visualize --metrics capture/ --intents deploy/intents -o map.html",
        does: "an offline page to explore: filter by namespace, search, click an edge for its calls"
      },
      {
        run: "intent-drift visualize --metrics capture/ --intents deploy/intents -o drift.png",
        does: "draw the drift: missing calls red, stale rules dotted"
      }
    ],
    exit: "output"
  },
  {
    name: "policies",
    summary: "print the Istio AuthorizationPolicies the declared intents imply",
    usage: "policies --intents PATH [--workloads PATH] [-o FILE]",
    examples: [
      { run: "intent-drift policies --intents deploy/intents", does: "print the policies" },
      {
        run: "intent-drift policies --intents deploy/intents --workloads deploy/ -o policies.yaml",
        does: "with the real selectors and service accounts, to a file"
      }
    ],
    exit: "output"
  },
  {
    name: "capture",
    summary: "read a live source once and save what it saw as a snapshot file",
    usage: "capture -o FILE (--prometheus-url URL | --mapper-url URL | a kubeconfig) [flags]",
    examples: [
      {
        run: "intent-drift capture -o staging.json --window 2m",
        does: "record 2 minutes of the kubeconfig's cluster's sidecars"
      },
      {
        run: "intent-drift capture -o staging.json --prometheus-url http://prometheus:9090 --since 1h",
        does: "save Prometheus' last hour"
      }
    ],
    exit: "output"
  },
  {
    name: "reset",
    summary: "make Otterize's network mapper forget what it captured",
    usage: "reset [--mapper-url URL | --kubeconfig FILE [--context NAME]]",
    examples: [
      { run: "intent-drift reset", does: "through the kubeconfig's API server" },
      {
        run: "intent-drift reset --mapper-url http://localhost:9090/query",
        does: "at a port-forwarded mapper"
      }
    ],
    exit: "output"
  },
  {
    name: "demo",
    summary: "check the embedded demo (client, client2, nginx): offline, no cluster",
    usage: "demo [--format text|markdown|json|sarif|junit] [flags]",
    examples: [
      { run: "intent-drift demo", does: "the demo drift in the terminal; exits 1 (it drifts on purpose)" },
      {
        run: "intent-drift demo --format markdown",
        does: "the pull-request comment, as the action posts it"
      }
    ],
    exit: "drift"
  }
];
function commandSpec(name) {
  const spec = COMMAND_TABLE.find((c) => c.name === name);
  if (spec === void 0) throw new Error(`no command ${name}`);
  return spec;
}

// src/cli/did-you-mean.ts
function editDistance(a, b) {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d = Array.from(
    { length: rows },
    (_, i) => Array.from({ length: cols }, (_2, j) => i === 0 ? j : j === 0 ? i : 0)
  );
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, d[i - 2][j - 2] + 1);
      }
      d[i][j] = best;
    }
  }
  return d[a.length][b.length];
}
function closestNames(typed, known) {
  if (typed === "") return [];
  const words = known.filter((name) => name.startsWith(`${typed.toLowerCase()}-`));
  if (words.length > 1) return [...new Set(words)].slice(0, 3);
  const limit = Math.min(3, Math.max(1, Math.floor(typed.length / 3)));
  let best = Number.POSITIVE_INFINITY;
  let names = [];
  for (const name of known) {
    const distance = editDistance(typed.toLowerCase(), name);
    if (distance < best) {
      best = distance;
      names = [name];
    } else if (distance === best && !names.includes(name)) names.push(name);
  }
  if (best <= limit) return names.slice(0, 3);
  if (typed.length >= 3) {
    const prefixed = known.filter((name) => name.startsWith(typed.toLowerCase()));
    if (prefixed.length > 0) return [...new Set(prefixed)].slice(0, 3);
  }
  return [];
}
function didYouMean(names) {
  if (names.length === 0) return "";
  const listed = names.length === 1 ? names[0] : `${names.slice(0, -1).join(", ")} or ${names.at(-1)}`;
  return `: did you mean ${listed}?`;
}

// src/cli/source-choice.ts
var NAMING_FLAGS = [
  ["metrics", "metrics"],
  ["snapshot", "snapshot"],
  ["prometheus-url", "prometheus"],
  ["mapper-url", "mapper"]
];
var LIVE = ["sidecars", "prometheus", "mapper"];
function resolveSource(settings, given, kubeconfigFound) {
  if (given.has("source")) return { source: settings.source, namedBy: "--source" };
  for (const [flag, source] of NAMING_FLAGS) {
    if (given.has(flag)) return { source, namedBy: `--${flag}` };
  }
  if (!kubeconfigFound()) throw new InputError(`no observed data: ${HOW_TO_OBSERVE}`);
  return { source: "sidecars", namedBy: "default" };
}
function describe(choice) {
  if (choice.namedBy === "default") return `${choice.source} (the default with a kubeconfig)`;
  if (choice.namedBy === "--source") return `${choice.source} (--source ${choice.source})`;
  return `${choice.source} (named by ${choice.namedBy})`;
}
function checkSource(command, choice, settings, given) {
  const { source } = choice;
  if (command === "capture" && !LIVE.includes(source)) {
    throw new InputError("capture reads a live source: --source sidecars, prometheus or mapper");
  }
  for (const flag of FLAG_TABLE) {
    if (!given.has(flag.name) || flag.sources === void 0 || flag.sources.includes(source)) continue;
    const wants = flag.sources.map((s) => `--source ${s}`).join(" or ");
    throw new InputError(`--${flag.name} applies to ${wants}, but this run reads ${describe(choice)}`);
  }
  if (source === "metrics" && settings.metrics.length === 0) {
    throw new InputError("--source metrics needs --metrics PATH");
  }
  if (source === "snapshot" && settings.snapshots.length === 0) {
    throw new InputError("--source snapshot needs --snapshot FILE");
  }
  if (source === "prometheus" && settings.live.prometheusUrl === void 0) {
    throw new InputError("--source prometheus needs --prometheus-url URL");
  }
  if (source === "mapper") refuseClusterWithMapperUrl(settings, given);
  const stdin = [...settings.metrics, ...settings.snapshots].filter((p) => p === "-").length;
  if (stdin > 1) throw new InputError("stdin ('-') can be read once: give it to one --metrics or --snapshot");
}
function needsKubeconfig(settings) {
  return settings.source === "sidecars" || settings.source === "mapper" && settings.live.mapperUrl === void 0;
}
function refuseClusterWithMapperUrl(settings, given) {
  const cluster = ["kubeconfig", "context"].find((f) => given.has(f));
  if (settings.live.mapperUrl === void 0 || cluster === void 0) return;
  throw new InputError(
    `--${cluster} does not apply with --mapper-url: the mapper is read at its URL, not through a kubeconfig; give one of them`
  );
}

// src/cli/args.ts
function commandNamed(name) {
  if (COMMANDS.includes(name)) return name;
  const near = closestNames(name, COMMANDS).map((c) => `'${c}'`);
  throw new InputError(`unknown command '${name}'${didYouMean(near)} (commands: ${COMMANDS.join(", ")})`);
}
function unknownFlag(typed, command) {
  const bare = typed.replace(/^-+/, "");
  const own = command === void 0 ? [] : flagsOf(command).map((f) => f.name);
  const nearOwn = closestNames(bare, own);
  const nearAll = closestNames(
    bare,
    FLAG_TABLE.map((f) => f.name)
  ).filter((n) => !own.includes(n));
  const distance = (name) => editDistance(bare.toLowerCase(), name);
  const other = nearAll.length > 0 && (nearOwn.length === 0 || distance(nearAll[0]) < distance(nearOwn[0]));
  const names = other ? nearAll.map((n) => `--${n}${elsewhere(n, command)}`) : nearOwn.map((n) => `--${n}`);
  const help = command === void 0 ? "intent-drift --help" : `intent-drift ${command} --help`;
  return new InputError(`unknown flag ${typed}${didYouMean(names)} (${help} lists the flags)`);
}
function elsewhere(name, command) {
  if (command === void 0) return "";
  const where = FLAG_TABLE.find((f) => f.name === name)?.commands ?? [];
  return ` (a flag of ${where.join(", ")})`;
}
function parseCommandLine(argv, env) {
  const split = splitArgv(argv);
  const settings = defaultSettings(env.cwd);
  const given = new Set(split.flags.keys());
  const [first, ...rest] = split.positionals;
  if (given.has("version")) return { command: "version", settings, given };
  if (first === void 0 && !given.has("help")) {
    const typo2 = split.unknown[0];
    if (typo2 !== void 0) throw unknownFlag(typo2, void 0);
    if (given.size > 0) {
      throw new InputError(`no command: give one of ${COMMANDS.join(", ")} (intent-drift --help lists them)`);
    }
  }
  if (first === "help" || given.has("help") || first === void 0) {
    const topicName = first === "help" ? rest[0] : first;
    if (first === "help" && rest.length > 1) throw new InputError(`unexpected argument '${rest[1]}'`);
    const topic = topicName === void 0 ? void 0 : commandNamed(topicName);
    return { command: "help", topic, settings, given };
  }
  const command = commandNamed(first);
  const typo = split.unknown[0];
  if (typo !== void 0) throw unknownFlag(typo, command);
  if (rest.length > 0) throw new InputError(`unexpected argument '${rest[0]}' after ${command}`);
  for (const { flag } of split.flags.values()) {
    if (!flag.commands.includes(command)) {
      const where = flag.commands.filter((c) => c !== command);
      throw new InputError(
        `--${flag.name} does not apply to ${command} (it applies to ${where.join(", ")}); intent-drift ${command} --help lists the flags of ${command}`
      );
    }
    const needed = flag.requires;
    if (needed && (needed.on === void 0 || needed.on.includes(command)) && !given.has(needed.flag)) {
      throw new InputError(`--${flag.name} needs --${needed.flag}${needed.on ? ` with ${command}` : ""}`);
    }
  }
  settings.color = env.colorDefault;
  const ctx = { command, variables: env.variables ?? {} };
  for (const flag of FLAG_TABLE) {
    const entry = split.flags.get(flag.name);
    if (entry === void 0) continue;
    if (flag.kind === "boolean") flag.apply(settings, ctx);
    else if (flag.kind === "list") flag.apply(settings, entry.values, ctx);
    else flag.apply(settings, entry.values[0] ?? "", ctx);
  }
  const token = ctx.variables[settings.live.prometheusTokenEnv];
  settings.live.prometheusToken = token === "" ? void 0 : token;
  const mapperToken = ctx.variables[settings.live.mapperTokenEnv];
  settings.live.mapperToken = mapperToken === "" ? void 0 : mapperToken;
  finishCommand(command, settings, given, env);
  return { command, settings, given };
}
function finishCommand(command, settings, given, env) {
  const kubeconfig = () => settings.live.kubeconfig !== void 0 || findKubeconfig(env.variables ?? {}, env.fileExists) !== void 0;
  if (["check", "list", "export", "visualize", "capture"].includes(command)) {
    const choice = resolveSource(settings, given, kubeconfig);
    settings.source = choice.source;
    checkSource(command, choice, settings, given);
    if (needsKubeconfig(settings) && !kubeconfig()) {
      throw new InputError(
        `--source ${settings.source} reads the cluster through a kubeconfig: ${HOW_TO_OBSERVE}`
      );
    }
  }
  if (command === "reset") refuseClusterWithMapperUrl(settings, given);
  if (command === "reset" && settings.live.mapperUrl === void 0 && !kubeconfig()) {
    throw new InputError(
      "reset needs the mapper: --mapper-url URL, or a kubeconfig (--kubeconfig FILE, $KUBECONFIG or ~/.kube/config; none found)"
    );
  }
  if (command === "export" && settings.export.outputType === "dir" && settings.output === void 0) {
    throw new InputError("--output-type dir needs -o DIRECTORY");
  }
  if (command === "capture" && settings.output === void 0) throw new InputError("capture needs -o FILE");
  assertDistinctOutputFiles(settings.cwd, [
    ["--report", settings.reportFile],
    ["--sarif", settings.sarifFile],
    ["--junit", settings.junitFile],
    ["--write-baseline", settings.writeBaselineFile]
  ]);
}

// src/report/text-report.ts
var ansi = (open, close) => (text) => `\x1B[${open}m${text}\x1B[${close}m`;
var COLOURS = {
  bad: ansi(31, 39),
  warn: ansi(33, 39),
  good: ansi(32, 39),
  dim: ansi(2, 22),
  bold: ansi(1, 22)
};
var identity = (text) => text;
var PLAIN = { bad: identity, warn: identity, good: identity, dim: identity, bold: identity };
var STALE_REASON = (reason) => `${reason} (${STALE_REASON_MEANS[reason]})`;
var show = showControlChars;
function operation(method, path6, unknown) {
  if (method === null && path6 === null) return unknown;
  return `${show(method ?? "*")} ${show(path6 ?? "*")}`;
}
function ruleTarget(rule) {
  const name = show(targetName(rule.server, rule.client.namespace));
  return rule.targetType === "kubernetes" ? name : `${rule.targetType} ${name}`;
}
function ruleEnds(rule) {
  const server = show(qualifiedName(rule.server));
  const target = rule.targetType === "kubernetes" ? server : `${rule.targetType} ${server}`;
  return `${show(qualifiedName(rule.client))} -> ${target}`;
}
function missingLine(call, p, last) {
  if (last.server !== call.server) {
    last.server = call.server;
    last.name = show(targetName(call.server, call.client.namespace));
    last.via = call.server.service ? ` via service ${show(targetName(call.server.service, call.client.namespace))}` : "";
  }
  const { name: server, via } = last;
  const widening = wideningOf(call);
  const template = call.suggestedPath ? `, template ${show(call.suggestedPath)}${widening ? ` (allows ${show(widening)})` : ""}` : "";
  const blocked = call.wouldBeBlocked ? `, ${p.bold("would be blocked once enforced")}` : "";
  const op = operation(call.method, call.path, `(${NO_HTTP_DETAIL})`);
  const home = call.intentsFile ? `
        ${p.dim(`declare in ${show(call.intentsFile.file)}:${call.intentsFile.line}`)}` : "";
  return `    ${p.bad(`+ ${op} -> ${server}`)}${via}: ${countLabel(call.count, call.protocol)}${template}${blocked}${home}`;
}
function staleLine(rule, p) {
  const op = operation(rule.method, rule.path, "(any request)");
  return `    ${p.warn(`- ${op} -> ${ruleTarget(rule)}`)}: ${STALE_REASON(rule.reason)}
        ${p.dim(`declared at ${show(rule.file)}:${rule.line}`)}`;
}
function groupByClient(drift) {
  const groups = /* @__PURE__ */ new Map();
  const keys = /* @__PURE__ */ new Map();
  const keyOf = (client) => {
    let key = keys.get(client);
    if (key === void 0) {
      key = `${client.namespace}/${client.name}`;
      keys.set(client, key);
    }
    return key;
  };
  const groupOf = (client) => {
    const key = keyOf(client);
    let group = groups.get(key);
    if (!group) {
      group = { client, missing: [], stale: [], notExercised: [], covered: 0 };
      groups.set(key, group);
    }
    return group;
  };
  for (const call of drift.missing) groupOf(call.client).missing.push(call);
  const { stale, notExercised } = splitStale(drift.stale);
  for (const rule of stale) groupOf(rule.client).stale.push(rule);
  for (const rule of notExercised) groupOf(rule.client).notExercised.push(rule);
  for (const call of drift.covered) {
    const group = groups.get(keyOf(call.client));
    if (group) group.covered++;
  }
  const sortKey = (g) => `${g.client.namespace}\0${g.client.name}`;
  return [...groups.values()].sort(
    (a, b) => sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0
  );
}
function verdict(drift, p) {
  const s = drift.summary;
  const { stale, notExercised } = splitStale(drift.stale);
  const ignored = s.ignored + (asControlled(drift).ignoredStale?.length ?? 0);
  let rest = `${s.covered} covered, ${s.notChecked} not checked, ${ignored} ignored`;
  if (notExercised.length > 0) rest += `, ${notExercised.length} not exercised`;
  if (s.missing > 0 || stale.length > 0)
    return `intent-drift: ${p.bad(p.bold("DRIFT"))}: ${s.missing} missing, ${stale.length} stale (${rest})`;
  const what = notExercised.length > 0 ? "no drift in what the run exercised" : "no drift";
  return `intent-drift: ${p.good(p.bold("OK"))}: ${what} (${rest})`;
}
function coverageByClient(drift) {
  const byClient = /* @__PURE__ */ new Map();
  for (const c of asControlled(drift).coverage?.clients ?? []) {
    const key = `${c.client.namespace}/${c.client.name}`;
    if (!byClient.has(key)) byClient.set(key, c);
  }
  return byClient;
}
function clientHeading(drift, group, p, coverageOf) {
  const counts = [`${group.missing.length} missing`, `${group.stale.length} stale`];
  if (group.notExercised.length > 0) counts.push(`${group.notExercised.length} not exercised`);
  if (group.covered > 0) counts.push(`${group.covered} covered`);
  const coverage = coverageOf.get(`${group.client.namespace}/${group.client.name}`);
  if (coverage && coverage.declared > 0) counts.push(`coverage ${coverage.percent}%`);
  const environment = environmentOf(drift, group.client.namespace);
  const where = `namespace ${show(group.client.namespace)}${environment ? ` (${show(environment)})` : ""}`;
  return `${p.bold(show(group.client.name))} in ${where}: ${counts.join(", ")}`;
}
function coverageLines(drift) {
  const coverage = asControlled(drift).coverage;
  const summary = coverageSummary(drift);
  if (!coverage || summary === void 0) return [];
  const lines = ["", `${summary}:`];
  for (const c of coverage.clients) {
    if (c.declared === 0) continue;
    const environment = environmentOf(drift, c.client.namespace);
    const reasons = Object.entries(c.stale).filter(([, n]) => n > 0).map(([reason, n]) => `${n} ${reason}`);
    if (c.noDetail > 0) reasons.push(`${c.noDetail} without HTTP detail`);
    lines.push(
      `  ${show(qualifiedName(c.client))}${environment ? ` (${show(environment)})` : ""}: ${c.exercised} of ${c.declared} (${c.percent}%)${reasons.length > 0 ? `: ${reasons.join(", ")}` : ""}`
    );
  }
  return lines;
}
function briefSection(title, items, line, limit) {
  if (items.length === 0) return [];
  const lines = [
    "",
    `${title} (${items.length}):`,
    ...items.slice(0, limit).map((item) => `  ${line(item)}`)
  ];
  if (items.length > limit) lines.push(`  ... and ${items.length - limit} more (see the JSON report)`);
  return lines;
}
function callEnds(call) {
  const server = call.host ?? (call.server.service ? qualifiedName(call.server.service) : qualifiedName(call.server));
  return `${show(qualifiedName(call.client))} -> ${show(server)}`;
}
function clientLines(drift, group, p, coverageOf) {
  const lines = ["", clientHeading(drift, group, p, coverageOf)];
  if (group.missing.length > 0) lines.push(`  missing (${MISSING_MEANS}):`);
  const last = { name: "", via: "" };
  for (const call of group.missing) lines.push(missingLine(call, p, last));
  if (group.stale.length > 0) lines.push(`  stale (${STALE_MEANS}):`);
  for (const rule of group.stale) lines.push(staleLine(rule, p));
  if (group.notExercised.length > 0) lines.push(`  not exercised (${NOT_EXERCISED_MEANS}):`);
  for (const rule of group.notExercised) lines.push(staleLine(rule, p));
  return lines;
}
var CHUNK_CHARS = 64 * 1024;
function* renderTextReportChunks(drift, opts = {}) {
  const p = opts.color ? COLOURS : PLAIN;
  const coverageOf = coverageByClient(drift);
  let chunk = `${verdict(drift, p)}
`;
  for (const group of groupByClient(drift)) {
    chunk += `${clientLines(drift, group, p, coverageOf).join("\n")}
`;
    if (chunk.length >= CHUNK_CHARS) {
      yield chunk;
      chunk = "";
    }
  }
  yield `${chunk}${closingLines(drift, p, opts.briefLimit ?? 10).join("\n")}
`;
}
function closingLines(drift, p, limit) {
  const lines = [];
  lines.push(
    ...briefSection(
      "not checked",
      drift.notChecked,
      (r) => `${ruleEnds(r)} ${p.dim(`${show(r.file)}:${r.line}`)}: ${NOT_CHECKED_MEANS[r.why]}`,
      limit
    ),
    ...briefSection(
      "unattributed: callers outside the mesh",
      drift.unattributed,
      (c) => `-> ${show(qualifiedName(c.server))} ${operation(c.method, c.path, `(${NO_HTTP_DETAIL})`)}: ${countLabel(c.count, c.protocol)}`,
      limit
    ),
    ...briefSection(
      "external: destinations outside the mesh",
      drift.external,
      (c) => `${callEnds(c)}: ${countLabel(c.count, c.protocol)}`,
      limit
    ),
    ...briefSection(
      "ignored by the config",
      drift.ignored,
      (c) => {
        const by = ignoredByText(c);
        return `${callEnds(c)} ${operation(c.method, c.path, `(${NO_HTTP_DETAIL})`)}${by ? ` (by ${show(by)})` : ""}`;
      },
      limit
    ),
    ...briefSection(
      "stale rules ignored by the config",
      asControlled(drift).ignoredStale ?? [],
      (r) => `${ruleEnds(r)} ${operation(r.method, r.path, "(any request)")} ${p.dim(`${show(r.file)}:${r.line}`)} (by ${show(ignoredByText(r) ?? "")})`,
      limit
    ),
    ...coverageLines(drift)
  );
  const notes = controlNotes(drift);
  if (notes.length > 0) lines.push("");
  for (const note of notes) lines.push(note);
  if (drift.warnings.length > 0) {
    lines.push("");
    for (const w of drift.warnings) lines.push(`${p.warn("warning:")} ${show(w)}`);
  }
  lines.push(
    "",
    `${plural(drift.summary.observed, "call")} observed, ${plural(drift.summary.declared, "rule")} declared.`,
    ...runLines(drift)
  );
  return lines;
}
function runLines(drift) {
  const { observedFrom, config } = asControlled(drift);
  const lines = [];
  if (observedFrom !== void 0) {
    const part = observedParts(observedFrom);
    const values = part.values.map(show).join(", ");
    lines.push(`observed: ${part.text}${values ? ` ${values}` : ""}${part.tail ? `, ${part.tail}` : ""}`);
  }
  if (config !== void 0) lines.push(`config: ${config === null ? "none" : show(config)}`);
  return lines;
}

// src/cli/fix-intents.ts
import { lstat, realpath, stat, writeFile } from "node:fs/promises";
import path2 from "node:path";
var GLOB_CHARS = /[*?[\]{}]/;
function globBase(pattern) {
  const segments = pattern.split(/[/\\]/);
  const fixed = segments.slice(
    0,
    segments.findIndex((s) => GLOB_CHARS.test(s))
  );
  return fixed.length === 0 ? "." : fixed.join("/") || "/";
}
async function rootsOf(intents, cwd) {
  const roots = [];
  for (const given of intents) {
    const glob = GLOB_CHARS.test(given);
    const absolute = await realpath(path2.resolve(cwd, glob ? globBase(given) : given));
    roots.push({ absolute, file: !glob && (await stat(absolute)).isFile() });
  }
  return roots;
}
async function isLink(file) {
  try {
    return (await lstat(file)).isSymbolicLink();
  } catch {
    return false;
  }
}
async function reachedPath(absolute) {
  try {
    return await realpath(absolute);
  } catch {
    if (await isLink(absolute)) return void 0;
    try {
      return path2.join(await realpath(path2.dirname(absolute)), path2.basename(absolute));
    } catch {
      return void 0;
    }
  }
}
function inside(target, roots) {
  return roots.some((root) => {
    if (root.file) return target === root.absolute;
    const relative = path2.relative(root.absolute, target);
    return relative !== "" && !leavesDirectory(relative);
  });
}
async function applyIntentsEdit(edit, intents, cwd, io) {
  const roots = await rootsOf(intents, cwd);
  const writes = [];
  for (const change of edit.files) {
    if (change.before === change.after) continue;
    const absolute = path2.resolve(cwd, change.file);
    const reached = await reachedPath(absolute);
    if (reached === void 0 || !inside(reached, roots) || !/\.ya?ml$/i.test(reached)) {
      throw new InputError(
        `--fix would write ${showControlChars(change.file)}, outside the --intents paths given: nothing was written`
      );
    }
    writes.push({ file: change.file, absolute, text: change.after });
  }
  for (const { file, text } of writes) refuseUnreadable(file, text);
  for (const { absolute, text } of writes) await writeFile(absolute, text);
  for (const { file } of writes) {
    const changes = edit.changes.filter((c) => c.file === file);
    const added = changes.filter((c) => c.action === "add").length;
    const removed = changes.length - added;
    const what = [
      added > 0 ? `${plural(added, "rule")} added` : "",
      removed > 0 ? `${plural(removed, "rule")} removed` : ""
    ].filter((x) => x !== "").join(", ");
    io.writeError(`fixed ${showControlChars(file)}${what === "" ? "" : `: ${what}`}
`);
  }
  for (const note of edit.skipped) io.writeError(`not fixed: ${showControlChars(note)}
`);
  return writes.map((w) => w.file);
}
function refuseUnreadable(file, text) {
  const shown2 = showControlChars(file);
  const bytes = Buffer.byteLength(text, "utf8");
  let problem;
  if (bytes > MAX_YAML_BYTES) problem = `${bytes} bytes, over the reader's ${MAX_YAML_BYTES}`;
  else {
    try {
      parseYamlDocuments(text, file);
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      problem = err.message;
    }
  }
  if (problem !== void 0) {
    throw new InputError(
      `--fix would write ${shown2}, which the intents reader would then refuse (${problem}): nothing was written; split the intents or fix fewer calls at once (-n)`
    );
  }
}

// src/cli/progress.ts
var PHASE = {
  single: "reading sidecars",
  first: "first reading",
  waiting: "waiting for traffic",
  second: "second reading"
};
function progressLine(write, isTTY) {
  let last;
  const started = Date.now();
  return {
    listener(p) {
      last = p;
      if (isTTY) write(`\r\x1B[K${PHASE[p.reading]}: ${p.done}/${p.total} pods`);
    },
    finish() {
      if (last === void 0) return;
      const seconds = ((Date.now() - started) / 1e3).toFixed(1);
      if (isTTY) write(`\r\x1B[K`);
      write(`read ${last.done}/${last.total} meshed pods in ${seconds}s
`);
    }
  };
}
async function withProgress(io, read) {
  const progress = progressLine(io.writeError, io.stderrIsTTY === true);
  try {
    return await read(progress.listener);
  } finally {
    progress.finish();
  }
}
function observeWithProgress(settings, io) {
  return withProgress(io, (listener) => observeInScope(settings, listener));
}

// src/cli/check-command.ts
async function runCheck(settings, io) {
  const result = await withProgress(io, (listener) => check(settings, listener));
  if (settings.writeBaselineFile !== void 0) {
    const n = await writeBaselineFile(settings.cwd, settings.writeBaselineFile, result.beforeBaseline);
    io.writeError(
      `wrote a baseline of ${n} drift entr${n === 1 ? "y" : "ies"} to ${settings.writeBaselineFile}
`
    );
  }
  const ci = { ...result, cwd: settings.cwd, repositoryRoot: repositoryRoot(settings.cwd) };
  const jsonToStdout = settings.format === "json" && !settings.fix;
  await writeJsonReport(settings, result, jsonToStdout ? io : void 0);
  await writeReportFiles(settings, ci);
  const outside = settings.sarifFile !== void 0 || settings.format === "sarif" ? sarifOutsideWarning(ci) : void 0;
  if (outside !== void 0) io.writeError(`warning: ${safeLine(outside)}
`);
  const plan = settings.fix ? await planIntentsEdit(settings.cwd, result.declared, result.drift, settings.pruneStale) : void 0;
  let patch = { patch: plan?.patch ?? "", leftOut: plan?.edit.skipped.length ?? 0 };
  if (settings.format === "markdown" && plan === void 0) {
    const within = patchLowerBound(result.drift, result.declared, patchRoom()) > patchRoom() ? PATCH_OVER_ROOM : await patchWithinRoom(
      settings.cwd,
      result.declared,
      result.drift,
      settings.pruneStale,
      patchRoom()
    );
    patch = within === PATCH_OVER_ROOM ? { patch: PATCH_TOO_LONG, leftOut: 0 } : within;
  }
  if (!jsonToStdout) {
    for (const piece of renderReport(result, settings, ci, patch)) io.write(piece);
  }
  let exitCode = result.exitCode;
  if (settings.fix && plan !== void 0) {
    const written = await applyIntentsEdit(plan.edit, settings.intents, settings.cwd, io);
    if (written.length === 0) {
      io.writeError(
        plan.edit.skipped.length === 0 ? "--fix: the intents need no change\n" : "--fix: nothing written: the editor can write none of the drift (the `not fixed:` lines say what to edit by hand)\n"
      );
    }
    const after = written.length === 0 ? result : await recheck(settings, result);
    const { stale, notExercised } = splitStale(after.drift.stale);
    const idle = notExercised.length > 0 ? `, ${notExercised.length} not exercised` : "";
    io.writeError(
      `after the fix: ${after.drift.summary.missing} missing, ${stale.length} stale${idle}: ${after.exitCode === 1 ? "still failing" : "no failing drift"}${stale.length > 0 && !settings.pruneStale ? " (--prune-stale also removes stale rules)" : ""}
`
    );
    exitCode = after.exitCode;
  }
  if (settings.writeBaselineFile !== void 0 && !settings.failOnExplicit) return 0;
  return exitCode;
}
async function writeJsonReport(settings, result, io) {
  if (settings.reportFile === void 0 && io === void 0) return;
  let report;
  if (settings.reportFile !== void 0) {
    report = await openInRepository(settings.cwd, settings.reportFile);
  }
  try {
    for (const chunk of renderJsonReportChunks(result.drift)) {
      if (report !== void 0) await report.write(chunk);
      io?.write(chunk);
    }
  } finally {
    await report?.close();
  }
}
async function writeReportFiles(settings, ci) {
  const files = [
    [settings.sarifFile, () => renderCiReport("sarif", ci)],
    [settings.junitFile, () => renderCiReport("junit", ci)]
  ];
  for (const [name, render] of files) {
    if (name === void 0) continue;
    await writeFileInRepository(settings.cwd, name, render());
  }
}
function renderReport(result, settings, ci, patch) {
  switch (settings.format) {
    case "json":
      return renderJsonReportChunks(result.drift);
    case "markdown":
      return [
        renderComment(result.drift, {
          suggestedPatch: patch.patch,
          patchElsewhere: "`intent-drift check --fix` applies it to the files",
          patchLeftOut: patch.leftOut,
          leftOutListed: "see the lines starting `not fixed:` that `intent-drift check --fix` prints"
        })
      ];
    case "sarif":
    case "junit":
      return [renderCiReport(settings.format, ci)];
    case "text":
      return renderTextReportChunks(result.drift, { color: settings.color });
  }
}

// src/cli/export-command.ts
import { mkdir } from "node:fs/promises";
import path3 from "node:path";

// src/declare/authorization-policies.ts
var POLICY_API_VERSION = "security.istio.io/v1";
function authorizationPolicies(rules, opts = {}) {
  const drafts = /* @__PURE__ */ new Map();
  for (const rule of rules) {
    if (rule.targetType !== "kubernetes" && rule.targetType !== "service") continue;
    const draft = draftFor(drafts, rule);
    const lines = draft.sources.get(rule.file) ?? [];
    if (!lines.includes(rule.line)) lines.push(rule.line);
    draft.sources.set(rule.file, lines);
    if (rule.path === null) {
      draft.anyOperation = true;
      continue;
    }
    const problem = validatePathPattern(rule.path);
    if (problem !== null)
      fail(
        rule.file,
        rule.line,
        `path ${JSON.stringify(rule.path)}: ${problem} (istiod would refuse the policy)`
      );
    const methods = draft.methodsByPath.get(rule.path);
    if (rule.method === null || methods === null) draft.methodsByPath.set(rule.path, null);
    else if (methods === void 0) draft.methodsByPath.set(rule.path, [rule.method]);
    else if (!methods.includes(rule.method)) methods.push(rule.method);
  }
  const policies = [];
  const warnings = [];
  for (const draft of drafts.values()) {
    const selector = selectorOf(draft, opts.workloads);
    if (typeof selector === "string") warnings.push(selector);
    else policies.push(policyOf(draft, selector, opts.workloads));
  }
  return { policies: policies.sort(byNamespaceAndName), warnings };
}
function draftFor(drafts, rule) {
  const server = targetIdentity(rule);
  const key = [policyName(rule.client, server), server.namespace].join("\0");
  let draft = drafts.get(key);
  if (!draft) {
    draft = {
      client: rule.client,
      server,
      anyOperation: false,
      methodsByPath: /* @__PURE__ */ new Map(),
      sources: /* @__PURE__ */ new Map()
    };
    drafts.set(key, draft);
  }
  return draft;
}
function selectorOf(draft, workloads) {
  const { server, sources } = draft;
  if (server.kind !== "Service") return workloadSelector(server);
  const where = [...sources].map(([file, lines]) => `${file}:${lines[0]}`)[0];
  const service = workloads?.serviceOf(server.namespace, server.name);
  if (!service) {
    return `${where}: no policy for Service ${server.namespace}/${server.name}: its manifest is not among --workloads, so its selector is unknown (the operator writes none while the Service does not exist)`;
  }
  if (!service.selector) {
    return `${where}: no policy for Service ${server.namespace}/${server.name}: it has no selector (the operator writes none)`;
  }
  return service.selector;
}
function policyOf(draft, selector, workloads) {
  const { client, server } = draft;
  const from = [...draft.sources].map(([file, lines]) => `${file}:${lines.join(",")}`);
  const notes = [`from ${from.join(" ")}`];
  let serviceAccount = workloads?.serviceAccountOf(client.namespace, client.name);
  if (!serviceAccount) {
    serviceAccount = client.name;
    notes.push(`service account of ${client.namespace}/${client.name} unknown: assumed ${client.name}`);
  }
  const rule = {
    from: [{ source: { principals: [`cluster.local/ns/${client.namespace}/sa/${serviceAccount}`] } }]
  };
  if (!draft.anyOperation) {
    rule.to = [...draft.methodsByPath].map(([path6, methods]) => ({
      operation: methods === null ? { paths: [path6] } : { paths: [path6], methods }
    }));
  }
  const manifest = {
    apiVersion: POLICY_API_VERSION,
    kind: "AuthorizationPolicy",
    metadata: {
      name: policyName(client, server),
      namespace: server.namespace,
      labels: {
        [SERVICE_LABEL]: formattedIdentityWithKind(server),
        [ISTIO_CLIENT_LABEL]: formattedIdentityWithKind(client)
      }
    },
    spec: { selector: { matchLabels: selector }, action: "ALLOW", rules: [rule] }
  };
  return { manifest, notes };
}
function byNamespaceAndName(a, b) {
  const key = (p) => {
    const metadata = p.manifest.metadata;
    return `${metadata.namespace}\0${metadata.name}`;
  };
  return key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
}
function renderAuthorizationPolicies(policies) {
  return policies.map(
    ({ manifest, notes }) => yamlDocumentText(manifest, { indent: 2, lineWidth: 0, minContentWidth: 0 }, notes)
  ).join("---\n");
}

// src/diff/template-export.ts
function exportTemplates(calls, opts = {}) {
  const templater = buildPathTemplater(calls, opts);
  const seen = /* @__PURE__ */ new Map();
  for (const call of calls) {
    const template = templater.pathOf(call);
    if (call.path === null || template === null || template === call.path) continue;
    const key = `${refKey(call.client)} -> ${refKey(call.server)}: ${template}`;
    const paths = seen.get(key);
    if (paths) paths.add(call.path);
    else seen.set(key, /* @__PURE__ */ new Set([call.path]));
  }
  const notes = [...seen.keys()].sort().map((key) => {
    const paths = [...seen.get(key) ?? []].sort();
    const example = paths.slice(0, 2).join(", ");
    return `${key} stands for ${paths.length} observed path${paths.length === 1 ? "" : "s"} (${example}${paths.length > 2 ? ", ..." : ""}) and allows any value where {*} or {**} stands`;
  });
  return { pathOf: templater.pathOf, notes };
}

// src/cli/export-command.ts
async function runExport(settings, io) {
  const observed = await observeWithProgress(settings, io);
  const scope = new Set(settings.namespaces);
  const calls = observed.calls.filter((c) => scope.size === 0 || scope.has(c.client.namespace));
  const config = await readConfig(settings);
  const templates = settings.templates && config.templates ? exportTemplates(calls) : void 0;
  const { intents, warnings } = buildClientIntents(calls, {
    asService: settings.export.asService,
    ...templates === void 0 ? {} : { pathOf: templates.pathOf }
  });
  const render = { apiVersion: settings.export.apiVersion, format: settings.export.format };
  const out = settings.output;
  if (settings.export.outputType === "dir" && out !== void 0) {
    const dir = repositoryLinkGuard(settings.cwd)(path3.resolve(settings.cwd, out), out);
    const files = renderIntentsDir(intents, render);
    await mkdir(dir, { recursive: true });
    for (const [name, text] of Object.entries(files)) await writeFileInside(dir, name, text);
    io.writeError(`wrote ${Object.keys(files).length} ClientIntents file(s) to ${safeLine(out)}
`);
  } else if (out !== void 0) {
    await writeFileInRepository(settings.cwd, out, renderIntentsFile(intents, render));
    io.writeError(`wrote ${intents.length} ClientIntents to ${safeLine(out)}
`);
  } else {
    io.write(renderIntentsFile(intents, render));
  }
  for (const w of [...observed.warnings, ...warnings]) io.writeError(`warning: ${safeLine(w)}
`);
  for (const note of templates?.notes ?? []) io.writeError(`template: ${safeLine(note)}
`);
  return 0;
}

// src/cli/help.ts
var WIDTH = 100;
var EXIT_CODES = [
  {
    code: 0,
    meaning: "no failing drift; for list, export, visualize, policies, capture, reset, and check or demo with --write-baseline: the output was written"
  },
  {
    code: 1,
    meaning: "failing drift (per --fail-on, the config's failOn and overrides): check and demo, or visualize given --fail-on"
  },
  {
    code: 2,
    meaning: 'bad usage, bad input, nothing observed in scope, or an unreachable source: one line on stderr, file:line where there is one; an unexpected exception is "intent-drift: internal error: ..." (a bug: please report it), also 2'
  }
];
function wrap(text, lead, indent) {
  const lines = [];
  let line = lead;
  for (const word of text.split(" ")) {
    const sep = line.length === 0 || line.endsWith(" ") ? "" : " ";
    if (line.trim() !== "" && line.length + sep.length + word.length > WIDTH && line.length > indent) {
      lines.push(line);
      line = `${" ".repeat(indent)}${word}`;
    } else line += `${sep}${word}`;
  }
  lines.push(line);
  return lines;
}
function flagLine(flag, command, column) {
  const sources = flag.sources === void 0 ? "" : `${flag.sources.join("/")}: `;
  const needs = flag.requires && (!flag.requires.on || command && flag.requires.on.includes(command));
  const suffix = needs ? ` (needs --${flag.requires?.flag})` : "";
  const where = command === void 0 ? ` [${flag.commands.join(", ")}]` : "";
  const lead = `  ${flagSignature(flag)}`.padEnd(column);
  return wrap(`${sources}${flagHelp(flag, command)}${suffix}${where}`, `${lead}`, column);
}
function flagSections(flags, command) {
  const column = Math.min(34, Math.max(...flags.map((f) => flagSignature(f).length)) + 4);
  const lines = [];
  for (const { group, title } of FLAG_GROUPS) {
    const inGroup = flags.filter((f) => f.group === group);
    if (inGroup.length === 0) continue;
    lines.push("", `${title}:`);
    for (const flag of inGroup) lines.push(...flagLine(flag, command, column));
  }
  return lines;
}
function writesBaseline(command) {
  return flagsOf(command).some((f) => f.name === "write-baseline");
}
function exitLines(command) {
  const lines = ["", "Exit codes:"];
  const own = command === void 0 ? {} : commandSpec(command).exit === "drift" ? {
    0: `no failing drift${writesBaseline(command) ? " (with --write-baseline: the baseline was written)" : ""}`
  } : {
    0: "the output was written, drift or not",
    1: command === "visualize" ? "with --intents and an explicit --fail-on: failing drift" : void 0
  };
  for (const { code, meaning } of EXIT_CODES) {
    const text = code in own ? own[code] : meaning;
    if (text !== void 0) lines.push(...wrap(text, `  ${code}  `, 5));
  }
  return lines;
}
function globalHelp() {
  const lines = [
    "intent-drift: diff the HTTP calls Istio observed against committed Otterize ClientIntents",
    "",
    "Usage: intent-drift <command> [flags]",
    "       intent-drift <command> --help    (or intent-drift help <command>): its flags and examples",
    "",
    "Commands:",
    ...COMMAND_TABLE.map((c) => `  ${c.name.padEnd(11)} ${c.summary}`),
    "",
    "Every flag, with the commands that read it in brackets:",
    ...flagSections(FLAG_TABLE, void 0),
    ...exitLines(void 0)
  ];
  return `${lines.join("\n")}
`;
}
function commandHelp(command) {
  const spec = commandSpec(command);
  const lines = [
    `intent-drift ${command}: ${spec.summary}`,
    "",
    ...wrap(spec.usage, "Usage: intent-drift ", 7),
    ...flagSections(flagsOf(command), command),
    "",
    "Examples:",
    ...spec.examples.flatMap((e) => [`  ${e.run}`, ...wrap(e.does, "      ", 6)]),
    ...exitLines(command)
  ];
  return `${lines.join("\n")}
`;
}

// src/cli/policies-command.ts
async function runPolicies(settings, declared, io) {
  const scope = new Set(settings.namespaces);
  const rules = declared.rules.filter((r) => scope.size === 0 || scope.has(r.client.namespace));
  const workloads = settings.workloads.length > 0 ? await readWorkloadManifests(settings.workloads, { cwd: settings.cwd }) : void 0;
  const { policies, warnings } = authorizationPolicies(rules, workloads ? { workloads } : {});
  const text = renderAuthorizationPolicies(policies);
  if (settings.output === void 0) {
    io.write(text);
  } else {
    await writeFileInRepository(settings.cwd, settings.output, text);
  }
  for (const w of [...declared.warnings, ...warnings]) io.writeError(`warning: ${safeLine(w)}
`);
  return 0;
}

// src/cli/visualize-command.ts
import path4 from "node:path";

// src/report/map-page/suggested-rule.ts
var PLAIN_SCALAR = /^[A-Za-z0-9/][A-Za-z0-9_./{}*-]*$/;
function scalar(text) {
  const shown2 = pictureText(text);
  return PLAIN_SCALAR.test(shown2) ? shown2 : JSON.stringify(shown2);
}
function suggestedRule(call) {
  if (call.method === null || call.path === null || !INTENT_METHODS.includes(call.method)) return void 0;
  const lines = [
    "- kubernetes:",
    `    name: ${scalar(targetName(call.server, call.client.namespace))}`,
    ...call.server.kind === void 0 ? [] : [`    kind: ${scalar(call.server.kind)}`],
    "    http:",
    `      - path: ${scalar(call.suggestedPath ?? call.path)}`,
    "        methods:",
    `          - ${scalar(call.method)}`
  ];
  return lines.join("\n");
}

// src/report/map-page/page-data.ts
var VERDICT = {
  covered: "covered",
  missing: "missing",
  blocked: "missing",
  stale: "stale",
  ignored: "ignored",
  observed: "observed"
};
var STALE_REASON2 = {
  "path-not-called": "the client called this server, never with this method and path",
  "server-not-called": "the client never called this server",
  "client-idle": "the client made no calls at all in this run"
};
var DASH = { dotted: "2 4", dashed: "7 4", "dashed,bold": "7 4" };
function verdictOf(kind, mode) {
  return kind === "observed" && mode === "drift" ? "observed, not judged" : VERDICT[kind];
}
function seenOf(call) {
  if (call.firstSeen === void 0 && call.lastSeen === void 0) return void 0;
  return `${call.firstSeen ?? "?"} to ${call.lastSeen ?? "?"}`;
}
function missingDetails(call, out) {
  out.note = call.wouldBeBlocked ? "would be blocked once enforced: the server already has intents" : "allowed once enforced: the server has no intents yet";
  out.where = call.intentsFile ? `declare in ${call.intentsFile.file}:${call.intentsFile.line}` : "declare in a new ClientIntents";
  if (call.suggestedPath !== void 0) {
    const widening = wideningOf(call);
    out.template = `${call.suggestedPath}${widening ? ` (also allows ${widening})` : ""}`;
  }
  const rule = suggestedRule(call);
  if (rule !== void 0) out.rule = rule;
}
function pageRow(row, mode) {
  const out = { call: row.operation, verdict: verdictOf(row.kind, mode) };
  const { call, rule } = row;
  if (call !== void 0) {
    out.count = countLabel(call.count, call.protocol);
    if (call.server.service) out.via = `via service ${qualifiedName(call.server.service)}`;
    const seen = seenOf(call);
    if (seen !== void 0) out.seen = seen;
    if (row.kind === "missing" || row.kind === "blocked") missingDetails(call, out);
    const ignoredBy = call.ignoredBy;
    if (row.kind === "ignored" && ignoredBy) out.note = `accepted by ${ignoredBy.file}:${ignoredBy.line}`;
  }
  if (rule !== void 0) {
    out.where = `declared at ${rule.file}:${rule.line}`;
    const reason = rule.reason;
    if (reason !== void 0) out.note = `${reason}: ${STALE_REASON2[reason]}`;
  }
  return shown(out);
}
function shown(row) {
  const out = { ...row };
  for (const key of Object.keys(out)) {
    const value = out[key];
    if (value === void 0) continue;
    out[key] = key === "rule" ? value.split("\n").map(pictureText).join("\n") : pictureText(value);
  }
  return out;
}
function kindStyle(style) {
  const a = style.attributes;
  return {
    legend: style.legend,
    stroke: a.color ?? "#000000",
    dash: DASH[a.style ?? ""] ?? "",
    width: Number(a.penwidth ?? "1.2")
  };
}
function styles(mode) {
  const edgeStyles = {};
  for (const [kind, style] of Object.entries(EDGE_STYLES)) {
    edgeStyles[kind] = kindStyle(style);
  }
  if (mode === "drift") edgeStyles.observed.legend = "observed, not judged (outside the mesh)";
  const nodeStyles = {};
  for (const [kind, style] of Object.entries(NODE_STYLES)) {
    const a = style.attributes;
    nodeStyles[kind] = {
      legend: style.legend.replace(" (name.namespace)", ""),
      stroke: a.color ?? "#000000",
      fill: a.fillcolor ?? "#ffffff",
      dash: (a.style ?? "").includes("dashed") ? "5 3" : "",
      width: 1
    };
  }
  return { edgeStyles, nodeStyles };
}
function summaryOf(graph) {
  const rows = (kind) => graph.edges.filter((e) => e.kind === kind).reduce((n, e) => n + e.rows.length, 0);
  const missing = rows("missing") + rows("blocked");
  const parts = [
    rows("covered") > 0 ? `${rows("covered")} covered` : "",
    missing > 0 ? `${missing} missing (${rows("blocked")} would be blocked once enforced)` : "",
    rows("stale") > 0 ? `${rows("stale")} stale` : "",
    rows("ignored") > 0 ? `${rows("ignored")} ignored` : "",
    rows("observed") > 0 ? `${plural(rows("observed"), "call")} ${graph.mode === "drift" ? "to or from outside the mesh" : "observed"}` : ""
  ].filter((part) => part !== "");
  if (parts.length === 0) return "Nothing observed or declared.";
  return `${parts.join(", ")}; ${plural(graph.nodes.length, "node")}.`;
}
function mapPageData(graph, context) {
  const index = new Map(graph.nodes.map((n, i) => [n.key, i]));
  const environments = {};
  for (const [namespace, name] of Object.entries(context.environments).sort(([a], [b]) => a < b ? -1 : 1)) {
    environments[pictureText(namespace)] = pictureText(name);
  }
  return {
    title: graph.mode === "drift" ? "intent-drift: observed calls vs declared intents" : "intent-drift: observed calls",
    mode: graph.mode,
    summary: summaryOf(graph),
    source: pictureText(context.source),
    window: context.window ? pictureText(`${context.window.from} to ${context.window.to}`) : null,
    warnings: context.warnings.map(pictureText),
    environments,
    onlyDrift: context.onlyDrift && graph.mode === "drift",
    nodes: graph.nodes.map((n) => ({
      kind: n.kind,
      label: pictureText(n.label),
      name: pictureText(n.name),
      namespace: n.namespace === void 0 ? null : pictureText(n.namespace)
    })),
    edges: graph.edges.map((e) => ({
      from: index.get(e.from) ?? -1,
      to: index.get(e.to) ?? -1,
      kind: e.kind,
      rows: e.rows.map((r) => pageRow(r, graph.mode))
    })),
    ...styles(graph.mode)
  };
}

// src/report/map-page/page-html.ts
import { createHash } from "node:crypto";

// src/report/map-page/page-script.generated.ts
var MAP_PAGE_SCRIPT = [
  '"use strict";',
  "(() => {",
  "  // src/report/map-page/browser/layout.ts",
  "  function layerRanks(keys, pairs) {",
  "    const out = new Map(keys.map((k) => [k, []]));",
  "    for (const [a, b] of pairs) if (a !== b && out.has(b)) out.get(a)?.push(b);",
  "    const seen = /* @__PURE__ */ new Map();",
  "    const kept = new Map(keys.map((k) => [k, []]));",
  "    for (const root of keys) {",
  "      if (seen.has(root)) continue;",
  "      seen.set(root, 1);",
  "      const stack = [[root, 0]];",
  "      while (stack.length > 0) {",
  "        const top = stack[stack.length - 1];",
  "        const next = out.get(top[0])?.[top[1]];",
  "        if (next === void 0) {",
  "          seen.set(top[0], 2);",
  "          stack.pop();",
  "          continue;",
  "        }",
  "        top[1]++;",
  "        if (seen.get(next) === 1) continue;",
  "        kept.get(top[0])?.push(next);",
  "        if (!seen.has(next)) {",
  "          seen.set(next, 1);",
  "          stack.push([next, 0]);",
  "        }",
  "      }",
  "    }",
  "    const incoming = new Map(keys.map((k) => [k, 0]));",
  "    for (const targets of kept.values()) for (const t of targets) incoming.set(t, (incoming.get(t) ?? 0) + 1);",
  "    const rank = new Map(keys.map((k) => [k, 0]));",
  "    const queue = keys.filter((k) => incoming.get(k) === 0);",
  "    for (let i = 0; i < queue.length; i++) {",
  "      const k = queue[i];",
  "      for (const t of kept.get(k) ?? []) {",
  "        rank.set(t, Math.max(rank.get(t) ?? 0, (rank.get(k) ?? 0) + 1));",
  "        const left = (incoming.get(t) ?? 1) - 1;",
  "        incoming.set(t, left);",
  "        if (left === 0) queue.push(t);",
  "      }",
  "    }",
  "    return rank;",
  "  }",
  "  function columnsOf(keys, rank) {",
  "    const most = Math.max(3, Math.round(Math.sqrt(keys.length)));",
  "    const ranks = Math.max(0, ...rank.values()) + 1;",
  "    const columns = [];",
  "    for (const k of keys) {",
  "      const r = ranks <= most ? rank.get(k) ?? 0 : Math.floor((rank.get(k) ?? 0) * most / ranks);",
  "      while (columns.length <= r) columns.push([]);",
  "      columns[r]?.push(k);",
  "    }",
  "    const tallest = Math.max(4, Math.ceil(Math.sqrt(keys.length)));",
  "    return columns.flatMap((c) => {",
  "      const parts = [];",
  "      for (let i = 0; i < c.length; i += tallest) parts.push(c.slice(i, i + tallest));",
  "      return parts;",
  "    });",
  "  }",
  "  function orderColumns(columns, neighbours) {",
  "    const position = /* @__PURE__ */ new Map();",
  "    const place = (column) => {",
  "      column.forEach((k, i) => {",
  "        position.set(k, i / Math.max(1, column.length));",
  "      });",
  "    };",
  "    const sortColumn = (column, fixed) => {",
  "      const score = /* @__PURE__ */ new Map();",
  "      column.forEach((k, i) => {",
  "        const near = (neighbours.get(k) ?? []).filter((n) => fixed.has(n));",
  "        const mean = near.reduce((sum, n) => sum + (position.get(n) ?? 0), 0) / Math.max(1, near.length);",
  "        score.set(k, near.length > 0 ? mean : i / Math.max(1, column.length));",
  "      });",
  "      column.sort((a, b) => (score.get(a) ?? 0) - (score.get(b) ?? 0));",
  "      place(column);",
  "    };",
  "    const out = columns.map((c) => [...c]);",
  "    out.forEach(place);",
  "    for (const direction of [1, -1]) {",
  "      const fixed = new Set(direction === 1 ? out[0] ?? [] : out[out.length - 1] ?? []);",
  "      const order = direction === 1 ? out.slice(1) : out.slice(0, -1).reverse();",
  "      for (const column of order) {",
  "        sortColumn(column, fixed);",
  "        for (const k of column) fixed.add(k);",
  "      }",
  "    }",
  "    return out;",
  "  }",
  "  function unitSize(unit) {",
  "    const chars = Math.min(34, unit.label.length);",
  '    if (unit.kind === "group") return { w: Math.max(120, chars * 7 + 28), h: 44 };',
  "    return { w: Math.max(64, chars * 7 + 22), h: 28 };",
  "  }",
  "  function layoutMap(view) {",
  "    const unitsByGroup = /* @__PURE__ */ new Map();",
  "    for (const u of view.units) appendTo(unitsByGroup, u.group, u);",
  "    const groupOf = new Map(view.units.map((u) => [u.key, u.group]));",
  "    const groupPairs = [];",
  "    const groupNear = /* @__PURE__ */ new Map();",
  "    for (const l of view.links) {",
  '      const a = groupOf.get(l.from) ?? "";',
  '      const b = groupOf.get(l.to) ?? "";',
  "      groupPairs.push([a, b]);",
  "      if (a !== b) {",
  "        appendTo(groupNear, a, b);",
  "        appendTo(groupNear, b, a);",
  "      }",
  "    }",
  "    const groupKeys = view.groups.map((g) => g.key);",
  "    const groupColumns = orderColumns(columnsOf(groupKeys, layerRanks(groupKeys, groupPairs)), groupNear);",
  "    const inner = /* @__PURE__ */ new Map();",
  "    for (const g of view.groups) inner.set(g.key, innerColumns(view, unitsByGroup.get(g.key) ?? []));",
  "    return placeColumns(view, groupColumns, inner);",
  "  }",
  "  function innerColumns(view, units) {",
  "    const keys = units.map((u) => u.key);",
  "    const own = new Set(keys);",
  "    const pairs = [];",
  "    const near = /* @__PURE__ */ new Map();",
  "    for (const l of view.links) {",
  "      if (!own.has(l.from) || !own.has(l.to)) continue;",
  "      pairs.push([l.from, l.to]);",
  "      appendTo(near, l.from, l.to);",
  "      appendTo(near, l.to, l.from);",
  "    }",
  "    return orderColumns(columnsOf(keys, layerRanks(keys, pairs)), near);",
  "  }",
  "  function placeColumns(view, groupColumns, inner) {",
  "    const margin = 16;",
  "    const labelled = view.links.length <= 40;",
  "    const columnGap = labelled ? 150 : 90;",
  "    const boxGap = 22;",
  "    const pad = 12;",
  "    const header = 24;",
  "    const unitGap = 12;",
  "    const innerGap = labelled ? 130 : 60;",
  "    const size = new Map(view.units.map((u) => [u.key, unitSize(u)]));",
  "    const collapsed = new Set(view.groups.filter((g) => g.collapsed).map((g) => g.key));",
  "    const label = new Map(view.groups.map((g) => [g.key, g.label]));",
  "    const units = {};",
  "    const groups = {};",
  "    let x = margin;",
  "    let height = 0;",
  "    for (const column of groupColumns) {",
  "      let y = margin;",
  "      let width = 0;",
  "      for (const g of column) {",
  "        const cols = inner.get(g) ?? [];",
  "        const widths = cols.map((c) => c.reduce((most, k) => Math.max(most, size.get(k)?.w ?? 0), 0));",
  "        const heights = cols.map((c) => c.reduce((sum, k) => sum + (size.get(k)?.h ?? 0) + unitGap, -unitGap));",
  "        const tallest = heights.reduce((most, h2) => Math.max(most, h2), 0);",
  "        if (collapsed.has(g)) {",
  '          const only = cols[0]?.[0] ?? "";',
  "          const s = size.get(only) ?? { w: 0, h: 0 };",
  "          units[only] = { x, y, w: s.w, h: s.h };",
  "          y += s.h + boxGap;",
  "          width = Math.max(width, s.w);",
  "          continue;",
  "        }",
  "        const contentW = widths.reduce((sum, w2) => sum + w2 + innerGap, -innerGap);",
  '        const w = Math.max(contentW + 2 * pad, Math.min(60, (label.get(g) ?? "").length) * 7 + 2 * pad + 16);',
  "        const h = header + tallest + 2 * pad;",
  "        groups[g] = { x, y, w, h };",
  "        let cx = x + pad;",
  "        cols.forEach((c, i) => {",
  "          let cy = y + header + pad + (tallest - (heights[i] ?? 0)) / 2;",
  "          for (const k of c) {",
  "            const s = size.get(k) ?? { w: 0, h: 0 };",
  "            units[k] = { x: cx + ((widths[i] ?? 0) - s.w) / 2, y: cy, w: s.w, h: s.h };",
  "            cy += s.h + unitGap;",
  "          }",
  "          cx += (widths[i] ?? 0) + innerGap;",
  "        });",
  "        y += h + boxGap;",
  "        width = Math.max(width, w);",
  "      }",
  "      height = Math.max(height, y - boxGap + margin);",
  "      x += width + columnGap;",
  "    }",
  "    return { width: Math.max(x - columnGap + margin, 200), height: Math.max(height, 120), units, groups };",
  "  }",
  "  function linkPath(a, b, offset) {",
  "    const r = (v) => Math.round(v * 10) / 10;",
  "    const ay = a.y + a.h / 2 + offset;",
  "    const by = b.y + b.h / 2 + offset;",
  "    if (a === b) {",
  "      const x = a.x + a.w;",
  "      const d2 = `M${r(x)},${r(ay - 6)} C${r(x + 36)},${r(ay - 26)} ${r(x + 36)},${r(ay + 26)} ${r(x + 2)},${r(ay + 6)}`;",
  "      return { d: d2, mx: r(x + 30), my: r(ay) };",
  "    }",
  "    const ax = a.x + a.w;",
  "    if (b.x > ax + 8) {",
  "      const bend = Math.max(30, (b.x - ax) / 2);",
  "      const d2 = `M${r(ax)},${r(ay)} C${r(ax + bend)},${r(ay)} ${r(b.x - bend)},${r(by)} ${r(b.x - 2)},${r(by)}`;",
  "      const t = 0.35;",
  "      const along = (p0, p1, p2, p3) => (1 - t) ** 3 * p0 + 3 * (1 - t) ** 2 * t * p1 + 3 * (1 - t) * t ** 2 * p2 + t ** 3 * p3;",
  "      return { d: d2, mx: r(along(ax, ax + bend, b.x - bend, b.x)), my: r(along(ay, ay, by, by)) };",
  "    }",
  "    const bx = b.x + b.w;",
  "    const out = Math.max(ax, bx) + 50 + Math.abs(ay - by) / 8;",
  "    const d = `M${r(ax)},${r(ay)} C${r(out)},${r(ay)} ${r(out)},${r(by)} ${r(bx + 2)},${r(by)}`;",
  "    return { d, mx: r(out - 12), my: r((ay + by) / 2) };",
  "  }",
  "  function appendTo(lists, key, value) {",
  "    const list = lists.get(key);",
  "    if (list === void 0) lists.set(key, [value]);",
  "    else list.push(value);",
  "  }",
  "",
  "  // src/report/map-page/browser/draw.ts",
  "  function svgNode(tag, attrs, text) {",
  '    const node = document.createElementNS("http://www.w3.org/2000/svg", tag);',
  "    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));",
  "    if (text !== void 0) node.textContent = text;",
  "    return node;",
  "  }",
  "  function shortText(text, max) {",
  "    const chars = [...text];",
  '    return chars.length <= max ? text : `${chars.slice(0, max - 1).join("")}\u2026`;',
  "  }",
  "  function arrowMarkers(data) {",
  '    const defs = svgNode("defs", {});',
  "    for (const [kind, style] of Object.entries(data.edgeStyles)) {",
  '      const marker = svgNode("marker", {',
  "        id: `arrow-${kind}`,",
  '        viewBox: "0 0 10 10",',
  "        refX: 9,",
  "        refY: 5,",
  "        // In pixels, not in stroke widths: a thick line keeps an arrowhead of the usual size.",
  '        markerUnits: "userSpaceOnUse",',
  "        markerWidth: 10,",
  "        markerHeight: 10,",
  '        orient: "auto-start-reverse"',
  "      });",
  '      marker.append(svgNode("path", { d: "M0,0 L10,5 L0,10 z", fill: style.stroke }));',
  "      defs.append(marker);",
  "    }",
  "    return defs;",
  "  }",
  "  function linkLabel(data, link) {",
  "    const first = data.edges[link.edges[0] ?? -1]?.rows[0];",
  '    if (first === void 0) return "";',
  '    const more = link.rows > 1 ? ` +${link.rows - 1}` : "";',
  "    return `${shortText(first.call, 36)}${more}`;",
  "  }",
  "  function linkOffsets(links) {",
  "    const count = /* @__PURE__ */ new Map();",
  "    for (const l of links) count.set(`${l.from}>${l.to}`, (count.get(`${l.from}>${l.to}`) ?? 0) + 1);",
  "    const seen = /* @__PURE__ */ new Map();",
  "    const offsets = /* @__PURE__ */ new Map();",
  "    for (const l of links) {",
  "      const pair = `${l.from}>${l.to}`;",
  "      const i = seen.get(pair) ?? 0;",
  "      seen.set(pair, i + 1);",
  "      offsets.set(l.key, (i - ((count.get(pair) ?? 1) - 1) / 2) * 8);",
  "    }",
  "    return offsets;",
  "  }",
  "  function drawLink(data, link, ends, names, offset, labelled) {",
  "    const { d, mx, my } = linkPath(ends[0], ends[1], offset);",
  "    const style = data.edgeStyles[link.kind];",
  '    const what = `${link.rows} ${link.rows === 1 ? "call or rule" : "calls or rules"}`;',
  '    const g = svgNode("g", {',
  "      class: `link kind-${link.kind}`,",
  '      "data-link": link.key,',
  '      role: "button",',
  "      tabindex: 0,",
  '      "aria-label": `${link.kind}: ${names[0]} to ${names[1]}, ${what}`',
  "    });",
  '    g.append(svgNode("title", {}, `${names[0]} \u2192 ${names[1]}: ${link.kind}, ${what}`));',
  '    g.append(svgNode("path", { d, class: "hit" }));',
  '    const line = { d, class: "line", stroke: style.stroke };',
  '    line["stroke-width"] = Math.max(1.2, style.width);',
  '    if (style.dash !== "") line["stroke-dasharray"] = style.dash;',
  '    line["marker-end"] = `url(#arrow-${link.kind})`;',
  '    g.append(svgNode("path", line));',
  "    if (labelled) {",
  '      const attrs = { x: mx, y: my - 5 + offset * 2, class: "link-label", fill: style.stroke };',
  '      g.append(svgNode("text", attrs, linkLabel(data, link)));',
  "    }",
  "    return g;",
  "  }",
  "  function drawLinks(svg, data, view, layout) {",
  "    const rank = {",
  "      covered: 0,",
  "      observed: 0,",
  "      ignored: 1,",
  "      stale: 2,",
  "      missing: 3,",
  "      blocked: 4",
  "    };",
  "    const links = [...view.links].sort((a, b) => (rank[a.kind] ?? 0) - (rank[b.kind] ?? 0));",
  "    const offsets = linkOffsets(links);",
  "    const titles = new Map(view.units.map((u) => [u.key, u.title]));",
  '    const layer = svgNode("g", { class: "links" });',
  "    for (const link of links) {",
  "      const a = layout.units[link.from];",
  "      const b = layout.units[link.to];",
  "      if (a === void 0 || b === void 0) continue;",
  '      const names = [titles.get(link.from) ?? "", titles.get(link.to) ?? ""];',
  "      layer.append(drawLink(data, link, [a, b], names, offsets.get(link.key) ?? 0, links.length <= 40));",
  "    }",
  "    svg.append(layer);",
  "  }",
  "  function drawGroups(svg, view, layout) {",
  '    const layer = svgNode("g", { class: "groups" });',
  "    for (const group of view.groups) {",
  "      const box = layout.groups[group.key];",
  "      if (group.collapsed || box === void 0) continue;",
  '      const g = svgNode("g", { class: "group", "data-group": group.key });',
  '      g.append(svgNode("rect", { x: box.x, y: box.y, width: box.w, height: box.h, rx: 8, class: "group-box" }));',
  '      const header = svgNode("text", {',
  "        x: box.x + 10,",
  "        y: box.y + 16,",
  '        class: "group-label",',
  '        role: "button",',
  "        tabindex: 0,",
  '        "data-toggle": group.key,',
  '        "aria-label": `collapse ${group.label}`',
  "      });",
  '      header.append(svgNode("title", {}, `${group.label}: click to collapse`));',
  "      header.append(document.createTextNode(`\u25BE ${shortText(group.label, 60)}`));",
  "      g.append(header);",
  "      layer.append(g);",
  "    }",
  "    svg.append(layer);",
  "  }",
  "  function drawUnits(svg, data, view, layout) {",
  '    const layer = svgNode("g", { class: "units" });',
  "    for (const unit of view.units) {",
  "      const box = layout.units[unit.key];",
  "      if (box === void 0) continue;",
  '      const g = svgNode("g", {',
  '        class: `unit kind-${unit.kind}${unit.match ? " match" : ""}`,',
  '        "data-unit": unit.key,',
  '        role: "button",',
  "        tabindex: 0,",
  '        "aria-label": unit.kind === "group" ? unit.title : `${unit.kind} ${unit.title}`',
  "      });",
  '      g.append(svgNode("title", {}, unit.title));',
  "      const rect = { x: box.x, y: box.y, width: box.w, height: box.h, rx: 6 };",
  '      const style = unit.kind === "group" ? void 0 : data.nodeStyles[unit.kind];',
  '      if (style !== void 0) Object.assign(rect, { fill: style.fill ?? "#ffffff", stroke: style.stroke });',
  '      if (style !== void 0 && style.dash !== "") rect["stroke-dasharray"] = style.dash;',
  '      g.append(svgNode("rect", rect));',
  '      const lines = unit.kind === "group" ? [`\u25B8 ${unit.label}`, unit.note] : [unit.label];',
  "      lines.forEach((line, i) => {",
  "        const y = box.y + (lines.length === 1 ? box.h / 2 + 4 : 17 + i * 16);",
  '        const cls = i === 0 ? "unit-label" : "unit-note";',
  '        g.append(svgNode("text", { x: box.x + box.w / 2, y, class: cls }, shortText(line, 34)));',
  "      });",
  "      layer.append(g);",
  "    }",
  "    svg.append(layer);",
  "  }",
  "  function drawMap(svg, data, view, layout, zoom) {",
  "    svg.replaceChildren();",
  '    svg.setAttribute("viewBox", `0 0 ${layout.width} ${layout.height}`);',
  '    svg.setAttribute("width", String(Math.round(layout.width * zoom)));',
  '    svg.setAttribute("height", String(Math.round(layout.height * zoom)));',
  "    svg.append(arrowMarkers(data));",
  "    drawGroups(svg, view, layout);",
  "    drawLinks(svg, data, view, layout);",
  "    drawUnits(svg, data, view, layout);",
  "  }",
  "",
  "  // src/report/map-page/browser/panel.ts",
  "  function htmlNode(tag, attrs = {}, text) {",
  "    const node = document.createElement(tag);",
  "    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);",
  "    if (text !== void 0) node.textContent = text;",
  "    return node;",
  "  }",
  "  function showHint(panel) {",
  "    panel.replaceChildren(",
  '      htmlNode("h2", {}, "Details"),',
  "      htmlNode(",
  '        "p",',
  '        { class: "hint" },',
  '        "Click a line for its calls and rules, a box for what it calls and what calls it, a collapsed namespace to open it."',
  "      )",
  "    );",
  "  }",
  "  function rowItem(row, kind, end) {",
  '    const item = htmlNode("li", { class: `row kind-${kind}` });',
  '    if (end !== void 0) item.append(htmlNode("div", { class: "end" }, end));',
  '    const head = htmlNode("div");',
  '    head.append(htmlNode("span", { class: `verdict kind-${kind}` }, row.verdict), " ");',
  '    head.append(htmlNode("code", {}, row.call));',
  '    if (row.count !== void 0) head.append(htmlNode("span", { class: "count" }, ` ${row.count}`));',
  "    item.append(head);",
  "    for (const line of [",
  "      row.note,",
  "      row.via,",
  "      row.template === void 0 ? void 0 : `template ${row.template}`",
  "    ]) {",
  '      if (line !== void 0) item.append(htmlNode("div", { class: "note" }, line));',
  "    }",
  '    if (row.seen !== void 0) item.append(htmlNode("div", { class: "note" }, `seen ${row.seen}`));',
  '    if (row.where !== void 0) item.append(htmlNode("div", { class: "where" }, row.where));',
  "    if (row.rule !== void 0) {",
  '      const rule = htmlNode("details", { class: "rule" });',
  '      rule.append(htmlNode("summary", {}, "suggested rule, for spec.targets"), htmlNode("pre", {}, row.rule));',
  "      item.append(rule);",
  "    }",
  "    return item;",
  "  }",
  "  function rowsList(data, edges, ends) {",
  "    const cap = 300;",
  '    const list = htmlNode("ul", { class: "rows" });',
  "    let shown = 0;",
  "    let total = 0;",
  "    for (const i of edges) {",
  "      const edge = data.edges[i];",
  "      if (edge === void 0) continue;",
  "      for (const row of edge.rows) {",
  "        total++;",
  "        if (shown >= cap) continue;",
  "        shown++;",
  "        list.append(rowItem(row, edge.kind, ends?.(i)));",
  "      }",
  "    }",
  "    if (total > shown) {",
  "      list.append(",
  '        htmlNode("li", { class: "note" }, `${total - shown} more not shown: filter or search to narrow.`)',
  "      );",
  "    }",
  "    return list;",
  "  }",
  "  function showLinkDetails(panel, data, view, link) {",
  "    const title = (key) => {",
  "      const unit = view.units.find((u) => u.key === key);",
  '      return unit === void 0 ? key : unit.kind === "group" ? unit.label : unit.title;',
  "    };",
  '    const parts = [htmlNode("h2", {}, `${title(link.from)} \u2192 ${title(link.to)}`)];',
  "    parts.push(",
  "      htmlNode(",
  '        "p",',
  '        { class: "note" },',
  '        `${data.edgeStyles[link.kind].legend}: ${link.rows} ${link.rows === 1 ? "call or rule" : "calls or rules"}`',
  "      )",
  "    );",
  "    for (const i of link.edges.slice(0, 100)) {",
  "      const edge = data.edges[i];",
  "      if (edge === void 0) continue;",
  "      if (link.edges.length > 1) {",
  '        const pair = `${data.nodes[edge.from]?.label ?? ""} \u2192 ${data.nodes[edge.to]?.label ?? ""}`;',
  '        parts.push(htmlNode("h3", {}, pair));',
  "      }",
  "      parts.push(rowsList(data, [i]));",
  "    }",
  "    if (link.edges.length > 100)",
  '      parts.push(htmlNode("p", { class: "note" }, `${link.edges.length - 100} more pairs not shown.`));',
  "    panel.replaceChildren(...parts);",
  "  }",
  "  function showNodeDetails(panel, data, node) {",
  "    const n = data.nodes[node];",
  "    if (n === void 0) return;",
  "    const out = [];",
  "    const into = [];",
  "    data.edges.forEach((e, i) => {",
  "      if (e.from === node) out.push(i);",
  "      if (e.to === node) into.push(i);",
  "    });",
  "    const env = n.namespace === null ? void 0 : data.environments[n.namespace];",
  '    const what = `${data.nodeStyles[n.kind].legend}${env === void 0 ? "" : `, environment ${env}`}`;',
  '    const parts = [htmlNode("h2", {}, n.label), htmlNode("p", { class: "note" }, what)];',
  "    const rows = (edges) => edges.reduce((n2, i) => n2 + (data.edges[i]?.rows.length ?? 0), 0);",
  '    parts.push(htmlNode("h3", {}, `Calls out (${rows(out)})`));',
  "    parts.push(",
  '      out.length === 0 ? htmlNode("p", { class: "note" }, "none") : rowsList(data, out, (i) => `\u2192 ${data.nodes[data.edges[i]?.to ?? -1]?.label ?? ""}`)',
  "    );",
  '    parts.push(htmlNode("h3", {}, `Calls in (${rows(into)})`));',
  "    parts.push(",
  '      into.length === 0 ? htmlNode("p", { class: "note" }, "none") : rowsList(data, into, (i) => `\u2190 ${data.nodes[data.edges[i]?.from ?? -1]?.label ?? ""}`)',
  "    );",
  "    panel.replaceChildren(...parts);",
  "  }",
  "",
  "  // src/report/map-page/browser/view.ts",
  "  function groupOfNode(data, node) {",
  "    const n = data.nodes[node];",
  '    if (n === void 0) return { key: "~", label: "" };',
  "    if (n.namespace !== null) return { key: `ns:${n.namespace}`, label: `namespace ${n.namespace}` };",
  '    return n.kind === "unattributed" ? { key: "~outside", label: "callers outside the mesh" } : { key: "~external", label: "hosts outside the mesh" };',
  "  }",
  "  function edgePasses(data, state, edge, query) {",
  "    const e = data.edges[edge];",
  "    if (e === void 0) return false;",
  '    if (state.driftOnly && e.kind !== "missing" && e.kind !== "blocked" && e.kind !== "stale") return false;',
  "    const ends = [data.nodes[e.from], data.nodes[e.to]];",
  "    const namespaces = ends.map((n) => n?.namespace ?? null);",
  '    if (state.namespace !== "" && !namespaces.includes(state.namespace)) return false;',
  '    if (state.environment !== "") {',
  "      const envs = namespaces.map((ns) => ns === null ? void 0 : data.environments[ns]);",
  "      if (!envs.includes(state.environment)) return false;",
  "    }",
  '    if (query === "") return true;',
  "    if (ends.some((n) => n?.label.toLowerCase().includes(query))) return true;",
  "    return e.rows.some((r) => r.call.toLowerCase().includes(query));",
  "  }",
  "  function visibleMap(data, state) {",
  "    const collapseAbove = 60;",
  "    const query = state.search.trim().toLowerCase();",
  "    const edges = [];",
  "    data.edges.forEach((_, i) => {",
  "      if (edgePasses(data, state, i, query)) edges.push(i);",
  "    });",
  "    const nodeSet = /* @__PURE__ */ new Set();",
  "    for (const i of edges) {",
  "      const e = data.edges[i];",
  "      if (e !== void 0) nodeSet.add(e.from).add(e.to);",
  "    }",
  "    const nodes = [...nodeSet].sort((a, b) => a - b);",
  "    const groups = /* @__PURE__ */ new Map();",
  "    for (const node of nodes) {",
  "      const { key, label } = groupOfNode(data, node);",
  "      const group = groups.get(key) ?? { key, label, collapsed: false, nodes: [], matches: 0 };",
  "      group.nodes.push(node);",
  '      if (query !== "" && (data.nodes[node]?.label.toLowerCase().includes(query) ?? false)) group.matches++;',
  "      groups.set(key, group);",
  "    }",
  "    for (const group of groups.values()) {",
  "      group.collapsed = state.collapsed[group.key] ?? nodes.length > collapseAbove;",
  "    }",
  "    const sorted = [...groups.values()].sort((a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0);",
  "    const units = viewUnits(data, sorted, query);",
  "    const unitOf = /* @__PURE__ */ new Map();",
  "    for (const u of units) {",
  "      if (u.node >= 0) unitOf.set(u.node, u.key);",
  "    }",
  "    for (const g of sorted) {",
  "      if (g.collapsed) for (const n of g.nodes) unitOf.set(n, `g:${g.key}`);",
  "    }",
  "    return {",
  "      groups: sorted,",
  "      units,",
  "      links: viewLinks(data, edges, unitOf),",
  "      shown: edges.length,",
  "      total: data.edges.length",
  "    };",
  "  }",
  "  function viewUnits(data, groups, query) {",
  "    const units = [];",
  "    for (const g of groups) {",
  "      if (g.collapsed) {",
  '        const note = `${g.nodes.length} ${g.nodes.length === 1 ? "node" : "nodes"}${g.matches > 0 ? `, ${g.matches} matching` : ""}`;',
  "        units.push({",
  "          key: `g:${g.key}`,",
  "          group: g.key,",
  "          label: g.label,",
  "          title: `${g.label}: ${note} (collapsed: click to open)`,",
  '          kind: "group",',
  "          node: -1,",
  "          match: g.matches > 0,",
  "          note",
  "        });",
  "        continue;",
  "      }",
  "      for (const node of g.nodes) {",
  "        const n = data.nodes[node];",
  "        if (n === void 0) continue;",
  "        units.push({",
  "          key: `n:${node}`,",
  "          group: g.key,",
  "          label: n.name,",
  "          title: n.label,",
  "          kind: n.kind,",
  "          node,",
  '          match: query !== "" && n.label.toLowerCase().includes(query),',
  '          note: ""',
  "        });",
  "      }",
  "    }",
  "    return units;",
  "  }",
  "  var WORST = {",
  "    blocked: 5,",
  "    missing: 4,",
  "    stale: 3,",
  "    ignored: 2,",
  "    covered: 1,",
  "    observed: 0",
  "  };",
  "  function viewLinks(data, edges, unitOf) {",
  "    const links = /* @__PURE__ */ new Map();",
  "    for (const i of edges) {",
  "      const e = data.edges[i];",
  "      if (e === void 0) continue;",
  "      const from = unitOf.get(e.from);",
  "      const to = unitOf.get(e.to);",
  "      if (from === void 0 || to === void 0) continue;",
  '      const grouped = from.startsWith("g:") || to.startsWith("g:");',
  "      const key = grouped ? `${from}>${to}` : `${from}>${to}>${e.kind}`;",
  "      const link = links.get(key) ?? { key, from, to, kind: e.kind, edges: [], rows: 0 };",
  "      if (WORST[e.kind] > WORST[link.kind]) link.kind = e.kind;",
  "      link.edges.push(i);",
  "      link.rows += e.rows.length;",
  "      links.set(key, link);",
  "    }",
  "    return [...links.values()];",
  "  }",
  "",
  "  // src/report/map-page/browser/main.ts",
  "  function byId(id) {",
  "    const found = document.getElementById(id);",
  "    if (found === null) throw new Error(`the page has no #${id}`);",
  "    return found;",
  "  }",
  "  function fillSelect(select, all, values) {",
  '    select.append(htmlNode("option", { value: "" }, all));',
  "    for (const value of values) {",
  '      const option = htmlNode("option", {}, value);',
  "      option.value = value;",
  "      select.append(option);",
  "    }",
  "  }",
  "  function fillControls(data, state) {",
  "    const namespaces = [",
  "      ...new Set(data.nodes.flatMap((n) => n.namespace === null ? [] : [n.namespace]))",
  "    ].sort();",
  '    fillSelect(byId("namespace"), `all namespaces (${namespaces.length})`, namespaces);',
  "    const environments = [...new Set(Object.values(data.environments))].sort();",
  "    if (environments.length > 0) {",
  '      fillSelect(byId("environment"), "all environments", environments);',
  '      byId("environment-control").hidden = false;',
  "    }",
  '    if (data.mode === "drift") byId("drift-control").hidden = false;',
  '    byId("drift-only").checked = state.driftOnly;',
  "  }",
  "  function markSelection(svg, state, view) {",
  '    for (const el of svg.querySelectorAll(".selected, .related")) el.classList.remove("selected", "related");',
  '    svg.classList.toggle("has-selection", state.selected !== null);',
  "    const sel = state.selected;",
  "    if (sel === null) return;",
  '    if (sel.kind === "link") {',
  "      const link = view.links.find((l) => l.key === sel.key);",
  "      const ends = /* @__PURE__ */ new Set([link?.from, link?.to]);",
  '      for (const el of svg.querySelectorAll("[data-link]"))',
  '        if (el.getAttribute("data-link") === sel.key) el.classList.add("selected");',
  '      for (const el of svg.querySelectorAll("[data-unit]"))',
  '        if (ends.has(el.getAttribute("data-unit") ?? "")) el.classList.add("related");',
  "      return;",
  "    }",
  "    const unit = `n:${sel.node}`;",
  "    const touching = new Set(",
  "      view.links.filter((l) => l.from === unit || l.to === unit).flatMap((l) => [l.key, l.from, l.to])",
  "    );",
  '    for (const el of svg.querySelectorAll("[data-unit], [data-link]")) {',
  '      const key = el.getAttribute("data-unit") ?? el.getAttribute("data-link") ?? "";',
  '      if (key === unit) el.classList.add("selected");',
  '      else if (touching.has(key)) el.classList.add("related");',
  "    }",
  "  }",
  "  function statusText(view) {",
  '    if (view.total === 0) return "Nothing observed or declared.";',
  '    if (view.shown === 0) return "No edge matches these filters.";',
  "    const closed = view.groups.filter((g) => g.collapsed).length;",
  '    const collapsed = closed > 0 ? `, ${closed} of ${view.groups.length} namespaces collapsed` : "";',
  "    return `Showing ${view.shown} of ${view.total} edges in ${view.units.length} boxes${collapsed}.`;",
  "  }",
  "  function onPick(target, data, state, view, redraw) {",
  '    const toggle = target.closest("[data-toggle]")?.getAttribute("data-toggle");',
  '    const unit = target.closest("[data-unit]")?.getAttribute("data-unit");',
  '    const link = target.closest("[data-link]")?.getAttribute("data-link");',
  '    const panel = byId("details");',
  "    if (toggle) {",
  "      state.collapsed[toggle] = true;",
  "      redraw();",
  '    } else if (unit?.startsWith("g:")) {',
  "      state.collapsed[unit.slice(2)] = false;",
  "      redraw();",
  "    } else if (unit) {",
  '      state.selected = { kind: "node", node: Number(unit.slice(2)) };',
  "      showNodeDetails(panel, data, state.selected.node);",
  "    } else if (link) {",
  "      const found = view.links.find((l) => l.key === link);",
  "      if (found === void 0) return;",
  '      state.selected = { kind: "link", key: link };',
  "      showLinkDetails(panel, data, view, found);",
  "    }",
  "  }",
  "  function wireControls(data, state, redraw, fit) {",
  "    const on = (id, event, act) => byId(id).addEventListener(event, (e) => {",
  "      act(e.currentTarget);",
  "      redraw();",
  "    });",
  '    on("namespace", "change", (el) => {',
  "      state.namespace = el.value;",
  "    });",
  '    on("environment", "change", (el) => {',
  "      state.environment = el.value;",
  "    });",
  '    on("search", "input", (el) => {',
  "      state.search = el.value;",
  "    });",
  '    on("drift-only", "change", (el) => {',
  "      state.driftOnly = el.checked;",
  "    });",
  "    const setAll = (collapsed) => {",
  "      data.nodes.forEach((_, i) => {",
  "        state.collapsed[groupOfNode(data, i).key] = collapsed;",
  "      });",
  "    };",
  '    on("expand-all", "click", () => setAll(false));',
  '    on("collapse-all", "click", () => setAll(true));',
  '    on("zoom-in", "click", () => {',
  "      state.zoom = Math.min(4, state.zoom * 1.25);",
  "    });",
  '    on("zoom-out", "click", () => {',
  "      state.zoom = Math.max(0.1, state.zoom / 1.25);",
  "    });",
  '    byId("zoom-fit").addEventListener("click", fit);',
  "  }",
  "  function startMapPage() {",
  '    const data = JSON.parse(byId("map-data").textContent ?? "{}");',
  "    const state = {",
  '      namespace: "",',
  '      environment: "",',
  '      search: "",',
  "      driftOnly: data.onlyDrift,",
  "      collapsed: {},",
  "      zoom: 1,",
  "      selected: null",
  "    };",
  '    const svg = byId("map");',
  "    let view = visibleMap(data, state);",
  "    let layout = layoutMap(view);",
  "    const redraw = () => {",
  "      view = visibleMap(data, state);",
  "      layout = layoutMap(view);",
  "      drawMap(svg, data, view, layout, state.zoom);",
  "      const sel = state.selected;",
  '      const stillShown = sel === null || (sel.kind === "link" ? view.links.some((l) => l.key === sel.key) : view.units.some((u) => u.node === sel.node));',
  "      if (!stillShown) {",
  "        state.selected = null;",
  '        showHint(byId("details"));',
  "      }",
  "      markSelection(svg, state, view);",
  '      byId("status").textContent = statusText(view);',
  "    };",
  "    const fit = () => {",
  '      const graph = byId("graph");',
  "      const whole = Math.min((graph.clientWidth - 4) / layout.width, (graph.clientHeight - 4) / layout.height);",
  "      state.zoom = Math.max(0.7, Math.min(1.5, whole));",
  "      redraw();",
  "    };",
  "    fillControls(data, state);",
  "    wireControls(data, state, redraw, fit);",
  "    const pick = (e) => {",
  "      if (e.target instanceof Element) onPick(e.target, data, state, view, redraw);",
  "      markSelection(svg, state, view);",
  "    };",
  '    svg.addEventListener("click", pick);',
  '    svg.addEventListener("keydown", (e) => {',
  '      if (e.key !== "Enter" && e.key !== " ") return;',
  "      e.preventDefault();",
  "      pick(e);",
  "    });",
  '    showHint(byId("details"));',
  "    fit();",
  '    document.documentElement.setAttribute("data-ready", "true");',
  "  }",
  "",
  "  // src/report/map-page/browser/entry.ts",
  "  startMapPage();",
  "})();",
  ""
].join("\n");

// src/report/map-page/page-style.ts
var MAP_PAGE_CSS = `:root{color-scheme:light}
[hidden]{display:none!important}
body{font-family:"DejaVu Sans",Verdana,sans-serif;margin:0;color:#1f2937;background:#fff}
header{padding:1rem 1.5rem .3rem}
h1{font-size:1.25rem;margin:0 0 .4rem}
header p{margin:.2rem 0;font-size:.9rem}
.source{color:#4b5563}
.warnings{font-size:.85rem;color:#92400e}
.controls{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;padding:.5rem 1.5rem;border-bottom:1px solid #e5e7eb;border-top:1px solid #e5e7eb;position:sticky;top:0;background:#fff;z-index:1;font-size:.9rem}
.controls select,.controls input,.controls button{font:inherit}
.controls input[type=search]{width:15rem}
#status{color:#4b5563;font-size:.85rem}
main{display:grid;grid-template-columns:minmax(0,1fr) 27rem;min-height:60vh}
.graph{overflow:auto;height:calc(100vh - 8rem);min-height:22rem}
aside{padding:.5rem 1rem;overflow:auto;height:calc(100vh - 8rem);min-height:22rem;box-sizing:border-box;font-size:.85rem;border-left:1px solid #e5e7eb}
aside h2{font-size:1rem;margin:.3rem 0;word-break:break-all}
aside h3{font-size:.9rem;margin:.8rem 0 .3rem;word-break:break-all}
@media (max-width:900px){main{grid-template-columns:1fr}.graph{height:70vh}aside{height:auto;border-left:0;border-top:1px solid #e5e7eb}}
#map text{font-family:"DejaVu Sans",Verdana,sans-serif}
.group-box{fill:#fafafa;stroke:#9ca3af;stroke-dasharray:5 4}
.group-label{font-size:12px;fill:#4b5563;cursor:pointer}
.unit,.link{cursor:pointer}
.unit rect{stroke-width:1.2}
.kind-group rect{fill:#f3f4f6;stroke:#6b7280;stroke-dasharray:5 4}
.unit-label{font-size:12px;text-anchor:middle;fill:#111827}
.unit-note{font-size:11px;text-anchor:middle;fill:#4b5563}
.unit.match rect{stroke:#b45309;stroke-width:3}
.line{fill:none}
.hit{fill:none;stroke:transparent;stroke-width:12}
.link-label{font-size:10px;text-anchor:middle;paint-order:stroke;stroke:#fff;stroke-width:3px}
.has-selection .link:not(.selected):not(.related),.has-selection .unit:not(.selected):not(.related){opacity:.3}
.link.selected .line{stroke-width:4}
.unit.selected rect{stroke-width:3}
#map :focus{outline:none}
#map :focus-visible{outline:2px solid #2563eb}
.rows{list-style:none;padding:0;margin:0}
.row{border-bottom:1px solid #e5e7eb;padding:.4rem 0}
.row .end{font-weight:bold;word-break:break-all}
.row .count,.row .where{color:#374151}
.row .where{font-family:"DejaVu Sans Mono",monospace;font-size:.8rem;word-break:break-all}
.note,.hint{color:#4b5563;font-size:.8rem}
.verdict{font-weight:bold}
.verdict.kind-missing,.verdict.kind-blocked{color:#b91c1c}
.verdict.kind-stale{color:#4b5563}
pre{background:#f3f4f6;padding:.4rem;overflow:auto;font-size:.8rem;margin:.2rem 0}
code{font-family:"DejaVu Sans Mono",monospace;word-break:break-all}
.legend{padding:.5rem 1.5rem 1.5rem;font-size:.85rem;border-top:1px solid #e5e7eb}
.legend h2{font-size:1rem}
.legend ul{list-style:none;padding:0;margin:0;display:flex;flex-wrap:wrap;gap:.4rem 1.6rem}
.legend svg{vertical-align:middle;margin-right:.4rem}`;

// src/report/map-page/page-html.ts
var EDGE_ORDER = ["covered", "missing", "blocked", "stale", "ignored", "observed"];
var NODE_ORDER = ["workload", "service", "external", "unattributed"];
function sha256(text) {
  return `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
}
function jsonForScript(value) {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`
  );
}
function lineSwatch(style) {
  const dash = style.dash === "" ? "" : ` stroke-dasharray="${style.dash}"`;
  return `<svg width="44" height="12" aria-hidden="true"><line x1="2" y1="6" x2="42" y2="6" stroke="${style.stroke}" stroke-width="${Math.max(1.5, style.width)}"${dash}/></svg>`;
}
function boxSwatch(style) {
  const dash = style.dash === "" ? "" : ` stroke-dasharray="${style.dash}"`;
  return `<svg width="30" height="16" aria-hidden="true"><rect x="1" y="1" width="28" height="14" rx="4" fill="${style.fill ?? "#ffffff"}" stroke="${style.stroke}"${dash}/></svg>`;
}
function legendItems(data) {
  const items = [];
  for (const kind of EDGE_ORDER) {
    if (!data.edges.some((e) => e.kind === kind)) continue;
    const style = data.edgeStyles[kind];
    items.push(`<li>${lineSwatch(style)}${escapeHtml(style.legend)}</li>`);
  }
  for (const kind of NODE_ORDER) {
    if (!data.nodes.some((n) => n.kind === kind)) continue;
    const style = data.nodeStyles[kind];
    items.push(`<li>${boxSwatch(style)}${escapeHtml(style.legend)}</li>`);
  }
  items.push(
    `<li>${boxSwatch({ legend: "", stroke: "#6b7280", fill: "#f3f4f6", dash: "5 3", width: 1 })}a collapsed namespace: click it to open it, click an open namespace's name to collapse it</li>`
  );
  return items;
}
function headerLines(data) {
  const source = `Data: ${data.source}${data.window === null ? "" : `; traffic from ${data.window}`}.`;
  const lines = [
    `<h1>${escapeHtml(data.title)}</h1>`,
    `<p class="summary">${escapeHtml(data.summary)}</p>`,
    `<p class="source">${escapeHtml(source)}</p>`
  ];
  if (data.warnings.length > 0) {
    const items = data.warnings.map((w) => `<li>${escapeHtml(w)}</li>`).join("");
    lines.push(
      `<details class="warnings"><summary>${data.warnings.length} warning(s)</summary><ul>${items}</ul></details>`
    );
  }
  return lines;
}
var CONTROLS = [
  '<nav class="controls" aria-label="filters">',
  '<label>namespace <select id="namespace"></select></label>',
  '<label id="environment-control" hidden>environment <select id="environment"></select></label>',
  '<label>search <input id="search" type="search" placeholder="workload, namespace or path" autocomplete="off"></label>',
  '<label id="drift-control" hidden><input id="drift-only" type="checkbox"> drift only (hide covered calls)</label>',
  '<span><button id="expand-all" type="button">open all</button> <button id="collapse-all" type="button">collapse all</button></span>',
  '<span><button id="zoom-out" type="button" aria-label="zoom out">\u2212</button> <button id="zoom-fit" type="button">fit</button> <button id="zoom-in" type="button" aria-label="zoom in">+</button></span>',
  '<span id="status" role="status"></span>',
  "</nav>"
];
function renderMapPage(data) {
  const csp = [
    "default-src 'none'",
    `script-src ${sha256(MAP_PAGE_SCRIPT)}`,
    `style-src ${sha256(MAP_PAGE_CSS)}`,
    "base-uri 'none'",
    "form-action 'none'"
  ].join("; ");
  return [
    "<!DOCTYPE html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(data.title)}</title>`,
    `<style>${MAP_PAGE_CSS}</style>`,
    "</head>",
    "<body>",
    "<header>",
    ...headerLines(data),
    "</header>",
    ...CONTROLS,
    "<main>",
    '<div id="graph" class="graph"><svg id="map" xmlns="http://www.w3.org/2000/svg" role="group" aria-label="calls between workloads"></svg></div>',
    '<aside id="details" aria-live="polite"></aside>',
    "</main>",
    '<section class="legend" aria-label="legend">',
    "<h2>Legend</h2>",
    `<ul>${legendItems(data).join("")}</ul>`,
    "</section>",
    "<noscript><p>This page draws the map with its inline script: allow scripts for this file, or use visualize -o map.svg.</p></noscript>",
    `<script type="application/json" id="map-data">${jsonForScript(data)}</script>`,
    `<script>${MAP_PAGE_SCRIPT}</script>`,
    "</body>",
    "</html>",
    ""
  ].join("\n");
}

// src/cli/visualize-source.ts
function hostOf(url) {
  if (url === void 0) return "";
  try {
    return ` at ${new URL(url).host}`;
  } catch {
    return "";
  }
}
function describeSource(settings, observed) {
  const live = settings.live;
  const since = live.since === void 0 ? "" : `, since ${live.since}`;
  let what;
  switch (settings.source) {
    case "metrics":
      what = `metrics ${settings.metrics.join(", ")}`;
      break;
    case "snapshot":
      what = `snapshot ${settings.snapshots.join(", ")}${since}`;
      break;
    case "sidecars":
      what = `the sidecars of ${live.context === void 0 ? "the kubeconfig's cluster" : `context ${live.context}`}`;
      if (live.window !== void 0) what += `, over a window of ${live.window}`;
      break;
    case "prometheus":
      what = `Prometheus${hostOf(live.prometheusUrl)}${since}`;
      break;
    case "mapper":
      what = `Otterize network-mapper${hostOf(live.mapperUrl)}`;
      break;
  }
  const { series, sources } = observed.stats;
  return `${what} (${series} series from ${plural(sources, "source")})`;
}
function trafficWindow(observed) {
  if (observed.window !== void 0) return observed.window;
  const calls = [...observed.calls, ...observed.unattributed, ...observed.external];
  const byTime = (a, b) => Date.parse(a) - Date.parse(b);
  const firsts = calls.flatMap((c) => c.firstSeen === void 0 ? [] : [c.firstSeen]).sort(byTime);
  const lasts = calls.flatMap((c) => c.lastSeen === void 0 ? [] : [c.lastSeen]).sort(byTime);
  const from = firsts[0];
  const to = lasts[lasts.length - 1];
  return from === void 0 || to === void 0 ? void 0 : { from, to };
}

// src/cli/visualize-command.ts
var VISUALIZE_FORMATS = ["svg", "png", "html"];
function visualizeFormatOf(output) {
  if (output === void 0 || output === "")
    throw new InputError("visualize needs -o FILE (.svg, .png or .html)");
  const ext = path4.extname(output).toLowerCase().replace(/^\./, "");
  const format = ext === "htm" ? "html" : ext;
  if (VISUALIZE_FORMATS.includes(format)) return format;
  const got = ext === "" ? "no extension" : `.${ext}`;
  throw new InputError(`visualize -o: the file must end in .svg, .png or .html (got ${got})`);
}
async function renderGraph(graph, format, context) {
  if (format === "html") return renderMapPage(mapPageData(graph, context));
  const svg = await renderSvg(renderGraphDot(context.onlyDrift ? onlyDrift(graph) : graph));
  return format === "svg" ? svg : renderPng(svg);
}
async function runVisualize(settings, io) {
  const format = visualizeFormatOf(settings.output);
  if (settings.visualize.onlyDrift && settings.intents.length === 0) {
    throw new InputError("--only-drift needs --intents: without declared intents there is no drift to draw");
  }
  const { graph, exitCode, warnings, context } = await graphToDraw(settings, io);
  const bytes = await renderGraph(graph, format, context);
  await writeFileInRepository(settings.cwd, settings.output ?? "", bytes);
  for (const w of warnings) io.writeError(`warning: ${safeLine(w)}
`);
  if (format === "png" && !await hasUsableFont()) {
    io.writeError(
      "warning: no font found on this machine: the PNG has no text (Debian: apt-get install fonts-dejavu-core)\n"
    );
  }
  const drawn = format !== "html" && context.onlyDrift ? onlyDrift(graph) : graph;
  const calls = drawn.edges.reduce((n, e) => n + e.rows.length, 0);
  io.writeError(
    `drew ${calls} call(s) and rule(s) between ${drawn.nodes.length} node(s) to ${safeLine(settings.output ?? "")}
`
  );
  return settings.failOnExplicit ? exitCode : 0;
}
async function graphToDraw(settings, io) {
  const onlyDriftWanted = settings.visualize.onlyDrift;
  if (settings.intents.length > 0) {
    const result = await withProgress(io, (listener) => check(settings, listener));
    const context2 = {
      source: describeSource(settings, result.observed),
      environments: result.config.environments,
      onlyDrift: onlyDriftWanted,
      warnings: result.drift.warnings
    };
    const window2 = trafficWindow(result.observed);
    if (window2 !== void 0) context2.window = window2;
    return {
      graph: graphOfDrift(result.drift),
      exitCode: result.exitCode,
      warnings: result.drift.warnings,
      context: context2
    };
  }
  const config = await readConfig(settings);
  const observed = await observeWithProgress(settings, io);
  const scope = new Set(settings.namespaces);
  const inScope = (ns) => scope.size === 0 || scope.has(ns);
  const map = {
    ...observed,
    calls: observed.calls.filter((c) => inScope(c.client.namespace)),
    external: observed.external.filter((c) => inScope(c.client.namespace)),
    unattributed: observed.unattributed.filter((c) => inScope(c.server.namespace))
  };
  const context = {
    source: describeSource(settings, observed),
    environments: config.environments,
    onlyDrift: false,
    warnings: observed.warnings
  };
  const window = trafficWindow(observed);
  if (window !== void 0) context.window = window;
  return { graph: graphOfMap(map), exitCode: 0, warnings: observed.warnings, context };
}

// src/cli/main.ts
async function main(argv, io) {
  try {
    const parsed = parseCommandLine(argv, {
      cwd: io.cwd,
      colorDefault: colorByDefault(io),
      variables: io.env
    });
    if (parsed.command === "help") {
      io.write(parsed.topic === void 0 ? globalHelp() : commandHelp(parsed.topic));
      return 0;
    }
    if (parsed.command === "version") {
      io.write(`${VERSION}
`);
      return 0;
    }
    return await run(parsed.command, parsed.settings, io);
  } catch (err) {
    io.writeError(`${isInputError(err) ? `intent-drift: ${String(err)}` : internalError(err)}
`);
    if (!isInputError(err) && io.env.INTENT_DRIFT_DEBUG) io.writeError(`${err?.stack ?? ""}
`);
    return 2;
  }
}
async function run(command, settings, io) {
  switch (command) {
    case "check":
      return runCheck(settings, io);
    case "demo":
      return runCheck(demoSettings(settings), io);
    case "list": {
      const observed = await observeWithProgress(settings, io);
      const scope = { namespaces: settings.namespaces };
      const format = settings.listFormat;
      io.write(
        format === "text" ? renderList(observed, scope) : format === "json" ? renderListJson(observed, scope) : yamlDocumentText(listData(observed, scope), { lineWidth: 0 })
      );
      for (const w of observed.warnings) io.writeError(`warning: ${safeLine(w)}
`);
      return 0;
    }
    case "capture": {
      if (settings.source === "metrics" || settings.source === "snapshot") {
        throw new InputError("capture reads a live source: --source sidecars, prometheus or mapper");
      }
      const observed = await observeWithProgress(settings, io);
      const { writeSnapshot } = await import("./snapshot-file-KKS7QDNM.js");
      const given = settings.output ?? "";
      const file = repositoryLinkGuard(settings.cwd)(path5.resolve(settings.cwd, given), given);
      await mkdir2(path5.dirname(file), { recursive: true });
      await writeSnapshot(file, observed, {
        source: settings.source,
        ...observed.window === void 0 ? {} : { window: observed.window }
      });
      for (const w of observed.warnings) io.writeError(`warning: ${safeLine(w)}
`);
      io.writeError(`wrote ${observed.calls.length} call(s) to ${safeLine(settings.output ?? "")}
`);
      return 0;
    }
    case "reset": {
      requireKubeClientNode("reset");
      const live = settings.live;
      const { resetMapperCapture } = await import("./mapper-source-TAW7HMI6.js");
      await resetMapperCapture({
        ...live.mapperUrl === void 0 ? {} : { url: live.mapperUrl },
        ...live.mapperToken === void 0 ? {} : { token: live.mapperToken },
        ...live.kubeconfig === void 0 ? {} : { kubeconfig: path5.resolve(settings.cwd, live.kubeconfig) },
        ...live.context === void 0 ? {} : { context: live.context }
      });
      io.writeError("the network mapper forgot what it had captured\n");
      return 0;
    }
    case "export":
      return runExport(settings, io);
    case "policies":
      return runPolicies(settings, await declare(settings), io);
    case "visualize":
      return runVisualize(settings, io);
  }
}
function colorByDefault(io) {
  if (io.env.NO_COLOR !== void 0 && io.env.NO_COLOR !== "") return false;
  const force = io.env.FORCE_COLOR;
  if (force !== void 0) return force !== "0" && force !== "false";
  return io.stdoutIsTTY;
}

// src/cli/cli-process.ts
var crash = (err) => {
  process.stderr.write(`${showControlChars(internalError(err))}
`);
  if (process.env.INTENT_DRIFT_DEBUG) process.stderr.write(`${err?.stack ?? ""}
`);
  process.exit(2);
};
process.on("uncaughtException", crash);
process.on("unhandledRejection", crash);
var gone = { stdout: false, stderr: false };
for (const name of ["stdout", "stderr"]) {
  process[name].on("error", (err) => {
    if (err.code === "EPIPE") gone[name] = true;
    else crash(err);
  });
}
async function runCli() {
  const code = await main(process.argv.slice(2), {
    cwd: process.cwd(),
    env: process.env,
    stdoutIsTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
    write: (text) => {
      if (!gone.stdout) process.stdout.write(text);
    },
    writeError: (text) => {
      if (!gone.stderr) process.stderr.write(text);
    }
  });
  process.exitCode = code;
}
export {
  runCli
};
