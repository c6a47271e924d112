import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  API_VERSIONS,
  FAIL_ON,
  REPORT_FORMATS,
  SOURCES,
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
  observe,
  plural,
  qualifiedName,
  readConfig,
  readWorkloadManifests,
  refKey,
  renderIntentsDir,
  renderIntentsFile,
  renderJsonReport,
  renderMarkdownReport,
  showControlChars,
  splitStale,
  targetName,
  wideningOf,
  writeBaselineFile
} from "./chunks/chunk-4QH2SGWO.js";
import {
  require_dist
} from "./chunks/chunk-6DIYOISB.js";
import "./chunks/chunk-VOE4ZYIO.js";
import "./chunks/chunk-QHQ6FGBR.js";
import "./chunks/chunk-DWWUXG4Q.js";
import "./chunks/chunk-GXKCEEYI.js";
import {
  InputError,
  __toESM,
  isInputError
} from "./chunks/chunk-ZQYT7XLP.js";

// src/cli.ts
import { mkdir as mkdir3, writeFile as writeFile3 } from "node:fs/promises";
import path3 from "node:path";

// src/cli-args.ts
import { parseArgs } from "node:util";
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
var OPTIONS = {
  intents: { type: "string", multiple: true },
  source: { type: "string" },
  metrics: { type: "string", multiple: true },
  snapshot: { type: "string", multiple: true },
  workloads: { type: "string", multiple: true },
  namespace: { type: "string", short: "n", multiple: true },
  "fail-on": { type: "string" },
  format: { type: "string" },
  report: { type: "string" },
  output: { type: "string", short: "o" },
  "output-type": { type: "string" },
  "api-version": { type: "string" },
  "as-service": { type: "boolean" },
  config: { type: "string" },
  "no-templates": { type: "boolean" },
  "min-count": { type: "string" },
  environment: { type: "string" },
  baseline: { type: "string" },
  "write-baseline": { type: "string" },
  kubeconfig: { type: "string" },
  context: { type: "string" },
  window: { type: "string" },
  concurrency: { type: "string" },
  "pod-timeout": { type: "string" },
  "prometheus-url": { type: "string" },
  "prometheus-token-env": { type: "string" },
  "prometheus-ca": { type: "string" },
  since: { type: "string" },
  "mapper-url": { type: "string" },
  color: { type: "boolean" },
  "no-color": { type: "boolean" },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean" }
};
function oneOf(flag, value, allowed) {
  if (allowed.includes(value)) return value;
  throw new InputError(`--${flag} must be one of ${allowed.join(", ")} (got '${value}')`);
}
function parseCommandLine(argv, env) {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (err) {
    throw new InputError(err.message.split("\n")[0] ?? "bad arguments");
  }
  const { values, positionals } = parsed;
  const settings = defaultSettings(env.cwd);
  if (values.version) return { command: "version", settings };
  const [name, ...extra] = positionals;
  if (values.help || name === void 0 || name === "help") return { command: "help", settings };
  if (!COMMANDS.includes(name)) {
    throw new InputError(`unknown command '${name}' (commands: ${COMMANDS.join(", ")})`);
  }
  if (extra.length > 0) throw new InputError(`unexpected argument '${extra[0]}'`);
  const command = name;
  settings.intents = values.intents ?? [];
  settings.metrics = values.metrics ?? [];
  settings.snapshots = values.snapshot ?? [];
  settings.workloads = values.workloads ?? [];
  settings.namespaces = values.namespace ?? [];
  settings.reportFile = values.report;
  settings.color = values["no-color"] ? false : values.color ?? env.colorDefault;
  settings.output = values.output;
  readLiveFlags(values, settings);
  settings.source = values.source === void 0 ? impliedSource(settings) : oneOf("source", values.source, SOURCES);
  if (values["fail-on"] !== void 0) {
    settings.failOn = oneOf("fail-on", values["fail-on"], FAIL_ON);
    settings.failOnExplicit = true;
  }
  settings.configFile = values.config;
  settings.templates = !(values["no-templates"] ?? false);
  settings.environment = values.environment;
  settings.baselineFile = values.baseline;
  settings.writeBaselineFile = values["write-baseline"];
  if (values["min-count"] !== void 0) {
    const n = Number(values["min-count"]);
    if (!Number.isInteger(n) || n < 1) {
      throw new InputError(`--min-count must be a whole number of 1 or more (got '${values["min-count"]}')`);
    }
    settings.minCount = n;
  }
  if (command === "export") {
    if (values.format !== void 0) {
      settings.export.format = oneOf("format", values.format, ["yaml", "json"]);
    }
    if (values["output-type"] !== void 0) {
      settings.export.outputType = oneOf("output-type", values["output-type"], [
        "single-file",
        "dir"
      ]);
    }
    if (values["api-version"] !== void 0) {
      const wanted = values["api-version"];
      const full = wanted.includes("/") ? wanted : `k8s.otterize.com/${wanted}`;
      settings.export.apiVersion = oneOf("api-version", full, API_VERSIONS);
    }
    settings.export.asService = values["as-service"] ?? false;
    if (settings.export.outputType === "dir" && settings.output === void 0) {
      throw new InputError("--output-type dir needs -o DIRECTORY");
    }
  } else {
    if (values.format !== void 0) {
      settings.format = oneOf("format", values.format, REPORT_FORMATS);
    }
  }
  if (command === "capture" && settings.output === void 0) throw new InputError("capture needs -o FILE");
  return { command, settings };
}
function readLiveFlags(values, settings) {
  const live = settings.live;
  live.kubeconfig = values.kubeconfig;
  live.context = values.context;
  live.window = values.window;
  live.podTimeout = values["pod-timeout"];
  live.prometheusUrl = values["prometheus-url"];
  live.prometheusCa = values["prometheus-ca"];
  live.since = values.since;
  live.mapperUrl = values["mapper-url"];
  if (values["prometheus-token-env"] !== void 0) live.prometheusTokenEnv = values["prometheus-token-env"];
  if (values.concurrency !== void 0) {
    const n = Number(values.concurrency);
    if (!Number.isInteger(n) || n < 1 || n > 256) {
      throw new InputError(
        `--concurrency must be a whole number from 1 to 256 (got '${values.concurrency}')`
      );
    }
    live.concurrency = n;
  }
}
function impliedSource(settings) {
  if (settings.metrics.length > 0) return "metrics";
  if (settings.snapshots.length > 0) return "snapshot";
  if (settings.live.prometheusUrl !== void 0) return "prometheus";
  if (settings.live.mapperUrl !== void 0) return "mapper";
  return "sidecars";
}

