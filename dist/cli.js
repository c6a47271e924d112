import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  API_VERSIONS,
  Document,
  EXPORT_FORMATS,
  FAIL_ON,
  LIST_FORMATS,
  MISSING_MEANS,
  NOT_CHECKED_MEANS,
  NOT_EXERCISED_MEANS,
  REPORT_FORMATS,
  SOURCES,
  STALE_MEANS,
  STALE_REASON_MEANS,
  asControlled,
  buildClientIntents,
  buildPathTemplater,
  check,
  controlNotes,
  countLabel,
  coverageSummary,
  declare,
  defaultSettings,
  demoSettings,
  environmentOf,
  ignoredByText,
  jsonCall,
  observe,
  observedParts,
  planIntentsEdit,
  plural,
  qualifiedName,
  readConfig,
  readWorkloadManifests,
  recheck,
  refKey,
  renderComment,
  renderIntentsDir,
  renderIntentsFile,
  renderJsonReport,
  requireKubeClientNode,
  showControlChars,
  splitStale,
  stringify,
  targetName,
  wideningOf,
  writeBaselineFile
} from "./chunks/chunk-YFJPUKYR.js";
import "./chunks/chunk-3VWSI7QM.js";
import "./chunks/chunk-A4RNRO6A.js";
import "./chunks/chunk-6SVOZDX7.js";
import "./chunks/chunk-2NF2SEYA.js";
import "./chunks/chunk-TXZ6OYJN.js";
import {
  HOW_TO_OBSERVE,
  findKubeconfig
} from "./chunks/chunk-7NJKBT2O.js";
import "./chunks/chunk-NDKEIXHG.js";
import "./chunks/chunk-DNUDPCNB.js";
import {
  InputError,
  isInputError
} from "./chunks/chunk-WQ4DT2T6.js";
import "./chunks/chunk-HANBNIMK.js";