// src/cli-progress.ts
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
async function observeWithProgress(settings, io) {
  const progress = progressLine(io.writeError, io.stderrIsTTY === true);
  try {
    return await observe(settings, progress.listener);
  } finally {
    progress.finish();
  }
}

// src/cli-usage.ts
function usage() {
  return `intent-drift: diff the HTTP calls Istio observed against committed Otterize ClientIntents

Usage: intent-drift <command> [flags]

Commands:
  check       read the observed map and the declared intents, diff them, report
  list        print the observed map, grouped by client
  export      write the observed map as ClientIntents
  policies    print the Istio AuthorizationPolicies the declared intents imply
  capture     read a live source once and save what it saw as a snapshot file (-o FILE)
  reset       make Otterize's network mapper forget what it captured
  demo        check the embedded demo (client, client2, nginx): offline, no cluster

Sources of the observed map (--source, else implied by the flags below, else sidecars):
  --metrics PATH          metrics: Prometheus text exposition or Envoy JSON stats; file or directory
  --snapshot FILE         snapshot: written by capture; repeatable, merged
  --kubeconfig FILE       sidecars/mapper: default ~/.kube/config or in-cluster
  --context NAME          sidecars/mapper: kubeconfig context
  --window DURATION       sidecars: read twice this far apart, keep only the traffic between
  --concurrency N         sidecars: pods read at once (default 16)
  --pod-timeout DURATION  sidecars: per-pod timeout (default 10s)
  --prometheus-url URL    prometheus: its HTTP API
  --prometheus-token-env  prometheus: env var with a bearer token (default PROMETHEUS_TOKEN)
  --prometheus-ca FILE    prometheus: CA bundle for https
  --since WHEN            prometheus range / snapshot filter: 15m, 2h, or an RFC 3339 time
  --mapper-url URL        mapper: the network-mapper's GraphQL endpoint (else the service proxy)
  --workloads PATH        Kubernetes manifests: workload kinds and service accounts (repeatable)

Declared intents:
  --intents PATH          ClientIntents file, directory or glob (repeatable)

Scope and verdict:
  -n, --namespace NS      only clients in this namespace (repeatable)
  --fail-on WHAT          missing | stale | any | none (default missing)

Output:
  --format FMT            check: text | markdown | json (default text); export: yaml | json
  --report FILE           also write the JSON report (check, demo)
  --color, --no-color     colour in text output (default: when stdout is a terminal; NO_COLOR, FORCE_COLOR)

export:
  -o PATH                 file (or directory with --output-type dir); default stdout
  --output-type TYPE      single-file | dir (one <workload>.<namespace>.yaml per client)
  --api-version V         k8s.otterize.com/v2beta1 (default), v2alpha1, v1beta1, v1alpha3, v1alpha2
  --as-service            targets name the Kubernetes Service the caller used, not the workload

Exit codes: 0 no failing drift, 1 failing drift (per --fail-on), 2 bad usage, bad input or unreachable source.
`;
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
      for (const path4 of [...server.paths.keys()].sort(codeUnitOrder)) {
        const methods = [...server.paths.get(path4) ?? []].sort(codeUnitOrder);
        lines.push(`    - path ${show2(path4)}, methods: [${methods.map(show2).join(",")}]`);
      }
    }
  }
  return lines.length === 0 ? "" : `${lines.join("\n")}
`;
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
var STALE_REASON = {
  "path-not-called": "path-not-called: the client called this server, never with this method and path",
  "server-not-called": "server-not-called: the client never called this server",
  "client-idle": "client-idle: the client made no calls at all"
};
var NOT_CHECKED_WHY = {
  "not-http": "not visible in Istio HTTP metrics",
  "no-http-detail": "called, but the metrics carry no method or path"
};
var show = showControlChars;
function operation(method, path4, unknown) {
  if (method === null && path4 === null) return unknown;
  return `${show(method ?? "*")} ${show(path4 ?? "*")}`;
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
  return `    ${p.bad(`+ ${op} -> ${server}`)}${via}: ${countLabel(call.count, call.protocol)}${template}${blocked}`;
}
function staleLine(rule, p) {
  const op = operation(rule.method, rule.path, "(any request)");
  return `    ${p.warn(`- ${op} -> ${ruleTarget(rule)}`)} ${p.dim(`${show(rule.file)}:${rule.line}`)} ${STALE_REASON[rule.reason]}`;
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
      lines.push("  missing (called, not declared):", ...group.missing.map((call) => missingLine(call, p)));
    }
    if (group.stale.length > 0) {
      lines.push("  stale (declared, never called):", ...group.stale.map((rule) => staleLine(rule, p)));
    }
    if (group.notExercised.length > 0) {
      lines.push(
        "  not exercised (the run drove no calls from this client):",
        ...group.notExercised.map((rule) => staleLine(rule, p))
      );
    }
  }
  lines.push(
    ...briefSection(
      "not checked",
      drift.notChecked,
      (r) => `${show(r.client.name)} -> ${ruleTarget(r)} ${p.dim(`${show(r.file)}:${r.line}`)}: ${NOT_CHECKED_WHY[r.why]}`,
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
    `${plural(drift.summary.observed, "call")} observed, ${plural(drift.summary.declared, "rule")} declared.`
  );
  return `${lines.join("\n")}
`;
}

// src/run-export.ts
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";

// src/declare/authorization-policies.ts
var import_yaml = __toESM(require_dist(), 1);
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
    rule.to = [...draft.methodsByPath].map(([path4, methods]) => ({ operation: { paths: [path4], methods } }));
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
    const doc = new import_yaml.Document(manifest);
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

// src/run-export.ts
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
    const dir = path.resolve(settings.cwd, out);
    await mkdir(dir, { recursive: true });
    const files = renderIntentsDir(intents, render);
    for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text);
    io.writeError(`wrote ${Object.keys(files).length} ClientIntents file(s) to ${out}
`);
  } else if (out !== void 0) {
    const file = path.resolve(settings.cwd, out);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, renderIntentsFile(intents, render));
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

// src/run-policies.ts
import { mkdir as mkdir2, writeFile as writeFile2 } from "node:fs/promises";
import path2 from "node:path";
async function runPolicies(settings, declared, io) {
  const scope = new Set(settings.namespaces);
  const rules = declared.rules.filter((r) => scope.size === 0 || scope.has(r.client.namespace));
  const workloads = settings.workloads.length > 0 ? await readWorkloadManifests(settings.workloads, { cwd: settings.cwd }) : void 0;
  const text = renderAuthorizationPolicies(authorizationPolicies(rules, workloads ? { workloads } : {}));
  if (settings.output === void 0) {
    io.write(text);
  } else {
    const file = path2.resolve(settings.cwd, settings.output);
    await mkdir2(path2.dirname(file), { recursive: true });
    await writeFile2(file, text);
  }
  for (const w of declared.warnings) io.writeError(`warning: ${w}
`);
  return 0;
}