// src/cli/main.ts
import { mkdir as mkdir5 } from "node:fs/promises";
import path6 from "node:path";

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
      for (const path7 of [...server.paths.keys()].sort(codeUnitOrder)) {
        const methods = [...server.paths.get(path7) ?? []].sort(codeUnitOrder);
        lines.push(`    - path ${show2(path7)}, methods: [${methods.map(show2).join(",")}]`);
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
function renderListData(map, opts) {
  const data = listData(map, opts);
  if (opts.format === "json") return `${JSON.stringify(data, null, 2)}
`;
  return stringify(data, { lineWidth: 0 });
}

// src/version.ts
var VERSION = "0.1.0";

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
    help: "ClientIntents: a file, a folder (recursive, *.yaml/*.yml) or a glob; repeatable",
    apply: (s, v) => {
      s.intents = v.map((p) => filePath("intents", p));
    }
  },
  {
    name: "namespace",
    short: "n",
    value: "NS",
    kind: "list",
    group: "intents",
    commands: [...OBSERVING, "policies", "demo"],
    help: "only clients in this namespace; repeatable",
    apply: (s, v) => {
      s.namespaces = v;
    }
  },
  {
    name: "environment",
    value: "NAME",
    kind: "string",
    group: "intents",
    commands: CHECKING,
    requires: { flag: "intents", on: ["visualize"] },
    help: "only the namespaces the config's environments map to this name",
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
    help: "text (default), markdown (the pull-request comment) or json (docs/report.schema.json)",
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
    name: "output",
    short: "o",
    value: "PATH",
    kind: "string",
    group: "output",
    commands: ["export", "visualize", "policies", "capture"],
    help: "where the output goes",
    helpFor: {
      export: "a file, or a folder with --output-type dir (default: stdout)",
      visualize: "the picture: .svg, .png or .html (required)",
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
    help: "missing calls seen fewer than N times are noise",
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
    help: "with --fix, also remove the stale rules",
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
    const shown = long ? `--${flag.name}` : `-${flag.short}`;
    let given = out.flags.get(flag.name);
    if (given !== void 0 && flag.kind !== "list") {
      throw new InputError(`${shown} is given twice: give it once`);
    }
    given ??= { flag, values: [] };
    out.flags.set(flag.name, given);
    if (flag.kind === "boolean") {
      if (inline !== void 0) throw new InputError(`${shown} takes no value (got '${inline}')`);
      continue;
    }
    let value = inline;
    if (value === void 0) {
      const next = argv[i + 1];
      if (next === void 0 || looksLikeFlag(next)) {
        throw new InputError(`${shown} needs a value (${flag.value ?? "VALUE"})`);
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
    summary: "draw the observed calls (and the drift, with --intents) as -o FILE.svg, .png or .html",
    usage: "visualize -o FILE.svg|.png|.html (--metrics PATH | --snapshot FILE | ...) [--intents PATH] [flags]",
    examples: [
      { run: "intent-drift visualize --metrics capture/ -o map.svg", does: "draw who calls whom" },
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
    usage: "demo [--format text|markdown|json] [flags]",
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
  const stdin = [...settings.metrics, ...settings.snapshots].filter((p) => p === "-").length;
  if (stdin > 1) throw new InputError("stdin ('-') can be read once: give it to one --metrics or --snapshot");
}
function needsKubeconfig(settings) {
  return settings.source === "sidecars" || settings.source === "mapper" && settings.live.mapperUrl === void 0;
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
  const all = FLAG_TABLE.map((f) => f.name);
  const near = closestNames(bare, own);
  const names = (near.length > 0 ? near : closestNames(bare, all)).map((n) => `--${n}`);
  const help = command === void 0 ? "intent-drift --help" : `intent-drift ${command} --help`;
  return new InputError(`unknown flag ${typed}${didYouMean(names)} (${help} lists the flags)`);
}
function parseCommandLine(argv, env) {
  const split = splitArgv(argv);
  const settings = defaultSettings(env.cwd);
  const given = new Set(split.flags.keys());
  const [first, ...rest] = split.positionals;
  if (given.has("version")) return { command: "version", settings, given };
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
  if (command === "reset" && settings.live.mapperUrl === void 0 && !kubeconfig()) {
    throw new InputError(
      "reset needs the mapper: --mapper-url URL, or a kubeconfig (--kubeconfig FILE, $KUBECONFIG or ~/.kube/config; none found)"
    );
  }
  if (command === "export" && settings.export.outputType === "dir" && settings.output === void 0) {
    throw new InputError("--output-type dir needs -o DIRECTORY");
  }
  if (command === "capture" && settings.output === void 0) throw new InputError("capture needs -o FILE");
}

// src/cli/check-command.ts
import { mkdir, writeFile as writeFile2 } from "node:fs/promises";
import path2 from "node:path";

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
function operation(method, path7, unknown) {
  if (method === null && path7 === null) return unknown;
  return `${show(method ?? "*")} ${show(path7 ?? "*")}`;
}
function ruleTarget(rule) {
  const name = show(targetName(rule.server, rule.client.namespace));
  return rule.targetType === "kubernetes" ? name : `${rule.targetType} ${name}`;
}
function missingLine(call, p) {
  const via = call.server.service ? ` via service ${show(targetName(call.server.service, call.client.namespace))}` : "";
  const widening = wideningOf(call);
  const template = call.suggestedPath ? `, template ${show(call.suggestedPath)}${widening ? ` (allows ${show(widening)})` : ""}` : "";
  const blocked = call.wouldBeBlocked ? `, ${p.bold("would be blocked once enforced")}` : "";
  const server = show(targetName(call.server, call.client.namespace));
  const op = operation(call.method, call.path, "(no HTTP detail)");
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
  const groupOf = (client) => {
    const key = `${client.namespace}/${client.name}`;
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
    const group = groups.get(`${call.client.namespace}/${call.client.name}`);
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
function clientHeading(drift, group, p) {
  const counts = [`${group.missing.length} missing`, `${group.stale.length} stale`];
  if (group.notExercised.length > 0) counts.push(`${group.notExercised.length} not exercised`);
  if (group.covered > 0) counts.push(`${group.covered} covered`);
  const coverage = asControlled(drift).coverage?.clients.find(
    (c) => c.client.name === group.client.name && c.client.namespace === group.client.namespace
  );
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
function renderTextReport(drift, opts = {}) {
  const p = opts.color ? COLOURS : PLAIN;
  const limit = opts.briefLimit ?? 10;
  const lines = [verdict(drift, p)];
  for (const group of groupByClient(drift)) {
    lines.push("", clientHeading(drift, group, p));
    if (group.missing.length > 0) {
      lines.push(`  missing (${MISSING_MEANS}):`, ...group.missing.map((call) => missingLine(call, p)));
    }
    if (group.stale.length > 0) {
      lines.push(`  stale (${STALE_MEANS}):`, ...group.stale.map((rule) => staleLine(rule, p)));
    }
    if (group.notExercised.length > 0) {
      lines.push(
        `  not exercised (${NOT_EXERCISED_MEANS}):`,
        ...group.notExercised.map((rule) => staleLine(rule, p))
      );
    }
  }
  lines.push(
    ...briefSection(
      "not checked",
      drift.notChecked,
      (r) => `${show(r.client.name)} -> ${ruleTarget(r)} ${p.dim(`${show(r.file)}:${r.line}`)}: ${NOT_CHECKED_MEANS[r.why]}`,
      limit
    ),
    ...briefSection(
      "unattributed: callers outside the mesh",
      drift.unattributed,
      (c) => `-> ${show(qualifiedName(c.server))} ${operation(c.method, c.path, "(no HTTP detail)")}: ${countLabel(c.count, c.protocol)}`,
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
        return `${callEnds(c)} ${operation(c.method, c.path, "(no HTTP detail)")}${by ? ` (by ${show(by)})` : ""}`;
      },
      limit
    ),
    ...briefSection(
      "stale rules ignored by the config",
      asControlled(drift).ignoredStale ?? [],
      (r) => `${show(r.client.name)} -> ${ruleTarget(r)} ${operation(r.method, r.path, "(any request)")} ${p.dim(`${show(r.file)}:${r.line}`)} (by ${show(ignoredByText(r) ?? "")})`,
      limit
    ),
    ...coverageLines(drift)
  );
  const notes = controlNotes(drift);
  if (notes.length > 0) lines.push("", ...notes);
  if (drift.warnings.length > 0) {
    lines.push("", ...drift.warnings.map((w) => `${p.warn("warning:")} ${show(w)}`));
  }
  lines.push(
    "",
    `${plural(drift.summary.observed, "call")} observed, ${plural(drift.summary.declared, "rule")} declared.`,
    ...runLines(drift)
  );
  return `${lines.join("\n")}
`;
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
import { realpath, stat, writeFile } from "node:fs/promises";
import path from "node:path";
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
    const absolute = await realpath(path.resolve(cwd, glob ? globBase(given) : given));
    roots.push({ absolute, file: !glob && (await stat(absolute)).isFile() });
  }
  return roots;
}
async function reachedPath(absolute) {
  try {
    return await realpath(absolute);
  } catch {
    try {
      return path.join(await realpath(path.dirname(absolute)), path.basename(absolute));
    } catch {
      return void 0;
    }
  }
}
function inside(target, roots) {
  return roots.some(
    (root) => root.file ? target === root.absolute : target.startsWith(root.absolute + path.sep)
  );
}
async function applyIntentsEdit(edit, intents, cwd, io) {
  const roots = await rootsOf(intents, cwd);
  const writes = [];
  for (const change of edit.files) {
    if (change.before === change.after) continue;
    const absolute = path.resolve(cwd, change.file);
    const reached = await reachedPath(absolute);
    if (reached === void 0 || !inside(reached, roots) || !/\.ya?ml$/i.test(reached)) {
      throw new InputError(
        `--fix would write ${showControlChars(change.file)}, outside the --intents paths given: nothing was written`
      );
    }
    writes.push({ file: change.file, absolute, text: change.after });
  }
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
  return withProgress(io, (listener) => observe(settings, listener));
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
  const json = renderJsonReport(result.drift);
  if (settings.reportFile !== void 0) {
    const file = path2.resolve(settings.cwd, settings.reportFile);
    await mkdir(path2.dirname(file), { recursive: true });
    await writeFile2(file, json);
  }
  const plan = settings.fix || settings.format === "markdown" ? await planIntentsEdit(settings.cwd, result.declared, result.drift, settings.pruneStale) : void 0;
  if (settings.format === "json") io.write(json);
  else if (settings.format === "markdown")
    io.write(renderComment(result.drift, { suggestedPatch: plan?.patch ?? "" }));
  else io.write(renderTextReport(result.drift, { color: settings.color }));
  let exitCode = result.exitCode;
  if (settings.fix && plan !== void 0) {
    const written = await applyIntentsEdit(plan.edit, settings.intents, settings.cwd, io);
    if (written.length === 0) io.writeError("--fix: the intents need no change\n");
    const after = written.length === 0 ? result : await recheck(settings, result);
    const s = after.drift.summary;
    io.writeError(
      `after the fix: ${s.missing} missing, ${s.stale} stale: ${after.exitCode === 1 ? "still failing" : "no failing drift"}${s.stale > 0 && !settings.pruneStale ? " (--prune-stale also removes stale rules)" : ""}
`
    );
    exitCode = after.exitCode;
  }
  if (settings.writeBaselineFile !== void 0 && !settings.failOnExplicit) return 0;
  return exitCode;
}

// src/cli/export-command.ts
import { mkdir as mkdir2, writeFile as writeFile3 } from "node:fs/promises";
import path3 from "node:path";

// src/declare/authorization-policies.ts
var POLICY_API_VERSION = "security.istio.io/v1";
function authorizationPolicies(rules, opts = {}) {
  const drafts = /* @__PURE__ */ new Map();
  for (const rule of rules) {
    if (rule.targetType !== "kubernetes" && rule.targetType !== "service") continue;
    const key = [rule.client.namespace, rule.client.name, rule.server.namespace, rule.server.name].join("/");
    let draft = drafts.get(key);
    if (!draft) {
      draft = {
        client: rule.client,
        server: { name: rule.server.name, namespace: rule.server.namespace },
        targetType: rule.targetType,
        anyOperation: false,
        methodsByPath: /* @__PURE__ */ new Map(),
        sources: /* @__PURE__ */ new Map()
      };
      drafts.set(key, draft);
    }
    const lines = draft.sources.get(rule.file) ?? [];
    if (!lines.includes(rule.line)) lines.push(rule.line);
    draft.sources.set(rule.file, lines);
    if (rule.path === null || rule.method === null) {
      draft.anyOperation = true;
      continue;
    }
    const methods = draft.methodsByPath.get(rule.path) ?? [];
    if (!methods.includes(rule.method)) methods.push(rule.method);
    draft.methodsByPath.set(rule.path, methods);
  }
  return [...drafts.values()].map((draft) => policyOf(draft, opts)).sort(byNamespaceAndName);
}
function policyOf(draft, opts) {
  const { client, server } = draft;
  const from = [...draft.sources].map(([file, lines]) => `${file}:${lines.join(",")}`);
  const notes = [`from ${from.join(" ")}`];
  let labels = opts.selectorOf?.(server, draft.targetType);
  if (!labels && draft.targetType === "kubernetes")
    labels = opts.workloads?.labelsOf(server.namespace, server.name);
  if (!labels || Object.keys(labels).length === 0) {
    labels = { app: server.name };
    notes.push(`pod labels of ${server.namespace}/${server.name} unknown: assumed app: ${server.name}`);
  }
  let serviceAccount = opts.serviceAccountOf?.(client) ?? opts.workloads?.serviceAccountOf(client.namespace, client.name);
  if (!serviceAccount) {
    serviceAccount = client.name;
    notes.push(`service account of ${client.namespace}/${client.name} unknown: assumed ${client.name}`);
  }
  const rule = {
    from: [{ source: { principals: [`cluster.local/ns/${client.namespace}/sa/${serviceAccount}`] } }]
  };
  if (!draft.anyOperation) {
    rule.to = [...draft.methodsByPath].map(([path7, methods]) => ({ operation: { paths: [path7], methods } }));
  }
  const manifest = {
    apiVersion: POLICY_API_VERSION,
    kind: "AuthorizationPolicy",
    metadata: {
      name: `authorization-policy-to-${server.name}-from-${client.name}.${client.namespace}`,
      namespace: server.namespace
    },
    spec: { selector: { matchLabels: labels }, action: "ALLOW", rules: [rule] }
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
  return policies.map(({ manifest, notes }) => {
    const doc = new Document(manifest);
    if (doc.contents) doc.contents.commentBefore = notes.map((note) => ` ${note}`).join("\n");
    return doc.toString({ indent: 2, lineWidth: 0, minContentWidth: 0 });
  }).join("---\n");
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
    const dir = path3.resolve(settings.cwd, out);
    await mkdir2(dir, { recursive: true });
    const files = renderIntentsDir(intents, render);
    for (const [name, text] of Object.entries(files)) await writeFile3(path3.join(dir, name), text);
    io.writeError(`wrote ${Object.keys(files).length} ClientIntents file(s) to ${out}
`);
  } else if (out !== void 0) {
    const file = path3.resolve(settings.cwd, out);
    await mkdir2(path3.dirname(file), { recursive: true });
    await writeFile3(file, renderIntentsFile(intents, render));
    io.writeError(`wrote ${intents.length} ClientIntents to ${out}
`);
  } else {
    io.write(renderIntentsFile(intents, render));
  }
  for (const w of [...observed.warnings, ...warnings]) io.writeError(`warning: ${w}
`);
  for (const note of templates?.notes ?? []) io.writeError(`template: ${note}
`);
  return 0;
}

// src/cli/help.ts
var WIDTH = 100;
var EXIT_CODES = [
  {
    code: 0,
    meaning: "no failing drift; for list, export, visualize, policies, capture, reset and check --write-baseline: the output was written"
  },
  {
    code: 1,
    meaning: "failing drift (per --fail-on, the config's failOn and overrides): check and demo, or another command given --fail-on"
  },
  {
    code: 2,
    meaning: "bad usage, bad input or an unreachable source: one line on stderr, file:line where there is one"
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
function exitLines(command) {
  const lines = ["", "Exit codes:"];
  const own = command === void 0 ? {} : commandSpec(command).exit === "drift" ? {
    0: `no failing drift${command === "check" ? " (with --write-baseline: the baseline was written)" : ""}`
  } : {
    0: "the output was written, drift or not",
    1: command === "visualize" ? "with --intents and an explicit --fail-on: failing drift" : void 0
  };
  for (const { code: code2, meaning } of EXIT_CODES) {
    const text = code2 in own ? own[code2] : meaning;
    if (text !== void 0) lines.push(...wrap(text, `  ${code2}  `, 5));
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
import { mkdir as mkdir3, writeFile as writeFile4 } from "node:fs/promises";
import path4 from "node:path";
async function runPolicies(settings, declared, io) {
  const scope = new Set(settings.namespaces);
  const rules = declared.rules.filter((r) => scope.size === 0 || scope.has(r.client.namespace));
  const workloads = settings.workloads.length > 0 ? await readWorkloadManifests(settings.workloads, { cwd: settings.cwd }) : void 0;
  const text = renderAuthorizationPolicies(authorizationPolicies(rules, workloads ? { workloads } : {}));
  if (settings.output === void 0) {
    io.write(text);
  } else {
    const file = path4.resolve(settings.cwd, settings.output);
    await mkdir3(path4.dirname(file), { recursive: true });
    await writeFile4(file, text);
  }
  for (const w of declared.warnings) io.writeError(`warning: ${w}
`);
  return 0;
}

// src/cli/visualize-command.ts
import { mkdir as mkdir4, writeFile as writeFile5 } from "node:fs/promises";
import path5 from "node:path";

// src/report/graph-model.ts
var EDGE_KINDS = [
  "covered",
  "missing",
  "blocked",
  "stale",
  "ignored",
  "observed"
];
var UNKNOWN = "unknown";
function byText(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
function observedOperation(call) {
  if (call.method === null && call.path === null) {
    return call.protocol === "tcp" ? "(TCP, no HTTP detail)" : "(no HTTP detail)";
  }
  return `${call.method ?? "*"} ${call.path ?? "*"}`;
}
function ruleOperation(rule) {
  if (rule.method === null && rule.path === null) return "(any request)";
  return `${rule.method ?? "*"} ${rule.path ?? "*"}`;
}
var GraphBuilder = class {
  nodes = /* @__PURE__ */ new Map();
  rows = [];
  workload(ref) {
    return this.node({
      key: `w:${qualifiedName(ref)}`,
      kind: "workload",
      label: qualifiedName(ref),
      namespace: ref.namespace
    });
  }
  /** A declared `service` target: a Service, not a workload, though it may share the name. */
  service(ref) {
    const label = `${qualifiedName(ref)} (service)`;
    return this.node({ key: `s:${qualifiedName(ref)}`, kind: "service", label, namespace: ref.namespace });
  }
  external(call) {
    const host = call.host ?? qualifiedName(call.server);
    return this.node({ key: `x:${host}`, kind: "external", label: host });
  }
  unattributed(ref) {
    const unknown = ref.name === UNKNOWN && ref.namespace === UNKNOWN;
    const label = unknown ? "outside the mesh" : qualifiedName(ref);
    return this.node({ key: `u:${qualifiedName(ref)}`, kind: "unattributed", label });
  }
  call(kind, from, to, call) {
    this.rows.push({
      kind,
      from,
      to,
      operation: observedOperation(call),
      count: call.count,
      protocol: call.protocol
    });
  }
  rule(kind, rule) {
    const from = this.workload(rule.client);
    const to = rule.targetType === "service" ? this.service(rule.server) : this.workload(rule.server);
    const row = { kind, from, to, operation: ruleOperation(rule), count: null, protocol: null };
    row.declaredAt = `${rule.file}:${rule.line}`;
    this.rows.push(row);
  }
  build(mode) {
    const groups = /* @__PURE__ */ new Map();
    for (const row of this.rows) {
      const id = JSON.stringify([row.from, row.to, row.kind]);
      const edge = groups.get(id) ?? { from: row.from, to: row.to, kind: row.kind, rows: [] };
      edge.rows.push(row);
      groups.set(id, edge);
    }
    const edges = [...groups.values()].sort(
      (a, b) => byText(a.from, b.from) || byText(a.to, b.to) || EDGE_KINDS.indexOf(a.kind) - EDGE_KINDS.indexOf(b.kind)
    );
    for (const edge of edges) {
      edge.rows.sort((a, b) => byText(a.operation, b.operation) || (b.count ?? 0) - (a.count ?? 0));
    }
    const nodes = [...this.nodes.values()].sort((a, b) => byText(a.key, b.key));
    return { mode, nodes, edges };
  }
  node(node) {
    if (!this.nodes.has(node.key)) this.nodes.set(node.key, node);
    return node.key;
  }
};
function addUnjudged(graph, unattributed, external) {
  for (const c of unattributed)
    graph.call("observed", graph.unattributed(c.client), graph.workload(c.server), c);
  for (const c of external) graph.call("observed", graph.workload(c.client), graph.external(c), c);
}
function graphOfMap(map) {
  const graph = new GraphBuilder();
  for (const c of map.calls) graph.call("observed", graph.workload(c.client), graph.workload(c.server), c);
  addUnjudged(graph, map.unattributed, map.external);
  return graph.build("map");
}
function missingKind(call) {
  return call.wouldBeBlocked ? "blocked" : "missing";
}
function graphOfDrift(drift) {
  const graph = new GraphBuilder();
  const between = (kind, c) => graph.call(kind, graph.workload(c.client), graph.workload(c.server), c);
  for (const c of drift.covered) between("covered", c);
  for (const c of drift.missing) between(missingKind(c), c);
  for (const c of drift.ignored) between("ignored", c);
  for (const r of drift.stale) graph.rule("stale", r);
  addUnjudged(graph, drift.unattributed, drift.external);
  return graph.build("drift");
}

// src/report/graph-render.ts
var GRAPH_FONT = "DejaVu Sans";
var FONT_FALLBACKS = `${GRAPH_FONT},Verdana,sans-serif`;
var vizInstance;
function viz() {
  vizInstance ??= import("./chunks/viz-BMEYRWJF.js").then((m) => m.instance());
  return vizInstance;
}
async function renderSvg(dot) {
  const result = (await viz()).render(dot, { format: "svg" });
  if (result.status !== "success") {
    const reasons = result.errors.map((e) => e.message).join("; ");
    throw new Error(`Graphviz could not draw the graph: ${reasons}`);
  }
  return result.output.replaceAll(`font-family="${GRAPH_FONT}"`, `font-family="${FONT_FALLBACKS}"`);
}
var resvgModule;
function resvg() {
  resvgModule ??= import("@resvg/resvg-js");
  return resvgModule;
}
async function renderPng(svg, options = {}) {
  const { Resvg } = await resvg();
  const image = new Resvg(svg, {
    fitTo: { mode: "zoom", value: options.zoom ?? 2 },
    background: "white",
    font: { loadSystemFonts: true, sansSerifFamily: GRAPH_FONT, defaultFontFamily: GRAPH_FONT },
    logLevel: "off"
  }).render();
  return image.asPng();
}
var PROBE_SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="60" height="30"><text x="4" y="22" font-family="sans-serif" font-size="20">Ag</text></svg>';
async function hasUsableFont() {
  const { Resvg } = await resvg();
  const pixels = new Resvg(PROBE_SVG, { font: { loadSystemFonts: true }, logLevel: "off" }).render().pixels;
  for (let i = 3; i < pixels.length; i += 4) if (pixels[i] !== 0) return true;
  return false;
}

// src/report/graph-dot.ts
var MAX_LABEL_LINES = 6;
var MAX_LINE_CHARS = 64;
var MISSING_RED = "#d62728";
var EDGE_STYLES = {
  covered: {
    attributes: { color: "#4b5563", fontcolor: "#374151" },
    legend: "covered: called and declared"
  },
  missing: {
    attributes: { color: MISSING_RED, fontcolor: MISSING_RED, penwidth: "1.5" },
    legend: "missing: called, not declared"
  },
  blocked: {
    attributes: { color: MISSING_RED, fontcolor: MISSING_RED, style: "dashed,bold", penwidth: "2.5" },
    legend: "missing, would be blocked once enforced"
  },
  stale: {
    attributes: { color: "#9ca3af", fontcolor: "#6b7280", style: "dotted", penwidth: "1.5" },
    legend: "stale: declared, never called"
  },
  ignored: {
    attributes: { color: "#b7791f", fontcolor: "#8a5a12", style: "dashed" },
    legend: "ignored: missing, but an ignore rule accepts it"
  },
  observed: {
    attributes: { color: "#3b6ea8", fontcolor: "#27496d" },
    legend: "observed call"
  }
};
var NODE_STYLES = {
  workload: {
    attributes: { shape: "box", style: "rounded,filled", fillcolor: "#eef3fb", color: "#4a6fa5" },
    legend: "workload (name.namespace)"
  },
  service: {
    attributes: { shape: "box", style: "rounded,filled,dashed", fillcolor: "#f5f0ff", color: "#7c5cbf" },
    legend: "Service named by an intent"
  },
  external: {
    attributes: { shape: "ellipse", style: "filled", fillcolor: "#fff7e6", color: "#b7791f" },
    legend: "host outside the mesh"
  },
  unattributed: {
    attributes: { shape: "hexagon", style: "filled", fillcolor: "#f3f4f6", color: "#6b7280" },
    legend: "caller outside the mesh"
  }
};
var NODE_KINDS = ["workload", "service", "external", "unattributed"];
function dotString(text) {
  const escaped = showControlChars(text).replace(/[\\"&]/g, (c) => c === "&" ? "&amp;" : `\\${c}`);
  return `"${escaped}"`;
}
function dotLines(lines) {
  const body = lines.map((line) => dotString(line).slice(1, -1)).join("\\l");
  return `"${body}\\l"`;
}
function attributeList(attrs, label) {
  const parts = Object.entries(attrs).map(([k, v]) => `${k}=${dotString(v)}`);
  return `[${[...parts, `label=${label}`].join(", ")}]`;
}
function cut(text) {
  const chars = [...text];
  return chars.length <= MAX_LINE_CHARS ? text : `${chars.slice(0, MAX_LINE_CHARS - 1).join("")}\u2026`;
}
function rowText(row) {
  return row.count === null ? row.operation : `${row.operation} (${row.count})`;
}
function edgeLines(edge) {
  const lines = edge.rows.map((row) => cut(rowText(row)));
  if (lines.length <= MAX_LABEL_LINES) return lines;
  const shown = lines.slice(0, MAX_LABEL_LINES - 1);
  return [...shown, `+${lines.length - shown.length} more`];
}
function nodeLines(node, id) {
  return `${id} ${attributeList(NODE_STYLES[node.kind].attributes, dotString(cut(node.label)))};`;
}
var LEGEND_LINES = {
  covered: "\u2501\u2501\u2501\u2501\u2501",
  missing: "\u2501\u2501\u2501\u2501\u2501",
  blocked: "<B>\u2505\u2505\u2505\u2505</B>",
  stale: "\u2508\u2508\u2508\u2508\u2508",
  ignored: "\u254D\u254D\u254D\u254D\u254D",
  observed: "\u2501\u2501\u2501\u2501\u2501"
};
function legendLines(graph) {
  const edgeKinds = EDGE_KINDS.filter((k) => graph.edges.some((e) => e.kind === k));
  const nodeKinds = NODE_KINDS.filter((k) => k !== "workload" && graph.nodes.some((n) => n.kind === k));
  const rows = edgeKinds.map((kind) => {
    const style = EDGE_STYLES[kind];
    const colour = style.attributes.color ?? "black";
    const text = kind === "observed" && graph.mode === "drift" ? "observed, not judged" : style.legend;
    return `<TR><TD ALIGN="LEFT"><FONT COLOR="${colour}">${LEGEND_LINES[kind]}</FONT></TD><TD ALIGN="LEFT">${text}</TD></TR>`;
  });
  const out = [
    "  subgraph cluster_legend {",
    '    label="legend"; style="rounded"; color="#d1d5db"; fontcolor="#6b7280"; fontsize=11;',
    `    legend_edges [shape=plain, fontsize=10, label=<<TABLE BORDER="0" CELLSPACING="2">${rows.join("")}</TABLE>>];`
  ];
  nodeKinds.forEach((kind, i) => {
    const style = NODE_STYLES[kind];
    const attrs = { ...style.attributes, fontsize: "10" };
    out.push(`    legend_node_${i} ${attributeList(attrs, dotString(style.legend))};`);
  });
  out.push("  }");
  return out;
}
function renderGraphDot(graph) {
  const ids = new Map(graph.nodes.map((node, i) => [node.key, `n${i}`]));
  const idOf = (key) => ids.get(key) ?? "missing_node";
  const title = graph.mode === "drift" ? "intent-drift: observed calls vs declared intents" : "intent-drift: observed calls";
  const font = dotString(GRAPH_FONT);
  const out = [
    'digraph "intent-drift" {',
    `  graph [rankdir=LR, fontname=${font}, fontsize=14, labelloc=t, label=${dotString(title)}, nodesep=0.35, ranksep=1.1, pad=0.25, bgcolor="white"];`,
    `  node [fontname=${font}, fontsize=12, margin="0.15,0.06"];`,
    `  edge [fontname=${font}, fontsize=10, arrowsize=0.8];`
  ];
  const namespaces = [
    ...new Set(graph.nodes.flatMap((n) => n.namespace === void 0 ? [] : [n.namespace]))
  ].sort();
  namespaces.forEach((namespace, i) => {
    out.push(`  subgraph cluster_ns${i} {`);
    out.push(
      `    label=${dotString(`namespace ${cut(namespace)}`)}; style="rounded,dashed"; color="#9ca3af"; fontcolor="#4b5563"; fontsize=11;`
    );
    for (const node of graph.nodes) {
      if (node.namespace === namespace) out.push(`    ${nodeLines(node, idOf(node.key))}`);
    }
    out.push("  }");
  });
  for (const node of graph.nodes) {
    if (node.namespace === void 0) out.push(`  ${nodeLines(node, idOf(node.key))}`);
  }
  for (const edge of graph.edges) {
    const attrs = attributeList(EDGE_STYLES[edge.kind].attributes, dotLines(edgeLines(edge)));
    out.push(`  ${idOf(edge.from)} -> ${idOf(edge.to)} ${attrs};`);
  }
  if (graph.edges.length > 0) out.push(...legendLines(graph));
  out.push("}", "");
  return out.join("\n");
}

// src/report/graph-html.ts
var HTML_ESCAPES = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;"
};
function escapeHtml(text) {
  return showControlChars(text).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}
var VERDICT = {
  covered: "covered",
  missing: "missing",
  blocked: "missing (would be blocked)",
  stale: "stale",
  ignored: "ignored",
  observed: "observed"
};
var NODE_RADIUS = { box: "4px", ellipse: "50%", hexagon: "2px" };
var CSS_LINE = { dotted: "dotted", "dashed,bold": "dashed", dashed: "dashed" };
var PAGE_CSS = `body{font-family:"DejaVu Sans",Verdana,sans-serif;margin:1.5rem;color:#1f2937}
h1{font-size:1.3rem}h2{font-size:1.05rem;margin-top:2rem}
.graph svg{max-width:100%;height:auto}
.legend{list-style:none;padding:0}.legend li{margin:.25rem 0}
.swatch{display:inline-block;width:2.5rem;margin-right:.6rem;vertical-align:middle}
table{border-collapse:collapse;font-size:.9rem}th,td{border:1px solid #d1d5db;padding:.3rem .6rem;text-align:left}
th{background:#f3f4f6}td.count{text-align:right}code{font-family:"DejaVu Sans Mono",monospace}`;
function inlineSvg(svg) {
  const start = svg.indexOf("<svg");
  if (start < 0) throw new Error("not an SVG document");
  return svg.slice(start).trimEnd();
}
function legendItems(graph) {
  const items = [];
  for (const kind of EDGE_KINDS) {
    if (!graph.edges.some((e) => e.kind === kind)) continue;
    const attrs = EDGE_STYLES[kind].attributes;
    const width = attrs.penwidth === void 0 ? 2 : Math.round(Number(attrs.penwidth) + 1);
    const line = CSS_LINE[attrs.style ?? ""] ?? "solid";
    const swatch = `border-top:${width}px ${line} ${attrs.color ?? "black"}`;
    const text = kind === "observed" && graph.mode === "drift" ? "observed, not judged" : EDGE_STYLES[kind].legend;
    items.push(`<li><span class="swatch" style="${escapeHtml(swatch)}"></span>${escapeHtml(text)}</li>`);
  }
  for (const node of Object.keys(NODE_STYLES)) {
    if (!graph.nodes.some((n) => n.kind === node)) continue;
    const attrs = NODE_STYLES[node].attributes;
    const radius = NODE_RADIUS[attrs.shape ?? ""] ?? "0";
    const swatch = `background:${attrs.fillcolor ?? "white"};border:1px solid ${attrs.color ?? "black"};border-radius:${radius};height:.9rem`;
    items.push(
      `<li><span class="swatch" style="${escapeHtml(swatch)}"></span>${escapeHtml(NODE_STYLES[node].legend)}</li>`
    );
  }
  return items;
}
function verdictOf(kind, graph) {
  return kind === "observed" && graph.mode === "drift" ? "observed, not judged" : VERDICT[kind];
}
function tableRows(graph) {
  const labelOf = new Map(graph.nodes.map((n) => [n.key, n.label]));
  const cell = (text, cls) => `<td${cls ? ` class="${cls}"` : ""}>${text}</td>`;
  const rows = graph.edges.flatMap((e) => e.rows);
  return rows.map((row) => {
    const count = row.count === null ? "" : String(row.count);
    const cells = [
      cell(escapeHtml(verdictOf(row.kind, graph))),
      cell(`<code>${escapeHtml(labelOf.get(row.from) ?? row.from)}</code>`),
      cell(`<code>${escapeHtml(labelOf.get(row.to) ?? row.to)}</code>`),
      cell(`<code>${escapeHtml(row.operation)}</code>`),
      cell(escapeHtml(count), "count"),
      cell(row.declaredAt === void 0 ? "" : `<code>${escapeHtml(row.declaredAt)}</code>`)
    ];
    return `<tr>${cells.join("")}</tr>`;
  });
}
function renderGraphHtml(graph, svg) {
  const title = graph.mode === "drift" ? "intent-drift: observed calls vs declared intents" : "intent-drift: observed calls";
  const calls = graph.edges.reduce((n, e) => n + e.rows.length, 0);
  const summary = EDGE_KINDS.map((kind) => {
    const n = graph.edges.filter((e) => e.kind === kind).reduce((sum, e) => sum + e.rows.length, 0);
    return n === 0 ? "" : `${n} ${verdictOf(kind, graph)}`;
  }).filter((s) => s !== "");
  return [
    "<!DOCTYPE html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    // Nothing may load or run: the page is a file people open from CI artifacts.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${PAGE_CSS}</style>`,
    "</head>",
    "<body>",
    `<h1>${escapeHtml(title)}</h1>`,
    `<p>${escapeHtml(calls === 0 ? "Nothing observed or declared." : summary.join(", "))}</p>`,
    `<div class="graph">${inlineSvg(svg)}</div>`,
    "<h2>Legend</h2>",
    `<ul class="legend">${legendItems(graph).join("")}</ul>`,
    "<h2>Calls and rules</h2>",
    "<table>",
    "<thead><tr><th>verdict</th><th>client</th><th>server</th><th>call</th><th>count</th><th>declared at</th></tr></thead>",
    `<tbody>${tableRows(graph).join("\n")}</tbody>`,
    "</table>",
    "</body>",
    "</html>",
    ""
  ].join("\n");
}

// src/cli/visualize-command.ts
var VISUALIZE_FORMATS = ["svg", "png", "html"];
function visualizeFormatOf(output) {
  if (output === void 0 || output === "")
    throw new InputError("visualize needs -o FILE (.svg, .png or .html)");
  const ext = path5.extname(output).toLowerCase().replace(/^\./, "");
  const format = ext === "htm" ? "html" : ext;
  if (VISUALIZE_FORMATS.includes(format)) return format;
  const got = ext === "" ? "no extension" : `.${ext}`;
  throw new InputError(`visualize -o: the file must end in .svg, .png or .html (got ${got})`);
}
async function renderGraph(graph, format) {
  const svg = await renderSvg(renderGraphDot(graph));
  if (format === "svg") return svg;
  if (format === "html") return renderGraphHtml(graph, svg);
  return renderPng(svg);
}
async function runVisualize(settings, io) {
  const format = visualizeFormatOf(settings.output);
  const { graph, exitCode, warnings } = await graphToDraw(settings, io);
  const bytes = await renderGraph(graph, format);
  const file = path5.resolve(settings.cwd, settings.output ?? "");
  await mkdir4(path5.dirname(file), { recursive: true });
  await writeFile5(file, bytes);
  for (const w of warnings) io.writeError(`warning: ${w}
`);
  if (format === "png" && !await hasUsableFont()) {
    io.writeError(
      "warning: no font found on this machine: the PNG has no text (Debian: apt-get install fonts-dejavu-core)\n"
    );
  }
  const calls = graph.edges.reduce((n, e) => n + e.rows.length, 0);
  io.writeError(
    `drew ${calls} call(s) and rule(s) between ${graph.nodes.length} node(s) to ${settings.output}
`
  );
  return settings.failOnExplicit ? exitCode : 0;
}
async function graphToDraw(settings, io) {
  if (settings.intents.length > 0) {
    const result = await withProgress(io, (listener) => check(settings, listener));
    return { graph: graphOfDrift(result.drift), exitCode: result.exitCode, warnings: result.drift.warnings };
  }
  const observed = await observeWithProgress(settings, io);
  const scope = new Set(settings.namespaces);
  const inScope = (ns) => scope.size === 0 || scope.has(ns);
  const map = {
    ...observed,
    calls: observed.calls.filter((c) => inScope(c.client.namespace)),
    external: observed.external.filter((c) => inScope(c.client.namespace)),
    unattributed: observed.unattributed.filter((c) => inScope(c.server.namespace))
  };
  return { graph: graphOfMap(map), exitCode: 0, warnings: observed.warnings };
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
    if (isInputError(err)) {
      io.writeError(`intent-drift: ${showControlChars(String(err))}
`);
      return 2;
    }
    throw err;
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
        format === "text" ? renderList(observed, scope) : renderListData(observed, { ...scope, format })
      );
      for (const w of observed.warnings) io.writeError(`warning: ${showControlChars(w)}
`);
      return 0;
    }
    case "capture": {
      if (settings.source === "metrics" || settings.source === "snapshot") {
        throw new InputError("capture reads a live source: --source sidecars, prometheus or mapper");
      }
      const observed = await observeWithProgress(settings, io);
      const { writeSnapshot } = await import("./chunks/snapshot-file-NEMGV35D.js");
      const file = path6.resolve(settings.cwd, settings.output ?? "");
      await mkdir5(path6.dirname(file), { recursive: true });
      await writeSnapshot(file, observed, {
        source: settings.source,
        ...observed.window === void 0 ? {} : { window: observed.window }
      });
      for (const w of observed.warnings) io.writeError(`warning: ${w}
`);
      io.writeError(`wrote ${observed.calls.length} call(s) to ${settings.output}
`);
      return 0;
    }
    case "reset": {
      requireKubeClientNode("reset");
      const live = settings.live;
      const { resetMapperCapture } = await import("./chunks/mapper-source-THES24GK.js");
      await resetMapperCapture({
        ...live.mapperUrl === void 0 ? {} : { url: live.mapperUrl },
        ...live.kubeconfig === void 0 ? {} : { kubeconfig: path6.resolve(settings.cwd, live.kubeconfig) },
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
  if (io.env.FORCE_COLOR !== void 0 && io.env.FORCE_COLOR !== "0") return true;
  return io.stdoutIsTTY;
}

// src/cli/entry.ts
var code = await main(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdoutIsTTY: process.stdout.isTTY === true,
  stderrIsTTY: process.stderr.isTTY === true,
  write: (text) => process.stdout.write(text),
  writeError: (text) => process.stderr.write(text)
});
process.exitCode = code;