// src/version.ts
var VERSION = "0.1.0";

// src/cli.ts
async function main(argv, io) {
  try {
    const { command, settings } = parseCommandLine(argv, {
      cwd: io.cwd,
      colorDefault: colorByDefault(io)
    });
    if (command === "help") {
      io.write(usage());
      return 0;
    }
    if (command === "version") {
      io.write(`${VERSION}
`);
      return 0;
    }
    return await run(command, settings, io);
  } catch (err) {
    if (isInputError(err)) {
      io.writeError(`intent-drift: ${String(err)}
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
      io.write(renderList(observed, { namespaces: settings.namespaces }));
      for (const w of observed.warnings) io.writeError(`warning: ${w}
`);
      return 0;
    }
    case "capture": {
      if (settings.source === "metrics" || settings.source === "snapshot") {
        throw new InputError("capture reads a live source: --source sidecars, prometheus or mapper");
      }
      const observed = await observeWithProgress(settings, io);
      const { writeSnapshot } = await import("./chunks/snapshot-file-JMJELPWO.js");
      const file = path3.resolve(settings.cwd, settings.output ?? "");
      await mkdir3(path3.dirname(file), { recursive: true });
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
      const live = settings.live;
      const { resetMapperCapture } = await import("./chunks/mapper-source-HF42AD45.js");
      await resetMapperCapture({
        ...live.mapperUrl === void 0 ? {} : { url: live.mapperUrl },
        ...live.kubeconfig === void 0 ? {} : { kubeconfig: path3.resolve(settings.cwd, live.kubeconfig) },
        ...live.context === void 0 ? {} : { context: live.context }
      });
      io.writeError("the network mapper forgot what it had captured\n");
      return 0;
    }
    case "export":
      return runExport(settings, io);
    case "policies":
      return runPolicies(settings, await declare(settings), io);
    default:
      throw new InputError(`'${command}' is not available in this version yet`);
  }
}
async function runCheck(settings, io) {
  const progress = progressLine(io.writeError, io.stderrIsTTY === true);
  const result = await check(settings, progress.listener).finally(() => progress.finish());
  if (settings.writeBaselineFile !== void 0) {
    const n = await writeBaselineFile(settings.cwd, settings.writeBaselineFile, result.beforeBaseline);
    io.writeError(
      `wrote a baseline of ${n} drift entr${n === 1 ? "y" : "ies"} to ${settings.writeBaselineFile}
`
    );
  }
  const json = renderJsonReport(result.drift);
  if (settings.reportFile !== void 0) {
    const file = path3.resolve(settings.cwd, settings.reportFile);
    await mkdir3(path3.dirname(file), { recursive: true });
    await writeFile3(file, json);
  }
  if (settings.format === "json") io.write(json);
  else if (settings.format === "markdown") io.write(renderMarkdownReport(result.drift));
  else io.write(renderTextReport(result.drift, { color: settings.color }));
  return result.exitCode;
}
function colorByDefault(io) {
  if (io.env.NO_COLOR !== void 0 && io.env.NO_COLOR !== "") return false;
  if (io.env.FORCE_COLOR !== void 0 && io.env.FORCE_COLOR !== "0") return true;
  return io.stdoutIsTTY;
}

// src/cli-entry.ts
var code = await main(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdoutIsTTY: process.stdout.isTTY === true,
  stderrIsTTY: process.stderr.isTTY === true,
  write: (text) => process.stdout.write(text),
  writeError: (text) => process.stderr.write(text)
});
process.exitCode = code;
